//! What happens at a meeting, through the same rules as the window: attendance and the
//! quorum, decisions and actions in the minutes, approval at the next meeting, the lock on
//! approved minutes (in Rust and in SQL), amendments, the members' items deadline, the
//! agenda template, the printed minutes and the calendar invite.

use chrono::NaiveDate;
use ppg_desk_core::actions::ActionInput;
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::meetings::record::{self, AttendanceStatus, DecisionInput};
use ppg_desk_core::meetings::{
    self, agenda, AgendaItemInput, MeetingInput, MeetingKind, MeetingStatus, Purpose, TemplateItem,
};
use ppg_desk_core::people::Role;
use ppg_desk_core::print::Profile;
use ppg_desk_core::settings::Settings;

use crate::print::tool;
use crate::support::{add_person, temp_store, TempStore};

fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

fn set_up(store: &TempStore, quorum: u32) {
    let settings = Settings { group_name: "Riverside PPG".into(), quorum, ..Default::default() };
    store.state.write(|tx| ppg_desk_core::settings::save(tx, &settings, "now")).unwrap();
}

fn add_meeting(store: &TempStore, date: &str, starts: &str) -> i64 {
    let input = MeetingInput {
        kind: MeetingKind::Committee,
        meets_on: date.into(),
        starts_at: starts.into(),
        ends_at: String::new(),
        venue: "Community Room, Mill Lane".into(),
        online_link: String::new(),
        chair_id: None,
        minute_taker_id: None,
    };
    let checked = input.checked().unwrap();
    store.state.write(|tx| meetings::create(tx, &checked, "now")).unwrap()
}

fn committee_member(store: &TempStore, name: &str) -> i64 {
    add_person(&store.state, name, |p| p.roles = vec![Role::Committee])
}

fn step(store: &TempStore, id: i64, to: MeetingStatus, today: &str) {
    store.state.write(|tx| meetings::set_status(tx, id, to, day(today), "now")).unwrap();
}

fn held_with_draft_minutes(store: &TempStore, id: i64, today: &str) {
    step(store, id, MeetingStatus::Held, today);
    step(store, id, MeetingStatus::DraftMinutes, today);
}

#[test]
fn only_committee_members_present_count_towards_the_quorum() {
    let store = temp_store();
    set_up(&store, 2);
    let id = add_meeting(&store, "10/11/2026", "6.30pm");
    let ann = committee_member(&store, "Ann Archer");
    let bob = committee_member(&store, "Bob Baker");
    let left = add_person(&store.state, "Lena Left", |p| {
        p.roles = vec![Role::Committee];
        p.joined_on = "1/1/2020".into();
        p.left_on = "1/10/2026".into();
    });
    let guest = add_person(&store.state, "Sarah Mitchell", |p| p.roles = vec![Role::PracticeStaff]);
    let set = |person, status| store.state.write(|tx| record::set_attendance(tx, id, person, status)).unwrap();
    set(ann, Some(AttendanceStatus::Present));
    set(guest, Some(AttendanceStatus::InAttendance));
    let detail = store.state.read(|conn| agenda::detail(conn, id)).unwrap();
    let names: Vec<&str> = detail.attendance.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Ann Archer", "Bob Baker", "Sarah Mitchell"],
        "committee first; someone who had left is not listed"
    );
    assert!(!detail.attendance.iter().any(|l| l.person_id == left));
    assert!(!detail.quorum.met, "one committee member present of two needed");
    set(bob, Some(AttendanceStatus::Present));
    assert!(store.state.read(|conn| agenda::detail(conn, id)).unwrap().quorum.met);
    set(bob, Some(AttendanceStatus::Apologies));
    assert_eq!(store.state.read(|conn| agenda::detail(conn, id)).unwrap().quorum.present, 1);
    set(bob, None);
    assert_eq!(store.state.read(|conn| agenda::detail(conn, id)).unwrap().attendance[1].status, None, "taken back");
}

