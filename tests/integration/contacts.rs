//! Contacts through the same rules as the window: the interaction log and "last met", the
//! link-worker dashboard card (and at meetings), and vCard read by a standard parser.

use chrono::NaiveDate;
use ppg_desk_core::contacts::{
    self, vcard, ContactInput, ContactRole, InteractionInput, InteractionKind, PreferredContact,
};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::print::Profile;

use crate::print::{sample_store, tool};
use crate::support::{temp_store, TempStore};

const NOW: &str = "2026-11-24T10:00:00";

pub fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

fn add_contact(store: &TempStore, name: &str, role: ContactRole, tweak: impl FnOnce(&mut ContactInput)) -> i64 {
    let mut input = ContactInput { full_name: name.into(), role: Some(role), ..Default::default() };
    tweak(&mut input);
    let checked = input.checked().unwrap();
    store.state.write(|tx| contacts::insert(tx, &checked, NOW)).unwrap()
}

fn log(
    store: &TempStore,
    id: i64,
    on: &str,
    kind: InteractionKind,
    follow_up: &str,
) -> ppg_desk_core::error::Result<i64> {
    let input = InteractionInput {
        happened_on: on.into(),
        kind: Some(kind),
        notes: "Notes".into(),
        follow_up: follow_up.into(),
        follow_up_due: String::new(),
    };
    store.state.write(|tx| contacts::add_interaction(tx, id, &input, day("2026-11-24"), NOW))
}

pub fn dashboard(store: &TempStore, today: &str) -> ppg_desk_core::dashboard::Dashboard {
    store.state.read(|conn| ppg_desk_core::dashboard::dashboard(conn, day(today))).unwrap()
}

#[test]
fn meeting_the_splw_updates_last_met_and_clears_the_dashboard_card() {
    let store = temp_store();
    assert!(dashboard(&store, "2026-11-24").splw_reminder.unwrap().contains("No social prescribing link worker"));
    let splw = add_contact(&store, "Chloé Dubois", ContactRole::Splw, |_| {});
    assert!(dashboard(&store, "2026-11-24").splw_reminder.unwrap().contains("not met"));

    log(&store, splw, "20/11/2026", InteractionKind::Phone, "").unwrap();
    let contact = store.state.read(|conn| contacts::get(conn, splw)).unwrap();
    assert_eq!(contact.last_met, None, "a phone call is not meeting them");

    log(&store, splw, "10/03/2026", InteractionKind::AttendedMeeting, "").unwrap();
    assert!(dashboard(&store, "2026-11-24").splw_reminder.unwrap().contains("10 March 2026"));
    log(&store, splw, "17/11/2026", InteractionKind::AttendedMeeting, "Send her the directory").unwrap();
    let contact = store.state.read(|conn| contacts::get(conn, splw)).unwrap();
    assert_eq!(contact.last_met.as_deref(), Some("2026-11-17"));
    assert_eq!(dashboard(&store, "2026-11-24").splw_reminder, None);

    let entries = store.state.read(|conn| contacts::interactions(conn, splw)).unwrap();
    assert_eq!(entries.len(), 3, "newest first: {entries:?}");
    assert_eq!(entries[0].happened_on, "2026-11-20");
    assert_eq!(entries[1].happened_on, "2026-11-17");
    assert_eq!(entries[1].action_title.as_deref(), Some("Send her the directory"));
    let action = store.state.read(|conn| ppg_desk_core::actions::get(conn, entries[1].action_id.unwrap())).unwrap();
    assert_eq!(action.outside_owner, "Chloé Dubois", "the follow-up is theirs, for the actions tracker");

    let Err(ppg_desk_core::error::Error::Invalid(fields)) = log(&store, splw, "25/11/2026", InteractionKind::Phone, "")
    else {
        panic!("future refused")
    };
    assert_eq!(fields[0].field, "happenedOn");
}

