//! The bulletin in the real window: start the next issue as a copy of the last, insert
//! "Dates for your diary" and find the next meeting's date in it, write an article with a
//! picture, see the preview of the real PDF, and print it. (The picture is given to the same
//! command the "Choose a picture…" button calls, as the system's file dialog cannot be driven.)

use chrono::{Local, NaiveDate};
use serde_json::json;

use crate::axe::assert_accessible;
use crate::choose;
use crate::webdriver::Session;

fn next_meeting_date(dir: &std::path::Path) -> String {
    let out = std::process::Command::new(crate::cli()).arg("--data-dir").arg(dir).arg("meetings").output().unwrap();
    let today = Local::now().date_naive();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
        .filter(|d| *d >= today)
        .min()
        .expect("the sample has a meeting to come")
        .format("%A %-d %B %Y")
        .to_string()
}

fn field_value(app: &Session, css: &str) -> String {
    app.execute(
        "const f = document.querySelector(arguments[0]); return f ? (f.value ?? f.innerText) : '';",
        json!([css]),
    )
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[test]
fn the_next_issue_is_made_from_the_last_with_the_diary_and_a_picture_then_printed() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let next = next_meeting_date(dir.path());
    // A native file dialog cannot be driven: the app is told at launch which file stands for
    // the person's choice, and everything after the dialog runs for real.
    let picture = dir.path().join("garden.png");
    image::DynamicImage::new_rgb8(320, 200).save(&picture).unwrap();
    let app = Session::launch(dir.path(), &[("PPG_DESK_TEST_CHOICE", picture.to_str().unwrap())]);
    app.wait_for_text("Next meeting");
    app.click_button("Bulletin");
    app.wait_for_text("Issue 24:");
    assert_accessible(&app, "bulletins");

    app.click_button("Start the next issue (a copy of issue 24)");
    app.wait_for_text("Issue 25: Riverside PPG News");
    app.click_button("Add “Dates for your diary”");
    app.wait_for_text("Article: Dates for your diary");
    let diary = field_value(&app, "#articleBody");
    assert!(diary.contains(&next), "the diary gives the next meeting, {next}:\n{diary}");

    app.click_button("Add an article");
    app.wait_for_text("Article: New article");
    app.fill("#articleTitle", "Our new garden");
    app.fill("#articleBody", "Volunteers planted a **sensory garden** by the car park, with benches for waiting.");
    app.fill("#imageAlt", "The new garden by the car park");
    app.wait_for_text("All changes saved");
    let issue = app.execute("return document.getElementById('bulletin-title').textContent;", json!([]));
    assert!(issue.as_str().unwrap().starts_with("Issue 25"));
    // A page cannot hand a command a file nobody chose (the hostile-page case).
    let refused = app.execute_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('preview_people_csv', { path: '/etc/passwd' })
           .then(() => done('read')).catch(e => done(e.message));",
        json!([]),
    );
    assert!(refused.as_str().unwrap().contains("only opens or saves files you choose"), "{refused}");
    app.click_button("Choose a picture…");
    let bulletin = app.execute_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('list_bulletins').then(list => done(list.find(x => x.number === 25).id)).catch(e => done(String(e)));",
        json!([]),
    );
    let bulletin = bulletin.as_i64().expect("the new issue's id");
    app.wait_for_text("This article has a picture.");
    app.wait_for_text("With a picture");
    app.wait_for_preview();
    assert!(app.body_text().contains("Fits on") || app.body_text().contains("Runs to"), "the page count is said");
    assert_accessible(&app, "bulletin-editor");
    app.screenshot("bulletin-editor");
    app.quit();

    let pdf = dir.path().join("bulletin.pdf");
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["print", "bulletin", "--issue", &bulletin.to_string(), "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").arg("-raw").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Issue 25",
        "Dates for your diary",
        next.as_str(),
        "Our new garden",
        "The new garden by the car park",
        "sensory garden",
    ] {
        assert!(text.contains(expected), "the printed issue has {expected:?}:\n{text}");
    }
}

/// Whether the field reads right to left (its direction comes from what is typed in it).
fn right_to_left(app: &Session, css: &str) -> bool {
    app.execute(
        "const f = document.querySelector(arguments[0]);
         let dir = false; try { dir = f.matches(':dir(rtl)'); } catch (e) {}
         return dir || getComputedStyle(f).direction === 'rtl';",
        json!([css]),
    )
    .as_bool()
    .unwrap_or(false)
}

#[test]
fn an_article_translated_into_urdu_is_typed_right_to_left_and_printed_as_an_edition() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Next meeting");
    app.click_button("Bulletin");
    app.click_button("Start the next issue (a copy of issue 24)");
    app.wait_for_text("Issue 25: Riverside PPG News");
    app.click_button("Add an article");
    app.wait_for_text("Article: New article");
    app.fill("#articleTitle", "Flu clinic on Saturday");
    app.wait_for_text("All changes saved");
    assert!(!right_to_left(&app, "#articleTitle"), "English reads left to right");

    choose(&app, "#translateInto", "Urdu · اردو");
    app.click_button("Start the translation");
    app.wait_for_text("A translation of “Flu clinic on Saturday”");
    app.wait_for_text("Urdu (اردو) translation:");
    app.fill("#articleTitle", "ہفتہ کو فلو کلینک");
    app.wait_for_text("All changes saved");
    assert!(right_to_left(&app, "#articleTitle"), "Urdu typed in the heading reads right to left");
    app.wait_for_text("This issue in Urdu (اردو)");
    assert_accessible(&app, "bulletin-translation");
    app.screenshot("bulletin-translation");
    let bulletin = app.execute_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('list_bulletins').then(list => done(list.find(x => x.number === 25).id)).catch(e => done(String(e)));",
        json!([]),
    );
    let bulletin = bulletin.as_i64().expect("the new issue's id");
    app.quit();

    let pdf = dir.path().join("edition.pdf");
    let out = std::process::Command::new(crate::cli())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["print", "bulletin", "--issue", &bulletin.to_string(), "--edition", "ur", "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").arg("-raw").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains("اردو") && !text.contains("Flu clinic on Saturday"), "the Urdu edition:\n{text}");
}
