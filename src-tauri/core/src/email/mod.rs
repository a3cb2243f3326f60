//! Sending a document by email through the volunteer's own mail program. PPG Desk never sends
//! anything itself: it works out who the document goes to (lists built from People: only those
//! who agreed to be emailed, and the screen says who was left out and why), fills in the
//! subject and covering message (a template per kind of document), writes the draft (the PDF
//! attached; large print for those who need it) and hands it over; it records what was
//! handed over (never the addresses).

pub mod eml;
pub mod handover;
pub mod lists;
#[cfg(windows)]
mod mapi;
pub mod own;
pub mod send;
mod sql;
pub mod templates;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::documents::DocumentKind;
use crate::error::{Error, Result};

pub use handover::Way;
pub use lists::{Audience, LeftOut, ListKey, OwnList, Recipient};
pub use own::{delete_list, mailing_lists, own_lists, save_list, ListInput, MailingLists};
pub use templates::{EmailDocument, Template};

/// One person on a list, as People holds them (for working out the lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPerson {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub contact_by_email: bool,
    pub consent_on: Option<String>,
    pub left_on: Option<String>,
    pub roles: Vec<String>,
    pub email_only: bool,
    pub large_print: bool,
    pub preferred_name: String,
    /// Whether they own an action still open (for "each action owner").
    pub owns_open_actions: bool,
    /// Their record as an active volunteer driver (for "each driver").
    pub driver_id: Option<i64>,
}

/// A message ready to hand over, for the panel to show before the volunteer presses the button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Prepared {
    pub audience: Audience,
    pub subject: String,
    pub message: String,
    /// How it will reach the mail program, and the words saying so.
    pub way: Way,
    pub way_words: String,
    /// "draft minutes", "published issue": what the record of sending says was sent.
    pub version: String,
}

/// What the volunteer confirmed in the panel.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EmailInput {
    pub list: ListKey,
    pub subject: String,
    pub message: String,
}

/// One draft: who it goes to, in which print size, and the message itself (RFC 5322).
pub struct Draft {
    pub large_print: bool,
    /// The addresses it goes to.
    pub to: Vec<String>,
    /// The subject and message as filled in for them.
    pub subject: String,
    pub message: String,
    pub bytes: Vec<u8>,
    /// The PDF attached.
    pub pdf: Vec<u8>,
}

/// One line of the record of what was handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Sent {
    pub document: EmailDocument,
    pub list_name: String,
    pub recipients: u32,
    pub version: String,
    pub sent_at: String,
}

/// The document and its meeting or issue, as the record of sending names them.
fn subject_of(kind: &DocumentKind) -> Result<(EmailDocument, Option<i64>, Option<i64>)> {
    let document = EmailDocument::of(kind).ok_or_else(|| {
        Error::Refused("This document cannot be emailed from PPG Desk; save it as a PDF instead.".into())
    })?;
    Ok(match kind {
        DocumentKind::Agenda { meeting_id } | DocumentKind::Minutes { meeting_id } => {
            (document, Some(*meeting_id), None)
        }
        DocumentKind::Bulletin { bulletin_id, .. } => (document, None, Some(*bulletin_id)),
        _ => (document, None, None),
    })
}

/// Checks what the volunteer typed: one message per wrong field.
pub fn checked(input: &EmailInput) -> Result<(String, String)> {
    let mut c = crate::check::Checker::new();
    let subject = c.text("subject", &input.subject, 200, Some("Please give the email a subject."));
    if subject.contains(['\r', '\n']) {
        c.fail("subject", "A subject is one line.");
    }
    let message = c.text("message", &input.message, 5000, None);
    c.finish()?;
    Ok((subject, message))
}

pub use sql::{sent_for_bulletin, sent_for_meeting};

/// One kind of document's wording, as the Settings page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Wording {
    pub document: EmailDocument,
    pub template: Template,
    /// Whether the secretary changed PPG Desk's own words.
    pub changed: bool,
}

