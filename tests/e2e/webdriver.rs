//! A small W3C WebDriver client for driving the real PPG Desk window through tauri-driver
//! (which starts WebKitWebDriver, which starts the app). One driver per session, so tests
//! never share a window or a data folder.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod keys;
pub use keys::Key;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub struct Session {
    driver: Child,
    base: String,
    agent: ureq::Agent,
    data_dir: std::path::PathBuf,
}

#[derive(Clone)]
pub struct Element(String);

impl Element {
    /// An element returned by a script.
    pub fn from_json(value: &Value) -> Element {
        Element(value[ELEMENT].as_str().unwrap_or_else(|| panic!("not an element: {value}")).to_string())
    }
}

impl Session {
    /// Launches PPG Desk on `data_dir` (with extra environment) and waits for its window.
    pub fn launch(data_dir: &Path, env: &[(&str, &str)]) -> Session {
        let port = free_port();
        let native_port = free_port();
        let driver_bin = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let mut command = Command::new(&driver_bin);
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("PPG_DESK_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let driver = command.spawn().unwrap_or_else(|e| {
            panic!("could not start {driver_bin} ({e}). The end-to-end tests need tauri-driver and WebKitWebDriver: run them with `make test`, which installs both.")
        });
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let mut session =
            Session { driver, base: format!("http://127.0.0.1:{port}"), agent, data_dir: data_dir.to_path_buf() };
        session.wait_for_driver();
        let caps = json!({"capabilities": {"alwaysMatch": {"tauri:options": {"application": env!("CARGO_BIN_EXE_ppg-desk-window")}}}});
        let reply = session.post_raw("/session", caps);
        let id = reply["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {reply}")).to_string();
        session.base = format!("{}/session/{id}", session.base);
        session
    }

    fn wait_for_driver(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.agent.get(format!("{}/status", self.base)).call().is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tauri-driver did not start within 30 s");
    }

    fn post_raw(&self, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.base);
        let mut response = self.agent.post(&url).send_json(body).unwrap_or_else(|e| panic!("POST {path}: {e}"));
        response.body_mut().read_json().unwrap_or_else(|e| panic!("POST {path} reply: {e}"))
    }

    fn post(&self, path: &str, body: Value) -> Value {
        self.try_post(path, body).unwrap_or_else(|error| panic!("{error}"))
    }

    fn try_post(&self, path: &str, body: Value) -> Result<Value, String> {
        let reply = self.post_raw(path, body);
        match reply["value"]["error"].as_str() {
            Some(error) => Err(format!("WebDriver {path}: {error}: {}", reply["value"]["message"])),
            None => Ok(reply["value"].clone()),
        }
    }

    /// Finds an element and acts on it, finding it again if the page replaced it in between
    /// (a "stale element reference": Svelte re-renders a list when Rust's answer arrives).
    fn act_on_fresh(&self, find: impl Fn() -> Element, act: impl Fn(&Element) -> Result<Value, String>) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match act(&find()) {
                Ok(_) => return,
                Err(error) if error.contains("stale element") && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(100))
                }
                Err(error) => panic!("{error}"),
            }
        }
    }

    fn get(&self, path: &str) -> Value {
        let url = format!("{}{path}", self.base);
        let mut response = self.agent.get(&url).call().unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let reply: Value = response.body_mut().read_json().unwrap();
        reply["value"].clone()
    }

    /// Finds the first element matching `css`, waiting up to 15 s for it to appear.
    pub fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let reply = self.post_raw("/element", json!({"using": "css selector", "value": css}));
            if let Some(id) = reply["value"][ELEMENT].as_str() {
                return Element(id.to_string());
            }
            if Instant::now() > deadline {
                self.screenshot(&format!("missing-{}", css.replace(|c: char| !c.is_alphanumeric(), "_")));
                panic!("no element matches {css}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Finds a button (or link) whose visible text is exactly `text`.
    pub fn button(&self, text: &str) -> Element {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let script = "return [...document.querySelectorAll('button, a')].find(b => b.textContent.trim() === arguments[0] && b.offsetParent !== null) || null;";
            if let Some(found) = self.element_from_script(script, json!([text])) {
                return found;
            }
            if Instant::now() > deadline {
                panic!("no visible button reads {text:?}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks like a person: the element is first brought to the middle of the window and
    /// the page given a moment to settle, so a page that scrolls itself (a heading taking
    /// focus on arrival) cannot move another control under the pointer between WebDriver
    /// working out where to click and clicking.
    fn try_click(&self, element: &Element) -> Result<Value, String> {
        let scrolled = self.try_post(
            "/execute/sync",
            json!({"script": "arguments[0].scrollIntoView({block: 'center'});", "args": [{ELEMENT: element.0}]}),
        );
        scrolled?;
        std::thread::sleep(Duration::from_millis(150));
        self.try_post(&format!("/element/{}/click", element.0), json!({}))
    }

    pub fn click(&self, element: &Element) {
        self.try_click(element).unwrap_or_else(|error| panic!("{error}"));
    }

    /// Clicks the control whose accessible label (aria-label) is exactly `label`.
    pub fn click_labelled(&self, label: &str) {
        let css = format!("[aria-label=\"{}\"]", label.replace('"', "\\\""));
        self.act_on_fresh(|| self.find(&css), |e| self.try_click(e));
    }

    /// Clicks the element a script returns, finding it again if the page replaced it first.
    pub fn click_found(&self, script: &str) {
        self.click_found_with(script, json!([]));
    }

    /// Like `click_found`, passing `args` to the script as `arguments`.
    pub fn click_found_with(&self, script: &str, args: Value) {
        self.act_on_fresh(
            || {
                let deadline = Instant::now() + Duration::from_secs(15);
                loop {
                    if let Some(found) = self.element_from_script(script, args.clone()) {
                        return found;
                    }
                    assert!(Instant::now() < deadline, "the script never found its element: {script}");
                    std::thread::sleep(Duration::from_millis(100));
                }
            },
            |e| self.try_click(e),
        );
    }

    /// Clicks the first element matching `css`.
    pub fn click_css(&self, css: &str) {
        self.act_on_fresh(|| self.find(css), |e| self.try_click(e));
    }

    pub fn click_button(&self, text: &str) {
        self.act_on_fresh(|| self.button(text), |e| self.try_click(e));
    }

    /// Replaces the text in a field, typing it like a person would.
    pub fn fill(&self, css: &str, text: &str) {
        self.act_on_fresh(
            || self.find(css),
            |field| {
                self.try_post(&format!("/element/{}/clear", field.0), json!({}))?;
                self.try_post(&format!("/element/{}/value", field.0), json!({"text": text}))
            },
        );
    }

    pub fn text(&self, element: &Element) -> String {
        self.get(&format!("/element/{}/text", element.0)).as_str().unwrap_or_default().to_string()
    }

    /// Waits until the page's visible text contains `needle`.
    pub fn wait_for_text(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.body_text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.screenshot("missing-text");
        panic!("the window never showed {needle:?}; it shows:\n{}", self.body_text());
    }

    pub fn body_text(&self) -> String {
        self.execute("return document.body.innerText;", json!([])).as_str().unwrap_or_default().to_string()
    }

    /// Runs a script that returns an element (or null). The page may replace that element
    /// while WebKit makes a handle for it ("stale element"); that counts as not found yet,
    /// so the caller's wait loop simply asks again.
    fn element_from_script(&self, script: &str, args: Value) -> Option<Element> {
        match self.try_post("/execute/sync", json!({"script": script, "args": args})) {
            Ok(found) if found[ELEMENT].is_string() => Some(Element::from_json(&found)),
            Ok(_) => None,
            Err(error) if error.contains("stale element") => None,
            Err(error) => panic!("{error}"),
        }
    }

    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({"script": script, "args": args}))
    }

    pub fn execute_async(&self, script: &str, args: Value) -> Value {
        self.post("/execute/async", json!({"script": script, "args": args}))
    }

    /// Saves a PNG of the window under `.e2e/` in the repository, for people to look at.
    /// Waits until the print panel shows its preview of the real PDF ("Preview: 2 pages").
    pub fn wait_for_preview(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let shown = self.execute("const c = document.querySelector('.count'); const n = document.querySelectorAll('.preview canvas').length; return c && /^Preview: \\d+ page/.test(c.textContent) && n > 0;", json!([]));
            if shown == json!(true) {
                return;
            }
            assert!(Instant::now() < deadline, "the preview never appeared:\n{}", self.body_text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn screenshot(&self, name: &str) {
        use base64::Engine;
        // A screenshot is a picture for people to look at, not a check: with WebKitGTK's
        // DMA-BUF renderer off (as the app runs, for memory), WebKitWebDriver's snapshot of the
        // recovery screen never comes. Wait 15 s for it, then say so and carry on.
        let url = format!("{}/screenshot", self.base);
        let reply = self.agent.get(&url).config().timeout_global(Some(Duration::from_secs(15))).build().call();
        let Ok(mut response) = reply else {
            eprintln!("note: no screenshot of {name}: WebKitWebDriver's snapshot did not come within 15 s");
            return;
        };
        let data: Value = response.body_mut().read_json().map(|v: Value| v["value"].clone()).unwrap_or_default();
        if let Some(encoded) = data.as_str() {
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(encoded) {
                let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(".e2e");
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(dir.join(format!("{name}.png")), bytes);
            }
        }
    }

    /// The app processes started on this session's data folder.
    pub fn app_pids(&self) -> Vec<String> {
        let wanted = format!("PPG_DESK_DATA_DIR={}", self.data_dir.display());
        std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| {
                let is_app = std::fs::read_link(entry.path().join("exe"))
                    .map(|exe| exe.to_string_lossy().ends_with("/ppg-desk-window"))
                    .unwrap_or(false);
                let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
                is_app && environ.split(|b| *b == 0).any(|var| var == wanted.as_bytes())
            })
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// Kills the app outright (SIGKILL, as a crash or power cut would), then stops the driver.
    pub fn kill_app(mut self) {
        let pids = self.app_pids();
        assert_eq!(pids.len(), 1, "found the app process to kill");
        let _ = Command::new("kill").args(["-KILL", &pids[0]]).status();
        self.stop_driver();
        assert!(self.wait_for_lock(Duration::from_secs(30)), "the killed app let go of its data folder");
    }

    /// Waits until nothing holds the data folder's lock; false if `limit` passes first.
    fn wait_for_lock(&self, limit: Duration) -> bool {
        let Ok(lock) = std::fs::File::options()
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.data_dir.join(".ppg-desk.lock"))
        else {
            return true;
        };
        let deadline = Instant::now() + limit;
        while lock.try_lock().is_err() {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        true
    }

    /// Closes the window through WebDriver, stops the driver, and waits until the app has let
    /// go of its data folder (so a relaunch finds it free). WebKitWebDriver now and then
    /// leaves the app running after its session ends; then the app is asked to stop with
    /// SIGTERM, as the desktop does at log-out, and what was seen is reported.
    pub fn quit(mut self) {
        let _ = self.agent.delete(&self.base).call();
        self.stop_driver();
        if self.wait_for_lock(Duration::from_secs(10)) {
            return;
        }
        for pid in self.app_pids() {
            let state = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
            let state = state.lines().find(|l| l.starts_with("State:")).unwrap_or("State: gone").to_string();
            eprintln!("note: the app (pid {pid}, {state}) was still running 10 s after its WebDriver session ended; stopping it with SIGTERM");
            let _ = Command::new("kill").args(["-TERM", &pid]).status();
        }
        assert!(self.wait_for_lock(Duration::from_secs(30)), "the app let go of its data folder after SIGTERM");
    }

    fn stop_driver(&mut self) {
        // SIGTERM, not kill(): SIGKILL would orphan WebKitWebDriver holding our output open.
        let _ = Command::new("kill").args(["-TERM", &self.driver.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.driver.kill();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            let _ = self.agent.delete(&self.base).call();
            self.stop_driver();
        }
    }
}
