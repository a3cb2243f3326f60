//! What happened at a meeting: who came (and whether enough members were present to make decisions), the
//! decisions made and actions agreed under each item, the approval of the previous
//! meeting's minutes, and dated amendments to minutes already approved.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{record_sql, sql, status, MeetingStatus};
pub use super::{Amendment, AttendanceLine, AttendanceStatus, CheckedDecision, Decision};
use crate::actions::{self, ActionInput};
use crate::check::Checker;
use crate::error::{Error, Result};
use crate::words::long_date;

/// Whether enough committee members are present for decisions to stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Quorum {
    pub present: u32,
    pub needed: u32,
    pub met: bool,
}

pub fn quorum(lines: &[AttendanceLine], needed: u32) -> Quorum {
    let present = lines.iter().filter(|l| l.committee && l.status == Some(AttendanceStatus::Present)).count() as u32;
    Quorum { present, needed, met: present >= needed }
}

impl Decision {
    /// "Proposed by Aisha Begum, seconded by Peter Wright. For 6, against 0, abstentions 1."
    pub fn particulars(&self) -> String {
        let mut parts = Vec::new();
        match (&self.proposer_name, &self.seconder_name) {
            (Some(p), Some(s)) => parts.push(format!("Proposed by {p}, seconded by {s}.")),
            (Some(p), None) => parts.push(format!("Proposed by {p}.")),
            (None, Some(s)) => parts.push(format!("Seconded by {s}.")),
            (None, None) => {}
        }
        if self.votes_for.is_some() || self.votes_against.is_some() || self.abstentions.is_some() {
            let n = |v: Option<u32>| v.unwrap_or(0);
            parts.push(format!(
                "For {}, against {}, abstentions {}.",
                n(self.votes_for),
                n(self.votes_against),
                n(self.abstentions)
            ));
        }
        parts.join(" ")
    }
}

/// A decision as typed: votes as typed, empty when not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DecisionInput {
    pub text: String,
    #[ts(type = "number | null")]
    pub proposer_id: Option<i64>,
    #[ts(type = "number | null")]
    pub seconder_id: Option<i64>,
    pub votes_for: String,
    pub votes_against: String,
    pub abstentions: String,
}

impl DecisionInput {
    pub fn checked(&self) -> Result<CheckedDecision> {
        let mut c = Checker::new();
        let text = c.text("decisionText", &self.text, 2000, Some("Please write what was decided."));
        if self.proposer_id.is_some() && self.proposer_id == self.seconder_id {
            c.fail("seconderId", "The seconder must be someone other than the proposer.");
        }
        let mut votes = |field: &str, typed: &str| -> Option<u32> {
            let typed = typed.trim();
            if typed.is_empty() {
                return None;
            }
            typed.parse::<u32>().ok().filter(|n| *n <= 10_000).or_else(|| {
                c.fail(field, "Please give the number of votes as a whole number, or leave it empty.");
                None
            })
        };
        let votes_for = votes("votesFor", &self.votes_for);
        let votes_against = votes("votesAgainst", &self.votes_against);
        let abstentions = votes("abstentions", &self.abstentions);
        c.finish()?;
        Ok(CheckedDecision {
            text,
            proposer_id: self.proposer_id,
            seconder_id: self.seconder_id,
            votes_for,
            votes_against,
            abstentions,
        })
    }
}

fn editable(conn: &Connection, meeting_id: i64) -> Result<()> {
    status::check_minutes_editable(sql::get(conn, meeting_id)?.status)
}

pub fn set_attendance(
    conn: &Connection,
    meeting_id: i64,
    person_id: i64,
    status: Option<AttendanceStatus>,
) -> Result<()> {
    editable(conn, meeting_id)?;
    record_sql::set_attendance(conn, meeting_id, person_id, status)
}

/// Records that a professional contact (the link worker, say) came to the meeting as a guest.
pub fn add_guest(conn: &Connection, meeting_id: i64, contact_id: i64) -> Result<()> {
    editable(conn, meeting_id)?;
    crate::contacts::add_guest(conn, meeting_id, contact_id)
}

pub fn remove_guest(conn: &Connection, meeting_id: i64, contact_id: i64) -> Result<()> {
    editable(conn, meeting_id)?;
    crate::contacts::remove_guest(conn, meeting_id, contact_id)
}

pub fn add_decision(conn: &Connection, agenda_item_id: i64, decision: &CheckedDecision) -> Result<i64> {
    editable(conn, sql::item_meeting(conn, agenda_item_id)?)?;
    record_sql::insert_decision(conn, agenda_item_id, decision)
}

pub fn remove_decision(conn: &Connection, decision_id: i64) -> Result<()> {
    editable(conn, record_sql::decision_meeting(conn, decision_id)?)?;
    record_sql::delete_decision(conn, decision_id)
}

/// Records an action agreed under an item; it is tracked from then on like any other.
pub fn add_action(conn: &Connection, agenda_item_id: i64, input: &ActionInput, now: &str) -> Result<i64> {
    let meeting_id = sql::item_meeting(conn, agenda_item_id)?;
    let meeting = sql::get(conn, meeting_id)?;
    status::check_minutes_editable(meeting.status)?;
    let meets_on = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d")
        .map_err(|_| Error::Refused("This meeting's date is unreadable.".into()))?;
    let action = input.checked(meets_on)?;
    actions::create_from_minutes(conn, &action, meeting_id, agenda_item_id, meets_on, now)
}

/// Takes back an action typed into these minutes by mistake (only while the minutes are a draft).
pub fn remove_action(conn: &Connection, action_id: i64) -> Result<()> {
    let action = actions::get(conn, action_id)?;
    let meeting_id =
        action.meeting_id.ok_or_else(|| Error::Refused("This action was not agreed in a meeting's minutes.".into()))?;
    editable(conn, meeting_id)?;
    actions::delete(conn, action_id)
}

