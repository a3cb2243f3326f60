//! Faults found by a hostile-input review, each with the test that would have caught it:
//! restores of files that are not ours, the command line on a damaged folder, imports that
//! lost rows silently, exports that ran formulas in Excel, files left behind after an erasure,
//! unbounded work from small input and a closed pipe.

use std::process::{Command, Stdio};

use ppg_desk_core::backups::{self, BackupReason};
use ppg_desk_core::db::{self, copy};

use crate::support::{add_person, count_people, open_at, temp_store};

pub(crate) fn ppg(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PPG_DESK_DATA_DIR")
        .output()
        .unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn a_real_backup_with_an_extra_trigger_is_refused_so_erasure_cannot_be_defeated() {
    let store = temp_store();
    add_person(&store.state, "Aisha Begum", |_| {});
    let doctored = store.dir.path().join("doctored.sqlite3");
    store.state.read(|conn| copy::write_copy(conn, &doctored, None)).unwrap();
    rusqlite::Connection::open(&doctored)
        .unwrap()
        .execute_batch("CREATE TABLE hidden (name TEXT); CREATE TRIGGER keep AFTER DELETE ON people BEGIN INSERT INTO hidden VALUES (old.full_name); END;")
        .unwrap();
    let now = store.state.now();
    let error = store
        .state
        .replace_all(|conn| backups::restore(conn, &store.state.paths(), &doctored, Default::default(), now))
        .unwrap_err();
    assert!(error.to_string().contains("not PPG Desk's data"), "{error}");
    let bare = store.dir.path().join("bare.sqlite3");
    rusqlite::Connection::open(&bare)
        .unwrap()
        .execute_batch("CREATE TABLE people (x); PRAGMA user_version = 11;")
        .unwrap();
    assert!(store
        .state
        .replace_all(|conn| backups::restore(conn, &store.state.paths(), &bare, Default::default(), now))
        .is_err());
    assert_eq!(count_people(&store.state), 1, "the current data is untouched");
    let live_ok = store.state.read(db::schema::verify);
    assert!(live_ok.is_ok(), "the live file is PPG Desk's own");
}

#[test]
fn check_compares_the_live_file_with_its_version() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let (ok, text) = ppg(dir.path(), &["check"]);
    assert!(ok && text.contains("Tables: PPG Desk's own"), "{text}");
    rusqlite::Connection::open(dir.path().join(db::DB_FILE))
        .unwrap()
        .execute_batch("CREATE VIEW everyone AS SELECT * FROM people;")
        .unwrap();
    let (ok, text) = ppg(dir.path(), &["check"]);
    assert!(!ok && text.contains("not PPG Desk's data"), "{text}");
}

#[test]
fn a_backup_with_another_page_size_restores() {
    let store = temp_store();
    add_person(&store.state, "Aisha Begum", |_| {});
    let other = store.dir.path().join("other-page-size.sqlite3");
    store.state.read(|conn| copy::write_copy(conn, &other, None)).unwrap();
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("PRAGMA page_size = 8192; VACUUM;").unwrap();
    assert_eq!(conn.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0)).unwrap(), 8192);
    drop(conn);
    add_person(&store.state, "Ben Okafor", |_| {});
    let now = store.state.now();
    store
        .state
        .replace_all(|conn| backups::restore(conn, &store.state.paths(), &other, Default::default(), now))
        .unwrap();
    assert_eq!(count_people(&store.state), 1, "the backup's one person, not the two of today");
}

#[test]
fn the_command_line_can_check_back_up_and_restore_a_damaged_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(ppg(&data, &["demo"]).0);
    let good = dir.path().join("good.sqlite3");
    assert!(ppg(&data, &["backup", "--out", good.to_str().unwrap()]).0);
    // Damage pages in the middle of the file, as a failing disk does; the header survives.
    let file = data.join(db::DB_FILE);
    let mut bytes = std::fs::read(&file).unwrap();
    let page = 4096;
    bytes[page * 2..page * 6].fill(0x42);
    std::fs::write(&file, bytes).unwrap();

    let (ok, text) = ppg(&data, &["check"]);
    assert!(!ok && text.contains("Integrity: damaged") && text.contains("ppg-desk restore"), "{text}");
    let (ok, text) = ppg(&data, &["people"]);
    assert!(!ok && text.contains("ppg-desk restore"), "every other command says how to restore: {text}");
    let rescued = dir.path().join("rescued.sqlite3");
    let (ok, text) = ppg(&data, &["backup", "--out", rescued.to_str().unwrap()]);
    assert!(ok && rescued.exists(), "{text}");
    let (ok, text) = ppg(&data, &["restore", good.to_str().unwrap()]);
    assert!(ok && text.contains("damaged-"), "{text}");
    let (ok, text) = ppg(&data, &["check"]);
    assert!(ok && text.contains("Integrity: ok"), "{text}");
    let aside = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("damaged-"));
    assert!(aside, "the damaged file is kept aside, as the window does");
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    for args in [["people"], ["meetings"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader goes away, as `| head` does
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked") && !stderr.contains("internal error"), "{args:?}: {stderr}");
        assert!(out.status.code().is_some(), "{args:?} ended by itself, not by a signal");
    }
}

