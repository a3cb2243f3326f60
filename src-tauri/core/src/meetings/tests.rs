//! Unit tests for the meeting rules: form checks and the standing items' wording.

use super::*;
use crate::error::Error;

fn input() -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::Committee,
        meets_on: "8/12/2026".into(),
        starts_at: "6.30pm".into(),
        ends_at: "8pm".into(),
        venue: "Community Room".into(),
        online_link: String::new(),
        chair_id: None,
        minute_taker_id: None,
    }
}

fn fields(result: Result<CheckedMeeting>) -> Vec<String> {
    match result {
        Err(Error::Invalid(fields)) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn a_typical_meeting_is_read_as_typed() {
    let meeting = input().checked().unwrap();
    assert_eq!(meeting.meets_on, NaiveDate::from_ymd_opt(2026, 12, 8).unwrap());
    assert_eq!((meeting.starts_at.as_str(), meeting.ends_at.as_deref()), ("18:30", Some("20:00")));
}

#[test]
fn ending_before_starting_and_having_nowhere_to_meet_are_refused() {
    let bad = MeetingInput { ends_at: "5pm".into(), venue: " ".into(), ..input() };
    assert_eq!(fields(bad.checked()), vec!["endsAt", "venue"]);
    let online = MeetingInput { venue: String::new(), online_link: "Teams link sent by email".into(), ..input() };
    assert!(online.checked().is_ok(), "an online-only meeting is fine");
}

#[test]
fn date_and_start_time_are_required() {
    let bad = MeetingInput { meets_on: String::new(), starts_at: String::new(), ..input() };
    assert_eq!(fields(bad.checked()), vec!["meetsOn", "startsAt"]);
}

#[test]
fn standing_items_fill_themselves_from_the_previous_meeting() {
    let previous = Meeting {
        id: 1,
        kind: MeetingKind::Committee,
        meets_on: "2026-11-10".into(),
        starts_at: "18:30".into(),
        ends_at: None,
        venue: "x".into(),
        online_link: String::new(),
        chair_id: None,
        minute_taker_id: None,
        status: MeetingStatus::DraftMinutes,
        approved_on: None,
        approved_at_meeting_id: None,
        approval_corrections: String::new(),
    };
    assert_eq!(
        standing_note(Standing::PreviousMinutes, Some(&previous), 0),
        "To approve the minutes of the committee meeting held on 10 November 2026 as a true record."
    );
    assert!(standing_note(Standing::MattersArising, None, 3).starts_with("3 open actions"));
    assert_eq!(standing_note(Standing::MattersArising, None, 0), "No actions are open.");
}
