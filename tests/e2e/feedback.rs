//! Patients' views from the real window: log what patients said (a name pointed out first),
//! tick it, agree an improvement with the practice, mark it done with what changed, and read
//! it under "You said, we did"; the themes drawn as bars with their numbers in words.

use crate::axe::assert_accessible;
use crate::webdriver::Session;

#[test]
fn log_feedback_agree_an_improvement_and_see_it_under_you_said_we_did() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let app = Session::launch(&data, &[]);

    app.click_button("Patients' views");
    app.wait_for_text("What patients said");
    app.wait_for_text("The phone queue at 8am is far too long");
    app.click_button("Log what patients said");
    app.fill("#words", "Mrs Hughes says the ramp by the door is too steep for wheelchairs");
    app.fill("#patients", "4");
    crate::choose(&app, "#feedback-source", "The comment box");
    app.click_found(
        "return [...document.querySelectorAll('.feedback-themes label')].find(l => l.textContent.includes('Building'));",
    );
    app.click_button("Save");
    app.wait_for_text("This looks as if it names someone (\"Mrs Hughes\")");
    assert_accessible(&app, "feedback-form");
    app.screenshot("feedback-name-warning");
    app.fill("#words", "The ramp by the door is too steep for wheelchairs");
    app.click_button("Save");
    app.wait_for_text("Saved what patients said.");
    app.wait_for_text("The comment box · 4 patients · Building");

    // Tick it, and agree an improvement with the practice.
    app.click_labelled("Tick \"The ramp by the door is too steep for wheelchairs\"");
    app.click_button("Agree an improvement…");
    app.click_button("Agree the improvement");
    app.wait_for_text("Please say what needs doing.");
    app.fill("#actionTitle", "Ask the practice to fit a handrail and a gentler ramp");
    app.fill("#outsideOwner", "Practice manager");
    app.click_button("Agree the improvement");
    app.wait_for_text("Agreed the improvement \"Ask the practice to fit a handrail and a gentler ramp\".");
    app.wait_for_text("We are doing: Ask the practice to fit a handrail and a gentler ramp");
    app.wait_for_text("You said: 4 patients said: \u{201c}The ramp by the door is too steep for wheelchairs\u{201d}");

    // Done, with what changed in words for patients.
    app.click_found(
        "return [...document.querySelectorAll('.improvements li')].find(l => l.textContent.includes('handrail')).querySelector('button');",
    );
    app.click_button("Mark it done");
    app.wait_for_text("Please say what changed");
    app.fill("#outcome", "A handrail was fitted and the ramp was made gentler");
    app.click_button("Mark it done");
    app.wait_for_text("We did: A handrail was fitted and the ramp was made gentler");
    assert_accessible(&app, "you-said-we-did");
    app.screenshot("you-said-we-did");

    // The themes, as bars with their numbers beside them and a table by month.
    app.click_button("Themes");
    app.wait_for_text("Themes in the last twelve months");
    app.wait_for_text("Patients by theme and month");
    let text = app.body_text();
    assert!(text.contains("Phones") && text.contains("Building"), "{text}");
    assert_accessible(&app, "feedback-themes");
    app.screenshot("feedback-themes");

    // The same on paper: the preview of "What patients told us".
    app.click_button("Print");
    app.wait_for_preview();
    app.screenshot("feedback-print");

    // The improvement is an action like the others, done today.
    app.click_button("Actions");
    app.click_css("input[name='action-view'][value='done']");
    app.wait_for_text("Ask the practice to fit a handrail and a gentler ramp");
    app.quit();
}
