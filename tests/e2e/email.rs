//! Emailing the agenda from the real window: "Email…", the committee chosen, the people it
//! reaches and those left out read in the panel with the subject, handed to a mail program
//! registered for `mailto:` (a recorder, in private XDG folders), and "Agenda sent to …" on the
//! meeting and on Home; then a mailing list of the PPG's own made in Settings → Email.

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

#[test]
fn email_the_agenda_to_the_committee_and_see_that_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ppg");
    crate::load_sample(&data);
    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("data/applications")).unwrap();
    std::fs::create_dir_all(xdg.join("config")).unwrap();
    let asked = xdg.join("asked.txt");
    let program = xdg.join("mail-program.sh");
    std::fs::write(&program, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", asked.display())).unwrap();
    std::process::Command::new("chmod").arg("755").arg(&program).status().unwrap();
    std::fs::write(
        xdg.join("data/applications/test-mail.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Test mail\nExec={} %u\nMimeType=x-scheme-handler/mailto;\n",
            program.display()
        ),
    )
    .unwrap();
    std::fs::write(
        xdg.join("config/mimeapps.list"),
        "[Default Applications]\nx-scheme-handler/mailto=test-mail.desktop\n",
    )
    .unwrap();
    let (data_home, config_home) = (xdg.join("data"), xdg.join("config"));
    let app = Session::launch(
        &data,
        &[("XDG_DATA_HOME", data_home.to_str().unwrap()), ("XDG_CONFIG_HOME", config_home.to_str().unwrap())],
    );

    app.click_css("#next-meeting-title ~ button");
    app.wait_for_text("Stage: Planned");
    app.click_button("Print the agenda");
    app.click_button("Email…");
    app.wait_for_text("Goes to 8 people");
    let text = app.body_text();
    assert!(text.contains("Graham Whitfield (large print)"), "{text}");
    assert!(text.contains("David Thompson: no email address"), "those left out are named, with why: {text}");
    assert!(text.contains("with the PDF attached"), "the panel says how it will go first: {text}");
    let subject = app.execute("return document.getElementById('subject').value;", json!([]));
    assert!(subject.as_str().unwrap().starts_with("Agenda for the committee meeting on "), "{subject}");
    assert_accessible(&app, "email-dialog");
    app.screenshot("email-dialog");
    app.click_button("Open in my mail program");
    app.wait_for_text("Handed to your mail program for 8 people");
    app.wait_for_text("Agenda sent to 8 people on");
    let asked = std::fs::read_to_string(&asked).unwrap_or_default();
    assert_eq!(asked.lines().count(), 2, "standard and large print: {asked}");
    assert!(asked.lines().all(|l| l.starts_with("mailto:") && l.contains("attach=")), "{asked}");
    app.screenshot("email-sent");

    app.click_button("Home");
    app.wait_for_text("The agenda was emailed to 8 people on");

    // The wording is the secretary's to change, in Settings → Email.
    app.click_button("Settings");
    app.click_button("Email");
    app.wait_for_text("Email wording");
    let subject = app.execute("return document.getElementById('subject').value;", json!([]));
    assert_eq!(subject, json!("Agenda for the {meeting} on {date} at {time}"));
    assert_accessible(&app, "email-wording");
    app.screenshot("email-wording");

    // The PPG's own lists, on the same page: the sample's practice team, and one made here.
    app.wait_for_text("Practice team (your own list): goes to 2 people");
    app.click_button("Make a new list…");
    app.fill("#list-name", "Committee");
    let tick = |name: &str| {
        app.click_found_with(
            "return [...document.querySelectorAll('.list-people label')].find(l => l.textContent.includes(arguments[0]));",
            json!([name]),
        )
    };
    tick("Fatima Hussain");
    tick("Peter Wright");
    app.wait_for_text("Who is on it (2 chosen)");
    app.screenshot("mailing-list-dialog");
    let text = app.body_text();
    assert!(text.contains("Peter Wright (will be left out: no email address)"), "{text}");
    app.click_button("Save the list");
    app.wait_for_text("\"The committee\" is one of PPG Desk's own lists. Please choose another name.");
    app.fill("#list-name", "Newsletter helpers");
    app.click_button("Save the list");
    app.wait_for_text("Saved the list \"Newsletter helpers\".");
    app.wait_for_text("Newsletter helpers (your own list): goes to 1 person; 1 left out");
    app.click_found(
        "return [...document.querySelectorAll('summary')].find(s => s.textContent.includes('Newsletter helpers'));",
    );
    app.wait_for_text("Fatima Hussain: agreed to email on");
    app.wait_for_text("Peter Wright: no email address");
    assert_accessible(&app, "mailing-lists");
    app.screenshot("mailing-lists");
    app.quit();
}
