//! Keyboard only, as an older volunteer who does not use a mouse would work: no clicks at
//! all. Record a decision in the minutes (saved with its votes, nothing typed lands in
//! another item), go from the meeting to People with a shortcut, change the quorum in
//! Settings and leave the page (warned, then saved). Focus is checked after each step.

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::{Key, Session};

/// What has focus, as the tag, id and text a person would see.
fn focus(app: &Session) -> serde_json::Value {
    app.execute("const e = document.activeElement; return { tag: e.tagName, id: e.id, text: (e.textContent || '').trim(), label: e.getAttribute('aria-label') || '' };", json!([]))
}

/// Presses Tab until `found` says the focused element is the one wanted (at most `limit`).
fn tab_to(app: &Session, limit: usize, what: &str, found: impl Fn(&serde_json::Value) -> bool) {
    for _ in 0..limit {
        if found(&focus(app)) {
            return;
        }
        app.press(&[Key::TAB]);
    }
    if found(&focus(app)) {
        return;
    }
    panic!("{limit} presses of Tab never reached {what}; focus is on {}", focus(app));
}

/// Waits until what has focus matches `found`.
fn wait_for_focus_on(app: &Session, what: &str, found: impl Fn(&serde_json::Value) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let f = focus(app);
        if found(&f) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "focus is on {f}, not {what}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn wait_for_heading_focus(app: &Session, heading: &str) {
    wait_for_focus_on(app, heading, |f| f["tag"] == "H1" && f["text"].as_str().unwrap_or("").starts_with(heading));
}

#[test]
fn minutes_a_decision_a_shortcut_and_settings_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");

    // Alt+2 opens Meetings with focus on its heading; Tab reaches the next meeting.
    app.chord(Key::ALT, "2");
    wait_for_heading_focus(&app, "Meetings");
    tab_to(&app, 30, "the next meeting", |f| f["text"].as_str().is_some_and(|t| t.contains("Planned")));
    app.press(&[Key::ENTER]);
    app.wait_for_text("Stage: Planned");
    let title = app.execute("return document.getElementById('meeting-title').textContent;", json!([]));
    wait_for_heading_focus(&app, title.as_str().unwrap());

    // The parts of the meeting are tabs: arrow keys move between them.
    tab_to(&app, 20, "the Agenda tab", |f| f["id"] == "meeting-tab-agenda");
    app.press(&[Key::ARROW_RIGHT, Key::ARROW_RIGHT]);
    app.wait_for_focus("meeting-tab-minutes");
    app.wait_for_text("Notes are saved as you type");

    // "+ Decision" under the first item: focus goes into the form, the votes land in their boxes.
    let minutes_before = app
        .execute("return [...document.querySelectorAll('.minutes-item .rich-text')].map(t => t.innerText);", json!([]));
    tab_to(&app, 40, "+ Decision", |f| f["label"].as_str().is_some_and(|l| l.starts_with("Add a decision under")));
    let under = focus(&app)["label"].as_str().unwrap().trim_start_matches("Add a decision under ").to_string();
    app.press(&[Key::ENTER]);
    let first_field = focus(&app);
    assert!(
        first_field["id"].as_str().unwrap().starts_with("decisionText-"),
        "focus moved into the new decision: {first_field}"
    );
    app.press(&["To hold a stall at the flu clinic"]);
    tab_to(&app, 6, "Votes for", |f| f["id"].as_str().is_some_and(|id| id.starts_with("votesFor-")));
    app.press(&["7"]);
    app.press(&[Key::TAB, "0", Key::TAB, "1"]);
    tab_to(&app, 4, "Record the decision", |f| f["text"] == "Record the decision");
    app.press(&[Key::ENTER]);
    app.wait_for_text("Decision: To hold a stall at the flu clinic");
    assert!(
        app.body_text().contains("For 7, against 0, abstentions 1."),
        "the votes are saved with the decision: {}",
        app.body_text()
    );
    let back = focus(&app);
    assert_eq!(
        back["label"].as_str().unwrap(),
        format!("Add a decision under {under}"),
        "focus is back on the button that opened the form"
    );
    let minutes_after = app
        .execute("return [...document.querySelectorAll('.minutes-item .rich-text')].map(t => t.innerText);", json!([]));
    assert_eq!(minutes_before, minutes_after, "nothing typed landed in any item's minutes");

    // "+ Action" opens its form with focus inside; Escape closes it and focus comes back.
    app.press(&[Key::TAB]);
    let action_button = focus(&app);
    assert!(action_button["label"].as_str().unwrap().starts_with("Add an action under"), "{action_button}");
    app.press(&[Key::ENTER]);
    assert!(focus(&app)["id"].as_str().unwrap().starts_with("actionTitle-"), "focus moved into the new action");
    app.press(&[Key::ESCAPE]);
    wait_for_focus_on(&app, "+ Action again, after Escape closed the form", |f| f["label"] == action_button["label"]);

    // Alt+4 goes from the meeting straight to People.
    app.chord(Key::ALT, "4");
    wait_for_heading_focus(&app, "People");

    // Settings → Meetings: change the quorum, then leave: warned, and "Save" saves it.
    app.chord(Key::ALT, "0");
    wait_for_heading_focus(&app, "Settings");
    tab_to(&app, 20, "the Your PPG tab", |f| f["id"] == "settings-tab-group");
    app.press(&[Key::ARROW_RIGHT]);
    app.wait_for_focus("settings-tab-meetings");
    tab_to(&app, 10, "the quorum", |f| f["id"] == "quorum");
    app.press(&["\u{E003}", "4"]); // Backspace over the 5, then 4
    app.chord(Key::ALT, "4");
    app.wait_for_text("You have changes that are not saved");
    assert_accessible(&app, "leave-unsaved");
    let on = focus(&app);
    assert_eq!(on["text"], "Save", "the dialog starts on Save: {on}");
    app.press(&[Key::ENTER]);
    wait_for_heading_focus(&app, "People");
    let quorum = app.execute_async(
        "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke('get_settings').then(s => done(s.quorum));",
        json!([]),
    );
    assert_eq!(quorum, json!(4), "the quorum was saved on the way out");
    app.quit();
}

