//! First run in the real window: the welcome screen, setting up a PPG, and settings.

use crate::axe::assert_accessible;
use crate::webdriver::Session;

#[test]
fn first_run_sets_up_a_ppg_and_remembers_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Welcome to PPG Desk");
    assert_accessible(&app, "welcome");

    // Saving without a name explains what is missing, beside the field.
    app.click_button("Save and start");
    let message = app.text(&app.find("#groupName-error"));
    assert!(message.contains("your group's name"), "{message}");

    app.fill("#groupName", "Brook Street Surgery PPG");
    app.fill("#practices", "Brook Street Surgery");
    app.click_button("Save and start");
    app.wait_for_text("Your officers");
    assert!(app.body_text().contains("Brook Street Surgery PPG"));
    assert_accessible(&app, "home");
    app.quit();

    let again = Session::launch(dir.path(), &[]);
    again.wait_for_text("Brook Street Surgery PPG");
    assert!(!again.body_text().contains("Welcome to PPG Desk"), "set-up is not asked for twice");
    again.click_button("Settings");
    again.wait_for_text("Automatic backups");
    assert_accessible(&again, "settings");
    again.quit();
}
