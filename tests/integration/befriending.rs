//! Befriending referrals through the same rules the screens will use: nothing past
//! "received" without consent (in Rust and in SQL), closing needs a reason, the contacts log
//! and the waiting-list prompt.

use chrono::NaiveDate;
use ppg_desk_core::befriending::referrals::{self, ConsentHow, ConsentInput, ContactHow, ReferralInput, Source};
use ppg_desk_core::befriending::rules::{CloseReason, Stage};
use ppg_desk_core::error::Error;

use crate::support::{temp_store, TempStore};

const NOW: &str = "2026-11-24T10:00:00";

fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

pub fn refer(store: &TempStore, name: &str, received: &str) -> i64 {
    let input = ReferralInput {
        full_name: name.into(),
        source: Some(Source::Gp),
        received_on: received.into(),
        reason: "Lives alone since her husband died".into(),
        ..Default::default()
    };
    let checked = input.checked(day("2026-11-24")).unwrap();
    store.state.write(|tx| ppg_desk_core::befriending::insert(tx, &checked, NOW)).unwrap()
}

fn move_to(store: &TempStore, id: i64, to: Stage, reason: Option<CloseReason>) -> ppg_desk_core::error::Result<()> {
    store.state.write(|tx| referrals::move_to(tx, id, to, reason, day("2026-11-24"), NOW))
}

#[test]
fn consent_gates_the_pipeline_in_rust_and_in_sql() {
    let store = temp_store();
    let id = refer(&store, "Edna Marsh", "2/11/2026");
    let Err(Error::Refused(why)) = move_to(&store, id, Stage::ConsentConfirmed, None) else { panic!("no consent yet") };
    assert!(why.starts_with("Consent has not been recorded."), "{why}");
    assert!(
        store
            .state
            .write(|tx| Ok(tx.execute("UPDATE referrals SET stage = 'contacted' WHERE id = ?1", [id])?))
            .is_err(),
        "the database refuses too"
    );

    let Err(Error::Invalid(fields)) = store.state.write(|tx| {
        referrals::record_consent(
            tx,
            id,
            &ConsentInput { consent_on: "3/11/2026".into(), ..Default::default() },
            day("2026-11-24"),
            NOW,
        )
    }) else {
        panic!("who and how are needed")
    };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["takenBy", "how"]);
    let consent = ConsentInput {
        consent_on: "3/11/2026".into(),
        taken_by: "Chloé Dubois (SPLW)".into(),
        how: Some(ConsentHow::Phone),
    };
    store.state.write(|tx| referrals::record_consent(tx, id, &consent, day("2026-11-24"), NOW)).unwrap();
    move_to(&store, id, Stage::ConsentConfirmed, None).unwrap();
    move_to(&store, id, Stage::Contacted, None).unwrap();
    let Err(Error::Refused(why)) = move_to(&store, id, Stage::Active, None) else { panic!("one step at a time") };
    assert!(why.contains("the next step is assessed"));

    let Err(Error::Invalid(fields)) = move_to(&store, id, Stage::Closed, None) else { panic!("a reason is needed") };
    assert_eq!(fields[0].field, "closeReason");
    move_to(&store, id, Stage::Closed, Some(CloseReason::MovedAway)).unwrap();
    let closed = store.state.read(|conn| ppg_desk_core::befriending::get(conn, id)).unwrap();
    assert_eq!(
        (closed.stage, closed.close_reason, closed.closed_on.as_deref()),
        (Stage::Closed, Some(CloseReason::MovedAway), Some("2026-11-24"))
    );
    assert!(
        store.state.write(|tx| Ok(tx.execute("UPDATE referrals SET close_reason = '' WHERE id = ?1", [id])?)).is_err(),
        "closed needs its reason in SQL"
    );
}

