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
    app.click_button("Save and carry on");
    let message = app.text(&app.find("#groupName-error"));
    assert!(message.contains("your group's name"), "{message}");

    app.fill("#groupName", "Brook Street Surgery PPG");
    app.fill("#practices", "Brook Street Surgery");
    app.click_button("Save and carry on");
    // The passphrase step (tests/e2e/security.rs takes it); this PPG skips it.
    app.wait_for_text("Protect your PPG's records");
    app.click_button("Skip for now (not recommended)");
    app.wait_for_text("Your officers");
    assert!(app.body_text().contains("Your records are not protected"), "Home offers to protect them");
    assert!(app.body_text().contains("Brook Street Surgery PPG"));
    assert_accessible(&app, "home");
    app.quit();

    let again = Session::launch(dir.path(), &[]);
    again.wait_for_text("Brook Street Surgery PPG");
    assert!(!again.body_text().contains("Welcome to PPG Desk"), "set-up is not asked for twice");
    again.click_button("Settings");
    again.wait_for_text("Text size on screen");
    again.click_button("Backups");
    again.wait_for_text("Automatic backups");
    assert_accessible(&again, "settings-backups");
    again.click_button("Your PPG");
    again.wait_for_text("Text size on screen");
    assert_accessible(&again, "settings");

    // The text-size setting scales the whole window, and is remembered.
    let root_size = |app: &Session| {
        app.execute("return getComputedStyle(document.documentElement).fontSize;", serde_json::json!([]))
    };
    assert_eq!(root_size(&again), serde_json::json!("18px"));
    again.click(&again.find("input[name='text-size'][value='larger']"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while root_size(&again) != serde_json::json!("27px") {
        assert!(std::time::Instant::now() < deadline, "the text grew to 27px, got {}", root_size(&again));
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    again.click_button("People");
    again.wait_for_text("Add a person");
    assert_accessible(&again, "people-larger-text");
    again.quit();
    let third = Session::launch(dir.path(), &[]);
    third.wait_for_text("Brook Street Surgery PPG");
    assert_eq!(root_size(&third), serde_json::json!("27px"), "the larger text is remembered");
    third.quit();
}

#[test]
fn a_damaged_data_file_offers_the_latest_backup_and_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    // Opening the folder again takes the day's automatic backup.
    let check =
        std::process::Command::new(crate::cli()).arg("--data-dir").arg(dir.path()).arg("check").output().unwrap();
    assert!(check.status.success());
    let db = dir.path().join("ppg-desk.sqlite3");
    let _ = std::fs::remove_file(dir.path().join("ppg-desk.sqlite3-wal"));
    std::fs::write(&db, vec![0x42; 16384]).unwrap();

    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("PPG Desk cannot open your data");
    assert!(app.body_text().contains("damaged"));
    assert_accessible(&app, "recovery");
    app.click_button("Restore the latest backup");
    app.wait_for_text("Your officers");
    assert!(app.body_text().contains("Riverside Surgery Patient Participation Group"));
    app.quit();
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("damaged-"));
    assert!(kept, "the damaged file is kept aside");
}

#[test]
fn the_sample_is_explored_apart_and_left_for_a_clean_start() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("data");
    let app = Session::launch(&home, &[]);
    app.wait_for_text("Welcome to PPG Desk");
    app.click_button("Explore with sample data");
    app.wait_for_text("Sample PPG: nothing here is real");
    for screen in ["People", "Meetings", "Settings"] {
        app.click_button(screen);
        app.wait_for_text("Sample PPG: nothing here is real");
    }
    assert_accessible(&app, "sample-banner");
    assert!(
        home.with_file_name("data-sample").join("ppg-desk.sqlite3").is_file(),
        "the sample has a folder of its own"
    );
    app.click_button("Leave the sample and set up our PPG");
    app.wait_for_text("Leave the sample PPG?");
    app.click_button("Yes, leave the sample");
    app.wait_for_text("Welcome to PPG Desk");
    assert!(!app.body_text().contains("Sample PPG"), "the banner has gone");
    app.quit();
    assert!(!home.with_file_name("data-sample").exists(), "the sample's folder is deleted");
    let people = std::process::Command::new(crate::cli()).arg("--data-dir").arg(&home).arg("people").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&people.stdout).trim(),
        "No people yet.",
        "the real PPG holds nothing of the sample"
    );
}