#[test]
fn exports_are_safe_to_open_in_a_spreadsheet_and_read_back_intact() {
    let store = temp_store();
    let id = add_person(&store.state, "Ann =cmd|' /C calc'!A0", |p| p.phone = "+44 1642 000000".into());
    let text = store
        .state
        .read(|conn| {
            let everyone = ppg_desk_core::people::PeopleQuery {
                search: String::new(),
                filter: ppg_desk_core::people::PeopleFilter::Everyone,
            };
            let people = ppg_desk_core::people::list(conn, &everyone, store.state.today())?;
            ppg_desk_core::people::csv::to_csv(&people)
        })
        .unwrap();
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a cell a spreadsheet would run: {cell}");
        }
    }
    let preview = ppg_desk_core::people::csv::preview(&text).unwrap();
    let rows = ppg_desk_core::people::csv::parse(&text, &preview.mapping, store.state.today());
    let back = rows[0].as_ref().expect("our own file reads back");
    assert_eq!(back.full_name, "Ann =cmd|' /C calc'!A0");
    assert_eq!(back.phone, "+44 1642 000000");
    let _ = id;
}

#[test]
fn imports_that_would_lose_rows_are_refused_with_the_line() {
    let store = temp_store();
    let cards =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Priya Shah\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Tom Reed\r\n";
    let problems = ppg_desk_core::contacts::vcard::read(cards).unwrap_err();
    assert!(
        problems[0].contains("Card 2") && problems[0].contains("line 5") && problems[0].contains("END:VCARD"),
        "{problems:?}"
    );
    let csv = "Name,Phone\nAnn Lee,01642 000000\n\"Bob Ray,01642 111111\nCy Fox,01642 222222\n";
    let preview = ppg_desk_core::people::csv::preview(csv);
    assert!(preview.is_err_and(|e| e.to_string().contains("Line 3")), "the preview refuses too");
    let rows = store
        .state
        .read(|_| {
            Ok(ppg_desk_core::people::csv::parse(
                csv,
                &[Some(ppg_desk_core::people::csv::PersonField::FullName), None],
                store.state.today(),
            ))
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].as_ref().unwrap_err().line, 3);
}

#[test]
fn report_periods_and_weeks_stay_within_sensible_years() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let out = dir.path().join("r.pdf");
    for (from, to) in [("-200000-01", "2026-01"), ("0001-01", "2026-01"), ("2000-01", "2026-01")] {
        let (from, to) = (format!("--from={from}"), format!("--to={to}"));
        let (ok, text) = ppg(dir.path(), &["print", "befriending-report", &from, &to, "--out", out.to_str().unwrap()]);
        assert!(
            !ok && (text.contains("year from 2000")
                || text.contains("at most 10 years")
                || text.contains("like November 2026")),
            "{from}: {text}"
        );
    }
}

#[test]
fn devices_and_pipes_are_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let (ok, text) = ppg(dir.path(), &["import", "contacts", "/dev/zero"]);
    assert!(!ok && text.contains("not a file"), "{text}");
    let fifo = dir.path().join("directory.csv");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (ok, text) = ppg(dir.path(), &["import", "directory", fifo.to_str().unwrap()]);
    assert!(!ok && text.contains("not a file"), "a FIFO is refused at once instead of hanging: {text}");
}

