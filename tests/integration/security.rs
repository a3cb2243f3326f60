//! Encryption at rest, on real files: after the PPG is protected no name, phone number or
//! postcode is left readable anywhere PPG Desk writes; each key slot opens the store; a wrong
//! passphrase changes no byte; damaged key files are explained; backups, restores and the
//! migration from a plain store lose nothing; re-keying shuts out the old key file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ppg_desk_core::backups::{self, BackupReason};
use ppg_desk_core::db::keys::{KeyFile, Secret};
use ppg_desk_core::db::{self, copy, DataPaths};
use ppg_desk_core::security;
use ppg_desk_core::state::AppState;

use super::support::open_at;

const PASSPHRASE: &str = "purple kettle under moonlight";

fn memory_keyring() {
    // Never the test machine's own keyring: an in-memory one, for this process only.
    db::keyring::use_memory_keyring_for_tests();
}

/// A folder holding the sample PPG as if it were the PPG's own (the sample itself is never
/// protected), with its daily backup taken.
fn own_sample() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let state = open_at(dir.path());
    let (today, now) = (state.today(), state.stamp());
    state.write(|tx| ppg_desk_core::sample::load(tx, today, &now)).unwrap();
    state.write(|tx| Ok(tx.execute("UPDATE settings SET is_sample = 0", [])?)).unwrap();
    let now = state.now();
    state.read(|conn| backups::take(conn, &state.paths(), None, now, BackupReason::Daily)).unwrap();
    (dir, state)
}

