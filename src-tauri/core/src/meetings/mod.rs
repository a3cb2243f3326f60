//! Meetings: committee meetings, AGMs, extraordinary meetings and open patient forums, with
//! their agendas built from the template. Rules here; SQL in `sql.rs` and `record_sql.rs`;
//! the agenda and minutes text in `agenda.rs`; attendance, decisions, actions and approval in
//! `record.rs`; when the next meeting falls in `schedule.rs`; the status cycle in `status.rs`;
//! calendar invites in `ics.rs`.

pub mod agenda;
pub mod ics;
pub mod record;
mod record_sql;
pub mod schedule;
mod sql;
pub mod status;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::{parse_time, Checker};
use crate::error::Result;
use crate::people::Role;
use crate::settings::IntervalUnit;
pub use agenda::{AgendaItemInput, CheckedItem, MeetingDetail};
use rusqlite::Connection;
pub use sql::{get, items, list, open_actions, previous_before, template};
pub(crate) use sql::{update_item_minutes, update_status};
pub use status::MeetingStatus;

keyed_enum!(
    /// What sort of meeting it is.
    MeetingKind {
        Committee = "committee": "Committee meeting",
        Agm = "agm": "Annual general meeting",
        Extraordinary = "extraordinary": "Extraordinary meeting",
        OpenForum = "open_forum": "Open patient forum",
    }
);

keyed_enum!(
    /// Why an item is on the agenda.
    Purpose {
        Information = "information": "For information",
        Discussion = "discussion": "For discussion",
        Decision = "decision": "For decision",
    }
);

keyed_enum!(
    /// Standing items that fill themselves from the previous meeting.
    Standing {
        PreviousMinutes = "previous_minutes": "Minutes of the last meeting",
        MattersArising = "matters_arising": "Matters arising",
    }
);

/// A meeting as saved. Dates are ISO; times are local "HH:MM".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Meeting {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: MeetingKind,
    pub meets_on: String,
    pub starts_at: String,
    pub ends_at: Option<String>,
    pub venue: String,
    pub online_link: String,
    #[ts(type = "number | null")]
    pub chair_id: Option<i64>,
    #[ts(type = "number | null")]
    pub minute_taker_id: Option<i64>,
    pub status: MeetingStatus,
    pub approved_on: Option<String>,
    /// The meeting at which these minutes were approved, and the corrections made then.
    #[ts(type = "number | null")]
    pub approved_at_meeting_id: Option<i64>,
    pub approval_corrections: String,
}

/// A meeting as typed into the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub meets_on: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub online_link: String,
    #[ts(type = "number | null")]
    pub chair_id: Option<i64>,
    #[ts(type = "number | null")]
    pub minute_taker_id: Option<i64>,
}

/// A meeting that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedMeeting {
    pub kind: MeetingKind,
    pub meets_on: NaiveDate,
    pub starts_at: String,
    pub ends_at: Option<String>,
    pub venue: String,
    pub online_link: String,
    pub chair_id: Option<i64>,
    pub minute_taker_id: Option<i64>,
}

impl MeetingInput {
    pub fn checked(&self) -> Result<CheckedMeeting> {
        let mut c = Checker::new();
        let meets_on = c.date("meetsOn", &self.meets_on);
        if meets_on.is_none() && !c.has_error("meetsOn") {
            c.fail("meetsOn", "Please enter the date of the meeting.");
        }
        let mut time = |field: &str, text: &str, required: bool| -> Option<String> {
            if text.trim().is_empty() {
                if required {
                    c.fail(field, "Please enter the time the meeting starts, for example 18:30.");
                }
                return None;
            }
            parse_time(text).map_err(|message| c.fail(field, message)).ok()
        };
        let starts_at = time("startsAt", &self.starts_at, true);
        let ends_at = time("endsAt", &self.ends_at, false);
        if let (Some(start), Some(end)) = (&starts_at, &ends_at) {
            if end <= start {
                c.fail("endsAt", "The meeting must end after it starts.");
            }
        }
        let venue = c.text("venue", &self.venue, 300, None);
        let online_link = c.text("onlineLink", &self.online_link, 500, None);
        if venue.is_empty() && online_link.is_empty() {
            c.fail("venue", "Please say where the meeting is, or give the link to join online (or both).");
        }
        c.finish()?;
        Ok(CheckedMeeting {
            kind: self.kind,
            meets_on: meets_on.expect("checked above"),
            starts_at: starts_at.expect("checked above"),
            ends_at,
            venue,
            online_link,
            chair_id: self.chair_id,
            minute_taker_id: self.minute_taker_id,
        })
    }
}

