//! Befriending records as the screens, paper and command line use them, over the sample
//! PPG: a referral's whole record, the dashboard card, the anonymous report, the summary
//! sheet and subject access (PDF and JSON), and matches ending when a referral closes.

use ppg_desk_core::befriending::{self, detail, referrals, report, rules::CloseReason, rules::Stage};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::print::Profile;

use crate::print::{sample_store, tool};

fn id_of(store: &crate::support::TempStore, name: &str) -> i64 {
    store
        .state
        .read(befriending::list)
        .unwrap()
        .into_iter()
        .find(|r| r.full_name == name)
        .map(|r| r.id)
        .expect("a sample referral")
}

fn text(store: &crate::support::TempStore, kind: DocumentKind, profile: Profile) -> String {
    let bytes = documents::render(&store.state, &kind, profile, store.state.now()).unwrap();
    tool("pdftotext", &[], &bytes).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_sample_has_six_befrienders_and_about_twenty_referrals_at_every_stage() {
    let store = sample_store();
    let referrals = store.state.read(befriending::list).unwrap();
    assert_eq!(store.state.read(befriending::befrienders).unwrap().len(), 6);
    assert!((18..=22).contains(&referrals.len()), "{}", referrals.len());
    for stage in Stage::ALL {
        assert!(referrals.iter().any(|r| r.stage == *stage), "some referral is {}", stage.label());
    }
    let today = store.state.today();
    let card = store.state.read(|conn| ppg_desk_core::dashboard::befriending_card(conn, today)).unwrap();
    assert!(
        card.waiting_prompts.iter().any(|p| p.starts_with("Violet Ashby: not contacted for 20 days")),
        "{:?}",
        card.waiting_prompts
    );
    assert!(
        card.waiting_prompts.iter().any(|p| p.starts_with("Leonard Yates")),
        "never contacted, referred 16 days ago: {:?}",
        card.waiting_prompts
    );
    assert!(!card.waiting_prompts.iter().any(|p| p.starts_with("Elsie Whitworth")), "referred 3 days ago");
    assert_eq!(card.open_concerns, 1);
    assert!(!card.reviews_due.is_empty(), "someone's review falls within a fortnight");
}

#[test]
fn a_referral_record_gathers_everything_and_closing_ends_the_match() {
    let store = sample_store();
    let today = store.state.today();
    let rahima = id_of(&store, "Rahima Khatun");
    let record = store.state.read(|conn| detail::detail(conn, rahima, today)).unwrap();
    assert_eq!(record.referral.stage, Stage::Active);
    assert_eq!(record.matches.len(), 1);
    assert!(
        record.matches[0].befriender_name == "Aisha Begum",
        "the Bengali speaker is the top suggestion: {}",
        record.matches[0].befriender_name
    );
    assert!(!record.logs.is_empty() && record.concerns.iter().any(|c| c.is_open() && c.log_id.is_some()));
    assert!(record.scores.len() >= 2 && !record.progress.changes.is_empty());

    store.state.write(|tx| referrals::move_to(tx, rahima, Stage::Ending, None, today, "now")).unwrap();
    store
        .state
        .write(|tx| referrals::move_to(tx, rahima, Stage::Closed, Some(CloseReason::MovedAway), today, "now"))
        .unwrap();
    let record = store.state.read(|conn| detail::detail(conn, rahima, today)).unwrap();
    assert_eq!(record.matches[0].ended_on.as_deref(), Some(today.to_string().as_str()), "closing ends the match");
    let aisha =
        store.state.read(befriending::befrienders).unwrap().into_iter().find(|b| b.name == "Aisha Begum").unwrap();
    assert_eq!(aisha.matched, 0, "and frees the befriender");
}

#[test]
fn the_report_counts_without_naming_anyone_and_includes_erased_referrals() {
    let store = sample_store();
    let today = store.state.today();
    let year_ago = (today - chrono::Duration::days(3000)).format("%Y-%m").to_string();
    let this_month = today.format("%Y-%m").to_string();
    let before = store.state.read(|conn| report::report(conn, &year_ago, &this_month, today)).unwrap();
    let names: Vec<String> = store.state.read(befriending::list).unwrap().into_iter().map(|r| r.full_name).collect();
    assert_eq!(before.referrals as usize, names.len());
    assert!(before.outcome_people > 0 && before.outcome_changes[4].contains("better"), "{:?}", before.outcome_changes);

    let due = store.state.read(|conn| befriending::retention::due_for_erasure(conn, 24, today)).unwrap();
    assert_eq!(due.iter().map(|r| r.full_name.as_str()).collect::<Vec<_>>(), vec!["Dennis Fairbrother"]);
    store.state.write(|tx| befriending::retention::erase(tx, due[0].id)).unwrap();
    let after = store.state.read(|conn| report::report(conn, &year_ago, &this_month, today)).unwrap();
    assert_eq!(after.referrals, before.referrals, "the erased referral is still counted");
    assert_eq!(after.closed_by_reason, before.closed_by_reason);

    for profile in [Profile::Standard, Profile::LargePrint] {
        let printed =
            text(&store, DocumentKind::BefriendingReport { from: year_ago.clone(), to: this_month.clone() }, profile);
        assert!(
            printed.contains("Befriending scheme report")
                && printed.contains(&format!("{} referrals were received", after.referrals)),
            "{printed}"
        );
        assert!(printed.contains("Who referred them Number Social prescribing link worker"), "{printed}");
        for name in &names {
            assert!(!printed.contains(name.as_str()), "the report names nobody, but has {name}");
        }
    }
}

#[test]
fn subject_access_gives_the_whole_record_as_pdf_and_json_and_the_sheet_is_private() {
    let store = sample_store();
    let today = store.state.today();
    let rahima = id_of(&store, "Rahima Khatun");
    let printed = text(&store, DocumentKind::SubjectAccess { referral_id: rahima }, Profile::LargePrint);
    for expected in [
        "Your befriending record",
        "Rahima Khatun",
        "Bengali",
        "Aisha Begum",
        "A fresh bruise on her arm",
        "Not yet passed on",
        "Visits and calls",
        "Wellbeing and loneliness scores",
    ] {
        assert!(printed.contains(expected), "missing {expected:?}: {printed}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&store.state.read(|conn| befriending::subject_access_json(conn, rahima, today)).unwrap())
            .unwrap();
    assert_eq!(json["record"]["referral"]["fullName"], "Rahima Khatun");
    assert!(json["record"]["referral"]["consentHow"].as_str().is_some(), "consent is part of the record");
    assert!(json["record"]["logs"].as_array().unwrap().len() > 3);
    assert!(json["record"]["scores"].as_array().unwrap().len() >= 2);

    let sheet = text(&store, DocumentKind::ReferralSheet { referral_id: rahima }, Profile::Standard);
    assert!(
        sheet.contains("Befriending referral summary")
            && sheet.contains("Rahima Khatun")
            && sheet.contains("OPEN since"),
        "{sheet}"
    );
    for kind in
        [DocumentKind::ReferralSheet { referral_id: rahima }, DocumentKind::SubjectAccess { referral_id: rahima }]
    {
        let name = documents::file_name(&kind, Profile::Standard, today);
        assert!(!name.contains("rahima") && !name.contains("khatun") && !name.contains(&rahima.to_string()), "{name}");
    }
}

#[test]
fn a_concern_can_be_raised_on_the_person_or_on_one_of_their_visits_but_not_on_someone_elses() {
    use ppg_desk_core::befriending::relationship::raise_concern;
    let store = sample_store();
    let today = store.state.today();
    let (edna, albert) = (id_of(&store, "Edna Marsh"), id_of(&store, "Albert Finch"));
    let ednas_visit = store.state.read(|conn| detail::detail(conn, edna, today)).unwrap().logs[0].id;
    let Err(ppg_desk_core::error::Error::NotFound(_)) =
        store.state.write(|tx| raise_concern(tx, albert, Some(ednas_visit), "Worried", today, "now"))
    else {
        panic!("a concern cannot hang from another person's visit")
    };
    let Err(ppg_desk_core::error::Error::Invalid(fields)) =
        store.state.write(|tx| raise_concern(tx, edna, None, "  ", today, "now"))
    else {
        panic!("needs words")
    };
    assert_eq!(fields[0].field, "concernDetails");
    store
        .state
        .write(|tx| raise_concern(tx, edna, Some(ednas_visit), "Said the heating has broken", today, "now"))
        .unwrap();
    let record = store.state.read(|conn| detail::detail(conn, edna, today)).unwrap();
    assert!(record.concerns.iter().any(|c| c.log_id == Some(ednas_visit) && c.is_open()));
}
