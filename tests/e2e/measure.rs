//! Figures, not pass/fail timings (issue 18): how long a click on each list screen takes, with
//! the sample's year of data, to show its screen and then its first rows; and the memory of
//! the window's processes (PSS: the app and WebKit's) after every screen has been opened once.
//! Printed and written to `.e2e/measurements.txt`; README quotes them. The test fails only if
//! a screen does not open. (The window here is the debug build; WebKit's processes, most of
//! the memory, are the same as a release build's.)

use std::fmt::Write;

use serde_json::json;

use crate::webdriver::Session;

const LIST_SCREENS: [&str; 8] =
    ["Meetings", "Actions", "People", "Drivers", "Befriending", "Bulletin", "Professionals", "Local groups"];

/// Clicks the menu button `label` inside the page and times, with the page's own clock, the
/// new screen's heading taking focus and then the first row of its list.
fn time_click(app: &Session, label: &str) -> (f64, f64) {
    let times = app.execute_async(
        "const [label, done] = [arguments[0], arguments[arguments.length - 1]];
         const button = [...document.querySelectorAll('.side-nav button')].find(b => b.textContent.trim() === label);
         const before = document.activeElement;
         const start = performance.now();
         let shown = null;
         button.click();
         const check = () => {
           const now = performance.now() - start;
           const heading = document.activeElement;
           if (shown === null && heading !== before && heading && /^H[12]$/.test(heading.tagName)) shown = now;
           if (shown !== null && document.querySelector('main tbody tr, main ul li, main ol li')) return done([shown, now]);
           if (now > 10000) return done([shown ?? -1, -1]);
           requestAnimationFrame(check);
         };
         requestAnimationFrame(check);",
        json!([label]),
    );
    (times[0].as_f64().unwrap_or(-1.0), times[1].as_f64().unwrap_or(-1.0))
}

fn pss_kib(pid: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("Pss:"))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum()
}

/// The app and every process below it (WebKit's web and network processes).
fn tree_pss_mib(root: &str) -> f64 {
    let parent_of = |pid: &str| -> Option<String> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        Some(stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.to_string())
    };
    let all: Vec<String> = std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let (mut tree, mut todo) = (Vec::new(), vec![root.to_string()]);
    while let Some(pid) = todo.pop() {
        todo.extend(all.iter().filter(|p| parent_of(p).as_deref() == Some(pid.as_str())).cloned());
        tree.push(pid);
    }
    tree.iter().map(|p| pss_kib(p)).sum::<u64>() as f64 / 1024.0
}

#[test]
fn clicks_on_list_screens_and_the_memory_after_every_screen_are_measured() {
    let dir = tempfile::tempdir().unwrap();
    crate::load_sample(dir.path());
    let app = Session::launch(dir.path(), &[]);
    app.wait_for_text("Your officers");
    // As a person would: a moment after Home appears (the other screens' code loads then).
    std::thread::sleep(std::time::Duration::from_secs(2));
    let mut report =
        String::from("click on a list screen (sample PPG, a year of data): screen shown / first rows shown\n");
    for screen in LIST_SCREENS {
        let (shown, rows) = time_click(&app, screen);
        assert!(shown >= 0.0, "{screen} opened after a click");
        let _ = writeln!(report, "  {screen}: {shown:.0} ms / {rows:.0} ms");
        app.click_button("Home");
        app.wait_for_text("Your officers");
    }
    app.click_button("Settings");
    app.wait_for_text("Settings");
    std::thread::sleep(std::time::Duration::from_secs(2));
    let pids = app.app_pids();
    assert_eq!(pids.len(), 1, "found the app");
    let _ = writeln!(report, "window's processes after every screen once (PSS): {:.0} MiB", tree_pss_mib(&pids[0]));
    eprintln!("{report}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".e2e");
    let _ = std::fs::create_dir_all(&out);
    std::fs::write(out.join("measurements.txt"), report).unwrap();
    app.quit();
}