/// One item on a meeting's agenda, with what the minute-taker wrote under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    #[ts(type = "number")]
    pub id: i64,
    pub position: u32,
    pub title: String,
    pub presenter: String,
    pub minutes_allowed: Option<u32>,
    pub purpose: Purpose,
    pub notes_for_members: String,
    pub standing: Option<Standing>,
    pub minutes: String,
    #[ts(type = "number | null")]
    pub requested_by_id: Option<i64>,
    pub requested_by_name: Option<String>,
}

/// A line of the agenda template kept in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TemplateItem {
    pub title: String,
    pub purpose: Purpose,
    pub standing: Option<Standing>,
}

/// Checks and saves the standing items new agendas start from.
pub fn save_template(conn: &Connection, items: &[TemplateItem]) -> Result<()> {
    let mut c = Checker::new();
    let mut tidied = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let title =
            c.text(&format!("template-{n}"), &item.title, 200, Some("Please give this item a title, or remove it."));
        tidied.push(TemplateItem { title, ..item.clone() });
    }
    if items.is_empty() {
        c.fail("template", "Please keep at least one standing item.");
    }
    let mut standing: Vec<Standing> = items.iter().filter_map(|i| i.standing).collect();
    let before = standing.len();
    standing.dedup();
    if standing.len() != before {
        c.fail("template", "Each item that fills itself from the last meeting can appear only once.");
    }
    c.finish()?;
    sql::save_template(conn, &tidied)
}

/// What a standing item says for members, filled from the previous meeting.
pub fn standing_note(standing: Standing, previous: Option<&Meeting>, open_actions: usize) -> String {
    let when = |m: &Meeting| {
        NaiveDate::parse_from_str(&m.meets_on, "%Y-%m-%d")
            .map(|d| d.format("%-d %B %Y").to_string())
            .unwrap_or_default()
    };
    match (standing, previous) {
        (Standing::PreviousMinutes, Some(m)) => format!(
            "To approve the minutes of the {} held on {} as a true record.",
            m.kind.label().to_lowercase(),
            when(m)
        ),
        (Standing::PreviousMinutes, None) => "There is no earlier meeting in PPG Desk.".into(),
        (Standing::MattersArising, _) if open_actions == 0 => "No actions are open.".into(),
        (Standing::MattersArising, _) => format!(
            "{open_actions} open {} from earlier meetings, listed at the end of this agenda.",
            if open_actions == 1 { "action" } else { "actions" }
        ),
    }
}

/// An annual general meeting's own agenda: reports, the annual report, the accounts, the
/// elections and the review of the terms of reference.
fn agm_items() -> Vec<TemplateItem> {
    [
        ("Welcome and apologies", Purpose::Information),
        ("Minutes of the last annual general meeting", Purpose::Decision),
        ("Chair's report", Purpose::Information),
        ("The annual report", Purpose::Information),
        ("Treasurer's report and accounts", Purpose::Decision),
        ("Election of officers", Purpose::Decision),
        ("Review of the terms of reference", Purpose::Decision),
        ("Any other business", Purpose::Discussion),
    ]
    .into_iter()
    .map(|(title, purpose)| TemplateItem { title: title.into(), purpose, standing: None })
    .collect()
}