/// Names, phone numbers and postcodes from the sample, to look for in raw bytes.
fn secrets_of(state: &AppState) -> Vec<String> {
    let mut found: Vec<String> = state
        .read(|conn| {
            let mut stmt =
                conn.prepare("SELECT full_name FROM people UNION SELECT phone FROM people WHERE phone <> ''")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    found.extend(["Edna Marsh", "Albert Finch", "RV1 2AB", "01632 960555"].map(String::from));
    assert!(found.len() > 10, "the sample has people to look for");
    found
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn readable_in(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir).into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// Every row of every table, as text, in a stable order: the content before and after. The
/// search index's own tables are left out: protecting merges the index (so an erased word
/// goes), which rewrites them, and it catches up by itself a moment after a save; that it
/// still covers every record is checked instead.
fn content(state: &AppState) -> BTreeMap<String, Vec<String>> {
    assert!(state.read(ppg_desk_core::search::is_consistent).unwrap(), "the search index covers every record");
    state
        .read(|conn| {
            let mut tables = conn.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%' ORDER BY name",
            )?;
            let names: Vec<String> = tables.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            let mut out = BTreeMap::new();
            for name in names {
                let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\""))?;
                let columns = stmt.column_count();
                let mut rows: Vec<String> = stmt
                    .query_map([], |row| {
                        let cells: Vec<String> = (0..columns)
                            .map(|i| format!("{:?}", row.get_ref(i).map(|v| v.as_str().map(str::to_string).ok())))
                            .collect();
                        Ok(cells.join("|"))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                rows.sort();
                out.insert(name, rows);
            }
            Ok(out)
        })
        .unwrap()
}

#[test]
fn after_protecting_no_personal_data_is_readable_in_any_file_it_wrote() {
    memory_keyring();
    let (dir, state) = own_sample();
    let secrets = secrets_of(&state);
    let before = content(&state);
    let made = security::protect(&state, PASSPHRASE, true, true).unwrap();
    assert_eq!(made.recovery_key.len(), 29);
    assert!(made.removed_plain_files >= 2, "the old file and the plain backups were replaced");
    assert_eq!(content(&state), before, "the migration to an encrypted store loses nothing");
    let listed = backups::list(&state.paths()).unwrap();
    assert!(
        listed.iter().any(|b| b.reason == BackupReason::BeforeProtecting && b.encrypted),
        "the copy taken before protecting is kept, encrypted: {listed:?}"
    );
    assert!(listed.iter().all(|b| b.encrypted), "no plain backup is left: {listed:?}");
    // More writes, a backup to a chosen file, and a daily backup, all after protection.
    super::support::add_person(&state, "Zoë Protected-Later", |p| p.phone = "07700 900123".into());
    let out = dir.path().join("exports-by-hand.ppgdesk");
    let unlocked = state.unlocked();
    state.read(|conn| copy::write_copy(conn, &out, unlocked.as_ref())).unwrap();
    let now = state.now() + chrono::Duration::days(1);
    state.read(|conn| backups::take(conn, &state.paths(), unlocked.as_ref(), now, BackupReason::Daily)).unwrap();
    drop(state);

    let files = files_under(dir.path());
    assert!(
        files.iter().any(|f| f.ends_with("ppg-desk.keys")) && files.iter().any(|f| f.ends_with("ppg-desk.keys.copy"))
    );
    assert!(files.iter().filter(|f| f.extension().is_some_and(|e| e == "ppgdesk")).count() >= 3);
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for secret in secrets.iter().chain([&"Zoë Protected-Later".to_string(), &"07700 900123".to_string()]) {
            assert!(!readable_in(&bytes, secret), "{secret:?} is readable in {}", file.display());
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".ppg-desk-"))
        .collect();
    assert!(leftovers.is_empty(), "no scratch file of PPG Desk's is left in the temp folder");
    let sqlite3 = std::process::Command::new("sqlite3")
        .arg(dir.path().join("ppg-desk.sqlite3"))
        .arg("SELECT count(*) FROM sqlite_master")
        .output()
        .unwrap();
    assert!(!sqlite3.status.success());
    assert!(String::from_utf8_lossy(&sqlite3.stderr).contains("file is not a database"));
}

#[test]
fn passphrase_recovery_key_and_keyring_each_open_it_and_a_wrong_passphrase_changes_nothing() {
    memory_keyring();
    let (dir, state) = own_sample();
    let made = security::protect(&state, PASSPHRASE, false, true).unwrap();
    drop(state);

    let state = open_at(dir.path());
    assert!(state.is_locked(), "not remembered here: it opens locked");
    assert_eq!(state.problem().unwrap().code(), "locked");
    let before = snapshot(dir.path());
    let wrong = state.unlock(&Secret::passphrase("purple kettle under sunlight")).unwrap_err();
    assert_eq!(wrong.code(), "wrong_key");
    assert!(!wrong.to_string().contains("sunlight"), "the passphrase is never in a message");
    assert_eq!(snapshot(dir.path()), before, "a wrong passphrase leaves every file byte for byte");
    state.unlock(&Secret::passphrase(PASSPHRASE)).unwrap();
    assert!(super::support::count_people(&state) > 10);

    state.lock_now().unwrap();
    assert_eq!(state.read(|_| Ok(())).unwrap_err().code(), "locked", "locking forgets the key");
    assert!(state.unlocked().is_none());
    let typed = made.recovery_key.to_lowercase().replace('-', " ");
    state.unlock(&Secret::recovery_key(typed)).unwrap();
    assert!(super::support::count_people(&state) > 10);

    assert_eq!(security::set_remembered(&state, true).unwrap(), None);
    drop(state);
    let state = open_at(dir.path());
    assert!(!state.is_locked(), "remembered on this computer: it opens without asking");
    assert!(security::status(&state).unwrap().remembered);
    security::set_remembered(&state, false).unwrap();
    drop(state);
    assert!(open_at(dir.path()).is_locked(), "forgotten again: the passphrase is asked for");
}

#[test]
fn a_damaged_key_file_is_explained_and_the_recovery_key_still_opens_the_data() {
    memory_keyring();
    let (dir, state) = own_sample();
    let made = security::protect(&state, PASSPHRASE, false, true).unwrap();
    drop(state);
    let paths = DataPaths::at(dir.path());
    let damage = |path: PathBuf| {
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let sealed = json["slots"].as_array().unwrap().iter().find(|s| s["kind"] == "passphrase").unwrap()["sealed"]
            .as_str()
            .unwrap()
            .to_string();
        let flipped = format!("{}{}", if sealed.starts_with('a') { "b" } else { "a" }, &sealed[1..]);
        std::fs::write(&path, text.replace(&sealed, &flipped)).unwrap();
    };

    // One copy damaged: the other is used, and the damaged one is written again on opening.
    damage(paths.keys_file());
    let state = open_at(dir.path());
    state.unlock(&Secret::passphrase(PASSPHRASE)).unwrap();
    assert!(KeyFile::damage_report(&paths).is_none(), "the damaged key file was rewritten from its copy");
    drop(state);

    // Both damaged: the passphrase says so plainly, and the recovery key still works.
    damage(paths.keys_file());
    damage(paths.keys_copy());
    let state = open_at(dir.path());
    let error = state.unlock(&Secret::passphrase(PASSPHRASE)).unwrap_err();
    assert!(error.to_string().contains("damaged") && error.to_string().contains("recovery key"), "{error}");
    assert!(security::status(&state).unwrap().key_file_problem.unwrap().contains("Both copies"));
    state.unlock(&Secret::recovery_key(made.recovery_key.as_str())).unwrap();
    // A new passphrase, set with the recovery key, makes the key file whole again.
    security::change_passphrase(&state, &Secret::recovery_key(made.recovery_key.as_str()), "a brand new passphrase")
        .unwrap();
    assert!(KeyFile::damage_report(&paths).is_none());
    drop(state);
    open_at(dir.path()).unlock(&Secret::passphrase("a brand new passphrase")).unwrap();
}

#[test]
fn encrypted_backups_restore_and_an_old_plain_backup_is_encrypted_on_the_way_in() {
    memory_keyring();
    let (dir, state) = own_sample();
    let plain_backup = dir.path().join("before-protecting.sqlite3");
    state.read(|conn| copy::write_copy(conn, &plain_backup, None)).unwrap();
    let before = content(&state);
    security::protect(&state, PASSPHRASE, false, false).unwrap();
    assert!(security::status(&state).unwrap().plain_backups >= 1, "kept, as asked, and counted");

    let encrypted = dir.path().join("encrypted.ppgdesk");
    let unlocked = state.unlocked();
    state.read(|conn| copy::write_copy(conn, &encrypted, unlocked.as_ref())).unwrap();
    super::support::add_person(&state, "Added After The Backup", |_| {});
    security::restore(&state, &encrypted, None).unwrap();
    assert_eq!(content(&state), before, "the encrypted backup restores everything, and only that");

    super::support::add_person(&state, "Added Again", |_| {});
    security::restore(&state, &plain_backup, None).unwrap();
    assert_eq!(content(&state), before);
    assert!(!db::is_plain_database(&dir.path().join("ppg-desk.sqlite3")), "still encrypted after a plain restore");
    drop(state);
    assert!(open_at(dir.path()).is_locked());
}

#[test]
fn a_new_laptop_restores_an_encrypted_backup_with_its_passphrase_and_becomes_protected() {
    memory_keyring();
    let (dir, state) = own_sample();
    security::protect(&state, PASSPHRASE, false, true).unwrap();
    let before = content(&state);
    let stick = tempfile::tempdir().unwrap();
    let backup = stick.path().join("ppg.ppgdesk");
    let unlocked = state.unlocked();
    state.read(|conn| copy::write_copy(conn, &backup, unlocked.as_ref())).unwrap();
    drop(state);
    drop(dir);

    let laptop = tempfile::tempdir().unwrap();
    let state = open_at(laptop.path());
    assert_eq!(security::check_backup(&state, &backup, None).unwrap_err().code(), "backup_needs_key");
    assert_eq!(security::restore(&state, &backup, None).unwrap_err().code(), "backup_needs_key");
    let wrong = security::restore(&state, &backup, Some(&Secret::passphrase("not the right one at all"))).unwrap_err();
    assert_eq!(wrong.code(), "wrong_key");
    security::restore(&state, &backup, Some(&Secret::passphrase(PASSPHRASE))).unwrap();
    assert_eq!(content(&state), before);
    assert!(security::status(&state).unwrap().protected);
    drop(state);
    let state = open_at(laptop.path());
    assert!(state.is_locked());
    state.unlock(&Secret::passphrase(PASSPHRASE)).unwrap();
}

#[test]
fn rekeying_shuts_out_the_old_key_file_and_keeps_old_backups_restorable() {
    memory_keyring();
    let (dir, state) = own_sample();
    let first = security::protect(&state, PASSPHRASE, false, true).unwrap();
    let paths = DataPaths::at(dir.path());
    let old_keys = std::fs::read_to_string(paths.keys_file()).unwrap();
    let old_backup = dir.path().join("old.ppgdesk");
    let unlocked = state.unlocked();
    state.read(|conn| copy::write_copy(conn, &old_backup, unlocked.as_ref())).unwrap();
    let before = content(&state);

    let wrong = security::rekey(&state, &Secret::passphrase("not the passphrase"), "the committee changed", false);
    assert_eq!(wrong.unwrap_err().code(), "invalid");
    let second =
        security::rekey(&state, &Secret::passphrase(PASSPHRASE), "after someone left the committee", false).unwrap();
    assert_ne!(first.recovery_key, second.recovery_key);
    assert_eq!(content(&state), before, "re-keying changes no record");
    drop(state);

    // Someone kept a copy of the old key file and knows the old passphrase: it opens nothing now.
    let old = KeyFile::from_json(&old_keys).unwrap();
    let old_key = old.open(&Secret::passphrase(PASSPHRASE)).unwrap();
    assert!(!db::key_opens(&paths.db_file(), &old_key), "the old data key no longer opens the data");
    let state = open_at(dir.path());
    assert_eq!(state.unlock(&Secret::passphrase(PASSPHRASE)).unwrap_err().code(), "wrong_key");
    assert_eq!(state.unlock(&Secret::recovery_key(first.recovery_key.as_str())).unwrap_err().code(), "wrong_key");
    state.unlock(&Secret::recovery_key(second.recovery_key.as_str())).unwrap();
    // A backup from before the re-key still restores here without asking.
    security::restore(&state, &old_backup, None).unwrap();
    assert_eq!(content(&state), before);
}

#[test]
fn the_sample_is_never_protected_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let state = open_at(dir.path());
    let (today, now) = (state.today(), state.stamp());
    state.write(|tx| ppg_desk_core::sample::load(tx, today, &now)).unwrap();
    state.write(|tx| ppg_desk_core::settings::mark_sample(tx)).unwrap();
    let refused = security::protect(&state, PASSPHRASE, false, true).unwrap_err();
    assert!(refused.to_string().contains("sample"), "{refused}");
    assert!(db::is_plain_database(&dir.path().join("ppg-desk.sqlite3")));
    assert!(security::status(&state).unwrap().sample);
}

