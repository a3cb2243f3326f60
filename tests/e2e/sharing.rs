//! Sharing in the real window: the secretary shares the PPG from Settings → Sharing and reads
//! the invitation code; the chair's laptop joins (command line); a contact the secretary adds
//! reaches the chair's window with "Send and receive now"; and when both change the same
//! contact's phone before exchanging, the chair's window lists the clash with both values and
//! "Use the other value" puts the chair's number back.

use std::process::Command;

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

fn open_sharing(app: &Session) {
    app.click_button("Settings");
    app.click_css("#settings-tab-sharing");
    app.wait_for_text("Sharing with the committee");
}

/// Presses "Send and receive now" and waits for its report. PPG Desk also exchanges by itself
/// (on opening and soon after a save), so there may be nothing left for the button to do.
fn send_and_receive(app: &Session) {
    app.click_button("Send and receive now");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !["and received", "Nothing new to send or receive"].iter().any(|t| app.body_text().contains(t)) {
        assert!(std::time::Instant::now() < deadline, "no report from Send and receive now");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

fn add_contact(app: &Session, name: &str, phone: &str) {
    app.click_button("Professionals");
    app.click_button("Add a contact");
    app.fill("#fullName", name);
    app.fill("#phone", phone);
    app.click_button("Add the contact");
    app.wait_for_text("Not met yet");
}

#[test]
fn a_contact_added_on_one_laptop_reaches_the_other_and_a_clash_shows_both_values() {
    let exchange = tempfile::tempdir().unwrap();
    let secretary_dir = tempfile::tempdir().unwrap();
    let chair_dir = tempfile::tempdir().unwrap();
    crate::load_sample(secretary_dir.path());
    let folder = exchange.path().to_str().unwrap();

    // The secretary shares the PPG and is shown the invitation code.
    let app = Session::launch(secretary_dir.path(), &[("PPG_DESK_TEST_CHOICE", folder)]);
    app.wait_for_text("Your officers");
    open_sharing(&app);
    app.click_button("Share this PPG");
    app.click_button("Start sharing");
    app.wait_for_text("Choose the shared folder, or the USB stick, first.");
    app.click_button("Choose the folder…");
    app.wait_for_text(folder);
    app.click_button("Start sharing");
    app.wait_for_text("Give this invitation code to the others");
    assert_accessible(&app, "sharing-invitation");
    app.screenshot("sharing-invitation");
    let code =
        app.execute("return document.querySelector('[aria-label=\"Invitation code\"]').textContent.trim();", json!([]));
    let code = code.as_str().unwrap().to_string();
    assert_eq!(code.len(), 29, "six groups of four: {code}");
    app.click_button("I have written it down");
    app.wait_for_text("This laptop shares the PPG as");
    app.quit();

    // The chair's laptop joins with the code (kept in a file only the test reads).
    let code_file = exchange.path().join("..").join(format!("code-{}", std::process::id()));
    std::fs::write(&code_file, &code).unwrap();
    let joined = Command::new(crate::cli())
        .arg("--data-dir")
        .arg(chair_dir.path())
        .args(["share", "join", "--folder", folder, "--name", "Chair's laptop"])
        .env("PPG_DESK_INVITATION_FILE", &code_file)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&code_file);
    assert!(joined.status.success(), "{}", String::from_utf8_lossy(&joined.stderr));

    // The secretary adds a contact and sends it.
    let app = Session::launch(secretary_dir.path(), &[]);
    app.wait_for_text("Your officers");
    add_contact(&app, "Priya Sharedcontact", "01632 960001");
    open_sharing(&app);
    send_and_receive(&app);
    app.quit();
    let sent = walk_count(exchange.path(), "ppgchange");
    assert!(sent >= 1, "the contact was written to the shared folder");

    // The chair receives it, then changes its phone number before the secretary's next change.
    let app = Session::launch(chair_dir.path(), &[]);
    app.wait_for_text("Your officers");
    open_sharing(&app);
    send_and_receive(&app);
    app.click_button("Professionals");
    app.wait_for_text("Priya Sharedcontact");
    app.quit();

    // Both change the same phone number; the secretary's change is the later one.
    let set_phone = |dir: &std::path::Path, phone: &str, at: &str| {
        let state = ppg_desk_core::state::AppState::open(
            ppg_desk_core::db::DataPaths::at(dir),
            Box::new(|_: &[ppg_desk_core::state::Topic]| {}),
        );
        state
            .write(|tx| {
                tx.execute(
                    "UPDATE contacts SET phone = ?1, updated_at = ?2 WHERE full_name = 'Priya Sharedcontact'",
                    [phone, at],
                )?;
                Ok(())
            })
            .unwrap();
        ppg_desk_core::sharing::sync(&state).unwrap();
    };
    set_phone(chair_dir.path(), "01632 960002", "2026-12-06T09:00:00");
    set_phone(secretary_dir.path(), "01632 960003", "2026-12-06T10:00:00");

    let app = Session::launch(chair_dir.path(), &[]);
    app.wait_for_text("Your officers");
    open_sharing(&app);
    send_and_receive(&app);
    app.wait_for_text("A contact: phone");
    let shown = app.body_text();
    assert!(shown.contains("Kept \"01632 960003\""), "the later value is kept:\n{shown}");
    assert!(shown.contains("This laptop had \"01632 960002\""), "the other value is listed:\n{shown}");
    assert_accessible(&app, "sharing-clash");
    app.screenshot("sharing-clash");
    // One click puts the chair's own number back, as a change the secretary will receive.
    app.click_button("Use the other value (\"01632 960002\") for A contact: phone");
    app.wait_for_text("Now using this laptop's value");
    app.wait_for_text("None: nobody's changes were lost or overwritten.");
    app.click_button("Professionals");
    app.wait_for_text("Priya Sharedcontact");
    app.execute(
        "[...document.querySelectorAll('.contact-link')].find(b => b.textContent.includes('Priya')).click();",
        json!([]),
    );
    app.wait_for_text("01632 960002");
    app.quit();
}

fn walk_count(dir: &std::path::Path, ext: &str) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() {
                        walk_count(&path, ext)
                    } else {
                        usize::from(path.extension().is_some_and(|x| x == ext))
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
