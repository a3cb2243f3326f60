//! Larger text that reflows: at the largest text size, in a 1024 x 768 window and on a
//! 1280 x 800 laptop, no screen needs sideways scrolling (checked with each accessibility
//! scan) and no button on a meeting's page is cut off at the window's edge.

use serde_json::json;

use crate::axe::assert_accessible;
use crate::webdriver::Session;

const SCREENS: [&str; 10] = [
    "Home",
    "Meetings",
    "Actions",
    "People",
    "Drivers",
    "Befriending",
    "Bulletin",
    "Professionals",
    "Local groups",
    "Settings",
];

fn largest_text(app: &Session) {
    let set = app.execute_async(
        "const done = arguments[arguments.length - 1];
         const invoke = window.__TAURI_INTERNALS__.invoke;
         invoke('get_settings').then(s => invoke('save_settings', { settings: { ...s, textSize: 'larger' } })).then(() => done('ok')).catch(e => done(JSON.stringify(e)));",
        json!([]),
    );
    assert_eq!(set, json!("ok"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.execute("return getComputedStyle(document.documentElement).fontSize;", json!([])) != json!("27px") {
        assert!(std::time::Instant::now() < deadline, "the text grew to the largest size");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn buttons_cut_off(app: &Session) -> serde_json::Value {
    app.execute(
        "return [...document.querySelectorAll('main button')].filter(b => b.offsetParent !== null)
            .filter(b => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth + 1; })
            .map(b => b.textContent.trim());",
        json!([]),
    )
}

#[test]
fn every_screen_reflows_at_the_largest_text_on_small_windows() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");
    largest_text(&app);
    for (width, height) in [(1024, 768), (1280, 800)] {
        app.set_window_size(width, height);
        for screen in SCREENS {
            app.click_button(screen);
            app.wait_for_text(screen);
            std::thread::sleep(std::time::Duration::from_millis(300));
            assert_accessible(&app, &format!("largest-{width}-{}", screen.to_lowercase()));
        }
        app.click_button("Meetings");
        app.click_css(".meeting-list .meeting-link");
        app.wait_for_text("Stage: Planned");
        for tab in ["Agenda", "Attendance", "Minutes", "Details"] {
            app.click_button(tab);
            std::thread::sleep(std::time::Duration::from_millis(300));
            assert_eq!(
                buttons_cut_off(&app),
                json!([]),
                "no button is cut off on the meeting's {tab} at {width}x{height}"
            );
        }
        assert_accessible(&app, &format!("largest-{width}-meeting"));
    }
    app.quit();
}
