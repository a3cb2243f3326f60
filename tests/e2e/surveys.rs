//! A paper survey form typed in with the keyboard alone, as a volunteer does forty of them:
//! the numbers of the boxes ticked, Enter for the next question, a box that is not there
//! pointed out beside its question, Ctrl+Enter to save; then the results counted with the new
//! form, a comment logged as feedback, and the paper form's preview.

use crate::axe::assert_accessible;
use crate::webdriver::{Key, Session};

#[test]
fn a_paper_form_typed_in_with_the_keyboard_alone_is_counted_in_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let app = Session::launch(&data, &[]);

    app.click_button("Patients' views");
    app.click_button("Surveys");
    app.wait_for_text("Getting through to the practice");
    app.wait_for_text("40 forms typed in");
    app.click_button("Type in paper forms for \"Getting through to the practice\"");
    app.wait_for_text("This is form 41.");

    // From here the keyboard alone: focus starts in the first question's box.
    let first = app.execute("return document.querySelector('.survey-entry input').id;", serde_json::json!([]));
    let first = first.as_str().unwrap().to_string();
    app.wait_for_focus(&first);
    app.press(&["7", Key::ENTER]);
    app.press(&["4", Key::ENTER]);
    app.press(&["1 3", Key::ENTER]);
    app.press(&["5", Key::ENTER]);
    app.press(&["More evening appointments please"]);
    app.chord(Key::CONTROL, Key::ENTER);
    app.wait_for_text("There is no box 7: please type numbers from 1 to 4.");
    app.wait_for_focus(&first);
    assert_accessible(&app, "survey-entry-error");
    app.press(&[Key::BACKSPACE, "2"]);
    app.wait_for_text("Reads as: Online");
    app.press(&[Key::ENTER]);
    app.screenshot("survey-entry");
    app.chord(Key::CONTROL, Key::ENTER);
    app.wait_for_text("Saved form 41. Type in form 42.");
    app.wait_for_focus(&first);
    app.wait_for_text("This is form 42.");
    app.wait_for_text("Form 41: Online · 4 · A call-back instead of queueing; Longer opening hours · 5 (Very good) · More evening appointments please");
    assert_accessible(&app, "survey-entry");

    // The results count it.
    app.click_button("Done");
    app.wait_for_text("41 forms typed in");
    app.click_button("Results of \"Getting through to the practice\"");
    app.wait_for_text("41 forms typed in. Each share is of the people who answered that question.");
    app.wait_for_text("More evening appointments please");
    assert_accessible(&app, "survey-results");
    app.screenshot("survey-results");

    // A comment becomes feedback, once.
    app.click_button("Log as feedback \u{201c}More evening appointments please\u{201d}\u{2026}");
    app.wait_for_focus("words");
    app.click_button("Save");
    app.wait_for_text("Logged it in what patients said.");
    app.click_button("What patients said");
    app.wait_for_text("More evening appointments please");

    // The paper form for the waiting room.
    app.click_button("Surveys");
    app.click_button("Print the form \"Getting through to the practice\"\u{2026}");
    app.wait_for_preview();
    app.screenshot("survey-form-print");

    // A new survey says which language it is written in.
    app.click_button("← All surveys");
    app.click_button("Build a survey");
    crate::choose(&app, "#surveyLanguage", "Bengali · বাংলা");
    app.execute(
        "document.getElementById('surveyLanguage').scrollIntoView({ block: 'center' });",
        serde_json::json!([]),
    );
    assert_accessible(&app, "survey-editor");
    app.screenshot("survey-editor-language");
    app.quit();
}
