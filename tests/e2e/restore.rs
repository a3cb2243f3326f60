//! Restoring a backup in the real window, from Settings: the other screens then show the
//! restored data (a contact added before the backup is there, one added after is gone)
//! without restarting. The window shows one screen at a time, so that the restore announces
//! every part of the data is proven in `tests/integration/changes.rs`.

use crate::webdriver::Session;

fn add_contact(app: &Session, name: &str) {
    app.click_button("Professionals");
    app.click_button("Add a contact");
    app.fill("#fullName", name);
    app.fill("#phone", "01632 960123");
    app.click_button("Add the contact");
    app.wait_for_text("Not met yet");
}

fn open_backups(app: &Session) {
    app.click_button("Settings");
    app.click_css("#settings-tab-backups");
    app.wait_for_text("Take an extra automatic backup");
}

#[test]
fn a_restored_backup_shows_at_once_on_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");

    add_contact(&app, "Before Backup-Taken");
    open_backups(&app);
    app.click_button("Take an extra automatic backup");
    std::thread::sleep(std::time::Duration::from_millis(1100)); // the next backup is a second newer
    add_contact(&app, "After Backup-Taken");
    app.click_button("Professionals");
    app.wait_for_text("After Backup-Taken");

    // The newest backup (listed first) was taken between the two.
    open_backups(&app);
    app.click_found("return document.querySelector('button[aria-label^=\"Restore the backup from\"]');");
    app.wait_for_text("Restore this backup?");
    app.click_found(
        "return [...document.querySelectorAll('dialog button')].find(b => b.textContent.trim() === 'Restore') || null;",
    );
    app.wait_for_text("Restored. What was there before has been kept as a backup");

    app.click_button("Professionals");
    app.wait_for_text("Before Backup-Taken");
    let shown = app.body_text();
    assert!(!shown.contains("After Backup-Taken"), "the contact added after the backup is gone:\n{shown}");
    app.quit();
}
