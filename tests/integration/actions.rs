//! Actions through the same rules as the window: views and their date boundaries, filters
//! combined, dropping needs a reason, done actions leave the open lists, carry-forward into
//! the next meeting's review exactly once, CSV export, and the printed log and reminders.

use chrono::NaiveDate;
use ppg_desk_core::actions::views::{self, ActionFilter, ActionView};
use ppg_desk_core::actions::{self, ActionInput, ActionStatus, Timing};
use ppg_desk_core::documents::actions::ActionGrouping;
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::meetings::{self, MeetingInput, MeetingKind};
use ppg_desk_core::print::Profile;

use crate::print::tool;
use crate::support::{add_person, temp_store, TempStore};

fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

fn add(store: &TempStore, title: &str, owners: Vec<i64>, due: &str, agreed: &str) -> i64 {
    let input = ActionInput { title: title.into(), owner_ids: owners, due_on: due.into(), ..Default::default() };
    let checked = input.checked(day(agreed)).unwrap();
    store.state.write(|tx| actions::create(tx, &checked, day(agreed), "now")).unwrap()
}

fn titles(store: &TempStore, filter: &ActionFilter, today: &str) -> Vec<String> {
    store
        .state
        .read(|conn| views::list(conn, filter, day(today)))
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.action.title)
        .collect()
}

#[test]
fn views_split_open_actions_by_their_due_dates() {
    let store = temp_store();
    let ann = add_person(&store.state, "Ann Archer", |_| {});
    add(&store, "Due yesterday", vec![ann], "23/11/2026", "2026-11-01");
    add(&store, "Due today", vec![ann], "24/11/2026", "2026-11-01");
    add(&store, "Due in a fortnight", vec![ann], "8/12/2026", "2026-11-01");
    add(&store, "Due in fifteen days", vec![ann], "9/12/2026", "2026-11-01");
    add(&store, "No date", vec![ann], "", "2026-11-01");
    let today = "2026-11-24";
    assert_eq!(titles(&store, &ActionFilter::of(ActionView::Overdue), today), vec!["Due yesterday"]);
    assert_eq!(titles(&store, &ActionFilter::of(ActionView::DueSoon), today), vec!["Due today", "Due in a fortnight"]);
    assert_eq!(titles(&store, &ActionFilter::of(ActionView::Open), today).len(), 5, "every open action, no date last");
    assert_eq!(titles(&store, &ActionFilter::of(ActionView::Open), today).last().map(String::as_str), Some("No date"));
    let timings: Vec<Timing> = store
        .state
        .read(|c| views::list(c, &ActionFilter::of(ActionView::Open), day(today)))
        .unwrap()
        .rows
        .iter()
        .map(|r| r.timing)
        .collect();
    assert_eq!(timings, vec![Timing::Overdue, Timing::DueSoon, Timing::DueSoon, Timing::Later, Timing::NoDate]);
    // Across a month end: on 31 January a fortnight runs to 14 February.
    add(&store, "Due on Valentine's day", vec![ann], "14/2/2027", "2026-11-01");
    assert!(titles(&store, &ActionFilter::of(ActionView::DueSoon), "2027-01-31")
        .contains(&"Due on Valentine's day".to_string()));
    assert!(!titles(&store, &ActionFilter::of(ActionView::DueSoon), "2027-01-30")
        .contains(&"Due on Valentine's day".to_string()));
}

#[test]
fn filters_combine_and_done_actions_leave_the_open_lists() {
    let store = temp_store();
    let ann = add_person(&store.state, "Ann Archer", |_| {});
    let bob = add_person(&store.state, "Bob Baker", |_| {});
    let leaflet = add(&store, "Print the leaflet", vec![ann], "1/12/2026", "2026-11-01");
    add(&store, "Ring the council about the leaflet", vec![bob], "1/12/2026", "2026-11-01");
    add(&store, "Book the hall", vec![ann, bob], "1/12/2026", "2026-11-01");
    let mut filter = ActionFilter::of(ActionView::Open);
    filter.owner_id = Some(ann);
    filter.search = "leaflet".into();
    assert_eq!(titles(&store, &filter, "2026-11-24"), vec!["Print the leaflet"], "owner and words together");
    filter.search = String::new();
    assert_eq!(titles(&store, &filter, "2026-11-24").len(), 2, "shared actions count for each owner");

    store.state.write(|tx| actions::set_status(tx, leaflet, ActionStatus::Done, "", day("2026-11-20"), "now")).unwrap();
    assert!(
        !titles(&store, &ActionFilter::of(ActionView::Open), "2026-11-24").contains(&"Print the leaflet".to_string())
    );
    assert!(!titles(&store, &ActionFilter::of(ActionView::Overdue), "2026-12-10")
        .contains(&"Print the leaflet".to_string()));
    let mut done = ActionFilter::of(ActionView::Done);
    done.done_from = "1/11/2026".into();
    done.done_to = "30/11/2026".into();
    assert_eq!(titles(&store, &done, "2026-11-24"), vec!["Print the leaflet"]);
    done.done_from = "21/11/2026".into();
    assert!(titles(&store, &done, "2026-11-24").is_empty(), "done before the range");
    done.done_to = "1/11/2026".into();
    let bad = store.state.read(|c| views::list(c, &done, day("2026-11-24"))).unwrap_err();
    assert!(format!("{bad:?}").contains("before its start"), "{bad:?}");
}

