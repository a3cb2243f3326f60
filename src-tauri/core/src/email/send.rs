//! Writing the drafts of one email and handing them over, for the window and the command
//! line alike. The drafts and PDFs go into the data folder's `exports/` (private, emptied on
//! start, on closing and after an erasure), under names that say what and when, never who.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use super::{checked, drafts, handover, lists, sql, templates, Draft, EmailInput, Way};
use crate::documents::DocumentKind;
use crate::error::Result;
use crate::print::Profile;
use crate::state::AppState;

/// The drafts of `kind` for `input`, with who they reach and the document's version.
pub fn make(
    state: &AppState,
    kind: &DocumentKind,
    input: &EmailInput,
) -> Result<(lists::Audience, String, Vec<Draft>)> {
    let (subject, message) = checked(input)?;
    super::only_reminders_to_each_owner(kind, input.list)?;
    let today = state.today();
    let (audience, version) = state.read(|conn| {
        let people = sql::people(conn)?;
        let audience = lists::audience(&people, &sql::own_lists(conn)?, input.list, today)?;
        Ok((super::narrowed(kind, audience), templates::facts(conn, kind)?.version))
    })?;
    let now = state.now();
    let made = drafts(kind, &audience, &subject, &message, now, |kind, profile| {
        crate::documents::render(state, kind, profile, now)
    })?;
    Ok((audience, version, made))
}

/// What a hand-over did, for the panel to say and (for a draft file) open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandedOver {
    pub way: Way,
    pub recipients: u32,
    /// The drafts to open with the system's mail program (the draft-file way).
    pub drafts: Vec<String>,
    /// The PDFs, to show in their folder (webmail).
    pub pdfs: Vec<String>,
    /// Every address, one per line, to copy into a webmail message.
    pub addresses: String,
    pub said: String,
}

/// The file of draft `n` (its print size in the name, and its number when one goes to each
/// action owner: never a name).
fn file(state: &AppState, kind: &DocumentKind, large_print: bool, n: usize, extension: &str) -> Result<PathBuf> {
    let dir = state.paths().exports_dir();
    crate::db::create_private_dir(&dir)?;
    let profile = if large_print { Profile::LargePrint } else { Profile::Standard };
    let pdf = crate::documents::file_name(kind, profile, state.today());
    let stem = pdf.trim_end_matches(".pdf");
    let name = match extension {
        "pdf" => format!("{stem}-{}.pdf", n + 1),
        _ => format!("{}-{}.{extension}", stem.replacen("ppg-", "ppg-email-", 1), n + 1),
    };
    Ok(dir.join(name))
}

/// Writes the drafts, hands them over the way this computer allows, and records it.
pub fn hand_over(state: &AppState, kind: &DocumentKind, input: &EmailInput) -> Result<HandedOver> {
    let (audience, version, made) = make(state, kind, input)?;
    let mut way = handover::way_here();
    let mut out = HandedOver {
        way,
        recipients: audience.recipients.len() as u32,
        drafts: Vec::new(),
        pdfs: Vec::new(),
        addresses: audience.recipients.iter().map(|r| r.email.as_str()).collect::<Vec<_>>().join("\n"),
        said: String::new(),
    };
    for (n, draft) in made.iter().enumerate() {
        let eml = file(state, kind, draft.large_print, n, "eml")?;
        crate::files::write_atomically(&eml, &draft.bytes)?;
        crate::db::make_private(&eml);
        let pdf = file(state, kind, draft.large_print, n, "pdf")?;
        crate::files::write_atomically(&pdf, &draft.pdf)?;
        crate::db::make_private(&pdf);
        if way == Way::MailProgram {
            let to: Vec<&str> = draft.to.iter().map(String::as_str).collect();
            if !handover::to_mail_program(&to, audience.bcc, &draft.subject, &draft.message, &pdf)? {
                // The mail program did not take it: the draft file is opened instead.
                way = Way::DraftFile;
            }
        }
        out.drafts.push(eml.to_string_lossy().into_owned());
        out.pdfs.push(pdf.to_string_lossy().into_owned());
    }
    let stamp = state.stamp();
    state.write(|tx| super::record(tx, kind, &audience.name, audience.recipients.len(), &version, way, &stamp))?;
    let people = if out.recipients == 1 { "1 person".to_string() } else { format!("{} people", out.recipients) };
    out.way = way;
    out.said = match way {
        Way::Webmail => format!("Ready for {people}: copy the addresses, then attach the PDF from its folder."),
        _ => format!("Handed to your mail program for {people}. Check the message, then press Send there."),
    };
    Ok(out)
}

/// `path`, when it is a file PPG Desk wrote for emailing (to show in its folder for webmail);
/// anything else is refused, so the window cannot be asked to reveal other files.
pub fn written_for_email(state: &AppState, path: &str) -> Result<PathBuf> {
    let path = PathBuf::from(path);
    if path.parent() != Some(state.paths().exports_dir().as_path()) {
        return Err(crate::error::Error::Refused("PPG Desk only shows the files it wrote for emailing.".into()));
    }
    Ok(path)
}
