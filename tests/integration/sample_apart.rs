//! The sample PPG lives in a folder of its own beside the person's, says so, and is deleted
//! when they leave it; the real PPG never holds a sample record or a sample backup.

use ppg_desk_core::startup::{self, Startup};

use crate::support::{count_people, open_at};

fn is_sample(state: &ppg_desk_core::state::AppState) -> bool {
    matches!(startup::describe(state).unwrap(), Startup::Ready { sample: true, .. })
}

#[test]
fn exploring_opens_the_sample_beside_the_real_folder_until_it_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("data");
    let state = open_at(&home);
    startup::explore_sample(&state).unwrap();
    assert!(is_sample(&state));
    assert!(count_people(&state) > 10, "the sample's people are there");
    assert_eq!(state.paths().dir, home.with_file_name("data-sample"));
    drop(state);

    // The next start opens the sample again, until it is left.
    let state = open_at(&home);
    assert!(is_sample(&state), "exploring is remembered");
    let real = rusqlite::Connection::open(home.join("ppg-desk.sqlite3")).unwrap();
    assert_eq!(
        real.query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0)).unwrap(),
        0,
        "the real file holds no sample record"
    );
    drop(real);

    startup::leave_sample(&state).unwrap();
    assert!(!is_sample(&state));
    assert!(
        matches!(startup::describe(&state).unwrap(), Startup::Ready { needs_setup: true, .. }),
        "the real PPG waits to be set up"
    );
    assert_eq!(count_people(&state), 0);
    assert!(!home.with_file_name("data-sample").exists(), "the sample's folder, with its backups, is gone");
    assert!(!home.join(".exploring-sample").exists());
    for backup in ppg_desk_core::backups::list(&state.paths()).unwrap() {
        let held =
            ppg_desk_core::backups::check(&state.paths().backups_dir().join(&backup.file_name), Default::default())
                .unwrap();
        assert_eq!(held.people, 0, "no sample backup is mixed into the real PPG's: {}", backup.file_name);
    }
}

#[test]
fn a_sample_loaded_into_the_folder_itself_is_left_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("demo")
        .output()
        .unwrap();
    assert!(out.status.success());
    let state = open_at(dir.path());
    assert!(is_sample(&state), "ppg-desk demo loads a sample that says so");
    assert!(startup::explore_sample(&state).is_err(), "a PPG that is set up is not replaced by the sample");
    startup::leave_sample(&state).unwrap();
    assert_eq!(count_people(&state), 0);
    for backup in ppg_desk_core::backups::list(&state.paths()).unwrap() {
        let held =
            ppg_desk_core::backups::check(&state.paths().backups_dir().join(&backup.file_name), Default::default())
                .unwrap();
        assert_eq!(held.people, 0, "the sample's backups went with it: {}", backup.file_name);
    }
    assert!(startup::leave_sample(&state).is_err(), "a real PPG is never deleted as if it were the sample");
}