#[test]
fn an_action_is_added_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");
    app.chord(Key::ALT, "3");
    wait_for_heading_focus(&app, "Actions");
    tab_to(&app, 10, "Add an action", |f| f["text"] == "Add an action");
    app.press(&[Key::ENTER]);
    app.wait_for_focus("actionTitle");
    app.press(&["Ask the practice about the car park lights"]);
    // Past "More detail" and its Bold and Bullet list buttons.
    tab_to(&app, 5, "who will do it", |f| f["id"] == "actionOwners");
    app.press(&["\u{E015}"]); // Arrow down: the first person on the list
    tab_to(&app, 6, "the due date", |f| f["id"] == "actionDueOn");
    app.press(&["8 Jan 2027"]);
    app.wait_for_text("That is Friday 8 January 2027.");
    tab_to(&app, 4, "Add the action", |f| f["text"] == "Add the action");
    app.press(&[Key::ENTER]);
    app.wait_for_text("Ask the practice about the car park lights");
    let on = focus(&app);
    assert!(on["text"] == "Add an action" || on["tag"] == "H1", "focus is back where the form was opened from: {on}");
    let due = app.execute_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('list_actions', { filter: { view: 'all', ownerId: null, meetingId: null, doneFrom: '', doneTo: '', search: 'car park lights' } })
           .then(list => done(list.rows.map(r => r.action.dueOn))).catch(e => done(JSON.stringify(e)));",
        json!([]),
    );
    assert_eq!(due, json!(["2027-01-08"]), "saved with the date as understood");
    app.quit();
}
