//! Small builders shared by the integration tests: a fresh data folder and a person.

use ppg_desk_core::db::DataPaths;
use ppg_desk_core::people::{self, PersonInput};
use ppg_desk_core::state::{AppState, Topic};

pub struct TempStore {
    pub dir: tempfile::TempDir,
    pub state: AppState,
}

/// A fresh, empty, migrated store in its own temporary folder.
pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = open_at(dir.path());
    assert!(state.problem().is_none(), "a new store opens: {:?}", state.problem());
    TempStore { dir, state }
}

pub fn open_at(path: &std::path::Path) -> AppState {
    AppState::open(DataPaths::at(path), Box::new(|_: &[Topic]| {}))
}

/// Adds a person by name (with any tweaks) through the same rules as the window.
pub fn add_person(state: &AppState, name: &str, tweak: impl FnOnce(&mut PersonInput)) -> i64 {
    let mut input = PersonInput { full_name: name.into(), ..Default::default() };
    tweak(&mut input);
    let checked = input.checked(state.today()).expect("valid person");
    state.write(|tx| people::insert(tx, &checked, "2026-11-24T10:00:00")).expect("insert")
}

pub fn count_people(state: &AppState) -> i64 {
    state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?)).unwrap()
}

/// People who have not left.
pub fn count_current(state: &AppState) -> i64 {
    state
        .read(|conn| Ok(conn.query_row("SELECT count(*) FROM people WHERE left_on IS NULL", [], |r| r.get(0))?))
        .unwrap()
}
