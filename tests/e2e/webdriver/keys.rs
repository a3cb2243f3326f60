//! The keyboard and the window size, as a person uses them: keys pressed through W3C
//! WebDriver actions (no mouse events), where focus is, and a small laptop's window.

use std::time::{Duration, Instant};

use serde_json::json;

use super::Session;

/// WebDriver's codes for special keys.
pub struct Key;

impl Key {
    pub const TAB: &'static str = "\u{E004}";
    pub const ENTER: &'static str = "\u{E007}";
    pub const ESCAPE: &'static str = "\u{E00C}";
    pub const ALT: &'static str = "\u{E00A}";
    pub const CONTROL: &'static str = "\u{E009}";
    pub const ARROW_RIGHT: &'static str = "\u{E014}";
    pub const ARROW_UP: &'static str = "\u{E013}";
    pub const ARROW_DOWN: &'static str = "\u{E015}";
    pub const BACKSPACE: &'static str = "\u{E003}";
}

impl Session {
    /// Resizes the window (outer size), as a person with a small laptop screen has it.
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({"width": width, "height": height}));
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            let inner = self.execute("return window.innerWidth;", json!([]));
            if inner.as_u64().is_some_and(|w| w <= u64::from(width)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Presses keys as a person would, through W3C WebDriver actions (no mouse events):
    /// plain characters type themselves; `Key::TAB` and the like press special keys.
    pub fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            for c in key.chars() {
                actions.push(json!({"type": "keyDown", "value": c.to_string()}));
                actions.push(json!({"type": "keyUp", "value": c.to_string()}));
            }
        }
        self.post("/actions", json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}));
        self.post_raw("/actions/release", json!({}));
    }

    /// Holds `modifier` (for example `Key::ALT`) while pressing `key`.
    pub fn chord(&self, modifier: &str, key: &str) {
        let actions = json!([
            {"type": "keyDown", "value": modifier},
            {"type": "keyDown", "value": key},
            {"type": "keyUp", "value": key},
            {"type": "keyUp", "value": modifier},
        ]);
        self.post("/actions", json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}));
        self.post_raw("/actions/release", json!({}));
    }

    /// What has keyboard focus: its id, or its tag and text when it has none.
    pub fn focused(&self) -> String {
        let script = "const e = document.activeElement; return e ? (e.id || `${e.tagName.toLowerCase()}:${(e.textContent || '').trim()}`) : '';";
        self.execute(script, json!([])).as_str().unwrap_or_default().to_string()
    }

    /// Waits until focus is on the element with id (or tag:text) `expected`.
    pub fn wait_for_focus(&self, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.focused() != expected {
            if Instant::now() > deadline {
                self.screenshot("focus");
                panic!("focus is on {:?}, not {expected:?}", self.focused());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