/// Every kind of document's wording.
pub fn wordings(conn: &rusqlite::Connection) -> Result<Vec<Wording>> {
    EmailDocument::ALL
        .into_iter()
        .map(|document| {
            Ok(match sql::template(conn, document)? {
                Some(template) => Wording { document, template, changed: true },
                None => Wording { document, template: templates::default_for(document), changed: false },
            })
        })
        .collect()
}

/// Saves the secretary's wording for `document` (checked as the panel checks a message).
pub fn save_wording(conn: &rusqlite::Connection, document: EmailDocument, template: &Template) -> Result<()> {
    let (subject, message) = checked(&EmailInput {
        list: ListKey::Committee,
        subject: template.subject.clone(),
        message: template.message.clone(),
    })?;
    sql::save_template(conn, document, &Template { subject, message })
}

/// Goes back to PPG Desk's own words for `document`.
pub fn reset_wording(conn: &rusqlite::Connection, document: EmailDocument) -> Result<()> {
    sql::forget_template(conn, document)
}

/// The audience of `kind`: one owner's reminders (one driver's trip sheet) go, to "each
/// action owner" ("each driver"), to them only.
pub fn narrowed(kind: &DocumentKind, mut audience: Audience) -> Audience {
    match (kind, audience.list) {
        (DocumentKind::Reminders { owner_id: Some(owner) }, ListKey::ActionOwners) => {
            audience.recipients.retain(|r| r.person_id == *owner);
            audience.left_out.retain(|l| l.person_id == *owner);
        }
        (DocumentKind::TripSheet { driver_id, .. }, ListKey::Drivers) => {
            audience.recipients.retain(|r| r.driver_id == Some(*driver_id));
            audience.left_out.retain(|l| l.driver_id == Some(*driver_id));
        }
        _ => {}
    }
    audience
}

/// "Each action owner" is for the action reminders, "each driver" for the rota and the trip
/// sheets: each person gets a sheet of their own.
pub fn only_reminders_to_each_owner(kind: &DocumentKind, list: ListKey) -> Result<()> {
    if list == ListKey::ActionOwners && !matches!(kind, DocumentKind::Reminders { .. }) {
        return Err(Error::invalid(
            "list",
            "\"Each action owner\" is for the action reminders. Please choose another list.",
        ));
    }
    if list == ListKey::Drivers && !matches!(kind, DocumentKind::Rota { .. } | DocumentKind::TripSheet { .. }) {
        return Err(Error::invalid(
            "list",
            "\"Each driver\" is for the rota and the trip sheets. Please choose another list.",
        ));
    }
    Ok(())
}

/// The people `list` reaches today, the template of `kind` filled in, and how it will go.
pub fn prepare(
    conn: &rusqlite::Connection,
    kind: &DocumentKind,
    list: ListKey,
    today: chrono::NaiveDate,
) -> Result<Prepared> {
    let (document, _, _) = subject_of(kind)?;
    only_reminders_to_each_owner(kind, list)?;
    let people = sql::people(conn)?;
    let audience = narrowed(kind, lists::audience(&people, &sql::own_lists(conn)?, list, today)?);
    let template = sql::template(conn, document)?.unwrap_or_else(|| templates::default_for(document));
    let facts = templates::facts(conn, kind)?;
    let way = handover::way_here();
    Ok(Prepared {
        subject: templates::fill(&template.subject, &facts.words),
        message: templates::fill(&template.message, &facts.words),
        way_words: handover::words(way, audience.recipients.iter().any(|r| r.large_print)),
        version: facts.version,
        audience,
        way,
    })
}

