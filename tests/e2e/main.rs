//! End-to-end tests: the real PPG Desk window, driven through tauri-driver and
//! WebKitWebDriver under Xvfb, each test on its own temporary data folder.
//! Run by `make test` (which provides the display); they never skip.

mod actions;
mod axe;
mod contacts;
mod drivers;
mod meetings;
mod people;
mod print;
mod setup;
mod webdriver;

use std::path::Path;
use std::process::Command;

/// Loads the sample PPG into `dir` through the command line, as a quick starting point.
pub fn load_sample(dir: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
        .arg("--data-dir")
        .arg(dir)
        .arg("demo")
        .output()
        .expect("run ppg-desk demo");
    assert!(status.status.success(), "ppg-desk demo failed: {}", String::from_utf8_lossy(&status.stderr));
}
