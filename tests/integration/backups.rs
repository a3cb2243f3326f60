//! Backups: the daily one on start, checked copies, restore round trips, recovery from damage.

use ppg_desk_core::backups::{self, BackupReason};
use ppg_desk_core::db::{self, copy};

use crate::support::{add_person, count_people, open_at, temp_store};

#[test]
fn backup_and_restore_round_trip() {
    let store = temp_store();
    add_person(&store.state, "Siobhán O'Connor", |_| {});
    add_person(&store.state, "Łukasz Nowak", |_| {});
    let file = store.dir.path().join("copy.sqlite3");
    let summary = store.state.read(|conn| copy::write_copy(conn, &file, None)).unwrap();
    assert_eq!(summary.people, 2);

    add_person(&store.state, "Zoë Brontë-Smith", |_| {});
    assert_eq!(count_people(&store.state), 3);
    let now = store.state.now();
    store
        .state
        .replace_all(|conn| backups::restore(conn, &store.state.paths(), &file, Default::default(), now))
        .unwrap();
    assert_eq!(count_people(&store.state), 2, "the restored data is what was backed up");

    let list = backups::list(&store.state.paths()).unwrap();
    let safety = list.iter().find(|b| b.reason == BackupReason::BeforeRestore).expect("a backup before restoring");
    let safety_path = store.state.paths().backups_dir().join(&safety.file_name);
    assert_eq!(
        backups::check(&safety_path, Default::default()).unwrap().people,
        3,
        "what was there before the restore is kept"
    );
}

#[test]
fn a_backup_is_a_single_self_contained_file() {
    let store = temp_store();
    add_person(&store.state, "Aisha Begum", |_| {});
    let file = store.dir.path().join("single.sqlite3");
    store.state.read(|conn| copy::write_copy(conn, &file, None)).unwrap();
    assert!(!store.dir.path().join("single.sqlite3-wal").exists());
    let conn = rusqlite::Connection::open(&file).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
}

#[test]
fn restoring_something_that_is_not_a_backup_is_refused_and_changes_nothing() {
    let store = temp_store();
    add_person(&store.state, "Aisha Begum", |_| {});
    let junk = store.dir.path().join("minutes.docx");
    std::fs::write(&junk, b"PK\x03\x04 not a database").unwrap();
    let now = store.state.now();
    let error = store
        .state
        .replace_all(|conn| backups::restore(conn, &store.state.paths(), &junk, Default::default(), now))
        .unwrap_err();
    assert!(error.to_string().contains("not a readable PPG Desk backup"), "{error}");

    let other_db = store.dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other_db)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (x); PRAGMA user_version = 1;")
        .unwrap();
    let error = store
        .state
        .replace_all(|conn| backups::restore(conn, &store.state.paths(), &other_db, Default::default(), now))
        .unwrap_err();
    assert!(error.to_string().contains("not PPG Desk's data"), "{error}");
    assert_eq!(count_people(&store.state), 1);
}

#[test]
fn the_daily_backup_happens_once_a_day_on_start() {
    let store = temp_store();
    add_person(&store.state, "Aisha Begum", |_| {});
    let path = store.dir.path().to_path_buf();
    drop(store.state);
    let reopened = open_at(&path);
    let daily: Vec<_> =
        backups::list(&reopened.paths()).unwrap().into_iter().filter(|b| b.reason == BackupReason::Daily).collect();
    assert_eq!(daily.len(), 1, "the first start of the day backs up");
    drop(reopened);
    let again = open_at(&path);
    let daily = backups::list(&again.paths()).unwrap().into_iter().filter(|b| b.reason == BackupReason::Daily).count();
    assert_eq!(daily, 1, "a second start the same day does not");
    let newest = backups::latest(&again.paths()).unwrap();
    assert_eq!(
        backups::check(&again.paths().backups_dir().join(newest.file_name), Default::default()).unwrap().people,
        1,
        "the backup is readable"
    );
}

#[test]
fn rotation_thins_a_folder_of_old_backups() {
    let store = temp_store();
    let dir = store.state.paths().backups_dir();
    let source = store.dir.path().join("seed.sqlite3");
    store.state.read(|conn| copy::write_copy(conn, &source, None)).unwrap();
    let today = store.state.today();
    for days_ago in 1..=120 {
        let day = today - chrono::Duration::days(days_ago);
        let name = format!("ppg-desk-{}-090000-daily.sqlite3", day.format("%Y-%m-%d"));
        std::fs::copy(&source, dir.join(name)).unwrap();
    }
    backups::rotate(&store.state.paths(), store.state.now()).unwrap();
    let left = backups::list(&store.state.paths()).unwrap().len();
    assert!(
        (7..=23).contains(&left),
        "120 daily backups thin to at most 23 (7 daily, 4 weekly, 12 monthly), kept {left}"
    );
}

#[test]
fn a_damaged_database_can_be_replaced_by_the_latest_backup() {
    let store = temp_store();
    add_person(&store.state, "Aisha Begum", |_| {});
    let now = store.state.now();
    store.state.read(|conn| backups::take(conn, &store.state.paths(), None, now, BackupReason::Daily)).unwrap();
    let path = store.dir.path().to_path_buf();
    drop(store.state);
    let db_file = path.join(db::DB_FILE);
    let _ = std::fs::remove_file(path.join(format!("{}-wal", db::DB_FILE)));
    std::fs::write(&db_file, vec![0x42; 8192]).unwrap();

    let state = open_at(&path);
    assert!(matches!(state.problem(), Some(ppg_desk_core::error::Error::Damaged)));
    state.recover_from_latest_backup().unwrap();
    assert!(state.problem().is_none());
    assert_eq!(count_people(&state), 1, "the backed-up person is back");
    let aside = std::fs::read_dir(&path)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("damaged-"));
    assert!(aside, "the damaged file is kept aside, not deleted");
}