/// The drafts for `kind` to `audience`: one in standard print and, for those who need it, one
/// in large print; for "each action owner", one per owner with only their actions, greeted by
/// name (`{name}`). `pdf` renders a document in a print size.
pub fn drafts(
    kind: &DocumentKind,
    audience: &Audience,
    subject: &str,
    message: &str,
    now: chrono::NaiveDateTime,
    pdf: impl Fn(&DocumentKind, crate::print::Profile) -> Result<Vec<u8>>,
) -> Result<Vec<Draft>> {
    if audience.recipients.is_empty() {
        return Err(Error::Refused(
            "Nobody on this list has agreed to be emailed, so there is nobody to send it to.".into(),
        ));
    }
    let week = match kind {
        DocumentKind::Rota { week } | DocumentKind::TripSheet { week, .. } => week.clone(),
        _ => String::new(),
    };
    let each = |r: &Recipient| match audience.list {
        ListKey::ActionOwners => Some(DocumentKind::Reminders { owner_id: Some(r.person_id) }),
        ListKey::Drivers => r.driver_id.map(|driver_id| DocumentKind::TripSheet { driver_id, week: week.clone() }),
        _ => None,
    };
    let groups: Vec<(DocumentKind, bool, Vec<&Recipient>)> =
        if matches!(audience.list, ListKey::ActionOwners | ListKey::Drivers) {
            audience.recipients.iter().filter_map(|r| Some((each(r)?, r.large_print, vec![r]))).collect()
        } else {
            [false, true]
                .into_iter()
                .map(|large| {
                    (kind.clone(), large, audience.recipients.iter().filter(|r| r.large_print == large).collect())
                })
                .filter(|(_, _, group): &(_, _, Vec<&Recipient>)| !group.is_empty())
                .collect()
        };
    let mut out = Vec::new();
    for (kind, large_print, group) in groups {
        let profile = if large_print { crate::print::Profile::LargePrint } else { crate::print::Profile::Standard };
        let file = crate::documents::file_name(&kind, profile, now.date());
        let pdf = pdf(&kind, profile)?;
        let greeting = if group.len() == 1 { group[0].greeting.clone() } else { "all".into() };
        let words = std::collections::BTreeMap::from([("name", greeting)]);
        let (filled_subject, filled_message) = (templates::fill(subject, &words), templates::fill(message, &words));
        let bytes = eml::draft(&eml::Message {
            recipients: group.iter().map(|r| (r.name.as_str(), r.email.as_str())).collect(),
            bcc: audience.bcc,
            subject: &filled_subject,
            message: &filled_message,
            attachment: (&file, &pdf),
            at: now.and_utc().timestamp(),
        })?;
        let to = group.iter().map(|r| r.email.clone()).collect();
        out.push(Draft { large_print, to, bytes, pdf, subject: filled_subject, message: filled_message });
    }
    Ok(out)
}

/// Records that `kind` went to `recipients` people on the list called `list`, and how.
pub fn record(
    tx: &rusqlite::Transaction,
    kind: &DocumentKind,
    list: &str,
    recipients: usize,
    version: &str,
    way: Way,
    now: &str,
) -> Result<()> {
    let (document, meeting, bulletin) = subject_of(kind)?;
    sql::log(tx, document, meeting, bulletin, list, recipients, version, way, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One owner's reminders to "each action owner": the panel still names that owner when
    /// they cannot be emailed, and nobody else.
    #[test]
    fn a_list_narrowed_to_one_owner_keeps_them_among_those_left_out() {
        let left = |id: i64| LeftOut {
            name: format!("Person {id}"),
            why: "no email address".into(),
            person_id: id,
            driver_id: None,
        };
        let audience = Audience {
            list: ListKey::ActionOwners,
            name: ListKey::ActionOwners.name(&[]),
            recipients: Vec::new(),
            left_out: vec![left(1), left(2)],
            bcc: false,
        };
        let one = narrowed(&DocumentKind::Reminders { owner_id: Some(2) }, audience.clone());
        assert_eq!(one.left_out, vec![left(2)]);
        let whole = narrowed(&DocumentKind::Reminders { owner_id: None }, audience);
        assert_eq!(whole.left_out.len(), 2, "all owners' reminders keep everyone");
    }
}