#[test]
fn decisions_and_actions_are_recorded_under_their_item() {
    let store = temp_store();
    set_up(&store, 1);
    let id = add_meeting(&store, "8/12/2026", "6.30pm");
    let ann = committee_member(&store, "Ann Archer");
    let bob = committee_member(&store, "Bob Baker");
    let item = store.state.read(|conn| meetings::items(conn, id)).unwrap()[4].id;
    let decision = DecisionInput {
        text: "Run a flu clinic stall".into(),
        proposer_id: Some(ann),
        seconder_id: Some(bob),
        votes_for: "6".into(),
        votes_against: "0".into(),
        abstentions: "1".into(),
    };
    store.state.write(|tx| record::add_decision(tx, item, &decision.checked()?)).unwrap();
    let action = ActionInput {
        title: "Book a table".into(),
        owner_ids: vec![bob, ann],
        due_on: "22/12/2026".into(),
        ..Default::default()
    };
    let action_id = store.state.write(|tx| record::add_action(tx, item, &action, "now")).unwrap();
    let early = ActionInput { due_on: "1/12/2026".into(), ..action.clone() };
    assert!(store.state.write(|tx| record::add_action(tx, item, &early, "now")).is_err(), "due before the meeting");

    let detail = store.state.read(|conn| agenda::detail(conn, id)).unwrap();
    assert_eq!(detail.decisions.len(), 1);
    assert_eq!(
        detail.decisions[0].particulars(),
        "Proposed by Ann Archer, seconded by Bob Baker. For 6, against 0, abstentions 1."
    );
    let recorded = &detail.actions[0];
    assert_eq!((recorded.id, recorded.agenda_item_id, recorded.meeting_id), (action_id, Some(item), Some(id)));
    assert_eq!(recorded.owner_names, vec!["Ann Archer", "Bob Baker"]);
    assert_eq!(recorded.due_on.as_deref(), Some("2026-12-22"));
    assert_eq!(recorded.created_on, "2026-12-08", "an action is born on the day of its meeting");
    store.state.write(|tx| record::remove_action(tx, action_id)).unwrap();
    assert!(store.state.read(|conn| agenda::detail(conn, id)).unwrap().actions.is_empty());
}

#[test]
fn minutes_are_approved_at_the_next_meeting_then_locked_and_only_amended() {
    let store = temp_store();
    set_up(&store, 1);
    let november = add_meeting(&store, "10/11/2026", "6.30pm");
    let december = add_meeting(&store, "8/12/2026", "6.30pm");
    let approve = |today: &str| {
        store.state.write(|tx| record::approve_previous(tx, december, "Item 7: 15 trips, not 14.", day(today), "now"))
    };
    let refused = approve("2026-12-08").unwrap_err().to_string();
    assert!(refused.contains("not been drafted"), "{refused}");
    held_with_draft_minutes(&store, november, "2026-11-10");
    let early = approve("2026-12-01").unwrap_err().to_string();
    assert!(early.contains("from Tuesday 8 December 2026"), "not before the meeting that approves them: {early}");
    let amend_draft = store.state.write(|tx| record::add_amendment(tx, november, "x", day("2026-12-01"), "now"));
    assert!(amend_draft.is_err(), "drafts are corrected directly, not amended");

    approve("2026-12-08").unwrap();
    let approved = store.state.read(|conn| meetings::get(conn, november)).unwrap();
    assert_eq!(approved.status, MeetingStatus::MinutesApproved);
    assert_eq!(
        (approved.approved_on.as_deref(), approved.approved_at_meeting_id),
        (Some("2026-12-08"), Some(december))
    );
    assert_eq!(approved.approval_corrections, "Item 7: 15 trips, not 14.");
    assert!(approve("2026-12-08").unwrap_err().to_string().contains("already approved"));

    let item = store.state.read(|conn| meetings::items(conn, november)).unwrap()[0].id;
    let edit = store.state.write(|tx| agenda::save_minutes(tx, item, "changed"));
    assert!(edit.unwrap_err().to_string().contains("locked"));
    let person = committee_member(&store, "Ann Archer");
    assert!(store
        .state
        .write(|tx| record::set_attendance(tx, november, person, Some(AttendanceStatus::Present)))
        .is_err());
    // The database refuses too, whatever the caller.
    for sql in [
        format!("UPDATE agenda_items SET minutes = 'silent edit' WHERE id = {item}"),
        format!("INSERT INTO agenda_items (meeting_id, position, title) VALUES ({november}, 99, 'Late item')"),
        format!("INSERT INTO decisions (agenda_item_id, text) VALUES ({item}, 'Late decision')"),
        format!("INSERT INTO attendance (meeting_id, person_id, status) VALUES ({november}, {person}, 'present')"),
        format!("INSERT INTO minute_amendments (meeting_id, made_on, text, created_at) VALUES ({december}, '2026-12-09', 'x', 'n')"),
    ] {
        assert!(store.state.write(|tx| Ok(tx.execute(&sql, [])?)).is_err(), "refused: {sql}");
    }
    store
        .state
        .write(|tx| record::add_amendment(tx, november, "The treasurer gave the report.", day("2027-01-05"), "now"))
        .unwrap();
    let detail = store.state.read(|conn| agenda::detail(conn, november)).unwrap();
    assert_eq!(detail.amendments[0].made_on, "2027-01-05");
    assert_eq!(
        store.state.read(|conn| meetings::items(conn, november)).unwrap()[0].minutes,
        "",
        "the approved text is unchanged"
    );
}

