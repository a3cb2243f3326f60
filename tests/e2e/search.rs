//! Find anything with the keyboard alone: Ctrl+K from Home, the start of a word from a
//! meeting's minutes, the results grouped with the words marked (checked by axe), Down and Up
//! to choose, and Enter opens that meeting at that item's minutes, focus in its box; then a
//! name typed without its accents into the header's search box opens that person's record, and a word from a trip's notes
//! that trip.

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::{Key, Session};

#[test]
fn ctrl_k_finds_a_word_in_the_minutes_and_enter_opens_the_meeting_at_that_item() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");

    app.chord(Key::CONTROL, "k");
    app.wait_for_focus("search-box");
    app.press(&["teleph"]);
    app.wait_for_text("Agenda items and minutes");
    app.wait_for_text("Practice update");
    let marked = app
        .execute("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent);", json!([]));
    assert!(marked.as_array().unwrap().iter().any(|m| m.as_str() == Some("telephone")), "{marked}");
    assert_accessible(&app, "search-results");
    app.screenshot("search-results");

    // The first result is chosen; Down and Up move and come back to it.
    let first =
        app.execute("return document.getElementById('search-box').getAttribute('aria-activedescendant');", json!([]));
    app.press(&[Key::ARROW_DOWN]);
    let second =
        app.execute("return document.getElementById('search-box').getAttribute('aria-activedescendant');", json!([]));
    assert_ne!(first, second, "Down moves to the next result");
    app.press(&[Key::ARROW_UP]);
    let back =
        app.execute("return document.getElementById('search-box').getAttribute('aria-activedescendant');", json!([]));
    assert_eq!(first, back, "Up moves back");
    // Down to the first item of the minutes that holds the word.
    let active_text = || {
        app.execute(
            "const box = document.getElementById('search-box'); const id = box && box.getAttribute('aria-activedescendant'); const hit = id && document.getElementById(id); return hit ? hit.textContent : '';",
            json!([]),
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    };
    for _ in 0..40 {
        if active_text().contains("Practice update") {
            break;
        }
        app.press(&[Key::ARROW_DOWN]);
    }
    assert!(active_text().contains("Practice update"), "{}", active_text());

    app.press(&[Key::ENTER]);
    app.wait_for_text("Stage:");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let focused = app.focused();
        if focused.starts_with("minutes-") {
            let text = app.execute("return document.activeElement.textContent;", json!([]));
            assert!(text.as_str().unwrap_or_default().contains("telephone"), "focus is in that item's minutes: {text}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "focus never reached the item's minutes: {focused}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.screenshot("search-opened-minutes");

    // A name typed without its accent into the header's box (always there) carries on in the
    // search it opens, and opens that person's record.
    app.click_css("#header-search");
    app.press(&["z"]);
    app.wait_for_focus("search-box");
    app.press(&["oe bront"]);
    let typed = app.execute("return document.getElementById('search-box').value;", json!([]));
    assert_eq!(typed.as_str(), Some("zoe bront"), "the letter typed in the header is kept");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !active_text().contains("Zoë Brontë-Smith") {
        assert!(std::time::Instant::now() < deadline, "the person is not the first result: {}", active_text());
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.press(&[Key::ENTER]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let name = app.execute("const f = document.getElementById('fullName'); return f ? f.value : '';", json!([]));
        if name.as_str() == Some("Zoë Brontë-Smith") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the person's record never opened: {name}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    // A word from a trip's notes opens that trip.
    app.chord(Key::CONTROL, "k");
    app.wait_for_focus("search-box");
    app.press(&["blanket"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !active_text().contains("Trip for") {
        assert!(std::time::Instant::now() < deadline, "a trip is not the first result: {}", active_text());
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.press(&[Key::ENTER]);
    let title = app.find("#trip-title");
    assert!(app.text(&title).contains(" to "), "the trip's page: {}", app.text(&title));
    app.screenshot("search-opened-trip");
    app.quit();
}
