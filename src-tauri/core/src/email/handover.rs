//! Handing a draft to the volunteer's own mail program, the way their system allows:
//! - Linux with a mail program registered for `mailto:`: `xdg-email`, which opens a new
//!   message with the PDF attached (Thunderbird and Evolution take attachments this way);
//! - Windows with a mail program registered for Simple MAPI (Outlook, Thunderbird):
//!   `MAPISendMailW` (see `mapi.rs`);
//! - otherwise, where a program opens `.eml` files (a Mac, or a mail program that does not
//!   answer either of those): the draft file itself, opened by the system (`X-Unsent: 1`
//!   makes it a new message);
//! - webmail (Gmail or Outlook.com in a browser), which no program can hand an attachment to:
//!   the addresses to copy and the PDF shown in its folder, with two sentences saying how.

use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[cfg(windows)]
use crate::error::Error;
use crate::error::Result;

/// How a message reaches the mail program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Way {
    MailProgram,
    DraftFile,
    Webmail,
}

impl Way {
    /// The word stored in the record of sending.
    pub fn key(self) -> &'static str {
        match self {
            Way::MailProgram => "mail_program",
            Way::DraftFile => "draft_file",
            Way::Webmail => "webmail",
        }
    }
}

/// What `xdg-mime` says handles `what` here ("" when nothing does, or on another system).
fn handler(what: &str) -> String {
    Command::new("xdg-mime")
        .args(["query", "default", what])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

/// The way this computer allows.
pub fn way_here() -> Way {
    if cfg!(target_os = "linux") {
        let has_xdg_email = Command::new("xdg-email").arg("--version").output().is_ok_and(|o| o.status.success());
        if has_xdg_email && !handler("x-scheme-handler/mailto").is_empty() {
            Way::MailProgram
        } else if !handler("message/rfc822").is_empty() {
            Way::DraftFile
        } else {
            Way::Webmail
        }
    } else if registered_for_mapi() {
        Way::MailProgram
    } else {
        Way::DraftFile
    }
}

#[cfg(windows)]
fn registered_for_mapi() -> bool {
    super::mapi::mail_program().is_some()
}

#[cfg(not(windows))]
fn registered_for_mapi() -> bool {
    false
}

/// What the panel says before the button is pressed.
pub fn words(way: Way, two_sizes: bool) -> String {
    let two = if two_sizes {
        " There will be two messages: one with the large-print version for those who need it."
    } else {
        ""
    };
    match way {
        Way::MailProgram => format!("PPG Desk will open a new message in your mail program with the PDF attached. Check it, then press Send there.{two}"),
        Way::DraftFile => format!("PPG Desk will open the message in your mail program (such as Outlook or Thunderbird) with the PDF attached. Check it, then press Send there.{two}"),
        Way::Webmail => format!("No mail program is set up on this computer, so if you use email in a web browser (such as Gmail or Outlook.com): copy the addresses below into a new message, then attach the PDF from the folder PPG Desk shows you.{two}"),
    }
}

/// Asks the mail program (`xdg-email` on Linux, Simple MAPI on Windows) to open a new message
/// to `recipients` (in Bcc when `bcc`) with `pdf` attached. Nothing is sent: the volunteer
/// presses Send in their mail program. `Ok(false)` when no mail program took it (the draft
/// file is opened instead); an error when the volunteer closed it without sending.
pub fn to_mail_program(recipients: &[&str], bcc: bool, subject: &str, message: &str, pdf: &Path) -> Result<bool> {
    if cfg!(windows) {
        return by_mapi(recipients, bcc, subject, message, pdf);
    }
    let mut command = Command::new("xdg-email");
    command.args(["--utf8", "--subject", subject, "--body", message, "--attach"]).arg(pdf);
    for address in recipients {
        if bcc {
            command.args(["--bcc", address]);
        }
    }
    if !bcc {
        command.args(recipients);
    }
    Ok(command.status().is_ok_and(|s| s.success()))
}

#[cfg(windows)]
fn by_mapi(recipients: &[&str], bcc: bool, subject: &str, message: &str, pdf: &Path) -> Result<bool> {
    use super::mapi::{send, Outcome};
    let name = pdf.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match send(recipients, bcc, subject, message, pdf, &name) {
        Outcome::Opened => Ok(true),
        Outcome::NotTaken => Ok(false),
        Outcome::Cancelled => Err(Error::Refused(
            "You closed the message without sending it, so PPG Desk has not recorded it as sent.".into(),
        )),
    }
}

#[cfg(not(windows))]
fn by_mapi(_: &[&str], _: bool, _: &str, _: &str, _: &Path) -> Result<bool> {
    Ok(false)
}