#[test]
fn the_waiting_list_puts_the_longest_wait_first_and_prompts_after_14_days() {
    let store = temp_store();
    let older = refer(&store, "Albert Finch", "1/10/2026");
    let newer = refer(&store, "Dora Pike", "17/11/2026");
    store
        .state
        .write(|tx| {
            referrals::log_contact(
                tx,
                older,
                "15/11/2026",
                Some(ContactHow::Phone),
                "Still keen; likes dominoes.",
                day("2026-11-24"),
                NOW,
            )
        })
        .unwrap();
    let list = store.state.read(|conn| referrals::waiting_list(conn, day("2026-11-24"))).unwrap();
    assert_eq!(
        list.iter().map(|l| l.referral.full_name.as_str()).collect::<Vec<_>>(),
        vec!["Albert Finch", "Dora Pike"]
    );
    assert_eq!((list[0].days_waiting, list[0].contact_overdue_days), (54, None), "called 9 days ago");
    assert_eq!(list[0].referral.last_contact.as_deref(), Some("2026-11-15"));
    let later = store.state.read(|conn| referrals::waiting_list(conn, day("2026-12-01"))).unwrap();
    assert_eq!(later[0].contact_overdue_days, Some(16), "16 days since the last call");
    assert_eq!(
        (later[1].referral.id, later[1].contact_overdue_days),
        (newer, Some(14)),
        "never called, referred exactly 14 days before: due"
    );
}

#[test]
fn a_referral_needs_a_name_a_source_and_the_link_worker_when_one_referred() {
    let Err(Error::Invalid(fields)) = ReferralInput {
        source: Some(Source::Splw),
        received_on: "25/11/2026".into(),
        age_band: "old".into(),
        ..Default::default()
    }
    .checked(day("2026-11-24")) else {
        panic!("refused")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, vec!["fullName", "ageBand", "referrerContactId", "receivedOn"]);
}

fn befriender(
    store: &TempStore,
    name: &str,
    tweak: impl FnOnce(&mut ppg_desk_core::befriending::matching::BefrienderInput),
) -> i64 {
    let person = crate::support::add_person(&store.state, name, |_| {});
    let mut input = ppg_desk_core::befriending::matching::BefrienderInput {
        person_id: Some(person),
        active: true,
        capacity: "1".into(),
        ..Default::default()
    };
    tweak(&mut input);
    let checked = input.checked(day("2026-11-24")).unwrap();
    store.state.write(|tx| ppg_desk_core::befriending::insert_befriender(tx, &checked, NOW)).unwrap()
}

fn to_waiting(store: &TempStore, id: i64) {
    let consent = ConsentInput {
        consent_on: "3/11/2026".into(),
        taken_by: "Coordinator".into(),
        how: Some(ConsentHow::InPerson),
    };
    store.state.write(|tx| referrals::record_consent(tx, id, &consent, day("2026-11-24"), NOW)).unwrap();
    for stage in [Stage::ConsentConfirmed, Stage::Contacted, Stage::Assessed, Stage::Waiting] {
        move_to(store, id, stage, None).unwrap();
    }
}