#[test]
fn erasure_clears_opened_documents_and_the_folder_is_private() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0, "a PPG that is set up, so documents print");
    let store = crate::support::TempStore { state: open_at(dir.path()), dir };
    let id = add_person(&store.state, "Aisha Begum", |_| {});
    let pdf = ppg_desk_core::documents::export(
        &store.state,
        &ppg_desk_core::documents::DocumentKind::Members,
        ppg_desk_core::print::Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    assert!(pdf.exists());
    store.state.erase(|tx| ppg_desk_core::people::delete(tx, id)).unwrap();
    assert!(!pdf.exists(), "a document that may show the erased person is gone");
    let pdf = ppg_desk_core::documents::export(
        &store.state,
        &ppg_desk_core::documents::DocumentKind::Members,
        ppg_desk_core::print::Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let path = store.dir.path().to_path_buf();
    drop(store.state);
    let reopened = open_at(&path);
    assert!(!pdf.exists(), "documents left by a session that crashed are cleared on start");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&reopened.paths().db_file()), 0o600, "the data file is the user's alone");
        assert_eq!(mode(&reopened.paths().backups_dir()), 0o700);
        let now = reopened.now();
        let backup = reopened
            .read(|conn| backups::take(conn, &reopened.paths(), None, now, BackupReason::BeforeRestore))
            .unwrap();
        assert_eq!(mode(&reopened.paths().backups_dir().join(backup.file_name)), 0o600);
    }
}

#[test]
fn a_search_for_percent_or_underscore_finds_only_those_characters() {
    let store = temp_store();
    add_person(&store.state, "Ann Lee", |_| {});
    add_person(&store.state, "Bob 100% Ray", |_| {});
    let found = |search: &str| {
        let query = ppg_desk_core::people::PeopleQuery {
            search: search.into(),
            filter: ppg_desk_core::people::PeopleFilter::Everyone,
        };
        store.state.read(|conn| ppg_desk_core::people::list(conn, &query, store.state.today())).unwrap().len()
    };
    assert_eq!(found("%"), 1);
    assert_eq!(found("_"), 0);
}

#[test]
fn a_folder_that_cannot_be_written_is_opened_to_look_and_print_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(ppg(&data, &["demo"]).0);
    // A record left waiting for the search index, as a session that crashed may leave one.
    let conn = rusqlite::Connection::open(data.join(ppg_desk_core::db::DB_FILE)).unwrap();
    conn.execute("INSERT INTO search_pending (ref, kind) SELECT id, 1 FROM people LIMIT 1", []).unwrap();
    drop(conn);
    // As root (CI), permissions do not stop writes: a read-only bind mount does. Otherwise
    // taking the write bits away is enough.
    let root = is_root();
    let made_read_only = if root {
        let bind = Command::new("mount").args(["--bind"]).arg(&data).arg(&data).status().unwrap().success();
        bind && Command::new("mount").args(["-o", "remount,bind,ro"]).arg(&data).status().unwrap().success()
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o500)).is_ok()
    };
    assert!(made_read_only, "the folder could be made read-only for the test");
    let (listed, people) = ppg(&data, &["people"]);
    let pdf = dir.path().join("members.pdf");
    let (printed, print_text) = ppg(&data, &["print", "members", "--out", pdf.to_str().unwrap()]);
    let vcf = dir.path().join("one.vcf");
    std::fs::write(&vcf, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Priya Shah\r\nEND:VCARD\r\n").unwrap();
    let (imported, import_text) = ppg(&data, &["import", "contacts", vcf.to_str().unwrap()]);
    let (searched, search_text) = ppg(&data, &["search", "walking"]);
    if root {
        let _ = Command::new("umount").arg(&data).status();
    } else {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700));
    }
    assert!(listed && people.contains("ID  Name"), "the people can still be listed: {people}");
    assert!(printed && pdf.exists(), "and printed elsewhere: {print_text}");
    assert!(searched && search_text.contains("Walking for Health"), "and searched: {search_text}");
    assert!(
        !imported
            && import_text.contains("not allowed to write to the folder")
            && import_text.contains(data.to_str().unwrap()),
        "a change names the folder: {import_text}"
    );
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

#[test]
fn check_fails_with_a_warning_when_todays_backup_could_not_be_made() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(ppg(&data, &["demo"]).0);
    let backups = data.join("backups");
    // The data can be saved but no backup written: the backups folder alone is read-only.
    let read_only = if is_root() {
        Command::new("mount").arg("--bind").arg(&backups).arg(&backups).status().unwrap().success()
            && Command::new("mount").args(["-o", "remount,bind,ro"]).arg(&backups).status().unwrap().success()
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&backups, std::fs::Permissions::from_mode(0o500)).is_ok()
    };
    assert!(read_only);
    let (ok, text) = ppg(&data, &["check"]);
    let (listed, people) = ppg(&data, &["people"]);
    if is_root() {
        let _ = Command::new("umount").arg(&backups).status();
    } else {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&backups, std::fs::Permissions::from_mode(0o700));
    }
    assert!(
        !ok && text.contains("Warning: Today's automatic backup could not be made"),
        "check warns and fails: {text}"
    );
    assert!(
        listed && people.contains("warning: Today's automatic backup could not be made"),
        "every command shows the warning: {people}"
    );
}
