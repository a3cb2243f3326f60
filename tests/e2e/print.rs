//! Printing from the real window: the in-app preview of the contact list in both profiles,
//! and a print job through a real CUPS queue (cups-pdf, set up by cups-printer.sh).

use std::process::Command;
use std::time::{Duration, Instant};

use crate::axe::assert_accessible;
use crate::webdriver::Session;

const PRINTER: &str = "PPG_Desk_Test_PDF";

fn completed_jobs() -> String {
    let out = Command::new("lpstat")
        .args(["-W", "completed", "-o", PRINTER])
        .output()
        .expect("lpstat (CUPS) is installed by make setup");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn preview_then_print_the_contact_list_through_cups() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.click_button("People");
    app.click_button("Print contact list…");
    app.wait_for_text("Preview: 2 pages");
    let canvases = app.execute("return document.querySelectorAll('.preview canvas').length;", serde_json::json!([]));
    assert_eq!(canvases, serde_json::json!(2), "both pages are drawn in the preview");
    assert_accessible(&app, "print-preview");

    app.click_css(".document-panel input[value='largePrint']");
    app.wait_for_text("Preview: 3 pages");

    app.click_button("Print…");
    app.find("#printer-choice");
    let chosen = app.execute(
        "const s = document.getElementById('printer-choice'); s.value = arguments[0]; s.dispatchEvent(new Event('change')); return s.value;",
        serde_json::json!([PRINTER]),
    );
    assert_eq!(chosen, serde_json::json!(PRINTER), "the test printer is offered");
    assert_accessible(&app, "print-dialog");
    app.click_found(
        "return [...document.querySelectorAll('dialog button')].find(b => b.textContent.trim() === 'Print') || null;",
    );
    app.wait_for_text(&format!("Sent to {PRINTER} (job {PRINTER}-"));
    let text = app.body_text();
    let job = text.split(&format!("(job {PRINTER}-")).nth(1).unwrap().split(')').next().unwrap().to_string();
    app.screenshot("printed");
    app.quit();

    let deadline = Instant::now() + Duration::from_secs(60);
    let id = format!("{PRINTER}-{job}");
    while !completed_jobs().lines().any(|l| l.split_whitespace().next() == Some(id.as_str())) {
        assert!(Instant::now() < deadline, "CUPS never completed job {id}:\n{}", completed_jobs());
        std::thread::sleep(Duration::from_millis(250));
    }
    // cups-pdf writes into the printing user's home folder as the system records it.
    let passwd = Command::new("sh").args(["-c", "getent passwd \"$(id -u)\" | cut -d: -f6"]).output().unwrap();
    let home = String::from_utf8_lossy(&passwd.stdout).trim().to_string();
    let printed = std::fs::read_dir(format!("{home}/PDF")).ok().and_then(|entries| {
        entries.flatten().map(|e| e.path()).find(|p| p.to_string_lossy().ends_with(&format!("job_{job}.pdf")))
    });
    let printed = printed.expect("cups-pdf wrote the printed job as a PDF");
    // cups-pdf re-renders the job through Ghostscript, which keeps the pages but not the
    // text mapping, so the check is on the pages: the large-print list has three.
    let out = Command::new("pdfinfo").arg(&printed).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some("3"), "the printed job is the three-page large-print list:\n{info}");
}