#[test]
fn befrienders_are_ranked_with_reasons_and_a_match_becomes_active_at_the_first_meeting() {
    use ppg_desk_core::befriending::matching;
    let store = temp_store();
    let id = {
        let input = ReferralInput {
            full_name: "Stanisław Nowicki".into(),
            source: Some(Source::Gp),
            received_on: "1/10/2026".into(),
            language: "Polish".into(),
            interests: "chess, gardening".into(),
            area: "Millbrook".into(),
            days: vec!["tue".into()],
            wants_contact: "visit".into(),
            ..Default::default()
        };
        let checked = input.checked(day("2026-11-24")).unwrap();
        store.state.write(|tx| ppg_desk_core::befriending::insert(tx, &checked, NOW)).unwrap()
    };
    let anna = befriender(&store, "Anna Kowal", |b| {
        b.languages = "English, Polish".into();
        b.interests = "Gardening".into();
        b.area = "Millbrook".into();
        b.days = vec!["tue".into()];
    });
    let bill = befriender(&store, "Bill Ross", |b| {
        b.interests = "chess".into();
    });
    let phone_only = befriender(&store, "Pat Lee", |b| {
        b.contact = "phone".into();
        b.interests = "chess, gardening".into();
    });

    let ranked = store.state.read(|conn| matching::suggest(conn, id)).unwrap();
    assert_eq!(ranked.iter().map(|s| s.befriender_id).collect::<Vec<_>>(), vec![anna, bill, phone_only]);
    assert_eq!(
        ranked[0].reasons[..3],
        ["shares an interest in gardening".to_string(), "speaks Polish".into(), "lives in Millbrook too".into()]
    );
    assert_eq!(ranked[2].ruled_out.as_deref(), Some("offers phone calls only"));

    let Err(Error::Refused(why)) = store.state.write(|tx| matching::make_match(tx, id, anna, day("2026-11-24"), NOW))
    else {
        panic!("not waiting yet")
    };
    assert!(why.contains("this referral is received"), "{why}");
    to_waiting(&store, id);
    let Err(Error::Refused(why)) =
        store.state.write(|tx| matching::make_match(tx, id, phone_only, day("2026-11-24"), NOW))
    else {
        panic!("ruled out")
    };
    assert_eq!(why, "Pat Lee offers phone calls only.");
    store.state.write(|tx| matching::make_match(tx, id, anna, day("2026-11-24"), NOW)).unwrap();
    assert_eq!(store.state.read(|conn| ppg_desk_core::befriending::get(conn, id)).unwrap().stage, Stage::Matched);
    assert_eq!(
        store.state.read(|conn| ppg_desk_core::befriending::get_befriender(conn, anna)).unwrap().matched,
        1,
        "Anna is now full"
    );

    let Err(Error::Invalid(fields)) =
        store.state.write(|tx| matching::first_meeting(tx, id, "20/11/2026", day("2026-11-24"), NOW))
    else {
        panic!("before the match")
    };
    assert_eq!(fields[0].message, "They cannot have met before they were matched.");
    store.state.write(|tx| matching::first_meeting(tx, id, "24/11/2026", day("2026-11-24"), NOW)).unwrap();
    assert_eq!(store.state.read(|conn| ppg_desk_core::befriending::get(conn, id)).unwrap().stage, Stage::Active);
    assert!(
        store.state.write(|tx| Ok(tx.execute("INSERT INTO matches (referral_id, befriender_id, matched_on, created_at) VALUES (?1, ?2, '2026-11-24', '')", [id, bill])?)).is_err(),
        "one current match per person, in SQL"
    );
}

#[test]
fn concerns_stay_open_until_passed_on_and_scores_show_the_change_and_the_next_review() {
    use ppg_desk_core::befriending::matching;
    use ppg_desk_core::befriending::relationship::{self, LogInput, Occasion};
    use ppg_desk_core::befriending::rules::Scores;
    let store = temp_store();
    let id = refer(&store, "Edna Marsh", "1/10/2026");
    let ann = befriender(&store, "Ann Archer", |_| {});
    to_waiting(&store, id);
    let today = day("2026-11-24");
    store.state.write(|tx| matching::make_match(tx, id, ann, day("2026-10-20"), NOW)).unwrap();
    store.state.write(|tx| matching::first_meeting(tx, id, "27/10/2026", today, NOW)).unwrap();

    let visit = LogInput {
        happened_on: "10/11/2026".into(),
        kind: "visit".into(),
        minutes: "60".into(),
        notes: "Tea and a chat.".into(),
        concern: "Had a fall last week and was not seen by anyone.".into(),
    };
    store.state.write(|tx| relationship::log(tx, id, &visit, today, NOW)).unwrap();
    let Err(Error::Invalid(fields)) = store.state.write(|tx| {
        relationship::log(
            tx,
            id,
            &LogInput {
                happened_on: "1/10/2026".into(),
                kind: "letter".into(),
                minutes: "lots".into(),
                ..Default::default()
            },
            today,
            NOW,
        )
    }) else {
        panic!("refused")
    };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["happenedOn", "kind", "minutes"]);

    let open = store.state.read(|conn| ppg_desk_core::befriending::open_concerns(conn, None)).unwrap();
    assert_eq!(open.len(), 1);
    assert!(open[0].is_open());
    let Err(Error::Invalid(fields)) =
        store.state.write(|tx| relationship::pass_on_concern(tx, open[0].id, "", "9/11/2026", today))
    else {
        panic!("who and when")
    };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["passedTo", "passedOn"]);
    store
        .state
        .write(|tx| relationship::pass_on_concern(tx, open[0].id, "Practice safeguarding lead", "11/11/2026", today))
        .unwrap();
    assert!(store.state.read(|conn| ppg_desk_core::befriending::open_concerns(conn, None)).unwrap().is_empty());

    let start = Scores {
        satisfied: 3,
        worthwhile: 4,
        happy: 3,
        anxious: 8,
        lack_companionship: 3,
        left_out: 3,
        isolated: 3,
        direct_loneliness: 1,
    };
    let Err(Error::Invalid(fields)) = store.state.write(|tx| {
        relationship::record_scores(tx, id, "27/10/2026", Occasion::Start, &Scores { happy: 12, ..start }, today, NOW)
    }) else {
        panic!("out of range")
    };
    assert_eq!(fields[0].field, "happy");
    assert!(store.state.write(|tx| Ok(tx.execute("INSERT INTO outcome_scores (referral_id, taken_on, occasion, satisfied, worthwhile, happy, anxious, lack_companionship, left_out, isolated, direct_loneliness, created_at) VALUES (?1, '2026-11-01', 'review', 1, 1, 1, 1, 4, 1, 1, 1, '')", [id])?)).is_err(), "UCLA items are 1 to 3 in SQL too");
    store
        .state
        .write(|tx| relationship::record_scores(tx, id, "27/10/2026", Occasion::Start, &start, today, NOW))
        .unwrap();
    assert_eq!(
        store.state.read(|conn| relationship::progress(conn, id)).unwrap().next_review.as_deref(),
        Some("2026-12-08"),
        "six weeks after the first meeting"
    );
    let later = Scores {
        satisfied: 6,
        anxious: 5,
        lack_companionship: 2,
        left_out: 2,
        isolated: 2,
        direct_loneliness: 3,
        ..start
    };
    store
        .state
        .write(|tx| relationship::record_scores(tx, id, "8/12/2026", Occasion::Review, &later, day("2026-12-08"), NOW))
        .unwrap();
    let progress = store.state.read(|conn| relationship::progress(conn, id)).unwrap();
    assert_eq!(progress.changes[0], "Life satisfaction up 3 (from 3 to 6; better)");
    assert_eq!(progress.changes[4], "Loneliness (UCLA, 3 to 9) down 3 (from 9 to 6; better)");
    assert_eq!(progress.next_review.as_deref(), Some("2027-03-08"), "then every three months");
}

