//! A draft email as a file (RFC 5322, the PDF as a MIME attachment), written by `mail-builder`:
//! names and subjects in any language are encoded as the standard says, long lines folded.
//! `X-Unsent: 1` makes Outlook open it as a new message, ready to send. No From: the mail
//! program fills in its own account.

use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;
use mail_builder::MessageBuilder;

use crate::error::{Error, Result};

/// What goes into one draft.
pub struct Message<'a> {
    /// Each recipient's name and address.
    pub recipients: Vec<(&'a str, &'a str)>,
    /// Addresses in Bcc (members never see each other's), or in To (the committee).
    pub bcc: bool,
    pub subject: &'a str,
    pub message: &'a str,
    /// The attachment's file name and bytes (a PDF).
    pub attachment: (&'a str, &'a [u8]),
    /// When it was written (seconds since 1970, UTC).
    pub at: i64,
}

/// The draft's bytes.
pub fn draft(m: &Message) -> Result<Vec<u8>> {
    let people: Vec<Address> =
        m.recipients.iter().map(|(name, email)| Address::new_address(Some(*name), *email)).collect();
    let list = Address::new_list(people);
    let id = format!("{}@ppg-desk.invalid", uuid::Uuid::new_v4().simple());
    let builder = MessageBuilder::new()
        .message_id(id)
        .header("X-Unsent", Raw::new("1"))
        .subject(m.subject)
        .date(m.at)
        .text_body(m.message)
        .attachment("application/pdf", m.attachment.0, m.attachment.1);
    let builder = if m.bcc { builder.bcc(list) } else { builder.to(list) };
    builder.write_to_vec().map_err(|_| Error::File("The email draft could not be written.".into()))
}
