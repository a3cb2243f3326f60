//! Protecting the PPG's records in the real window: set up a new PPG with a passphrase, read
//! the recovery sheet in the preview and type two of its groups back, lock, open again with
//! the passphrase and then with the recovery key; and the idle lock, which saves a
//! half-typed minute before it locks.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

const PASSPHRASE: &str = "purple kettle under moonlight";

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "{what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn unlock_with_passphrase(app: &Session, passphrase: &str) {
    app.wait_for_text("Your PPG's records are locked");
    app.fill("#passphrase", passphrase);
    app.click_button("Open");
}

#[test]
fn a_new_ppg_is_protected_then_opened_with_the_passphrase_and_with_the_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Welcome to PPG Desk");
    app.fill("#groupName", "Brook Street Surgery PPG");
    app.click_button("Save and carry on");
    app.wait_for_text("Protect your PPG's records");
    assert_accessible(&app, "protect-step");

    // Too short: said in words as it is typed, and refused beside the field.
    app.fill("#passphrase", "short");
    app.wait_for_text("Too short:");
    app.fill("#passphraseAgain", "short");
    app.click_button("Protect this PPG's data");
    let message = app.text(&app.find("#passphrase-error"));
    assert!(message.contains("at least 4 words"), "{message}");

    app.fill("#passphrase", PASSPHRASE);
    app.wait_for_text("Strong:");
    app.fill("#passphraseAgain", PASSPHRASE);
    // The test machine has no keyring: the box says why and is not ticked. Where a keyring
    // works it is ticked by default; untick it so that the next start asks.
    let remember = app.execute("const b = [...document.querySelectorAll('.checkbox-field input')][0]; if (b.checked) b.click(); return b.checked;", json!([]));
    assert_eq!(remember, json!(false));
    app.click_button("Protect this PPG's data");
    app.wait_for_text("Your recovery key");
    app.wait_for_preview();
    assert_accessible(&app, "recovery-key");
    app.screenshot("recovery-key");
    let key = app.execute(
        "return [...document.querySelectorAll('.recovery-key span')].map(s => s.textContent).join('-');",
        json!([]),
    );
    let key = key.as_str().unwrap().to_string();
    assert_eq!(key.len(), 29, "six groups of four: {key}");
    assert!(!key.chars().any(|c| "01OIL".contains(c)), "no look-alike characters: {key}");

    // Type back the two groups asked for: a wrong one is refused, the right ones go on.
    let asked = app.execute(
        "return [...document.querySelectorAll('.group-input')].map(i => Number(i.id.split('-').pop()));",
        json!([]),
    );
    let asked: Vec<usize> = asked.as_array().unwrap().iter().map(|n| n.as_u64().unwrap() as usize).collect();
    let group = |n: usize| key.split('-').nth(n - 1).unwrap().to_string();
    app.fill(&format!("#check-group-{}", asked[0]), "ZZZZ");
    app.fill(&format!("#check-group-{}", asked[1]), &group(asked[1]));
    app.click_button("I have the sheet: carry on");
    app.wait_for_text("is not as on the sheet");
    app.fill(&format!("#check-group-{}", asked[0]), &group(asked[0]).to_lowercase());
    app.click_button("I have the sheet: carry on");
    app.wait_for_text("Your officers");
    assert!(!app.body_text().contains("Your records are not protected"));
    let db = dir.path().join("ppg-desk.sqlite3");
    let bytes = std::fs::read(&db).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"), "the data file is encrypted");
    assert!(!bytes.windows(12).any(|w| w == b"Brook Street"), "its name is not readable in the file");

    // Lock now: the records close; a wrong passphrase is said plainly; the right one opens.
    app.click_button("Lock now");
    app.wait_for_text("Your PPG's records are locked");
    assert!(!app.body_text().contains("Brook Street Surgery PPG"), "nothing of the records shows while locked");
    assert_accessible(&app, "unlock");
    app.screenshot("unlock");
    unlock_with_passphrase(&app, "purple kettle under sunlight");
    wait_until("a wrong passphrase is explained beside the box", || {
        app.body_text().contains("That passphrase is not the one for this PPG")
    });
    app.fill("#passphrase", PASSPHRASE);
    app.click_button("Open");
    app.wait_for_text("Your officers");

    // Forgotten passphrase: the recovery key from the sheet, then a new passphrase.
    app.click_button("Lock now");
    app.wait_for_text("Your PPG's records are locked");
    app.click_button("Forgotten it? Use the recovery key");
    app.fill("#recoveryKey", &key.to_lowercase().replace('-', " "));
    app.click_button("Open");
    app.wait_for_text("Choose a new passphrase");
    assert_accessible(&app, "new-passphrase");
    app.fill("#passphrase", "a brand new passphrase for us");
    app.fill("#passphraseAgain", "a brand new passphrase for us");
    app.click_button("Save the new passphrase");
    app.wait_for_text("Your officers");
    app.quit();

    let again = Session::launch(dir.path(), &[]);
    unlock_with_passphrase(&again, "a brand new passphrase for us");
    again.wait_for_text("Brook Street Surgery PPG");
    again.click_button("Settings");
    again.wait_for_text("Text size on screen");
    again.click_button("Security");
    again.wait_for_text("Protected:");
    assert_accessible(&again, "settings-security");
    again.screenshot("settings-security");
    again.quit();
}

#[test]
fn the_idle_lock_saves_a_half_typed_minute_before_it_locks() {
    let dir = tempfile::tempdir().unwrap();
    {
        // The sample as if it were the PPG's own (the sample itself is never protected).
        let state = ppg_desk_core::state::AppState::open(
            ppg_desk_core::db::DataPaths::at(dir.path()),
            Box::new(|_: &[ppg_desk_core::state::Topic]| {}),
        );
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| ppg_desk_core::sample::load(tx, today, &now)).unwrap();
        state.write(|tx| Ok(tx.execute("UPDATE settings SET is_sample = 0", [])?)).unwrap();
        ppg_desk_core::security::protect(&state, PASSPHRASE, false, true).unwrap();
    }
    let app = Session::launch(dir.path(), &[("PPG_DESK_IDLE_LOCK_SECONDS", "12")]);
    unlock_with_passphrase(&app, PASSPHRASE);
    app.wait_for_text("Your officers");
    app.click_button("Meetings");
    app.wait_for_text("Coming up");
    let first = app.find(".meeting-list .meeting-link");
    app.click(&first);
    app.wait_for_text("Stage: Planned");
    app.click_button("Minutes");
    let id = app.execute("return document.querySelector('.minutes-field .rich-text').id;", json!([]));
    let id = id.as_str().unwrap().to_string();
    // Half a sentence typed, and no time for the editor's own save before the lock comes.
    app.execute(
        "const box = document.getElementById(arguments[0]); box.focus(); box.textContent = 'The walking group starts on';
         box.dispatchEvent(new Event('input', { bubbles: true }));",
        json!([id]),
    );
    wait_until("the window locks itself after 12 s without use", || {
        app.body_text().contains("Your PPG's records are locked")
    });
    unlock_with_passphrase(&app, PASSPHRASE);
    // Unlocking comes back to the screen that was open.
    app.wait_for_text("Coming up");
    let first = app.find(".meeting-list .meeting-link");
    app.click(&first);
    app.wait_for_text("Stage: Planned");
    app.click_button("Minutes");
    app.find(".minutes-field .rich-text");
    let kept = app.execute("return document.getElementById(arguments[0]).innerText.trim();", json!([id]));
    assert_eq!(kept, json!("The walking group starts on"), "nothing typed was lost to the lock");
    app.quit();
}