#[test]
fn dropping_needs_a_reason_and_reopening_clears_it() {
    let store = temp_store();
    let ann = add_person(&store.state, "Ann Archer", |_| {});
    let id = add(&store, "Survey the car park", vec![ann], "", "2026-11-01");
    let refused = store
        .state
        .write(|tx| actions::set_status(tx, id, ActionStatus::Dropped, "  ", day("2026-11-24"), "now"))
        .unwrap_err();
    assert!(format!("{refused:?}").contains("why this action is being dropped"));
    assert_eq!(store.state.read(|c| actions::get(c, id)).unwrap().status, ActionStatus::Open, "nothing changed");
    store
        .state
        .write(|tx| actions::set_status(tx, id, ActionStatus::Dropped, "The practice did it", day("2026-11-24"), "now"))
        .unwrap();
    assert_eq!(titles(&store, &ActionFilter::of(ActionView::Dropped), "2026-11-24"), vec!["Survey the car park"]);
    store.state.write(|tx| actions::set_status(tx, id, ActionStatus::Open, "", day("2026-11-25"), "now")).unwrap();
    let reopened = store.state.read(|c| actions::get(c, id)).unwrap();
    assert_eq!(
        (reopened.status, reopened.dropped_reason.as_str(), reopened.completed_on),
        (ActionStatus::Open, "", None)
    );
    // The database refuses a dropped action without a reason, whatever the caller.
    assert!(store
        .state
        .write(|tx| Ok(tx.execute("UPDATE actions SET status = 'dropped', dropped_reason = '' WHERE id = ?1", [id])?))
        .is_err());
}

fn meeting(store: &TempStore, date: &str) -> i64 {
    let input = MeetingInput {
        kind: MeetingKind::Committee,
        meets_on: date.into(),
        starts_at: "18:30".into(),
        ends_at: String::new(),
        venue: "Room".into(),
        online_link: String::new(),
        chair_id: None,
        minute_taker_id: None,
    };
    let checked = input.checked().unwrap();
    store.state.write(|tx| meetings::create(tx, &checked, "now")).unwrap()
}

fn review_titles(store: &TempStore, meeting_id: i64, on: &str) -> Vec<String> {
    store
        .state
        .read(|c| views::review(c, meeting_id, on, day(on)))
        .unwrap()
        .into_iter()
        .map(|l| l.row.action.title)
        .collect()
}

#[test]
fn open_actions_are_carried_forward_to_each_later_review_exactly_once() {
    let store = temp_store();
    let ann = add_person(&store.state, "Ann Archer", |_| {});
    let bob = add_person(&store.state, "Bob Baker", |_| {});
    let october = meeting(&store, "13/10/2026");
    let november = meeting(&store, "10/11/2026");
    let december = meeting(&store, "8/12/2026");
    let item = store.state.read(|c| meetings::items(c, october)).unwrap()[4].id;
    let shared = ActionInput {
        title: "Shared by two".into(),
        owner_ids: vec![ann, bob],
        due_on: "1/11/2026".into(),
        ..Default::default()
    };
    let shared = store.state.write(|tx| ppg_desk_core::meetings::record::add_action(tx, item, &shared, "now")).unwrap();
    let closed = ActionInput { title: "Closed in November".into(), owner_ids: vec![ann], ..Default::default() };
    let closed = store.state.write(|tx| ppg_desk_core::meetings::record::add_action(tx, item, &closed, "now")).unwrap();

    assert!(review_titles(&store, october, "2026-10-13").is_empty(), "not reviewed at the meeting that agreed them");
    assert_eq!(
        review_titles(&store, november, "2026-11-10"),
        vec!["Shared by two", "Closed in November"],
        "once each, though one has two owners"
    );
    store
        .state
        .write(|tx| {
            ppg_desk_core::meetings::record::review_action(
                tx,
                november,
                closed,
                "",
                Some(ActionStatus::Done),
                "",
                day("2026-11-10"),
                "now",
            )
        })
        .unwrap();
    store
        .state
        .write(|tx| {
            ppg_desk_core::meetings::record::review_action(
                tx,
                november,
                shared,
                "Waiting for the council",
                None,
                "",
                day("2026-11-10"),
                "now",
            )
        })
        .unwrap();
    let lines = store.state.read(|c| views::review(c, november, "2026-11-10", day("2026-11-10"))).unwrap();
    assert_eq!(lines.len(), 2, "closed at this meeting, it stays in this meeting's record");
    assert_eq!(lines[1].updates_here[0].text, "Done.");
    assert_eq!(
        review_titles(&store, december, "2026-12-08"),
        vec!["Shared by two"],
        "the closed one is not carried again"
    );
    let log = store.state.read(|c| actions::updates(c, shared)).unwrap();
    assert_eq!((log[0].made_on.as_str(), log[0].meeting_id), ("2026-11-10", Some(november)));
    // The agenda's appendix lists each open action once.
    let open = store.state.read(meetings::open_actions).unwrap();
    assert_eq!(open.iter().filter(|(t, _, _)| t == "Shared by two").count(), 1);
}

