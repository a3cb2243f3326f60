//! A stream of writes through PPG Desk's own write path, for the crash-safety test
//! (`tests/integration/crash.rs`), which kills this process with SIGKILL at random points.
//! After each committed write it prints `saved ID`: that write was reported as saved.

use std::io::Write;

use ppg_desk_core::db::DataPaths;
use ppg_desk_core::people::{self, PersonInput};
use ppg_desk_core::state::{AppState, Topic};

fn main() {
    let dir = std::env::args().nth(1).expect("the data folder");
    let state = AppState::open(DataPaths::at(dir), Box::new(|_: &[Topic]| {}));
    // A protected folder (the encrypted variant of the test) is opened with its passphrase.
    if let Ok(passphrase) = std::env::var("CRASH_PASSPHRASE") {
        if state.is_locked() {
            state.unlock(&ppg_desk_core::db::keys::Secret::passphrase(passphrase)).expect("the passphrase opens it");
        }
    }
    if let Some(problem) = state.problem() {
        println!("problem {}", problem.code());
        return;
    }
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let input =
            PersonInput { full_name: format!("Crash Test {n}"), notes: "x".repeat(n % 2000), ..Default::default() };
        let checked = input.checked(state.today()).expect("a valid person");
        let id = state
            .write(|tx| {
                let id = people::insert(tx, &checked, "2026-11-24T10:00:00")?;
                // A second statement in the same transaction: both are saved, or neither.
                tx.execute(
                    "INSERT INTO settings (id, group_name, created_at, updated_at) VALUES (1, ?1, '', '')
                     ON CONFLICT (id) DO UPDATE SET group_name = excluded.group_name",
                    [format!("PPG after {id}")],
                )?;
                Ok(id)
            })
            .expect("the write is saved");
        if writeln!(out, "saved {id}").and_then(|_| out.flush()).is_err() {
            return;
        }
    }
}
