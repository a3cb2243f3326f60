//! People in the real window: add, edit, relaunch; bad input; hostile text; a whole record
//! for a subject access request; accessibility.

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

fn open_people(app: &Session) {
    app.click_button("People");
    app.wait_for_text("people shown");
}

#[test]
fn add_and_edit_a_person_then_find_them_after_relaunch() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Riverside Surgery Patient Participation Group");
    open_people(&app);
    assert_accessible(&app, "people");

    app.click_button("Add a person");
    app.find("#fullName");
    assert_accessible(&app, "person-form");
    app.fill("#fullName", "Nia Okafor");
    app.fill("#email", "nia@example.org");
    app.click_button("Add person");
    app.wait_for_text("Nia Okafor has been saved.");

    app.click_css("button[aria-label='Edit Nia Okafor']");
    app.fill("#phone", "07700 900777");
    app.click_button("Save changes");
    app.wait_for_text("Nia Okafor has been saved.");
    app.quit();

    let again = Session::launch(dir.path(), &[]);
    again.wait_for_text("Riverside Surgery Patient Participation Group");
    open_people(&again);
    again.fill("#people-search", "okafor");
    again.wait_for_text("1 person shown");
    let listed = again.body_text();
    assert!(
        listed.contains("Nia Okafor") && listed.contains("07700 900777"),
        "the edit survived a relaunch:\n{listed}"
    );
    again.quit();
}

#[test]
fn a_bad_email_is_explained_beside_the_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    open_people(&app);
    app.click_button("Add a person");
    app.fill("#fullName", "Bad Email Person");
    app.fill("#email", "bad.example.org");
    app.click_button("Add person");
    let summary = app.text(&app.find(".error-summary"));
    assert!(
        summary.contains("Nothing has been saved") && summary.contains('@'),
        "a summary at the top lists the problem: {summary}"
    );
    let message = app.text(&app.find("#email-error"));
    assert!(message.contains('@'), "the message says what is wrong: {message}");
    let invalid = app.execute("return document.getElementById('email').getAttribute('aria-invalid');", json!([]));
    assert_eq!(invalid, json!("true"), "the field is marked invalid for screen readers");
    assert_eq!(
        app.execute("return document.getElementById('fullName').value;", json!([])),
        json!("Bad Email Person"),
        "what was typed is kept"
    );
    assert_accessible(&app, "person-form-error");

    // The virtual PPG takes part by email: ticked without agreeing to email, it is explained
    // beside the box.
    app.fill("#email", "now.valid@example.org");
    app.execute(
        "const box = [...document.querySelectorAll('label.checkbox')].find(l => l.textContent.includes('by email only')).querySelector('input'); box.click(); box.scrollIntoView();",
        json!([]),
    );
    app.click_button("Add person");
    let message = app.text(&app.find("#emailOnly-error"));
    assert!(message.contains("virtual PPG takes part by email"), "{message}");
    app.execute("document.getElementById('emailOnly-error').scrollIntoView({ block: 'center' });", json!([]));
    app.screenshot("person-form-email-only");

    app.click_button("Cancel");
    app.fill("#people-search", "Bad Email");
    app.wait_for_text("0 people shown");
    app.quit();
}

#[test]
fn hostile_text_is_shown_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    open_people(&app);
    let hostile = "<img src=x onerror=alert(1)>";
    app.click_button("Add a person");
    app.fill("#fullName", hostile);
    app.click_button("Add person");
    app.wait_for_text(&format!("{hostile} has been saved."));
    app.fill("#people-search", "img src");
    app.wait_for_text("1 person shown");
    let shown = app.execute("return document.querySelector('.people-table .person-name').textContent;", json!([]));
    assert_eq!(shown, json!(hostile));
    let images = app.execute("return document.querySelectorAll('img').length;", json!([]));
    assert_eq!(images, json!(0), "no image element was created from the name");
    app.quit();
}

#[test]
fn a_persons_whole_record_is_shown_for_a_subject_access_request() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    open_people(&app);
    app.click_css("button[aria-label='Edit Graham Whitfield']");
    app.wait_for_text("Everything we hold about them");
    app.click_button("Show their record…");
    app.wait_for_preview();
    let pages = app.text(&app.find(".count"));
    assert!(
        pages.starts_with("Preview: ") && !pages.contains("Preview: 1 page"),
        "a driver's record runs over a page: {pages}"
    );
    assert_accessible(&app, "person-record");
    let title = app.execute("return document.title;", json!([]));
    assert!(!title.as_str().unwrap_or_default().contains("Graham"), "no name in the window title: {title}");
    app.quit();
}
