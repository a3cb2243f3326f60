//! Tests of the befriending rules: stages, consent, matching limits and retention.

use super::*;

fn d(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

#[test]
fn nothing_passes_received_without_consent_and_closing_needs_a_reason() {
    let problem = transition_problem(Stage::Received, Stage::ConsentConfirmed, false, None).unwrap();
    assert!(problem.starts_with("Consent has not been recorded."));
    assert_eq!(transition_problem(Stage::Received, Stage::ConsentConfirmed, true, None), None);
    assert!(transition_problem(Stage::Contacted, Stage::Matched, true, None)
        .unwrap()
        .contains("the next step is assessed"));
    assert_eq!(transition_problem(Stage::Waiting, Stage::Assessed, true, None), None, "one step back is allowed");
    assert_eq!(
        transition_problem(Stage::Waiting, Stage::Closed, true, None).unwrap(),
        "Please choose why the referral is closing."
    );
    assert_eq!(
        transition_problem(Stage::Received, Stage::Closed, false, Some(CloseReason::Declined)),
        None,
        "closing needs no consent"
    );
    assert!(transition_problem(Stage::Closed, Stage::Active, true, None).unwrap().contains("closed"));
}

#[test]
fn people_waiting_are_prompted_after_the_contact_period() {
    let today = d("2026-11-24");
    assert_eq!(
        overdue_contact(Stage::Waiting, d("2026-10-01"), Some(d("2026-11-10")), 14, today),
        Some(14),
        "exactly 14 days is due"
    );
    assert_eq!(overdue_contact(Stage::Waiting, d("2026-10-01"), Some(d("2026-11-11")), 14, today), None);
    assert_eq!(
        overdue_contact(Stage::Received, d("2026-11-01"), None, 14, today),
        Some(23),
        "counted from referral if never contacted"
    );
    assert_eq!(
        overdue_contact(Stage::Active, d("2026-01-01"), None, 14, today),
        None,
        "matched people are not on the waiting list"
    );
}

#[test]
fn reviews_fall_at_six_weeks_then_every_three_months() {
    assert_eq!(
        review_dates(d("2026-01-05"), d("2026-12-31")),
        vec![d("2026-02-16"), d("2026-05-16"), d("2026-08-16"), d("2026-11-16")]
    );
    assert_eq!(next_review(d("2026-01-05"), 0), d("2026-02-16"));
    assert_eq!(next_review(d("2026-01-05"), 2), d("2026-08-16"));
    // Month ends: six weeks after 17 October is 28 November; three months on is 28 February.
    assert_eq!(next_review(d("2026-10-17"), 1), d("2027-02-28"));
}

#[test]
fn scores_are_0_to_10_and_ucla_items_1_to_3() {
    let ok = Scores {
        satisfied: 4,
        worthwhile: 10,
        happy: 0,
        anxious: 7,
        lack_companionship: 3,
        left_out: 2,
        isolated: 3,
        direct_loneliness: 2,
    };
    assert!(ok.problems().is_empty());
    assert_eq!(ok.ucla_total(), 8);
    let bad = Scores { satisfied: 11, lack_companionship: 0, left_out: 4, direct_loneliness: 6, ..ok };
    let fields: Vec<&str> = bad.problems().into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, vec!["satisfied", "lackCompanionship", "leftOut", "directLoneliness"]);
    let later = Scores {
        satisfied: 7,
        anxious: 7,
        lack_companionship: 2,
        left_out: 1,
        isolated: 2,
        direct_loneliness: 4,
        ..ok
    };
    let words = change_words(&ok, &later);
    assert_eq!(words[0], "Life satisfaction up 3 (from 4 to 7; better)");
    assert_eq!(words[3], "Anxiety yesterday unchanged at 7");
    assert_eq!(words[4], "Loneliness (UCLA, 3 to 9) down 3 (from 8 to 5; better)");
}

#[test]
fn befrienders_are_ranked_with_reasons_and_ruled_out_with_why() {
    let wants = Wants {
        interests: vec!["Gardening".into(), "football".into()],
        language: "Polish".into(),
        area: "Millbrook".into(),
        days: vec!["tue".into(), "thu".into()],
        contact: "visit".into(),
        befriender_gender: String::new(),
    };
    let good = Offers {
        interests: vec!["gardening".into(), "Cooking".into()],
        languages: vec!["English".into(), "polish".into()],
        area: "Millbrook".into(),
        days: vec!["thu".into()],
        contact: String::new(),
        gender: "female".into(),
        capacity: 2,
        matched: 1,
    };
    let (score, reasons) = suitability(&wants, &good).unwrap();
    assert_eq!(score, 3 + 4 + 2 + 2 + 1);
    assert_eq!(
        reasons,
        vec![
            "shares an interest in Gardening",
            "speaks Polish",
            "lives in Millbrook too",
            "free on Thursdays",
            "has room for 1 more"
        ]
    );
    assert_eq!(
        suitability(&wants, &Offers { matched: 2, ..good.clone() }).unwrap_err(),
        "has no room (2 of 2 already)"
    );
    assert_eq!(
        suitability(&wants, &Offers { contact: "phone".into(), ..good.clone() }).unwrap_err(),
        "offers phone calls only"
    );
    let prefers_male = Wants { befriender_gender: "male".into(), ..wants };
    assert!(suitability(&prefers_male, &good).is_err());
}
