//! Meetings storage: agendas built from the template with self-filling standing items,
//! scheduling the next meeting, the status cycle, and the SQL constraints behind them.

use ppg_desk_core::meetings::{self, MeetingInput, MeetingKind, MeetingStatus, Standing};
use ppg_desk_core::settings::IntervalUnit;

use crate::support::{temp_store, TempStore};

fn add_meeting(store: &TempStore, date: &str) -> i64 {
    let input = MeetingInput {
        kind: MeetingKind::Committee,
        meets_on: date.into(),
        starts_at: "6.30pm".into(),
        ends_at: "8pm".into(),
        venue: "Community Room".into(),
        online_link: String::new(),
        chair_id: None,
        minute_taker_id: None,
    };
    let checked = input.checked().unwrap();
    store.state.write(|tx| meetings::create(tx, &checked, "now")).unwrap()
}

#[test]
fn a_new_meeting_gets_the_standing_agenda_in_order() {
    let store = temp_store();
    let id = add_meeting(&store, "10/11/2026");
    let items = store.state.read(|conn| meetings::items(conn, id)).unwrap();
    let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles.first(), Some(&"Welcome and apologies"));
    assert_eq!(titles.last(), Some(&"Date of next meeting"));
    assert_eq!(items.len(), 11);
    assert!(items.windows(2).all(|w| w[0].position < w[1].position));
}

#[test]
fn minutes_of_the_last_meeting_names_the_previous_meeting() {
    let store = temp_store();
    add_meeting(&store, "10/11/2026");
    let later = add_meeting(&store, "8/12/2026");
    let items = store.state.read(|conn| meetings::items(conn, later)).unwrap();
    let previous = items.iter().find(|i| i.standing == Some(Standing::PreviousMinutes)).unwrap();
    assert!(previous.notes_for_members.contains("10 November 2026"), "{}", previous.notes_for_members);
}

#[test]
fn scheduling_the_next_meeting_keeps_the_pattern_time_and_place() {
    let store = temp_store();
    let first = add_meeting(&store, "8/12/2026");
    let next = store.state.write(|tx| meetings::schedule_next(tx, first, 1, IntervalUnit::Months, "now")).unwrap();
    let meeting = store.state.read(|conn| meetings::get(conn, next)).unwrap();
    assert_eq!(meeting.meets_on, "2027-01-12", "the second Tuesday again");
    assert_eq!(
        (meeting.starts_at.as_str(), meeting.ends_at.as_deref(), meeting.venue.as_str()),
        ("18:30", Some("20:00"), "Community Room")
    );
    assert_eq!(meeting.status, MeetingStatus::Planned);
    assert_eq!(store.state.read(|conn| meetings::items(conn, next)).unwrap().len(), 11);
}

#[test]
fn the_status_cycle_runs_to_approval_and_then_locks() {
    let store = temp_store();
    let id = add_meeting(&store, "10/11/2026");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let step = |to| store.state.write(|tx| meetings::set_status(tx, id, to, today, "now"));
    assert!(step(MeetingStatus::MinutesApproved).is_err(), "not before the minutes are drafted");
    for to in
        [MeetingStatus::AgendaIssued, MeetingStatus::Held, MeetingStatus::DraftMinutes, MeetingStatus::MinutesApproved]
    {
        step(to).unwrap();
    }
    let meeting = store.state.read(|conn| meetings::get(conn, id)).unwrap();
    assert_eq!(meeting.approved_on.as_deref(), Some("2026-12-08"));
    assert!(step(MeetingStatus::DraftMinutes).unwrap_err().to_string().contains("locked"));
}

#[test]
fn the_database_refuses_meetings_that_break_the_rules() {
    let store = temp_store();
    let attempts = [
        "INSERT INTO meetings (kind, meets_on, starts_at, venue, created_at, updated_at) VALUES ('committee', '2026-11-10', '25:00', 'x', 'n', 'n')",
        "INSERT INTO meetings (kind, meets_on, starts_at, ends_at, venue, created_at, updated_at) VALUES ('committee', '2026-11-10', '18:30', '18:00', 'x', 'n', 'n')",
        "INSERT INTO meetings (kind, meets_on, starts_at, created_at, updated_at) VALUES ('committee', '2026-11-10', '18:30', 'n', 'n')",
        "INSERT INTO meetings (kind, meets_on, starts_at, venue, status, created_at, updated_at) VALUES ('committee', '2026-11-10', '18:30', 'x', 'minutes_approved', 'n', 'n')",
        "INSERT INTO actions (title, status, created_on, created_at, updated_at) VALUES ('Ring the council', 'dropped', '2026-11-10', 'n', 'n')",
        "INSERT INTO actions (title, status, created_on, created_at, updated_at) VALUES ('Ring the council', 'done', '2026-11-10', 'n', 'n')",
    ];
    for sql in attempts {
        assert!(store.state.write(|tx| Ok(tx.execute(sql, [])?)).is_err(), "refused: {sql}");
    }
}