#[test]
fn erasing_a_closed_referral_leaves_no_trace_of_the_person_but_keeps_an_anonymous_count() {
    use ppg_desk_core::befriending::relationship::{self, LogInput};
    use ppg_desk_core::befriending::{self, matching, retention};
    let store = temp_store();
    let gone = refer(&store, "Philippa Quorndon-Vesey", "1/1/2024");
    let kept = refer(&store, "Edna Marsh", "1/10/2026");
    let ann = befriender(&store, "Ann Archer", |_| {});
    to_waiting(&store, gone);
    store.state.write(|tx| matching::make_match(tx, gone, ann, day("2024-02-01"), NOW)).unwrap();
    store.state.write(|tx| matching::first_meeting(tx, gone, "5/2/2024", day("2024-02-05"), NOW)).unwrap();
    let visit = LogInput {
        happened_on: "12/2/2024".into(),
        kind: "call".into(),
        notes: "Quorndon-Vesey garden news".into(),
        concern: "Quorndon-Vesey seemed confused".into(),
        ..Default::default()
    };
    store.state.write(|tx| relationship::log(tx, gone, &visit, day("2024-03-01"), NOW)).unwrap();
    store
        .state
        .write(|tx| referrals::move_to(tx, gone, Stage::Closed, Some(CloseReason::EndedWell), day("2024-06-30"), NOW))
        .unwrap();

    let due = store.state.read(|conn| retention::due_for_erasure(conn, 24, day("2026-11-24"))).unwrap();
    assert_eq!(
        due.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![gone],
        "closed over 24 months ago; the open one is kept"
    );
    assert!(store.state.read(|conn| retention::due_for_erasure(conn, 36, day("2026-11-24"))).unwrap().is_empty());

    store.state.write(|tx| retention::erase(tx, gone)).unwrap();
    store.state.read(ppg_desk_core::db::flush_erased).unwrap();
    assert!(store.state.read(|conn| ppg_desk_core::befriending::get(conn, gone)).is_err());
    assert!(store.state.read(|conn| ppg_desk_core::befriending::get(conn, kept)).is_ok());
    assert_eq!(store.state.read(befriending::history_count).unwrap(), 1, "an anonymous line is kept for reports");
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", store.state.paths().db_file().display());
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(!bytes.windows(b"Quorndon".len()).any(|w| w == b"Quorndon"), "the erased name is not in {path}");
    }
}
