//! Tauri commands for the community directory: thin adapters over `directory`, its CSV and
//! Open Referral UK exchange.

use tauri::State;

use super::csv::{DirectoryCsvPreview, DirectoryField};
use super::oruk::OrukImport;
use super::views::{self, DirectoryList};
use super::{Category, DirectoryFilter, Entry, EntryInput};
use crate::csvfile::ImportReport;
use crate::dialogs::commands::ChosenFile;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_directory(state: State<'_, AppState>, filter: DirectoryFilter) -> Result<DirectoryList> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::list(conn, &filter, today))
    })
}

#[tauri::command(async)]
pub fn get_directory_entry(state: State<'_, AppState>, id: i64) -> Result<Entry> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| super::get(conn, id, today))
    })
}

#[tauri::command(async)]
pub fn create_directory_entry(state: State<'_, AppState>, input: EntryInput) -> Result<Entry> {
    crate::state::guard(move || {
        let today = state.today();
        let entry = input.checked(today)?;
        let now = state.stamp();
        state.write(|tx| {
            let id = super::insert(tx, &entry, &super::new_oruk_id(), "", &now)?;
            super::get(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn update_directory_entry(state: State<'_, AppState>, id: i64, input: EntryInput) -> Result<Entry> {
    crate::state::guard(move || {
        let today = state.today();
        let entry = input.checked(today)?;
        let now = state.stamp();
        state.write(|tx| {
            super::update(tx, id, &entry, &now)?;
            super::get(tx, id, today)
        })
    })
}

/// "Checked today": a volunteer rang round and the entry is right.
#[tauri::command(async)]
pub fn mark_directory_entry_checked(state: State<'_, AppState>, id: i64, by: String) -> Result<Entry> {
    crate::state::guard(move || {
        let today = state.today();
        let mut c = crate::check::Checker::new();
        let by = c.text("checkedBy", &by, 120, Some("Please say who checked it."));
        c.finish()?;
        let now = state.stamp();
        state.write(|tx| {
            super::mark_checked(tx, id, &by, today, &now)?;
            super::get(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn delete_directory_entry(state: State<'_, AppState>, id: i64) -> Result<()> {
    crate::state::guard(move || state.write(|tx| super::delete(tx, id)))
}

#[tauri::command(async)]
pub fn add_directory_category(state: State<'_, AppState>, name: String) -> Result<Vec<Category>> {
    crate::state::guard(move || {
        state.write(|tx| {
            super::add_category(tx, &name)?;
            super::categories(tx)
        })
    })
}

#[tauri::command(async)]
pub fn rename_directory_category(state: State<'_, AppState>, id: i64, name: String) -> Result<Vec<Category>> {
    crate::state::guard(move || {
        state.write(|tx| {
            super::rename_category(tx, id, &name)?;
            super::categories(tx)
        })
    })
}

#[tauri::command(async)]
pub fn remove_directory_category(state: State<'_, AppState>, id: i64) -> Result<Vec<Category>> {
    crate::state::guard(move || {
        state.write(|tx| {
            super::remove_category(tx, id)?;
            super::categories(tx)
        })
    })
}

#[tauri::command(async)]
pub fn preview_directory_csv(path: ChosenFile) -> Result<DirectoryCsvPreview> {
    crate::state::guard(move || {
        let path = path.0;
        super::csv::preview(&super::csv::read_text(&path)?)
    })
}

#[tauri::command(async)]
pub fn import_directory_csv(
    state: State<'_, AppState>,
    path: ChosenFile,
    mapping: Vec<Option<DirectoryField>>,
) -> Result<ImportReport> {
    crate::state::guard(move || {
        let path = path.0;
        let text = super::csv::read_text(&path)?;
        let (today, now) = (state.today(), state.stamp());
        let progress = state.progress("Importing");
        state.write(|tx| {
            let rows = super::csv::parse(&text, &mapping, &super::categories(tx)?, today);
            super::csv::import(tx, rows, &now, &progress)
        })
    })
}

#[tauri::command(async)]
pub fn save_directory_csv(state: State<'_, AppState>, path: ChosenFile) -> Result<usize> {
    crate::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let entries = state.read(|conn| super::list(conn, &DirectoryFilter::default(), today))?;
        crate::csvfile::write_file(&path, &super::csv::to_csv(&entries)?)?;
        Ok(entries.len())
    })
}

#[tauri::command(async)]
pub fn import_directory_oruk(state: State<'_, AppState>, path: ChosenFile) -> Result<OrukImport> {
    crate::state::guard(move || {
        let path = path.0;
        let text = crate::files::read_import(&path, "an Open Referral UK file", 20)?;
        let (today, now) = (state.today(), state.stamp());
        let progress = state.progress("Importing");
        state.write(|tx| super::oruk::import(tx, &text, today, &now, &progress))
    })
}

#[tauri::command(async)]
pub fn save_directory_oruk(state: State<'_, AppState>, path: ChosenFile) -> Result<usize> {
    crate::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let entries = state.read(|conn| super::oruk::entries_with_records(conn, today))?;
        crate::files::write_atomically(&path, super::oruk::export(&entries).as_bytes())?;
        Ok(entries.len())
    })
}
