//! Sharing in the real window: the secretary shares the PPG from Settings → Sharing and reads
//! the invitation code; the chair's laptop joins (command line); an action the secretary agrees
//! in the minutes reaches the chair's Home screen after "Send and receive now"; and when both
//! change its due date before exchanging, the chair's window lists the clash with both dates
//! and "Use the other value" puts the chair's date back, on both laptops.

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

/// Changes the action's due date straight in `dir`'s data, then sends it.
fn set_due(dir: &std::path::Path, on: &str) {
    let state = ppg_desk_core::state::AppState::open(
        ppg_desk_core::db::DataPaths::at(dir),
        Box::new(|_: &[ppg_desk_core::state::Topic]| {}),
    );
    state
        .write(|tx| {
            tx.execute("UPDATE actions SET due_on = ?1 WHERE title = 'Book a table for the flu clinic'", [on])?;
            Ok(())
        })
        .unwrap();
    ppg_desk_core::sharing::sync(&state).unwrap();
}

#[test]
fn an_action_agreed_on_the_secretarys_laptop_reaches_the_chairs_home_and_a_clash_shows_both_dates() {
    let exchange = tempfile::tempdir().unwrap();
    let secretary_dir = tempfile::tempdir().unwrap();
    let chair_dir = tempfile::tempdir().unwrap();
    crate::load_sample(secretary_dir.path());
    let folder = exchange.path().to_str().unwrap();
    let (_, meeting_day) = crate::actions::planned_meeting(secretary_dir.path());
    let today = crate::actions::iso(meeting_day);
    let due = meeting_day + chrono::Duration::days(7);

    // The secretary shares the PPG and is shown the invitation code.
    let app = Session::launch(secretary_dir.path(), &[("PPG_DESK_TEST_CHOICE", folder), ("PPG_DESK_TODAY", &today)]);
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

    // The evening of the meeting, the secretary agrees an action in the minutes and sends it.
    let app = Session::launch(secretary_dir.path(), &[("PPG_DESK_TODAY", &today)]);
    app.wait_for_text("Next meeting");
    crate::actions::agree_action(&app, "Book a table for the flu clinic", &due.format("%d/%m/%Y").to_string());
    open_sharing(&app);
    send_and_receive(&app);
    app.quit();
    assert!(walk_count(exchange.path(), "ppgchange") >= 1, "the action was written to the shared folder");

    // The chair presses "Send and receive now"; the action is on the chair's Home screen.
    let app = Session::launch(chair_dir.path(), &[("PPG_DESK_TODAY", &today)]);
    app.wait_for_text("Your officers");
    open_sharing(&app);
    send_and_receive(&app);
    app.click_button("Home");
    app.wait_for_text("Actions due soon");
    let soon = crate::actions::card_text(&app, "due-soon-title");
    assert!(soon.contains("Book a table for the flu clinic"), "on the chair's Home screen:\n{soon}");
    app.screenshot("sharing-chair-home");
    app.quit();

    // Both change the action's due date before exchanging; the secretary's change is the later.
    let chair_date = crate::actions::iso(due + chrono::Duration::days(1));
    let secretary_date = crate::actions::iso(due + chrono::Duration::days(2));
    // As the window says a date: in full.
    let long = |days: i64| (due + chrono::Duration::days(days)).format("%A %-d %B %Y").to_string();
    let (chair_long, secretary_long) = (long(1), long(2));
    set_due(chair_dir.path(), &chair_date);
    set_due(secretary_dir.path(), &secretary_date);

    let app = Session::launch(chair_dir.path(), &[("PPG_DESK_TODAY", &today)]);
    app.wait_for_text("Your officers");
    open_sharing(&app);
    send_and_receive(&app);
    app.wait_for_text("An action: due on");
    let shown = app.body_text();
    assert!(shown.contains(&format!("Kept \"{secretary_long}\"")), "the later date is kept:\n{shown}");
    assert!(shown.contains(&format!("This laptop had \"{chair_long}\"")), "the other date is listed:\n{shown}");
    assert_accessible(&app, "sharing-clash");
    app.screenshot("sharing-clash");
    // One click puts the chair's own date back, as a change the secretary's laptop receives.
    app.click_button(&format!("Use the other value (\"{chair_long}\") for An action: due on"));
    app.wait_for_text("Now using this laptop's value");
    app.wait_for_text("None: nobody's changes were lost or overwritten.");
    send_and_receive(&app);
    app.quit();
    let state = ppg_desk_core::state::AppState::open(
        ppg_desk_core::db::DataPaths::at(secretary_dir.path()),
        Box::new(|_: &[ppg_desk_core::state::Topic]| {}),
    );
    ppg_desk_core::sharing::sync(&state).unwrap();
    let kept: String = state
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT due_on FROM actions WHERE title = 'Book a table for the flu clinic'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(kept, chair_date, "the secretary's laptop has the date put back");
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
