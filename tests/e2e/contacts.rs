//! Contacts and the community directory in the real window: add a link worker, log a meeting
//! with them and watch "last met" and the dashboard card follow; add a directory entry (a bad
//! postcode explained beside its field first), check it, find it, print the directory, and
//! find the entry's text in the PDF.

use chrono::{Duration, Local, NaiveDate};
use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn has_element(app: &Session, id: &str) -> bool {
    app.execute("return document.getElementById(arguments[0]) !== null;", json!([id])) == json!(true)
}

/// Waits until the dashboard has loaded its cards (the next-meeting card is always there).
fn wait_for_dashboard(app: &Session) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !has_element(app, "overdue-title") {
        assert!(std::time::Instant::now() < deadline, "the dashboard never loaded:\n{}", app.body_text());
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn meeting_a_new_link_worker_updates_last_met_and_clears_the_dashboard_card() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    // A year and more on, the sample PPG has not met its link workers for months.
    let today = Local::now().date_naive() + Duration::days(400);
    let app = Session::launch(dir.path(), &[("PPG_DESK_TODAY", &today.format("%Y-%m-%d").to_string())]);
    wait_for_dashboard(&app);
    assert!(has_element(&app, "splw-title"), "the link-worker card shows:\n{}", app.body_text());
    assert!(app.body_text().contains("over 6 months ago"));

    app.click_button("Professionals");
    app.wait_for_text("Chloé Dubois");
    app.click_button("Add a contact");
    app.fill("#fullName", "Niamh O'Brien");
    app.fill("#phone", "01632 960777");
    app.fill("#practices", "Riverside Surgery");
    app.click_button("Add the contact");
    app.wait_for_text("Not met yet");
    assert_accessible(&app, "contact-page");

    // A meeting dated tomorrow is refused beside the date, and nothing is logged.
    app.fill("#happenedOn", &uk(today + Duration::days(1)));
    app.fill("#interactionNotes", "Came to talk about the carers' café.");
    app.click_button("Add to the log");
    app.wait_for_text("This is in the future");
    assert!(app.body_text().contains("Nothing logged yet."));

    app.fill("#happenedOn", &uk(today));
    app.fill("#followUp", "Send Niamh the directory");
    app.click_button("Add to the log");
    app.wait_for_text("Noted, and the follow-up was added to Actions.");
    let long = today.format("%A %-d %B %Y").to_string();
    app.wait_for_text(&format!("Last met {long}"));
    assert!(app.body_text().contains("Follow-up: Send Niamh the directory"));

    app.click_button("Home");
    wait_for_dashboard(&app);
    assert!(!has_element(&app, "splw-title"), "the card has cleared:\n{}", app.body_text());
    app.click_button("Actions");
    app.wait_for_text("Send Niamh the directory");
    app.quit();
}

#[test]
fn a_directory_entry_is_added_checked_found_and_printed() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Next meeting");
    app.click_button("Local groups");
    app.wait_for_text("Due for checking (");
    assert_accessible(&app, "directory");
    app.click_button("Add a group or service");
    app.fill("#name", "Zumba Gold at Hill Lane");
    app.fill("#offers", "Gentle dance fitness to Latin music.");
    app.fill("#postcode", "Hill Lane");
    app.fill("#opensAt", "2pm");
    app.fill("#closesAt", "3pm");
    app.execute(
        "for (const label of document.querySelectorAll('label.checkbox')) { if (['Physical activity', 'Tuesday'].includes(label.textContent.trim())) label.querySelector('input').click(); }",
        json!([]),
    );
    crate::choose(&app, "#entryLanguage", "Polish · Polski");
    app.execute("document.getElementById('entryLanguage').scrollIntoView({ block: 'center' });", json!([]));
    app.screenshot("directory-entry-form");
    app.click_button("Add to the directory");
    app.wait_for_text("does not look like a UK postcode");
    assert_eq!(
        app.execute("return document.getElementById('entryLanguage').value;", json!([])),
        json!("pl"),
        "the language chosen is kept while the postcode is put right"
    );
    app.fill("#postcode", "rv2 3ll");
    app.click_button("Add to the directory");
    app.wait_for_text("Due for checking: never checked");
    assert!(app.body_text().contains("Tuesdays, 2pm to 3pm"), "{}", app.body_text());
    assert!(app.body_text().contains("RV2 3LL"), "the postcode is tidied");

    app.fill("#checkedBy", "Priya Sharma");
    app.click_button("Mark as checked today");
    app.wait_for_text("Marked as checked today.");
    assert!(!app.body_text().contains("Due for checking: never checked"));

    app.click_button("← Back to the directory");
    app.fill("#directorySearch", "zumba");
    app.wait_for_text("1 entry");
    app.execute(
        "const s = document.getElementById('categoryFilter'); s.value = [...s.options].find(o => o.textContent === 'Food').value; s.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([]),
    );
    app.wait_for_text("Nothing matches.");

    app.click_button("Print…");
    app.wait_for_preview();
    assert_accessible(&app, "directory-print");
    app.quit();

    let pdf = dir.path().join("directory.pdf");
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["print", "directory", "--large-print", "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Zumba Gold at Hill Lane"), "the new entry is printed");
    assert!(text.contains("Gentle dance fitness to Latin music."));
    assert!(text.contains("Tuesdays, 2pm to 3pm"));
}
