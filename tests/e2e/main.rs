//! End-to-end tests: the real PPG Desk window, driven through tauri-driver and
//! WebKitWebDriver under Xvfb, each test on its own temporary data folder.
//! Run by `make test` (which provides the display); they never skip.

mod actions;
mod axe;
mod befriending;
mod bulletins;
mod contacts;
mod drivers;
mod email;
mod feedback;
mod keyboard;
mod measure;
mod meetings;
mod people;
mod print;
mod reflow;
mod restore;
mod search;
mod security;
mod setup;
mod sharing;
mod surveys;
mod webdriver;

use std::path::Path;
use std::process::Command;

use serde_json::json;

use webdriver::Session;

/// The `ppg-desk` command line, built beside the window by `make test` (`cargo build -p
/// ppg-desk-cli`): it is another package's program, so cargo does not name it here.
pub fn cli() -> std::path::PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_ppg-desk-window")).with_file_name("ppg-desk");
    assert!(path.is_file(), "build the command line first: cargo build -p ppg-desk-cli ({})", path.display());
    path
}

/// Loads the sample PPG into `dir` through the command line, as a quick starting point.
pub fn load_sample(dir: &Path) {
    let status = Command::new(crate::cli()).arg("--data-dir").arg(dir).arg("demo").output().expect("run ppg-desk demo");
    assert!(status.status.success(), "ppg-desk demo failed: {}", String::from_utf8_lossy(&status.stderr));
}

/// Chooses the option reading `text` in the select `css`, as a person would, waiting a
/// moment for it (some lists, such as the languages, arrive just after their form opens).
pub fn choose(app: &Session, css: &str, text: &str) {
    let mut done = json!(false);
    for _ in 0..50 {
        done = app.execute(
            "const s = document.querySelector(arguments[0]); const o = s && [...s.options].find(o => o.textContent.trim() === arguments[1]);
             if (!o) return false; s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true })); return true;",
            json!([css, text]),
        );
        if done == json!(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(done, json!(true), "{css} offers {text:?}");
}

/// Ticks the radio button or checkbox whose label reads `text`.
pub fn pick(app: &Session, text: &str) {
    let done = app.execute(
        "const l = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === arguments[0]);
         if (!l) return false; l.querySelector('input').click(); return true;",
        json!([text]),
    );
    assert_eq!(done, json!(true), "a choice reads {text:?}");
}

pub fn section_text(app: &Session, heading_id: &str) -> String {
    let text = app.execute(
        "const h = document.getElementById(arguments[0]); return h ? h.closest('section').innerText : '';",
        json!([heading_id]),
    );
    text.as_str().unwrap_or_default().to_string()
}
