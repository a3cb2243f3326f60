//! Tauri commands for people: thin adapters over the rules in `people` and `people::csv`.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::error::Result;
use ppg_desk_core::people::csv::{CsvPreview, ImportReport, PersonField};
use ppg_desk_core::people::{ErasurePreview, PeopleQuery, Person, PersonInput};
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>, query: PeopleQuery) -> Result<Vec<Person>> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| ppg_desk_core::people::list(conn, &query, today))
    })
}

#[tauri::command(async)]
pub fn get_person(state: State<'_, AppState>, id: i64) -> Result<Person> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::people::get(conn, id)))
}

#[tauri::command(async)]
pub fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    ppg_desk_core::state::guard(move || {
        let person = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::people::insert(tx, &person, &now).and_then(|id| ppg_desk_core::people::get(tx, id))
        })
    })
}

#[tauri::command(async)]
pub fn update_person(state: State<'_, AppState>, id: i64, input: PersonInput) -> Result<Person> {
    ppg_desk_core::state::guard(move || {
        let person = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::people::update(tx, id, &person, &now)?;
            ppg_desk_core::people::get(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn mark_person_left(state: State<'_, AppState>, id: i64, on: String) -> Result<Person> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            let left = ppg_desk_core::people::check_leaving(&ppg_desk_core::people::get(tx, id)?, &on)?;
            ppg_desk_core::people::set_left(tx, id, left, &now)?;
            ppg_desk_core::people::get(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn preview_erase_person(state: State<'_, AppState>, id: i64) -> Result<ErasurePreview> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::people::erasure_preview_for(conn, id)))
}

#[tauri::command(async)]
pub fn erase_person(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.erase(|tx| ppg_desk_core::people::delete(tx, id)))
}

#[tauri::command(async)]
pub fn preview_people_csv(path: ChosenFile) -> Result<CsvPreview> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        ppg_desk_core::people::csv::preview(&ppg_desk_core::people::csv::read_text(&path)?)
    })
}

#[tauri::command(async)]
pub fn import_people_csv(
    state: State<'_, AppState>,
    path: ChosenFile,
    mapping: Vec<Option<PersonField>>,
) -> Result<ImportReport> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let text = ppg_desk_core::people::csv::read_text(&path)?;
        let rows = ppg_desk_core::people::csv::parse(&text, &mapping, state.today());
        let now = state.stamp();
        let progress = state.progress("Importing");
        state.write(|tx| ppg_desk_core::people::csv::import(tx, rows, &now, &progress))
    })
}

#[tauri::command(async)]
pub fn export_people_csv(state: State<'_, AppState>, path: ChosenFile, query: PeopleQuery) -> Result<usize> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let people = state.read(|conn| ppg_desk_core::people::list(conn, &query, today))?;
        ppg_desk_core::people::csv::write_file(&path, &people)?;
        Ok(people.len())
    })
}

/// Writes everything held about a person (subject access) as JSON where the person chose.
#[tauri::command(async)]
pub fn save_person_record_json(state: State<'_, AppState>, id: i64, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let text = state.read(|conn| ppg_desk_core::documents::record::json(conn, id, today))?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())
    })
}
