//! The command line stands apart from the window: it loads none of the window's libraries,
//! and with no command it starts the window program installed beside it.

use std::process::Command;

/// Why: every `print`, `export` and `backup` once paid ~120 ms loading GTK and WebKit.
#[cfg(target_os = "linux")]
#[test]
fn the_command_line_loads_none_of_the_windows_libraries() {
    let out = Command::new("ldd").arg(env!("CARGO_BIN_EXE_ppg-desk")).output().expect("ldd runs");
    let libraries = String::from_utf8_lossy(&out.stdout);
    assert!(libraries.contains("libc.so"), "ldd listed the program's libraries: {libraries}");
    for window_library in ["gtk", "webkit", "javascriptcore", "glib", "soup", "cairo"] {
        assert!(!libraries.contains(window_library), "{window_library} is linked into the command line: {libraries}");
    }
}

/// A copy of the command line in a folder of its own, as an installer lays it out.
fn installed_alone() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let cli = dir.path().join("ppg-desk");
    std::fs::copy(env!("CARGO_BIN_EXE_ppg-desk"), &cli).unwrap();
    (dir, cli)
}

#[cfg(unix)]
#[test]
fn with_no_command_it_starts_the_window_beside_it_on_the_same_data() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, cli) = installed_alone();
    // A stand-in window that records how it was started.
    let record = dir.path().join("started-with");
    let window = dir.path().join("ppg-desk-window");
    std::fs::write(&window, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nexit 7\n", record.display())).unwrap();
    std::fs::set_permissions(&window, std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = dir.path().join("Zoë's PPG");
    let status = Command::new(&cli).arg("--data-dir").arg(&data).status().unwrap();
    assert_eq!(status.code(), Some(7), "the window took the command line's place and its exit code");
    let args = std::fs::read_to_string(&record).unwrap();
    assert_eq!(args, format!("--data-dir\n{}\n", data.display()), "the window opens the same data folder");
}

#[test]
fn without_the_window_beside_it_it_says_what_to_do() {
    let (_dir, cli) = installed_alone();
    let out = Command::new(&cli).output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("is not installed beside this program") && text.contains("ppg-desk --help"), "{text}");
}

/// A decade of records, to try PPG Desk (and measure it) at the scale of a long-lived PPG.
#[test]
fn demo_makes_years_of_meetings_when_asked_and_the_first_screen_reads_them_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let ppg = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_ppg-desk")).arg("--data-dir").arg(dir.path()).args(args).output();
        let out = out.unwrap();
        (
            out.status.success(),
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
        )
    };
    let (ok, text) = ppg(&["demo", "--years", "31"]);
    assert!(!ok && text.contains("1..=30"), "a bigger sample than 30 years is refused: {text}");
    let (ok, text) = ppg(&["demo", "--years", "3"]);
    assert!(ok, "{text}");
    let (_, listing) = ppg(&["meetings"]);
    let meetings = listing.lines().filter(|l| l.contains("Committee meeting")).count();
    assert!((36..=38).contains(&meetings), "three years of monthly meetings and the next one: {meetings}");

    let state = crate::support::open_at(dir.path());
    let first = ppg_desk_core::startup::first_screen(&state).unwrap();
    let home = first.dashboard.expect("a PPG that is set up gets Home's cards with its first screen");
    assert!(first.settings.is_some());
    assert_eq!(home.current_people as i64, crate::support::count_current(&state));
    assert!(home.officers.iter().any(|p| p.full_name == "Margaret Ellis"), "the sample's chair is among the officers");
    assert!(home.next_meeting.is_some(), "and the next meeting");
}

#[test]
fn a_ppg_not_yet_set_up_gets_only_its_welcome() {
    let store = crate::support::temp_store();
    let first = ppg_desk_core::startup::first_screen(&store.state).unwrap();
    assert!(first.settings.is_none() && first.dashboard.is_none());
}
