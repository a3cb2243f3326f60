//! Opening the store: migrations, refusing newer or damaged files, one instance per folder,
//! and the SQL constraints that back up the Rust checks.

use ppg_desk_core::db::{self, migrate};
use ppg_desk_core::error::Error;
use rusqlite::Connection;

use crate::support::{open_at, temp_store};

#[test]
fn a_new_store_is_at_the_latest_version_with_safe_pragmas() {
    let store = temp_store();
    store
        .state
        .read(|conn| {
            assert_eq!(db::schema_version(conn)?, migrate::LATEST_VERSION);
            let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!(fk, 1, "foreign keys are enforced");
            let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
            assert_eq!(sync, 2, "commits are durable (FULL)");
            Ok(())
        })
        .unwrap();
}

#[test]
fn each_earlier_version_migrates_to_the_latest_after_a_backup() {
    for version in 1..migrate::LATEST_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join(db::DB_FILE)).unwrap();
        migrate::migrate_to(&mut conn, version).unwrap();
        drop(conn);
        let state = open_at(dir.path());
        assert!(state.problem().is_none());
        let backups = ppg_desk_core::backups::list(&state.paths()).unwrap();
        assert!(
            backups.iter().any(|b| b.reason == ppg_desk_core::backups::BackupReason::BeforeUpgrade),
            "backed up before migrating from {version}"
        );
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(db::DB_FILE);
    {
        let conn = Connection::open(&file).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;").unwrap();
    }
    let before = std::fs::read(&file).unwrap();
    let state = open_at(dir.path());
    match state.problem() {
        Some(Error::NewerDatabase { found: 999, .. }) => {}
        other => panic!("expected a newer-database refusal, got {other:?}"),
    }
    drop(state);
    assert_eq!(std::fs::read(&file).unwrap(), before, "the newer file is not modified");
    let message = Error::NewerDatabase { found: 999, supported: 1 }.to_string();
    assert!(message.contains("newer version") && message.contains("not been changed"), "{message}");
}

#[test]
fn a_damaged_file_is_reported_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(db::DB_FILE), b"this is not a database at all, it is a shopping list").unwrap();
    let state = open_at(dir.path());
    assert!(matches!(state.problem(), Some(Error::Damaged)), "got {:?}", state.problem());
    assert!(state.read(|_| Ok(())).is_err(), "nothing can be read from a damaged store");
}

#[test]
fn a_second_instance_on_the_same_folder_is_refused() {
    let store = temp_store();
    let second = open_at(store.dir.path());
    assert!(matches!(second.problem(), Some(Error::AlreadyOpen)));
}

#[test]
fn sql_constraints_refuse_invalid_people_even_without_the_rust_checks() {
    let store = temp_store();
    let attempts = [
        "INSERT INTO people (full_name, created_at, updated_at) VALUES ('   ', 'x', 'x')",
        "INSERT INTO people (full_name, email, created_at, updated_at) VALUES ('A', 'no-at-sign', 'x', 'x')",
        "INSERT INTO people (full_name, joined_on, created_at, updated_at) VALUES ('A', '2026-02-30', 'x', 'x')",
        "INSERT INTO people (full_name, joined_on, left_on, created_at, updated_at) VALUES ('A', '2026-05-01', '2026-04-01', 'x', 'x')",
        "INSERT INTO people (full_name, contact_by_post, address, created_at, updated_at) VALUES ('A', 1, '1 Road', 'x', 'x')",
        "INSERT INTO person_roles (person_id, role) VALUES (12345, 'chair')",
    ];
    for sql in attempts {
        let result = store.state.write(|tx| Ok(tx.execute(sql, [])?));
        assert!(result.is_err(), "the database refused: {sql}");
    }
    assert_eq!(crate::support::count_people(&store.state), 0);
}

#[test]
fn a_failed_write_rolls_back_everything_in_it() {
    let store = temp_store();
    let result: Result<(), Error> = store.state.write(|tx| {
        tx.execute("INSERT INTO people (full_name, created_at, updated_at) VALUES ('Aisha Begum', 'x', 'x')", [])?;
        Err(Error::Refused("stop".into()))
    });
    assert!(result.is_err());
    assert_eq!(crate::support::count_people(&store.state), 0, "the first insert was rolled back");
}

#[test]
fn a_version_1_file_with_data_keeps_it_through_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = Connection::open(dir.path().join(db::DB_FILE)).unwrap();
        migrate::migrate_to(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO settings (id, group_name, created_at, updated_at) VALUES (1, 'Riverside PPG', 'x', 'x');
             INSERT INTO people (full_name, created_at, updated_at) VALUES ('Aisha Begum', 'x', 'x');",
        )
        .unwrap();
    }
    let state = open_at(dir.path());
    assert!(state.problem().is_none());
    let settings = state.read(ppg_desk_core::settings::load).unwrap().expect("settings survive");
    assert_eq!(settings.group_name, "Riverside PPG");
    assert_eq!(settings.default_profile, ppg_desk_core::print::Profile::Standard, "new settings get their defaults");
    assert_eq!(crate::support::count_people(&state), 1);
    assert_eq!(state.read(ppg_desk_core::settings::load_logo).unwrap(), None);
}

/// Why: a stored word PPG Desk does not know (a file changed by another program with its
/// checks switched off) must not be shown as some default, such as an unknown meeting status
/// read as "planned", which would unlock approved minutes.
#[test]
fn an_unknown_stored_word_is_an_error_not_a_default() {
    let store = crate::print::sample_store();
    store
        .state
        .write(|tx| {
            tx.execute_batch(
                "PRAGMA ignore_check_constraints = ON;
                 UPDATE meetings SET status = 'bogus' WHERE id = (SELECT min(id) FROM meetings);
                 PRAGMA ignore_check_constraints = OFF;",
            )?;
            Ok(())
        })
        .unwrap();
    assert!(
        store.state.read(ppg_desk_core::meetings::list).is_err(),
        "the unknown status is refused, not read as planned"
    );
}