#[test]
fn a_short_passphrase_is_refused_beside_its_field_and_nothing_changes() {
    let (dir, state) = own_sample();
    let before = snapshot(dir.path());
    let error = security::protect(&state, "short", false, true).unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["fields"][0]["field"], "passphrase");
    assert_eq!(snapshot(dir.path()).keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>());
    assert!(db::is_plain_database(&dir.path().join("ppg-desk.sqlite3")));
}

#[test]
fn wrong_passphrases_in_a_row_slow_down_but_never_lock_out() {
    memory_keyring();
    let (dir, state) = own_sample();
    security::protect(&state, PASSPHRASE, false, true).unwrap();
    drop(state);
    let state = open_at(dir.path());
    for _ in 0..3 {
        assert_eq!(state.unlock(&Secret::passphrase("a wrong guess at it")).unwrap_err().code(), "wrong_key");
    }
    // The fourth try in a row waits first (a second, then longer), then is checked as usual.
    let started = std::time::Instant::now();
    assert_eq!(state.unlock(&Secret::passphrase("another wrong guess")).unwrap_err().code(), "wrong_key");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900), "it slowed down");
    state.unlock(&Secret::passphrase(PASSPHRASE)).unwrap();
    assert!(!state.is_locked(), "the right passphrase still opens it: no lock-out");
}
