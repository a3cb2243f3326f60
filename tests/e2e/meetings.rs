//! Meetings in the real window: open the next meeting, add an agenda item, move it, take
//! minutes, kill the app mid-typing and find the text intact, and preview the agenda.

use std::time::Duration;

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

/// Lists meetings through the command line. The closing window may still be letting go of the
/// data folder, so a refusal is retried for a while; the final failure shows what it said.
fn upcoming_meeting_id(dir: &std::path::Path) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ppg-desk")).arg("--data-dir").arg(dir).arg("meetings").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if let Some(id) = text.lines().nth(1).and_then(|l| l.split_whitespace().next()) {
            return id.to_string();
        }
        assert!(std::time::Instant::now() < deadline, "no meeting listed: {}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn open_next_meeting(app: &Session) {
    app.click_button("Meetings");
    app.wait_for_text("Coming up");
    let first = app.find(".meeting-list .meeting-link");
    app.click(&first);
    app.wait_for_text("Stage: Planned");
}

#[test]
fn plan_the_agenda_take_minutes_survive_a_crash_and_print() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");
    app.click_button("Meetings");
    app.wait_for_text("Coming up");
    assert_accessible(&app, "meetings");
    open_next_meeting(&app);
    assert_accessible(&app, "meeting-agenda");

    app.fill("#title", "Flu clinic stall");
    app.fill("#minutesAllowed", "ten");
    app.click_button("Add to the agenda");
    assert!(app.text(&app.find("#minutesAllowed-error")).contains("minutes"), "a bad time allowed is explained");
    app.fill("#minutesAllowed", "10");
    app.click_button("Add to the agenda");
    app.wait_for_text("Flu clinic stall");
    let order = |app: &Session| app.execute("return [...document.querySelectorAll('.agenda-list strong')].map(s => s.textContent);", json!([]));
    let titles = order(&app);
    let position = |titles: &serde_json::Value, t: &str| titles.as_array().unwrap().iter().position(|x| x == t).unwrap();
    assert_eq!(position(&titles, "Flu clinic stall") + 3, titles.as_array().unwrap().len(), "new items go before any other business");
    app.click(&app.find("button[aria-label='Move Flu clinic stall up']"));
    let moved = {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let titles = order(&app);
            if position(&titles, "Flu clinic stall") + 4 == titles.as_array().unwrap().len() || std::time::Instant::now() > deadline {
                break titles;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    assert_eq!(position(&moved, "Flu clinic stall") + 4, moved.as_array().unwrap().len(), "moved up one place");

    app.click_button("Minutes");
    let first_box = app.find(".minutes-field textarea");
    let id = app.execute("return document.querySelector('.minutes-field textarea').id;", json!([]));
    let id = id.as_str().unwrap().to_string();
    app.fill(&format!("#{id}"), "Apologies from Peter Wright. Siobhán O'Connor took the minutes");
    let _ = first_box;
    let state_of = |app: &Session| app.execute("return document.getElementById(arguments[0] + '-state').textContent.trim();", json!([id]));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while state_of(&app) != json!("All changes saved") {
        assert!(std::time::Instant::now() < deadline, "the box reports it saved, got {}", state_of(&app));
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_accessible(&app, "meeting-minutes");
    // Keep typing, wait less than two seconds without leaving the box, then crash.
    app.execute(
        "const box = document.getElementById(arguments[0]); box.value += ', and the room was full.'; box.dispatchEvent(new Event('input', { bubbles: true }));",
        json!([id]),
    );
    std::thread::sleep(Duration::from_millis(1900));
    app.kill_app();

    let again = Session::launch(dir.path(), &[]);
    again.wait_for_text("Your officers");
    open_next_meeting(&again);
    again.click_button("Minutes");
    again.find(".minutes-field textarea");
    let text = again.execute("return document.querySelector('.minutes-field textarea').value;", json!([]));
    assert_eq!(text, json!("Apologies from Peter Wright. Siobhán O'Connor took the minutes, and the room was full."), "nothing typed was lost");

    again.click_button("Print the agenda");
    again.wait_for_text("Preview: 1 page");
    again.click_button("Mark the agenda as sent out");
    again.wait_for_text("Stage: Agenda issued");
    again.quit();

    let pdf = dir.path().join("agenda.pdf");
    let id = upcoming_meeting_id(dir.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
        .arg("--data-dir").arg(dir.path()).args(["print", "agenda", "--meeting", &id, "--out"]).arg(&pdf).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Flu clinic stall") && text.contains("10 minutes"), "the printed agenda has the new item:\n{text}");
}