#[test]
fn export_and_print_the_actions() {
    let store = temp_store();
    let settings = ppg_desk_core::settings::Settings { group_name: "Riverside PPG".into(), ..Default::default() };
    store.state.write(|tx| ppg_desk_core::settings::save(tx, &settings, "now")).unwrap();
    let ann = add_person(&store.state, "Ann Archer", |_| {});
    let bob = add_person(&store.state, "Bob Baker", |_| {});
    let first = add(&store, "Print the leaflet, \"large\" version", vec![ann], "1/11/2026", "2026-10-01");
    store
        .state
        .write(|tx| actions::add_update(tx, first, "Proof sent to the printer", None, day("2026-10-20"), "now"))
        .unwrap();
    add(&store, "Book the hall", vec![ann, bob], "", "2026-10-01");
    let everything = store
        .state
        .read(|c| actions::all_matching(c, &ActionFilter::of(ActionView::All), store.state.today()))
        .unwrap();
    let csv = actions::csv::export(&everything).unwrap();
    let mut reader = ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "Print the leaflet, \"large\" version", "quotes and commas survive");
    assert_eq!((&rows[0][2], &rows[0][3], &rows[0][9]), ("Ann Archer", "01/11/2026", "Proof sent to the printer"));
    assert_eq!(&rows[1][2], "Ann Archer, Bob Baker");

    let render = |kind| {
        documents::render(&store.state, &kind, Profile::Standard, day("2026-11-24").and_hms_opt(9, 0, 0).unwrap())
            .unwrap()
    };
    let text = |kind| tool("pdftotext", &["-layout"], &render(kind)).split_whitespace().collect::<Vec<_>>().join(" ");
    let log = text(DocumentKind::ActionLog { grouping: ActionGrouping::Owner });
    assert!(log.contains("2 open actions, 1 overdue."), "{log}");
    assert!(
        log.contains("Ann Archer (2)") && log.contains("Bob Baker (1)"),
        "grouped by owner, shared under each: {log}"
    );
    let by_status = text(DocumentKind::ActionLog { grouping: ActionGrouping::Status });
    assert!(by_status.contains("Overdue (1)") && by_status.contains("No due date (1)"), "{by_status}");
    let sheets = render(DocumentKind::Reminders { owner_id: None });
    assert!(tool("pdfinfo", &[], &sheets).contains("Pages:           2"), "one page per owner");
    let bob_sheet = text(DocumentKind::Reminders { owner_id: Some(bob) });
    assert!(
        bob_sheet.contains("For Bob Baker")
            && bob_sheet.contains("Book the hall")
            && bob_sheet.contains("Shared with Ann Archer"),
        "{bob_sheet}"
    );
    assert!(!bob_sheet.contains("Print the leaflet"), "only Bob's");
    let ann_sheet = text(DocumentKind::Reminders { owner_id: Some(ann) });
    assert!(
        ann_sheet.contains("Overdue: it was due on 1 Nov 2026.")
            && ann_sheet.contains("Latest: Proof sent to the printer"),
        "{ann_sheet}"
    );
}

#[test]
fn an_approved_meeting_takes_no_review_by_any_path() {
    let store = crate::print::sample_store();
    let today = store.state.today();
    let approved = store
        .state
        .read(meetings::list)
        .unwrap()
        .into_iter()
        .find(|m| m.status == meetings::MeetingStatus::MinutesApproved)
        .expect("the sample has approved minutes")
        .id;
    let everything = ActionFilter::of(ActionView::All);
    let action = store.state.read(|c| actions::all_matching(c, &everything, today)).unwrap()[0].id;
    // The rule, for every caller (the window and any other).
    let refused = store
        .state
        .write(|tx| {
            ppg_desk_core::meetings::record::review_action(tx, approved, action, "Said later", None, "", today, "now")
        })
        .unwrap_err();
    assert!(refused.to_string().contains("approved and are locked"), "{refused}");
    // And the database itself, for a path that skips the rule.
    let refused = store
        .state
        .write(|tx| actions::add_update(tx, action, "Said later", Some(approved), today, "now"))
        .unwrap_err();
    assert!(matches!(refused, ppg_desk_core::error::Error::Database(_)), "the SQL trigger refuses it: {refused}");
    assert!(
        store.state.write(|tx| actions::add_update(tx, action, "A note of progress", None, today, "now")).is_ok(),
        "progress outside a meeting is still noted"
    );
}