/// At meeting `meeting_id`, records the previous meeting's minutes as approved (with any
/// corrections agreed). It happens at the meeting, so not before its day.
pub fn approve_previous(
    conn: &Connection,
    meeting_id: i64,
    corrections: &str,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    let meeting = sql::get(conn, meeting_id)?;
    let meets_on = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d")
        .map_err(|_| Error::Refused("This meeting's date is unreadable.".into()))?;
    if meets_on > today {
        return Err(Error::Refused(format!(
            "The last minutes are approved at this meeting, so this can be recorded from {} onwards.",
            long_date(&meeting.meets_on)
        )));
    }
    let previous = sql::previous_before(conn, meets_on)?.ok_or_else(|| {
        Error::Refused("There is no earlier meeting in PPG Desk whose minutes could be approved.".into())
    })?;
    match previous.status {
        MeetingStatus::DraftMinutes => {}
        MeetingStatus::MinutesApproved => {
            return Err(Error::Refused(format!(
                "The minutes of {} were already approved.",
                long_date(&previous.meets_on)
            )));
        }
        _ => {
            return Err(Error::Refused(format!(
                "The minutes of {} have not been drafted yet. Open that meeting and mark its minutes as drafted first.",
                long_date(&previous.meets_on)
            )))
        }
    }
    let mut c = Checker::new();
    let corrections = c.text("corrections", corrections, 5000, None);
    c.finish()?;
    record_sql::approve(conn, previous.id, meets_on, Some(meeting_id), &corrections, now)
}

/// Records a correction to approved minutes, dated today; the minutes themselves stay as approved.
pub fn add_amendment(conn: &Connection, meeting_id: i64, text: &str, today: NaiveDate, now: &str) -> Result<i64> {
    if sql::get(conn, meeting_id)?.status != MeetingStatus::MinutesApproved {
        return Err(Error::Refused(
            "These minutes are not approved yet, so they can still be corrected directly.".into(),
        ));
    }
    let mut c = Checker::new();
    let text = c.text("amendment", text, 5000, Some("Please write the correction."));
    c.finish()?;
    record_sql::insert_amendment(conn, meeting_id, today, &text, now)
}

/// The actions this meeting reviews under matters arising, with what was said about each.
pub fn review(conn: &Connection, meeting_id: i64, today: NaiveDate) -> Result<Vec<actions::views::ReviewLine>> {
    let meeting = super::get(conn, meeting_id)?;
    actions::views::review(conn, meeting_id, &meeting.meets_on, today)
}

/// At this meeting's matters-arising review: records what was said about action `action_id`
/// and, if asked, closes it, dated the meeting's day (or today if the meeting is still to
/// come). Refused once the minutes are approved. Returns the review as it now stands.
#[allow(clippy::too_many_arguments)]
pub fn review_action(
    conn: &Connection,
    meeting_id: i64,
    action_id: i64,
    said: &str,
    status: Option<actions::ActionStatus>,
    reason: &str,
    today: NaiveDate,
    now: &str,
) -> Result<Vec<actions::views::ReviewLine>> {
    let meeting = super::get(conn, meeting_id)?;
    super::status::check_minutes_editable(meeting.status)?;
    let meets_on = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d").map_err(|_| {
        crate::error::Error::Refused("That meeting's date could not be read, so nothing was recorded.".into())
    })?;
    actions::record_review(conn, action_id, meeting_id, meets_on.min(today), said, status, reason, now)?;
    actions::views::review(conn, meeting_id, &meeting.meets_on, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(committee: bool, status: Option<AttendanceStatus>) -> AttendanceLine {
        AttendanceLine { person_id: 1, name: "A".into(), roles: vec![], committee, status }
    }

    #[test]
    fn only_committee_members_present_count_towards_the_quorum() {
        use AttendanceStatus::*;
        let lines = [
            line(true, Some(Present)),
            line(true, Some(Present)),
            line(true, Some(Apologies)),
            line(true, None),
            line(false, Some(Present)),
            line(false, Some(InAttendance)),
        ];
        assert_eq!(quorum(&lines, 2), Quorum { present: 2, needed: 2, met: true });
        assert_eq!(quorum(&lines, 3), Quorum { present: 2, needed: 3, met: false });
    }

    #[test]
    fn a_decision_needs_words_different_proposer_and_seconder_and_whole_votes() {
        let input = DecisionInput {
            text: "Hold a flu clinic stall".into(),
            proposer_id: Some(1),
            seconder_id: Some(2),
            votes_for: "6".into(),
            votes_against: "".into(),
            abstentions: " 1 ".into(),
        };
        let checked = input.checked().unwrap();
        assert_eq!((checked.votes_for, checked.votes_against, checked.abstentions), (Some(6), None, Some(1)));
        let bad = DecisionInput { text: "".into(), seconder_id: Some(1), votes_for: "six".into(), ..input };
        let Err(Error::Invalid(fields)) = bad.checked() else { panic!("expected invalid") };
        let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(named, vec!["decisionText", "seconderId", "votesFor"]);
    }

    #[test]
    fn particulars_read_as_a_sentence() {
        let d = Decision {
            id: 1,
            agenda_item_id: 1,
            text: "x".into(),
            proposer_id: Some(1),
            proposer_name: Some("Aisha Begum".into()),
            seconder_id: None,
            seconder_name: None,
            votes_for: Some(5),
            votes_against: None,
            abstentions: None,
        };
        assert_eq!(d.particulars(), "Proposed by Aisha Begum. For 5, against 0, abstentions 0.");
    }
}
