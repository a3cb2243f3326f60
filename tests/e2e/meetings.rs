//! Meetings in the real window: open the next meeting, add an agenda item, move it, record
//! attendance with an apology, take minutes with a decision and an action, kill the app
//! mid-typing and find the text intact, print agenda and minutes; then, on the day of the
//! next meeting, approve the last minutes and find them locked.

use std::time::Duration;

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

/// Lists meetings through the command line. The closing window may still be letting go of the
/// data folder, so a refusal is retried for a while; the final failure shows what it said.
fn upcoming_meeting_id(dir: &std::path::Path) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let out = std::process::Command::new(crate::cli()).arg("--data-dir").arg(dir).arg("meetings").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if let Some(id) = text.lines().nth(1).and_then(|l| l.split_whitespace().next()) {
            return id.to_string();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no meeting listed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The date of the meeting listed first by the command line (the one planned), as ISO.
fn listed_meetings(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let out = std::process::Command::new(crate::cli()).arg("--data-dir").arg(dir).arg("meetings").output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[0].to_string(), f[1].to_string(), f[f.len() - 2..].join(" "))
        })
        .collect()
}

fn pdf_text(dir: &std::path::Path, document: &str, meeting: &str) -> String {
    let pdf = dir.join(format!("{document}.pdf"));
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir)
        .args(["print", document, "--meeting", meeting, "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Laid out as printed, with runs of spaces and line ends read as one space.
    let text = std::process::Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Clicks the attendance choice (Present, Apologies, Absent) for the committee member `name`.
fn record_attendance(app: &Session, name: &str, choice: &str) {
    let script = "const set = [...document.querySelectorAll('.attendance-list fieldset')].find(f => f.querySelector('legend').textContent.includes(arguments[0]));
                  return set ? [...set.querySelectorAll('label')].find(l => l.textContent.trim() === arguments[1]).querySelector('input') : null;";
    app.click_found_with(script, json!([name, choice]));
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
    let order = |app: &Session| {
        app.execute("return [...document.querySelectorAll('.agenda-list strong')].map(s => s.textContent);", json!([]))
    };
    let titles = order(&app);
    let position =
        |titles: &serde_json::Value, t: &str| titles.as_array().unwrap().iter().position(|x| x == t).unwrap();
    assert_eq!(
        position(&titles, "Flu clinic stall") + 3,
        titles.as_array().unwrap().len(),
        "new items go before any other business"
    );
    app.click_css("button[aria-label='Move Flu clinic stall up']");
    let moved = {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let titles = order(&app);
            if position(&titles, "Flu clinic stall") + 4 == titles.as_array().unwrap().len()
                || std::time::Instant::now() > deadline
            {
                break titles;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    assert_eq!(position(&moved, "Flu clinic stall") + 4, moved.as_array().unwrap().len(), "moved up one place");

    app.click_button("Attendance");
    app.wait_for_text("Not enough to make decisions yet: 0 committee members present");
    for name in ["Margaret Ellis", "Siobhán O'Connor", "Aisha Begum", "Graham Whitfield", "Zoë Brontë-Smith"] {
        record_attendance(&app, name, "Present");
    }
    record_attendance(&app, "David Thompson", "Apologies");
    app.wait_for_text("Enough to make decisions: 5 committee members present (quorum 5).");
    assert_accessible(&app, "meeting-attendance");
    app.screenshot("meeting-attendance");

    app.click_button("Minutes");
    app.click_labelled("Add a decision under Flu clinic stall");
    let item = app.execute("return document.querySelector('[aria-label=\"New decision under Flu clinic stall\"] textarea').id.split('-').pop();", json!([]));
    let item = item.as_str().unwrap().to_string();
    app.fill(&format!("#votesFor-{item}"), "seven");
    app.click_button("Record the decision");
    app.wait_for_text("Please give the number of votes as a whole number");
    app.fill(&format!("#decisionText-{item}"), "Run a PPG stall at the flu clinic");
    app.fill(&format!("#votesFor-{item}"), "7");
    app.fill(&format!("#abstentions-{item}"), "1");
    let pick = |css: &str, name: &str| {
        app.execute("const s = document.querySelector(arguments[0]); const o = [...s.options].find(o => o.textContent === arguments[1]); s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true }));", json!([css, name]));
    };
    pick(&format!("#proposerId-{item}"), "Aisha Begum");
    pick(&format!("#seconderId-{item}"), "Graham Whitfield");
    app.click_button("Record the decision");
    app.wait_for_text("Proposed by Aisha Begum, seconded by Graham Whitfield. For 7, against 0, abstentions 1.");
    app.click_labelled("Add an action under Flu clinic stall");
    app.fill(&format!("#actionTitle-{item}"), "Book a table for the stall");
    app.click_button("Record the action");
    app.wait_for_text("Please choose who will do this.");
    pick(&format!("#actionOwners-{item}"), "Graham Whitfield");
    app.click_button("Record the action");
    app.wait_for_text("Action: Book a table for the stall – Graham Whitfield");
    app.screenshot("meeting-minutes-record");

    let first_box = app.find(".minutes-field .rich-text");
    let id = app.execute("return document.querySelector('.minutes-field .rich-text').id;", json!([]));
    let id = id.as_str().unwrap().to_string();
    app.fill(&format!("#{id}"), "Apologies from Peter Wright. Siobhán O'Connor took the minutes");
    let _ = first_box;
    let state_of = |app: &Session| {
        app.execute("return document.getElementById(arguments[0] + '-state').textContent.trim();", json!([id]))
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while state_of(&app) != json!("All changes saved") {
        assert!(std::time::Instant::now() < deadline, "the box reports it saved, got {}", state_of(&app));
        std::thread::sleep(Duration::from_millis(100));
    }
    // Bold as in Word: choose the words, press Ctrl+B; the box shows bold and keeps it so.
    app.execute(
        "const box = document.getElementById(arguments[0]);
         const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT); let text = walker.nextNode();
         while (text && !text.textContent.includes('Peter Wright')) text = walker.nextNode();
         const at = text.textContent.indexOf('Peter Wright'); const range = document.createRange();
         range.setStart(text, at); range.setEnd(text, at + 'Peter Wright'.length);
         box.focus(); const chosen = getSelection(); chosen.removeAllRanges(); chosen.addRange(range); return 1;",
        json!([id]),
    );
    app.chord(crate::webdriver::Key::CONTROL, "b");
    let bold = app.execute(
        "return [...document.getElementById(arguments[0]).querySelectorAll('strong, b')].map(b => b.textContent);",
        json!([id]),
    );
    assert_eq!(bold, json!(["Peter Wright"]), "the chosen words show in bold at once");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while state_of(&app) != json!("All changes saved") {
        assert!(std::time::Instant::now() < deadline, "the bold change is saved, got {}", state_of(&app));
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_accessible(&app, "meeting-minutes");
    // Keep typing, wait less than two seconds without leaving the box, then crash.
    app.execute(
        "const box = document.getElementById(arguments[0]); const last = box.lastChild;
         if (last && last.nodeType === 3) last.textContent += ', and the room was full.'; else (box.lastElementChild ?? box).append(', and the room was full.');
         box.dispatchEvent(new Event('input', { bubbles: true }));",
        json!([id]),
    );
    std::thread::sleep(Duration::from_millis(1900));
    app.kill_app();

    let again = Session::launch(dir.path(), &[]);
    again.wait_for_text("Your officers");
    open_next_meeting(&again);
    again.click_button("Minutes");
    again.find(".minutes-field .rich-text");
    let text = again.execute("return document.querySelector('.minutes-field .rich-text').innerText.trim();", json!([]));
    assert_eq!(
        text,
        json!("Apologies from Peter Wright. Siobhán O'Connor took the minutes, and the room was full."),
        "nothing typed was lost"
    );
    let bold = again.execute(
        "return [...document.querySelectorAll('.minutes-field .rich-text strong')].map(b => b.textContent);",
        json!([]),
    );
    assert_eq!(bold, json!(["Peter Wright"]), "the bold is kept (stored as **Peter Wright**, printed in bold)");

    again.click_button("Print the agenda");
    again.wait_for_preview();
    again.click_button("Print the minutes");
    again.wait_for_preview();
    again.click_button("Mark the agenda as sent out");
    again.wait_for_text("Stage: Agenda issued");
    again.quit();

    let id = upcoming_meeting_id(dir.path());
    let agenda = pdf_text(dir.path(), "agenda", &id);
    assert!(
        agenda.contains("Flu clinic stall") && agenda.contains("10 minutes"),
        "the printed agenda has the new item:\n{agenda}"
    );
    let minutes = pdf_text(dir.path(), "minutes", &id);
    for expected in [
        "Draft Minutes",
        "the room was full",
        "Apologies David Thompson",
        "Decision: Run a PPG stall at the flu clinic",
        "Proposed by Aisha Begum",
        "For 7, against 0, abstentions 1",
        "Action: Book a table for the stall",
        "Graham Whitfield",
    ] {
        assert!(minutes.contains(expected), "the printed minutes say {expected:?}:\n{minutes}");
    }
}

#[test]
fn the_last_minutes_are_approved_at_the_next_meeting_and_locked() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let listed = listed_meetings(dir.path());
    let (_, next_date, _) = listed[0].clone();
    let (previous_id, _, previous_status) = listed[1].clone();
    assert_eq!(previous_status, "Draft minutes");
    // The day of the next meeting, when the last minutes are approved.
    let app = Session::launch(dir.path(), &[("PPG_DESK_TODAY", &next_date)]);
    app.wait_for_text("Your officers");
    open_next_meeting(&app);
    app.click_button("Minutes");
    app.fill("#corrections", "Item 7: 15 trips, not 14.");
    app.click_found("return [...document.querySelectorAll('button')].find(b => b.textContent.startsWith('Record the minutes of')) || null;");
    app.wait_for_text("were approved at this meeting, with these corrections:");
    assert_accessible(&app, "meeting-approval");
    app.screenshot("meeting-approval");

    app.click_button("← Back to meetings");
    app.wait_for_text("Held");
    let held = app.find(&format!(".meeting-list .meeting-link[data-id='{previous_id}']"));
    app.click(&held);
    app.wait_for_text("Stage: Minutes approved");
    app.click_button("Minutes");
    app.wait_for_text("are locked");
    let readonly = app.execute("return [...document.querySelectorAll('.minutes-field .rich-text')].every(t => !t.isContentEditable && t.getAttribute('aria-readonly') === 'true');", json!([]));
    assert_eq!(readonly, json!(true), "approved minutes cannot be typed into");
    assert!(!app.body_text().contains("+ Decision"), "no new decisions on approved minutes");
    app.fill("#amendment", "The treasurer's report was given by Łukasz Nowak.");
    app.click_button("Add the amendment");
    app.wait_for_text("The treasurer's report was given by Łukasz Nowak.");
    app.quit();

    let minutes = pdf_text(dir.path(), "minutes", &previous_id);
    assert!(minutes.contains("Approved as a true record on"), "approved minutes carry the approval line:\n{minutes}");
    assert!(minutes.contains("Signed (chair)"), "and a line for the chair's signature");
    assert!(
        minutes.contains("The treasurer's report was given by Łukasz Nowak."),
        "the amendment is printed:\n{minutes}"
    );
}
