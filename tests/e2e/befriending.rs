//! The befriending scheme in the real window: a referral from the sample link worker is
//! refused past "received" without consent (and says why), then consented, moved to the
//! waiting list and matched with the top suggestion; a visit is logged with a concern, the
//! concern is passed on, scores are taken at the start and a review, and the report prints.

use chrono::Datelike;
use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;
use crate::{choose, pick, section_text};

fn next_step(app: &Session, to: &str) {
    app.click_css("#next-step");
    app.wait_for_text(&format!("Where this referral stands: {to}"));
}

fn fill_scores(app: &Session, answers: [&str; 8]) {
    for (field, answer) in
        ["satisfied", "worthwhile", "happy", "anxious", "lackCompanionship", "leftOut", "isolated", "directLoneliness"]
            .iter()
            .zip(answers)
    {
        app.fill(&format!("#{field}"), answer);
    }
    app.click_button("Save the scores");
    app.wait_for_text("The scores have been saved.");
}

#[test]
fn a_referral_goes_from_the_link_worker_to_a_reported_match() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Next meeting");
    let card = section_text(&app, "befriending-card-title");
    assert!(
        card.contains("not contacted for") && card.contains("safeguarding concern"),
        "the dashboard prompts:\n{card}"
    );
    // An old closed referral is due for erasure: the dashboard says so and leads to the list.
    app.click_button("See the referrals due for erasure");
    app.wait_for_text("Due for erasure");
    app.wait_for_text("Dennis Fairbrother");
    assert_accessible(&app, "befriending-erasure");

    pick(&app, "Board");
    app.wait_for_text("Waiting for a match (");
    assert_accessible(&app, "befriending-board");
    app.screenshot("befriending-board");
    pick(&app, "List");
    app.wait_for_text("Last contact");
    assert_accessible(&app, "befriending-list");

    // A referral from the sample SPLW.
    app.click_button("New referral");
    choose(&app, "#source", "Social prescribing link worker");
    choose(&app, "#referrerContactId", "Chloé Dubois");
    app.fill("#fullName", "Winifred Ackroyd");
    app.fill("#interests", "gardening, baking");
    app.fill("#area", "Riverside");
    pick(&app, "Lives alone");
    assert_accessible(&app, "referral-form");
    app.click_button("Save the referral");
    app.wait_for_text("Consent has not been recorded. Nothing can go further until it is.");
    assert!(app.body_text().contains("Social prescribing link worker: Chloé Dubois"), "who referred her is shown");

    // Without consent it cannot move on, and says why beside the button.
    app.click_css("#next-step");
    app.wait_for_text("Record when they agreed, who took their consent and how (in person, by phone or in writing) before going further.");
    assert_accessible(&app, "referral-page");
    app.fill("#takenBy", "Eileen McCarthy");
    pick(&app, "By phone");
    app.click_button("Record consent");
    app.wait_for_text("taken by Eileen McCarthy");
    for to in ["Consent confirmed", "Contacted", "Assessed", "Waiting for a match"] {
        next_step(&app, to);
    }

    // Match with the top suggestion, shown with its reasons.
    app.wait_for_text("shares an interest in");
    let top = app.execute(
        "const b = document.querySelector('.match-button'); return b ? b.textContent.trim() : null;",
        json!([]),
    );
    let top = top.as_str().expect("someone can befriend her").trim_start_matches("Match with ").to_string();
    app.screenshot("befriending-suggestions");
    app.click_button(&format!("Match with {top}"));
    app.wait_for_text(&format!("{top}, matched on"));
    app.click_button("Record the first meeting");
    app.wait_for_text("Where this referral stands: Active");

    // A visit with a concern, highlighted until it is passed on.
    app.fill("#minutes", "60");
    app.fill("#notes", "Tea and a long chat about her roses.");
    app.fill("#concern", "Mentioned she has not been eating properly.");
    app.click_button("Log the visit");
    app.wait_for_text("1 safeguarding concern has not been passed on yet.");
    assert!(app.body_text().contains("⚠ Concern raised: Mentioned she has not been eating properly."));
    app.fill("input[id^=passedTo-]", "Practice safeguarding lead");
    app.click_button("Record who it was passed to");
    app.wait_for_text("Passed to Practice safeguarding lead on");
    assert!(!app.body_text().contains("not been passed on yet"), "no longer highlighted");

    // Scores at the start and at a review: the change shows.
    fill_scores(&app, ["3", "4", "3", "8", "3", "3", "3", "1"]);
    app.wait_for_text("Next review due");
    choose(&app, "#occasion", "At a review");
    fill_scores(&app, ["6", "6", "5", "5", "2", "2", "2", "3"]);
    app.wait_for_text("Life satisfaction up 3 (from 3 to 6; better)");
    assert_accessible(&app, "referral-active");
    app.screenshot("befriending-referral");

    // The report, printed.
    app.click_button("← Back to befriending");
    pick(&app, "Report");
    // This month's report is still running (unless today is the month's last day), so the
    // matches are counted as they stand today.
    let last_day = chrono::Local::now().date_naive().succ_opt().is_some_and(|d| d.day() == 1);
    app.wait_for_text(if last_day { "active matches at the end" } else { "active matches today" });
    app.wait_for_preview();
    assert_accessible(&app, "befriending-report");
    app.quit();
}
