//! Crash safety in numbers: a writer process (`tests/crash/writer.rs`) is killed with SIGKILL
//! at random points during a stream of writes, again and again on the same data folder.
//! After every kill the file must pass `integrity_check` and `foreign_key_check`, and every
//! write the writer reported as saved must be there, with its transaction whole.
//! `make test` runs 25 kills; `PPG_DESK_CRASH_RUNS=300` runs the long version for README.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

fn writer() -> &'static str {
    env!("CARGO_BIN_EXE_crash-writer")
}

/// A small, seeded random source (the seed is printed, so a failure can be replayed).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn killing_the_app_mid_write_never_loses_a_saved_write_or_damages_the_file() {
    let runs: u32 = std::env::var("PPG_DESK_CRASH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(25);
    let dir = tempfile::tempdir().unwrap();
    kill_again_and_again(dir.path(), runs, None);
}

/// The same on a protected (encrypted) folder: SQLCipher's pages survive SIGKILL as SQLite's do.
#[test]
fn killing_the_app_mid_write_never_damages_a_protected_store() {
    let runs: u32 = std::env::var("PPG_DESK_CRASH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let passphrase = "crash test passphrase here";
    {
        let state = super::support::open_at(dir.path());
        ppg_desk_core::security::protect(&state, passphrase, false, true).unwrap();
    }
    let paths = ppg_desk_core::db::DataPaths::at(dir.path());
    let file = ppg_desk_core::db::keys::KeyFile::load(&paths).unwrap();
    let key = file.open(&ppg_desk_core::db::keys::Secret::passphrase(passphrase)).unwrap();
    kill_again_and_again(dir.path(), runs, Some((passphrase, key)));
}

fn kill_again_and_again(dir: &std::path::Path, runs: u32, protected: Option<(&str, ppg_desk_core::db::keys::DataKey)>) {
    let seed = std::env::var("PPG_DESK_CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    eprintln!("crash test: {runs} kills, seed {seed}");
    let mut dice = Dice(seed);
    let mut reported: Vec<i64> = Vec::new();
    for run in 0..runs {
        let mut writer = Command::new(writer());
        writer.arg(dir).stdout(Stdio::piped());
        if let Some((passphrase, _)) = &protected {
            writer.env("CRASH_PASSPHRASE", passphrase);
        }
        let mut child = writer.spawn().expect("the crash writer is built by cargo test");
        let stdout = child.stdout.take().unwrap();
        // Kill after a random number of reported writes, or a random moment in between.
        let (after, wait_ms) = (1 + dice.roll(40), dice.roll(15));
        let mut lines = BufReader::new(stdout).lines();
        let started = Instant::now();
        let mut seen = 0;
        while let Some(Ok(line)) = lines.next() {
            let id: i64 = line
                .strip_prefix("saved ")
                .and_then(|i| i.parse().ok())
                .unwrap_or_else(|| panic!("run {run}: the writer said {line:?}"));
            reported.push(id);
            seen += 1;
            if seen >= after || started.elapsed() > Duration::from_secs(20) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(wait_ms));
        child.kill().unwrap();
        let _ = child.wait();
        // The file is inspected as a fresh process would find it after the crash.
        let file = dir.join("ppg-desk.sqlite3");
        let conn = match &protected {
            None => Connection::open(file).unwrap(),
            Some((_, key)) => ppg_desk_core::db::open(&file, Some(key)).unwrap(),
        };
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "run {run} (seed {seed})");
        let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 0, "run {run}: no broken links");
        let max_id: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM people", [], |r| r.get(0)).unwrap();
        for id in &reported {
            let there: bool =
                conn.query_row("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)", [id], |r| r.get(0)).unwrap();
            assert!(there, "run {run}: person {id} was reported saved and must survive SIGKILL (seed {seed})");
        }
        let group: String = conn.query_row("SELECT group_name FROM settings WHERE id = 1", [], |r| r.get(0)).unwrap();
        assert_eq!(
            group,
            format!("PPG after {max_id}"),
            "run {run}: the last transaction is whole, both statements or neither"
        );
    }
    eprintln!("crash test: {runs} kills, {} writes reported saved, all present", reported.len());
    assert!(reported.len() as u32 >= runs, "every run saved at least one write before it was killed");
}
