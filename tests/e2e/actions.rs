//! Actions in the real window: agree one in the minutes, see it on the home dashboard as due
//! soon, move the clock (PPG_DESK_TODAY, never waiting) until it is overdue, review it at the
//! next meeting and close it, and print the reminder sheets.

use chrono::{Duration, NaiveDate};
use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

/// The id and date of the meeting the command line lists first (the one planned).
pub(crate) fn planned_meeting(dir: &std::path::Path) -> (String, NaiveDate) {
    let out = std::process::Command::new(crate::cli()).arg("--data-dir").arg(dir).arg("meetings").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line: Vec<&str> = text.lines().nth(1).expect("a meeting is listed").split_whitespace().collect();
    (line[0].to_string(), NaiveDate::parse_from_str(line[1], "%Y-%m-%d").unwrap())
}

pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub(crate) fn card_text(app: &Session, heading_id: &str) -> String {
    let text = app.execute(
        "const h = document.getElementById(arguments[0]); return h ? h.closest('section').innerText : '';",
        json!([heading_id]),
    );
    text.as_str().unwrap_or_default().to_string()
}

/// The secretary agrees an action under "Practice update" in the minutes of the next meeting.
pub(crate) fn agree_action(app: &Session, title: &str, due: &str) {
    app.click_css("#next-meeting-title ~ button");
    app.wait_for_text("Stage: Planned");
    app.click_button("Minutes");
    app.click_labelled("Add an action under Practice update");
    let item = app.execute(
        "return document.querySelector('[aria-label=\"New action under Practice update\"] input').id.split('-').pop();",
        json!([]),
    );
    let item = item.as_str().unwrap().to_string();
    app.fill(&format!("#actionTitle-{item}"), title);
    app.execute(
        "const s = document.querySelector(arguments[0]); s.value = [...s.options].find(o => o.textContent === 'Graham Whitfield').value; s.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([format!("#actionOwners-{item}")]),
    );
    app.fill(&format!("#actionDueOn-{item}"), due);
    app.click_button("Record the action");
    app.wait_for_text(&format!("Action: {title} – Graham Whitfield"));
}

#[test]
fn an_action_from_the_minutes_is_chased_reviewed_and_closed() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let (meeting_id, meeting_day) = planned_meeting(dir.path());
    let due = meeting_day + Duration::days(7);

    // The evening of the meeting: the secretary agrees an action in the minutes.
    let app = Session::launch(dir.path(), &[("PPG_DESK_TODAY", &iso(meeting_day))]);
    app.wait_for_text("Next meeting");
    agree_action(&app, "Book a table for the flu clinic", &due.format("%d/%m/%Y").to_string());

    app.click_button("Home");
    app.wait_for_text("Actions due soon");
    let soon = card_text(&app, "due-soon-title");
    assert!(soon.contains("Book a table for the flu clinic"), "due in 7 days is due soon:\n{soon}");
    assert!(!card_text(&app, "overdue-title").contains("Book a table"), "not overdue yet");
    assert_accessible(&app, "home-dashboard");
    app.quit();

    // The day after it was due.
    let later = due + Duration::days(1);
    let app = Session::launch(dir.path(), &[("PPG_DESK_TODAY", &iso(later))]);
    app.wait_for_text("Overdue actions");
    let overdue = card_text(&app, "overdue-title");
    assert!(overdue.contains("Book a table for the flu clinic"), "a day late is overdue:\n{overdue}");
    app.screenshot("dashboard-overdue");
    app.click_found("return [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'See overdue actions in the action list') || null;");
    app.wait_for_text("Actions");
    let checked = app.execute("return document.querySelector(\"input[name='action-view']:checked\").value;", json!([]));
    assert_eq!(checked, json!("overdue"), "the card opens the overdue list");
    let row = app.execute("return [...document.querySelectorAll('.action-list li')].find(li => li.innerText.includes('Book a table')).innerText;", json!([]));
    assert!(row.as_str().unwrap().contains("Overdue"), "overdue is said in words: {row}");
    assert_accessible(&app, "actions-overdue");
    app.screenshot("actions-overdue");

    // The next meeting reviews it.
    app.click_button("Meetings");
    app.click_css(&format!(".meeting-link[data-id='{meeting_id}']"));
    app.wait_for_text("Schedule the next meeting");
    app.click_button("Schedule the next meeting");
    app.click_button("Open the next meeting");
    app.wait_for_text("Stage: Planned");
    app.click_button("Minutes");
    app.wait_for_text("Actions from earlier meetings");
    app.click_found("return [...document.querySelectorAll('.review-list input')].find(i => i.labels[0].textContent.includes('Book a table')) || null;");
    let id = app.execute("return document.activeElement.id;", json!([]));
    app.fill(&format!("#{}", id.as_str().unwrap()), "Table booked for Saturday.");
    app.click_labelled("Mark “Book a table for the flu clinic” as done");
    app.wait_for_text("Table booked for Saturday.");
    assert_accessible(&app, "meeting-review");
    app.screenshot("meeting-review");

    app.click_button("Actions");
    app.click_css("input[name='action-view'][value='done']");
    app.wait_for_text("Book a table for the flu clinic");

    // Dropping an action asks why, beside the box, and keeps it open until told.
    app.click_css("input[name='action-view'][value='open']");
    app.click_found("return [...document.querySelectorAll('.action-link')].find(b => !b.innerText.includes('Book a table')) || null;");
    app.click_button("Drop this action…");
    app.click_button("Drop the action");
    assert!(app.text(&app.find("#droppedReason-error")).contains("why this action is being dropped"));
    assert!(app.body_text().contains("Open"), "still open");
    app.fill("#droppedReason", "The practice has done it already");
    app.click_button("Drop the action");
    app.wait_for_text("This action is now: Dropped.");
    assert_accessible(&app, "action-page");

    app.click_button("← Back to actions");
    app.click_button("Print…");
    app.wait_for_text("Reminder sheets");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.execute("return document.querySelectorAll('.preview canvas').length;", json!([])).as_u64().unwrap_or(0)
        < 2
    {
        assert!(std::time::Instant::now() < deadline, "both previews (log and reminder sheets) appear");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.screenshot("actions-print");
    app.quit();

    let sheet = dir.path().join("reminders.pdf");
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir.path())
        .env("PPG_DESK_TODAY", iso(later))
        .args(["print", "actions", "--out"])
        .arg(&sheet)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let done = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["export", "actions", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&done.stdout);
    let line = csv.lines().find(|l| l.starts_with("Book a table for the flu clinic")).expect("the action is exported");
    assert!(
        line.contains(",Done,") && line.contains("Table booked for Saturday."),
        "closed at the review, with what was said: {line}"
    );
}