#[test]
fn members_may_ask_for_items_until_the_deadline() {
    let store = temp_store();
    set_up(&store, 1);
    let id = add_meeting(&store, "8/12/2026", "6.30pm");
    let member = add_person(&store.state, "Peter Wright", |p| p.roles = vec![Role::Member]);
    let item = |title: &str, by: Option<i64>| {
        AgendaItemInput {
            title: title.into(),
            presenter: String::new(),
            minutes_allowed: String::new(),
            purpose: Purpose::Discussion,
            notes_for_members: String::new(),
            requested_by_id: by,
        }
        .checked()
        .unwrap()
    };
    let add = |title: &str, by, today: &str| {
        store.state.write(|tx| agenda::add_item(tx, id, &item(title, by), day(today), 7))
    };
    add("Parking at the surgery", Some(member), "2026-12-01").expect("on the deadline day");
    let late = add("Opening hours", Some(member), "2026-12-02").unwrap_err();
    assert!(format!("{late:?}").contains("until Tuesday 1 December 2026"), "{late:?}");
    add("Flu clinic", None, "2026-12-07").expect("the secretary can still add items");
    let items = store.state.read(|conn| meetings::items(conn, id)).unwrap();
    let parking = items.iter().find(|i| i.title == "Parking at the surgery").unwrap();
    assert_eq!(parking.requested_by_name.as_deref(), Some("Peter Wright"));
}

#[test]
fn an_item_dragged_several_places_lands_where_it_was_dropped() {
    let store = temp_store();
    let id = add_meeting(&store, "8/12/2026", "6.30pm");
    let before: Vec<String> =
        store.state.read(|conn| meetings::items(conn, id)).unwrap().into_iter().map(|i| i.title).collect();
    let last = store.state.read(|conn| meetings::items(conn, id)).unwrap().last().unwrap().id;
    store.state.write(|tx| agenda::move_item(tx, last, -10)).unwrap();
    let after: Vec<String> =
        store.state.read(|conn| meetings::items(conn, id)).unwrap().into_iter().map(|i| i.title).collect();
    assert_eq!(after[0], "Date of next meeting");
    assert_eq!(&after[1..], &before[..before.len() - 1], "the others keep their order");
}

#[test]
fn the_agenda_template_is_kept_and_used_for_new_meetings() {
    let store = temp_store();
    let mut template = store.state.read(meetings::template).unwrap();
    template.retain(|t| t.title != "Befriending");
    template.insert(2, TemplateItem { title: "Patient survey".into(), purpose: Purpose::Discussion, standing: None });
    store.state.write(|tx| meetings::save_template(tx, &template)).unwrap();
    let id = add_meeting(&store, "8/12/2026", "6.30pm");
    let titles: Vec<String> =
        store.state.read(|conn| meetings::items(conn, id)).unwrap().into_iter().map(|i| i.title).collect();
    assert_eq!(titles[2], "Patient survey");
    assert!(!titles.contains(&"Befriending".to_string()));
    let blank = vec![TemplateItem { title: " ".into(), purpose: Purpose::Information, standing: None }];
    assert!(store.state.write(|tx| meetings::save_template(tx, &blank)).is_err());
    assert!(store.state.write(|tx| meetings::save_template(tx, &[])).is_err());
    assert_eq!(
        store.state.read(meetings::template).unwrap().len(),
        template.len(),
        "a refused template leaves the saved one alone"
    );
}

