//! Tauri commands for people: thin adapters over the rules in `people` and `people::csv`.

use tauri::State;

use super::csv::{CsvPreview, ImportReport, PersonField};
use super::{ErasurePreview, PeopleQuery, Person, PersonInput};
use crate::dialogs::commands::ChosenFile;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>, query: PeopleQuery) -> Result<Vec<Person>> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| super::list(conn, &query, today))
    })
}

#[tauri::command(async)]
pub fn get_person(state: State<'_, AppState>, id: i64) -> Result<Person> {
    crate::state::guard(move || state.read(|conn| super::get(conn, id)))
}

#[tauri::command(async)]
pub fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    crate::state::guard(move || {
        let person = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| super::insert(tx, &person, &now).and_then(|id| super::get(tx, id)))
    })
}

#[tauri::command(async)]
pub fn update_person(state: State<'_, AppState>, id: i64, input: PersonInput) -> Result<Person> {
    crate::state::guard(move || {
        let person = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            super::update(tx, id, &person, &now)?;
            super::get(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn mark_person_left(state: State<'_, AppState>, id: i64, on: String) -> Result<Person> {
    crate::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            let left = super::check_leaving(&super::get(tx, id)?, &on)?;
            super::set_left(tx, id, left, &now)?;
            super::get(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn preview_erase_person(state: State<'_, AppState>, id: i64) -> Result<ErasurePreview> {
    crate::state::guard(move || state.read(|conn| super::erasure_preview_for(conn, id)))
}

#[tauri::command(async)]
pub fn erase_person(state: State<'_, AppState>, id: i64) -> Result<()> {
    crate::state::guard(move || state.erase(|tx| super::delete(tx, id)))
}

#[tauri::command(async)]
pub fn preview_people_csv(path: ChosenFile) -> Result<CsvPreview> {
    crate::state::guard(move || {
        let path = path.0;
        super::csv::preview(&super::csv::read_text(&path)?)
    })
}

#[tauri::command(async)]
pub fn import_people_csv(
    state: State<'_, AppState>,
    path: ChosenFile,
    mapping: Vec<Option<PersonField>>,
) -> Result<ImportReport> {
    crate::state::guard(move || {
        let path = path.0;
        let text = super::csv::read_text(&path)?;
        let rows = super::csv::parse(&text, &mapping, state.today());
        let now = state.stamp();
        let progress = state.progress("Importing");
        state.write(|tx| super::csv::import(tx, rows, &now, &progress))
    })
}

#[tauri::command(async)]
pub fn export_people_csv(state: State<'_, AppState>, path: ChosenFile, query: PeopleQuery) -> Result<usize> {
    crate::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let people = state.read(|conn| super::list(conn, &query, today))?;
        super::csv::write_file(&path, &people)?;
        Ok(people.len())
    })
}

/// Writes everything held about a person (subject access) as JSON where the person chose.
#[tauri::command(async)]
pub fn save_person_record_json(state: State<'_, AppState>, id: i64, path: ChosenFile) -> Result<()> {
    crate::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let text = state.read(|conn| crate::documents::record::json(conn, id, today))?;
        crate::files::write_atomically(&path, text.as_bytes())
    })
}
