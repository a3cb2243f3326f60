//! Rules of actions: when one is overdue or due soon (today, weekends, month ends), and the
//! checks on what is typed.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn due_today_is_due_soon_and_yesterday_is_overdue() {
    let today = d(2026, 11, 24);
    assert_eq!(timing(ActionStatus::Open, Some(today), today), Timing::DueSoon);
    assert_eq!(timing(ActionStatus::Open, Some(d(2026, 11, 23)), today), Timing::Overdue);
    assert_eq!(
        timing(ActionStatus::InProgress, Some(d(2026, 11, 23)), today),
        Timing::Overdue,
        "in progress is still open"
    );
    assert_eq!(
        timing(ActionStatus::Open, Some(d(2026, 12, 8)), today),
        Timing::DueSoon,
        "the 14th day ahead is still soon"
    );
    assert_eq!(timing(ActionStatus::Open, Some(d(2026, 12, 9)), today), Timing::Later);
    assert_eq!(timing(ActionStatus::Open, None, today), Timing::NoDate);
}

#[test]
fn weekends_count_like_any_other_day() {
    // Friday 27 November: something due on Saturday is due soon; on Monday, Sunday's is overdue.
    assert_eq!(timing(ActionStatus::Open, Some(d(2026, 11, 28)), d(2026, 11, 27)), Timing::DueSoon);
    assert_eq!(timing(ActionStatus::Open, Some(d(2026, 11, 29)), d(2026, 11, 30)), Timing::Overdue);
}

#[test]
fn the_fortnight_runs_across_month_and_year_ends() {
    assert_eq!(due_soon_until(d(2027, 1, 31)), d(2027, 2, 14));
    assert_eq!(due_soon_until(d(2028, 2, 20)), d(2028, 3, 5), "leap year");
    assert_eq!(due_soon_until(d(2026, 12, 25)), d(2027, 1, 8));
    assert_eq!(timing(ActionStatus::Open, Some(d(2027, 1, 8)), d(2026, 12, 25)), Timing::DueSoon);
}

#[test]
fn done_and_dropped_actions_are_never_overdue() {
    let today = d(2026, 11, 24);
    assert_eq!(timing(ActionStatus::Done, Some(d(2026, 1, 1)), today), Timing::Closed);
    assert_eq!(timing(ActionStatus::Dropped, Some(d(2026, 1, 1)), today), Timing::Closed);
}

#[test]
fn an_action_needs_what_and_who_and_a_due_date_not_before_it_was_agreed() {
    let day = |n| d(2026, 12, n);
    let input = ActionInput {
        title: "Ask about the flu clinic".into(),
        owner_ids: vec![3, 3, 1],
        due_on: "15/12/2026".into(),
        ..Default::default()
    };
    let checked = input.checked(day(8)).unwrap();
    assert_eq!(checked.owner_ids, vec![1, 3]);
    assert_eq!(checked.due_on, Some(day(15)));
    let outside = ActionInput {
        title: "Send the survey results".into(),
        outside_owner: "Practice manager".into(),
        ..Default::default()
    };
    assert!(outside.checked(day(8)).is_ok(), "someone outside the PPG can own an action");
    let Err(Error::Invalid(fields)) =
        ActionInput { title: " ".into(), due_on: "1/12/2026".into(), ..Default::default() }.checked(day(8))
    else {
        panic!("expected invalid")
    };
    let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(named, vec!["actionTitle", "actionOwners", "actionDueOn"]);
}