#[test]
fn printed_minutes_carry_attendance_notes_decisions_actions_and_approval() {
    let store = temp_store();
    set_up(&store, 1);
    let november = add_meeting(&store, "10/11/2026", "6.30pm");
    let december = add_meeting(&store, "8/12/2026", "6.30pm");
    let ann = committee_member(&store, "Ann Archer");
    let bob = committee_member(&store, "Bob Baker");
    store.state.write(|tx| record::set_attendance(tx, november, ann, Some(AttendanceStatus::Present))).unwrap();
    store.state.write(|tx| record::set_attendance(tx, november, bob, Some(AttendanceStatus::Apologies))).unwrap();
    let item = store.state.read(|conn| meetings::items(conn, november)).unwrap()[4].id;
    store
        .state
        .write(|tx| {
            agenda::save_minutes(
                tx,
                item,
                "The phones are **much** better.\n- Call-backs offered\n- Online requests answered",
            )
        })
        .unwrap();
    let decision = DecisionInput {
        text: "Thank the reception team".into(),
        proposer_id: Some(ann),
        seconder_id: None,
        votes_for: String::new(),
        votes_against: String::new(),
        abstentions: String::new(),
    };
    store.state.write(|tx| record::add_decision(tx, item, &decision.checked()?)).unwrap();
    let action = ActionInput {
        title: "Write to the practice manager".into(),
        owner_ids: vec![ann],
        due_on: "24/11/2026".into(),
        ..Default::default()
    };
    store.state.write(|tx| record::add_action(tx, item, &action, "now")).unwrap();
    let render = |id| {
        documents::render(&store.state, &DocumentKind::Minutes { meeting_id: id }, Profile::Standard, store.state.now())
            .unwrap()
    };

    let draft = tool("pdftotext", &["-layout"], &render(november)).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Draft Minutes: committee meeting",
        "Present Ann Archer",
        "Apologies Bob Baker",
        "Enough members were present to make decisions.",
        "The phones are much better.",
        "• Call-backs offered • Online requests answered",
        "Decision: Thank the reception team Proposed by Ann Archer.",
        "Action: Write to the practice manager – Ann Archer by 24 Nov 2026",
    ] {
        assert!(draft.contains(expected), "the draft minutes say {expected:?}:\n{draft}");
    }
    assert!(!draft.contains("Signed (chair)"), "no signature line on a draft");
    assert!(!draft.contains("**"), "formatting marks are not printed");

    held_with_draft_minutes(&store, november, "2026-11-10");
    store.state.write(|tx| record::approve_previous(tx, december, "", day("2026-12-08"), "now")).unwrap();
    let approved = tool("pdftotext", &["-layout"], &render(november)).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(approved.contains("Approved as a true record on Tuesday 8 December 2026."), "{approved}");
    assert!(approved.contains("Signed (chair):"));
    let next = tool("pdftotext", &["-layout"], &render(december)).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        next.contains("The minutes of the meeting held on Tuesday 10 November 2026 were approved as a true record."),
        "{next}"
    );
    let fonts = tool("pdffonts", &[], &render(november));
    assert!(fonts.lines().skip(2).all(|l| l.contains(" yes ")), "fonts embedded:\n{fonts}");
    let large = tool(
        "pdfinfo",
        &[],
        &documents::render(
            &store.state,
            &DocumentKind::Minutes { meeting_id: november },
            Profile::LargePrint,
            store.state.now(),
        )
        .unwrap(),
    );
    assert!(large.contains("Pages:"), "large print renders too");
}

#[test]
fn the_calendar_invite_parses_and_keeps_uk_local_times() {
    let store = temp_store();
    set_up(&store, 1);
    let summer = add_meeting(&store, "14/7/2026", "6.30pm");
    let winter = add_meeting(&store, "8/12/2026", "10am");
    let stamp = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(9, 0, 0).unwrap();
    for (id, start, end) in
        [(summer, "20260714T173000Z", "20260714T190000Z"), (winter, "20261208T100000Z", "20261208T113000Z")]
    {
        let text = store.state.read(|conn| meetings::ics::for_meeting(conn, id, stamp)).unwrap();
        let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let calendar = calendars.next().expect("one calendar").expect("it parses");
        assert!(calendars.next().is_none());
        assert_eq!(calendar.events.len(), 1);
        let value = |name: &str| {
            calendar.events[0]
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_default()
        };
        assert_eq!(value("DTSTART"), start, "6.30pm in summer is 17:30 UTC; 10am in winter is 10:00 UTC");
        assert_eq!(value("DTEND"), end, "no end time given: 90 minutes");
        assert_eq!(value("SUMMARY"), "Riverside PPG: committee meeting");
        assert_eq!(value("LOCATION"), "Community Room\\, Mill Lane", "commas escaped as RFC 5545 says");
        assert!(value("DESCRIPTION").contains("1. Welcome and apologies"));
        assert!(!value("UID").is_empty());
    }
}