/// Adds a meeting with its agenda built from the template (an AGM from its own); the standing items say what the
/// previous meeting was and how many actions are open.
pub fn create(conn: &Connection, meeting: &CheckedMeeting, now: &str) -> Result<i64> {
    let previous = sql::previous_before(conn, meeting.meets_on)?;
    let open_actions = sql::count_open_actions(conn)?;
    let id = sql::insert(conn, meeting, now)?;
    let items = if meeting.kind == MeetingKind::Agm { agm_items() } else { sql::template(conn)? };
    for (position, item) in items.iter().enumerate() {
        let notes = item.standing.map(|s| standing_note(s, previous.as_ref(), open_actions)).unwrap_or_default();
        sql::insert_item(conn, id, position as u32, item, &notes)?;
    }
    Ok(id)
}

/// Schedules the meeting after `id`: same kind, times, place and people, on the date the
/// PPG's usual interval gives; its agenda is built afresh from the template.
pub fn schedule_next(conn: &Connection, id: i64, every: u32, unit: IntervalUnit, now: &str) -> Result<i64> {
    let from = sql::get(conn, id)?;
    let date = NaiveDate::parse_from_str(&from.meets_on, "%Y-%m-%d")
        .ok()
        .and_then(|d| schedule::next_meeting_date(d, every, unit));
    let meets_on = date.ok_or_else(|| {
        crate::error::Error::Refused(
            "The next meeting's date could not be worked out; please enter it yourself.".into(),
        )
    })?;
    let next = CheckedMeeting {
        kind: from.kind,
        meets_on,
        starts_at: from.starts_at,
        ends_at: from.ends_at,
        venue: from.venue,
        online_link: from.online_link,
        chair_id: from.chair_id,
        minute_taker_id: from.minute_taker_id,
    };
    create(conn, &next, now)
}

/// Changes a meeting's details (kind, date, times, place, chair, minute-taker) until its
/// minutes are approved.
pub fn update(conn: &Connection, id: i64, meeting: &CheckedMeeting, now: &str) -> Result<()> {
    status::check_minutes_editable(sql::get(conn, id)?.status)?;
    sql::update(conn, id, meeting, now)
}

/// Moves a meeting to `to` if the cycle allows it; approving records today's date.
pub fn set_status(conn: &Connection, id: i64, to: MeetingStatus, today: NaiveDate, now: &str) -> Result<()> {
    let meeting = sql::get(conn, id)?;
    let meets_on = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d").unwrap_or(today);
    status::check_transition(meeting.status, to, meets_on, today)?;
    if to == MeetingStatus::MinutesApproved {
        // Approved without a later meeting in PPG Desk (say, an AGM's minutes a year on).
        return record_sql::approve(conn, id, today.max(meets_on), None, "", now);
    }
    sql::update_status(conn, id, to, None, now)
}

#[cfg(test)]
mod tests;

// The rows of a meeting's record (attendance, decisions, amendments), here so `record_sql.rs`
// imports only types and never the rules that use them.

keyed_enum!(
    /// How someone was recorded at a meeting.
    AttendanceStatus {
        Present = "present": "Present",
        Apologies = "apologies": "Apologies",
        Absent = "absent": "Absent",
        InAttendance = "in_attendance": "In attendance",
    }
);

/// One line of the attendance sheet: a committee member, or someone recorded as attending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttendanceLine {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub roles: Vec<Role>,
    /// On the committee on the day (counted for the quorum).
    pub committee: bool,
    /// None until the secretary records it.
    pub status: Option<AttendanceStatus>,
}

/// A decision recorded under an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Decision {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub agenda_item_id: i64,
    pub text: String,
    #[ts(type = "number | null")]
    pub proposer_id: Option<i64>,
    pub proposer_name: Option<String>,
    #[ts(type = "number | null")]
    pub seconder_id: Option<i64>,
    pub seconder_name: Option<String>,
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
    pub abstentions: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDecision {
    pub text: String,
    pub proposer_id: Option<i64>,
    pub seconder_id: Option<i64>,
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
    pub abstentions: Option<u32>,
}

/// A dated correction to approved minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Amendment {
    #[ts(type = "number")]
    pub id: i64,
    pub made_on: String,
    pub text: String,
}
