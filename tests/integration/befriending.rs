//! Befriending referrals through the same rules the screens will use: nothing past
//! "received" without consent (in Rust and in SQL), closing needs a reason, the contacts log
//! and the waiting-list prompt.

use chrono::NaiveDate;
use ppg_desk::befriending::referrals::{self, ConsentHow, ConsentInput, ContactHow, ReferralInput, Source};
use ppg_desk::befriending::rules::{CloseReason, Stage};
use ppg_desk::error::Error;

use crate::support::{temp_store, TempStore};

const NOW: &str = "2026-11-24T10:00:00";

fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

fn refer(store: &TempStore, name: &str, received: &str) -> i64 {
    let input = ReferralInput { full_name: name.into(), source: Some(Source::Gp), received_on: received.into(), reason: "Lives alone since her husband died".into(), ..Default::default() };
    let checked = input.checked(day("2026-11-24")).unwrap();
    store.state.write(&[], |tx| ppg_desk::befriending::insert(tx, &checked, NOW)).unwrap()
}

fn move_to(store: &TempStore, id: i64, to: Stage, reason: Option<CloseReason>) -> ppg_desk::error::Result<()> {
    store.state.write(&[], |tx| referrals::move_to(tx, id, to, reason, day("2026-11-24"), NOW))
}

#[test]
fn consent_gates_the_pipeline_in_rust_and_in_sql() {
    let store = temp_store();
    let id = refer(&store, "Edna Marsh", "2/11/2026");
    let Err(Error::Refused(why)) = move_to(&store, id, Stage::ConsentConfirmed, None) else { panic!("no consent yet") };
    assert!(why.starts_with("Consent has not been recorded."), "{why}");
    assert!(store.state.write(&[], |tx| Ok(tx.execute("UPDATE referrals SET stage = 'contacted' WHERE id = ?1", [id])?)).is_err(), "the database refuses too");

    let Err(Error::Invalid(fields)) = store.state.write(&[], |tx| referrals::record_consent(tx, id, &ConsentInput { consent_on: "3/11/2026".into(), ..Default::default() }, day("2026-11-24"), NOW)) else {
        panic!("who and how are needed")
    };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["takenBy", "how"]);
    let consent = ConsentInput { consent_on: "3/11/2026".into(), taken_by: "Chloé Dubois (SPLW)".into(), how: Some(ConsentHow::Phone) };
    store.state.write(&[], |tx| referrals::record_consent(tx, id, &consent, day("2026-11-24"), NOW)).unwrap();
    move_to(&store, id, Stage::ConsentConfirmed, None).unwrap();
    move_to(&store, id, Stage::Contacted, None).unwrap();
    let Err(Error::Refused(why)) = move_to(&store, id, Stage::Active, None) else { panic!("one step at a time") };
    assert!(why.contains("the next step is assessed"));

    let Err(Error::Invalid(fields)) = move_to(&store, id, Stage::Closed, None) else { panic!("a reason is needed") };
    assert_eq!(fields[0].field, "closeReason");
    move_to(&store, id, Stage::Closed, Some(CloseReason::MovedAway)).unwrap();
    let closed = store.state.read(|conn| ppg_desk::befriending::get(conn, id)).unwrap();
    assert_eq!((closed.stage, closed.close_reason, closed.closed_on.as_deref()), (Stage::Closed, Some(CloseReason::MovedAway), Some("2026-11-24")));
    assert!(store.state.write(&[], |tx| Ok(tx.execute("UPDATE referrals SET close_reason = '' WHERE id = ?1", [id])?)).is_err(), "closed needs its reason in SQL");
}

#[test]
fn the_waiting_list_puts_the_longest_wait_first_and_prompts_after_14_days() {
    let store = temp_store();
    let older = refer(&store, "Albert Finch", "1/10/2026");
    let newer = refer(&store, "Dora Pike", "17/11/2026");
    store.state.write(&[], |tx| referrals::log_contact(tx, older, "15/11/2026", Some(ContactHow::Phone), "Still keen; likes dominoes.", day("2026-11-24"), NOW)).unwrap();
    let list = store.state.read(|conn| referrals::waiting_list(conn, day("2026-11-24"))).unwrap();
    assert_eq!(list.iter().map(|l| l.referral.full_name.as_str()).collect::<Vec<_>>(), vec!["Albert Finch", "Dora Pike"]);
    assert_eq!((list[0].days_waiting, list[0].contact_overdue_days), (54, None), "called 9 days ago");
    assert_eq!(list[0].referral.last_contact.as_deref(), Some("2026-11-15"));
    let later = store.state.read(|conn| referrals::waiting_list(conn, day("2026-12-01"))).unwrap();
    assert_eq!(later[0].contact_overdue_days, Some(16), "16 days since the last call");
    assert_eq!((later[1].referral.id, later[1].contact_overdue_days), (newer, Some(14)), "never called, referred exactly 14 days before: due");
}

#[test]
fn a_referral_needs_a_name_a_source_and_the_link_worker_when_one_referred() {
    let Err(Error::Invalid(fields)) = ReferralInput { source: Some(Source::Splw), received_on: "25/11/2026".into(), age_band: "old".into(), ..Default::default() }.checked(day("2026-11-24")) else {
        panic!("refused")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, vec!["fullName", "ageBand", "referrerContactId", "receivedOn"]);
}
