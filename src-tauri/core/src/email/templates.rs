//! The subject and covering message of each kind of document: PPG Desk's own words, or the
//! secretary's (Settings), with `{date}`, `{time}` and the like filled in from the document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::documents::DocumentKind;
use crate::error::Result;

/// The kinds of document that can be emailed (each with its own template).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum EmailDocument {
    Agenda,
    Minutes,
    Bulletin,
    Reminders,
    Directory,
    Members,
    Rota,
    TripSheet,
}

impl EmailDocument {
    pub const ALL: [EmailDocument; 8] = [
        EmailDocument::Agenda,
        EmailDocument::Minutes,
        EmailDocument::Bulletin,
        EmailDocument::Reminders,
        EmailDocument::Directory,
        EmailDocument::Members,
        EmailDocument::Rota,
        EmailDocument::TripSheet,
    ];

    /// The word stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            EmailDocument::Agenda => "agenda",
            EmailDocument::Minutes => "minutes",
            EmailDocument::Bulletin => "bulletin",
            EmailDocument::Reminders => "reminders",
            EmailDocument::Directory => "directory",
            EmailDocument::Members => "members",
            EmailDocument::Rota => "rota",
            EmailDocument::TripSheet => "trip_sheet",
        }
    }

    pub fn from_key(key: &str) -> Option<EmailDocument> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The document kind's template, if it can be emailed.
    pub fn of(kind: &DocumentKind) -> Option<EmailDocument> {
        Some(match kind {
            DocumentKind::Agenda { .. } => EmailDocument::Agenda,
            DocumentKind::Minutes { .. } => EmailDocument::Minutes,
            DocumentKind::Bulletin { .. } => EmailDocument::Bulletin,
            DocumentKind::Reminders { .. } => EmailDocument::Reminders,
            DocumentKind::Directory { .. } => EmailDocument::Directory,
            DocumentKind::Members => EmailDocument::Members,
            DocumentKind::Rota { .. } => EmailDocument::Rota,
            DocumentKind::TripSheet { .. } => EmailDocument::TripSheet,
            _ => return None,
        })
    }
}

/// A subject and covering message, with `{placeholders}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Template {
    pub subject: String,
    pub message: String,
}

/// PPG Desk's own words for each kind of document.
pub fn default_for(document: EmailDocument) -> Template {
    let (subject, message) = match document {
        EmailDocument::Agenda => (
            "Agenda for the {meeting} on {date} at {time}",
            "Dear all,\n\nPlease find attached the agenda for the {meeting} on {date} at {time}, at {venue}.\n\nIf you cannot come, please let me know.\n\nWith best wishes,\n{group}",
        ),
        EmailDocument::Minutes => (
            "{version} minutes of the {meeting} on {date}",
            "Dear all,\n\nPlease find attached the {version_lower} minutes of the {meeting} held on {date}.\n\nWith best wishes,\n{group}",
        ),
        EmailDocument::Bulletin => (
            "{group} bulletin: {title} (issue {issue})",
            "Dear all,\n\nPlease find attached issue {issue} of our bulletin, for {month}. Do pass it on to anyone who might like it.\n\nWith best wishes,\n{group}",
        ),
        EmailDocument::Reminders => (
            "Your actions from the {group}",
            "Dear {name},\n\nAttached are the actions still open, with their due dates. Please let the secretary know how they are going.\n\nWith thanks,\n{group}",
        ),
        EmailDocument::Directory => (
            "The community directory from the {group}",
            "Dear all,\n\nPlease find attached our directory of local groups and services.\n\nWith best wishes,\n{group}",
        ),
        EmailDocument::Rota => (
            "The driver rota for the week of {week}",
            "Dear {name},\n\nPlease find attached the driver rota for the week of {week}. If you cannot do a trip, please tell the coordinator as soon as you can.\n\nWith thanks,\n{group}",
        ),
        EmailDocument::TripSheet => (
            "Your trips for the week of {week}",
            "Dear {name},\n\nPlease find attached your trips for the week of {week}, with where to collect each passenger. Please keep it private and delete it afterwards.\n\nWith thanks,\n{group}",
        ),
        EmailDocument::Members => (
            "The {group} contact list",
            "Dear all,\n\nPlease find attached the contact list. Please keep it private.\n\nWith best wishes,\n{group}",
        ),
    };
    Template { subject: subject.into(), message: message.into() }
}

/// What a template can name, read from the document.
pub struct Facts {
    pub words: BTreeMap<&'static str, String>,
    pub version: String,
}

/// The facts of `kind`: the group's name, the meeting's date and time, the issue's number.
pub fn facts(conn: &rusqlite::Connection, kind: &DocumentKind) -> Result<Facts> {
    let mut words = BTreeMap::new();
    let group = crate::settings::load(conn)?.map(|s| s.group_name).unwrap_or_else(|| "PPG".into());
    words.insert("group", group);
    let mut version = String::new();
    match kind {
        DocumentKind::Agenda { meeting_id } | DocumentKind::Minutes { meeting_id } => {
            let meeting = crate::meetings::get(conn, *meeting_id)?;
            words.insert("meeting", meeting.kind.label().to_lowercase());
            words.insert("date", crate::words::long_date(&meeting.meets_on));
            words.insert("time", crate::words::spoken_time(&meeting.starts_at));
            words.insert("venue", meeting.venue.clone());
            let approved = meeting.status == crate::meetings::MeetingStatus::MinutesApproved;
            let said = if approved { "Approved" } else { "Draft" };
            words.insert("version", said.into());
            words.insert("version_lower", said.to_lowercase());
            version = match kind {
                DocumentKind::Agenda { .. } => "agenda".into(),
                _ => format!("{} minutes", said.to_lowercase()),
            };
        }
        DocumentKind::Bulletin { bulletin_id, .. } => {
            let issue = crate::bulletins::get(conn, *bulletin_id)?;
            words.insert("issue", issue.number.to_string());
            words.insert("title", issue.title.clone());
            words.insert("month", crate::words::month_name(&issue.month));
            version = if issue.published_on.is_some() { "published issue".into() } else { "draft issue".into() };
        }
        DocumentKind::Rota { week } | DocumentKind::TripSheet { week, .. } => {
            let monday = crate::calendar::parse_week(week)?;
            words.insert("week", crate::words::long_date(&monday.to_string()));
        }
        _ => {}
    }
    Ok(Facts { words, version })
}

/// `text` with each `{name}` it knows replaced; anything else (an unknown name, a lone brace)
/// is left as written.
pub fn fill(text: &str, words: &BTreeMap<&'static str, String>) -> String {
    let mut out = text.to_string();
    for (name, value) in words {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_template_is_filled_in_and_unknown_names_stay_as_written() {
        let words = BTreeMap::from([("date", "Tuesday 9 December 2025".to_string()), ("time", "6.30pm".into())]);
        assert_eq!(
            fill("Agenda for {date} at {time} ({room})", &words),
            "Agenda for Tuesday 9 December 2025 at 6.30pm ({room})"
        );
    }

    proptest! {
        /// Whatever a secretary types as a template, filling it in never fails or loses text
        /// that names nothing.
        #[test]
        fn any_template_fills_without_failing(text in "\\PC{0,300}", value in "\\PC{0,40}") {
            let words = BTreeMap::from([("group", value.clone())]);
            let filled = fill(&text, &words);
            if !text.contains("{group}") {
                prop_assert_eq!(filled, text);
            }
        }
    }
}