#[test]
fn vcards_are_read_by_a_standard_parser_and_come_back_the_same() {
    let store = temp_store();
    add_contact(&store, "Chloé Dubois", ContactRole::Splw, |c| {
        c.organisation = "Riverside and Villages PCN".into();
        c.phone = "01632 960555".into();
        c.email = "chloe.dubois@example.org".into();
        c.working_days = vec!["mon".into(), "thu".into()];
        c.preferred_contact = Some(PreferredContact::Email);
        c.notes = "Covers two practices; shared with Oakford.\nSecond line: Zoë's café".into();
    });
    add_contact(&store, "Anwar Rahman", ContactRole::Council, |_| {});
    let contacts = store.state.read(|conn| contacts::list(conn, "")).unwrap();
    let text = vcard::export(&contacts);

    let cards: Vec<_> = ical::VcardParser::new(std::io::BufReader::new(text.as_bytes()))
        .collect::<Result<_, _>>()
        .expect("a standard parser reads every card");
    assert_eq!(cards.len(), 2);
    let chloe = cards
        .iter()
        .find(|c| c.properties.iter().any(|p| p.name == "FN" && p.value.as_deref() == Some("Chloé Dubois")))
        .expect("FN kept exactly");
    let value =
        |name: &str| chloe.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default();
    assert_eq!(value("VERSION"), "4.0");
    assert_eq!(value("ROLE"), "Social prescribing link worker");
    assert_eq!(value("EMAIL"), "chloe.dubois@example.org");
    assert!(value("TEL").contains("01632 960555"));
    assert!(value("NOTE").contains("Second line"), "multi-line notes are escaped, not cut: {}", value("NOTE"));

    let back = vcard::read(&text).unwrap();
    let again: Vec<ContactInput> = contacts
        .iter()
        .map(|c| ContactInput {
            full_name: c.full_name.clone(),
            role: Some(c.role),
            organisation: c.organisation.clone(),
            pcn: c.pcn.clone(),
            practices: c.practices.clone(),
            working_days: c.working_days.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            preferred_contact: Some(c.preferred_contact),
            notes: c.notes.clone(),
        })
        .collect();
    assert_eq!(back, again.iter().map(|c| c.checked().unwrap()).collect::<Vec<_>>());
}

#[test]
fn a_bad_vcard_file_names_each_bad_card_and_adds_nothing() {
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good Person\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bad Email\r\nEMAIL:not-an-address\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:someone@example.org\r\nEND:VCARD\r\n";
    let problems = vcard::read(text).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("Card 2:"));
    assert!(problems[1].starts_with("Card 3:"));
    assert_eq!(vcard::read("hello").unwrap_err().len(), 1);
}

#[test]
fn a_link_worker_at_a_meeting_counts_as_met_is_minuted_and_locked_with_the_minutes() {
    use ppg_desk_core::meetings::{self, record, MeetingStatus};
    let store = sample_store();
    let chloe = store.state.read(|conn| contacts::list(conn, "chloé")).unwrap()[0].clone();
    let meetings_list = store.state.read(meetings::list).unwrap();
    let planned = meetings_list.iter().find(|m| m.status == MeetingStatus::Planned).unwrap().clone();
    let draft = meetings_list.iter().find(|m| m.status == MeetingStatus::DraftMinutes).unwrap().clone();
    let approved = meetings_list.iter().find(|m| m.status == MeetingStatus::MinutesApproved).unwrap().clone();

    // A guest at a meeting still to come is not "met" yet.
    store.state.write(|tx| record::add_guest(tx, planned.id, chloe.id)).unwrap();
    assert_eq!(store.state.read(|conn| contacts::get(conn, chloe.id)).unwrap().last_met, chloe.last_met);

    store.state.write(|tx| record::add_guest(tx, draft.id, chloe.id)).unwrap();
    assert_eq!(store.state.read(|conn| contacts::get(conn, chloe.id)).unwrap().last_met, Some(draft.meets_on.clone()));
    let detail = store.state.read(|conn| meetings::agenda::detail(conn, draft.id)).unwrap();
    assert_eq!(detail.guests.iter().map(|g| g.full_name.as_str()).collect::<Vec<_>>(), vec!["Chloé Dubois"]);
    let minutes = documents::render(
        &store.state,
        &DocumentKind::Minutes { meeting_id: draft.id },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &minutes).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Guests") && text.contains("Chloé Dubois (Social prescribing link worker)"), "{text}");

    // Approved minutes take no new guests, in Rust and in SQL.
    assert!(store.state.write(|tx| record::add_guest(tx, approved.id, chloe.id)).is_err());
    let raw = store.state.write(|tx| {
        Ok(tx.execute("INSERT INTO meeting_guests (meeting_id, contact_id) VALUES (?1, ?2)", [approved.id, chloe.id])?)
    });
    assert!(raw.is_err(), "the trigger refuses it");
}
