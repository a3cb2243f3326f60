//! The life of a meeting: planned → agenda issued → held → draft minutes → minutes
//! approved, and which changes each stage allows. Approved minutes are locked: a later
//! correction is a dated amendment, never a silent edit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MeetingStatus {
    Planned,
    AgendaIssued,
    Held,
    DraftMinutes,
    MinutesApproved,
}

stored_as_key!(MeetingStatus);

impl MeetingStatus {
    pub fn key(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::AgendaIssued => "agenda_issued",
            MeetingStatus::Held => "held",
            MeetingStatus::DraftMinutes => "draft_minutes",
            MeetingStatus::MinutesApproved => "minutes_approved",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Planned, Self::AgendaIssued, Self::Held, Self::DraftMinutes, Self::MinutesApproved]
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// The words a secretary reads.
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "Planned",
            MeetingStatus::AgendaIssued => "Agenda issued",
            MeetingStatus::Held => "Held",
            MeetingStatus::DraftMinutes => "Draft minutes",
            MeetingStatus::MinutesApproved => "Minutes approved",
        }
    }
}

/// Checks a move from `from` to `to` for a meeting on `meets_on`, given today.
pub fn check_transition(from: MeetingStatus, to: MeetingStatus, meets_on: NaiveDate, today: NaiveDate) -> Result<()> {
    use MeetingStatus::*;
    let allowed = matches!(
        (from, to),
        (Planned, AgendaIssued)
            | (AgendaIssued, Planned)
            | (Planned | AgendaIssued, Held)
            | (Held, DraftMinutes)
            | (DraftMinutes, Held)
            | (DraftMinutes, MinutesApproved)
    );
    if !allowed {
        return Err(Error::Refused(match (from, to) {
            (MinutesApproved, _) => {
                "These minutes have been approved and are locked. A correction can be recorded as a dated amendment."
                    .into()
            }
            (_, MinutesApproved) => {
                "Minutes can only be approved once they have been drafted after the meeting.".into()
            }
            (_, DraftMinutes) => "Minutes can only be drafted once the meeting has been held.".into(),
            _ => format!("A meeting cannot go from \"{}\" to \"{}\".", from.label(), to.label()),
        }));
    }
    if to == Held && meets_on > today {
        return Err(Error::Refused("This meeting is in the future, so it cannot be marked as held yet.".into()));
    }
    Ok(())
}

/// Refuses changes to what the minutes say once they are approved.
pub fn check_minutes_editable(status: MeetingStatus) -> Result<()> {
    if status == MeetingStatus::MinutesApproved {
        return Err(Error::Refused(
            "These minutes have been approved and are locked. A correction can be recorded as a dated amendment."
                .into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingStatus::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn the_usual_cycle_is_allowed() {
        for (from, to) in
            [(Planned, AgendaIssued), (AgendaIssued, Held), (Held, DraftMinutes), (DraftMinutes, MinutesApproved)]
        {
            assert!(check_transition(from, to, d(10), d(24)).is_ok(), "{from:?} -> {to:?}");
        }
    }

    #[test]
    fn minutes_cannot_be_approved_before_the_meeting_is_held() {
        let error = check_transition(Planned, MinutesApproved, d(10), d(24)).unwrap_err();
        assert!(error.to_string().contains("drafted"), "{error}");
        assert!(check_transition(AgendaIssued, DraftMinutes, d(10), d(24)).is_err());
    }

    #[test]
    fn a_future_meeting_cannot_be_held() {
        let error = check_transition(AgendaIssued, Held, d(25), d(24)).unwrap_err();
        assert!(error.to_string().contains("future"));
        assert!(check_transition(AgendaIssued, Held, d(24), d(24)).is_ok(), "a meeting today can be marked held");
    }

    #[test]
    fn approved_minutes_are_locked() {
        assert!(check_transition(MinutesApproved, DraftMinutes, d(10), d(24))
            .unwrap_err()
            .to_string()
            .contains("amendment"));
        assert!(check_minutes_editable(MinutesApproved).is_err());
        assert!(check_minutes_editable(DraftMinutes).is_ok());
    }

    #[test]
    fn keys_round_trip() {
        for status in [Planned, AgendaIssued, Held, DraftMinutes, MinutesApproved] {
            assert_eq!(MeetingStatus::from_key(status.key()), Some(status));
        }
    }
}
