//! Tauri commands for the community directory: thin adapters over `directory`, its CSV and
//! Open Referral UK exchange.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::csvfile::ImportReport;
use ppg_desk_core::directory::csv::{DirectoryCsvPreview, DirectoryField};
use ppg_desk_core::directory::oruk::OrukImport;
use ppg_desk_core::directory::views::{self, DirectoryList};
use ppg_desk_core::directory::{Category, DirectoryFilter, Entry, EntryInput};
use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_directory(state: State<'_, AppState>, filter: DirectoryFilter) -> Result<DirectoryList> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::list(conn, &filter, today))
    })
}

#[tauri::command(async)]
pub fn get_directory_entry(state: State<'_, AppState>, id: i64) -> Result<Entry> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| ppg_desk_core::directory::get(conn, id, today))
    })
}

#[tauri::command(async)]
pub fn create_directory_entry(state: State<'_, AppState>, input: EntryInput) -> Result<Entry> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let entry = input.checked(today)?;
        let now = state.stamp();
        state.write(|tx| {
            let id = ppg_desk_core::directory::insert(tx, &entry, &ppg_desk_core::directory::new_oruk_id(), "", &now)?;
            ppg_desk_core::directory::get(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn update_directory_entry(state: State<'_, AppState>, id: i64, input: EntryInput) -> Result<Entry> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let entry = input.checked(today)?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::directory::update(tx, id, &entry, &now)?;
            ppg_desk_core::directory::get(tx, id, today)
        })
    })
}

/// "Checked today": a volunteer rang round and the entry is right.
#[tauri::command(async)]
pub fn mark_directory_entry_checked(state: State<'_, AppState>, id: i64, by: String) -> Result<Entry> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let mut c = ppg_desk_core::check::Checker::new();
        let by = c.text("checkedBy", &by, 120, Some("Please say who checked it."));
        c.finish()?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::directory::mark_checked(tx, id, &by, today, &now)?;
            ppg_desk_core::directory::get(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn delete_directory_entry(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| ppg_desk_core::directory::delete(tx, id)))
}

#[tauri::command(async)]
pub fn add_directory_category(state: State<'_, AppState>, name: String) -> Result<Vec<Category>> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::directory::add_category(tx, &name)?;
            ppg_desk_core::directory::categories(tx)
        })
    })
}

#[tauri::command(async)]
pub fn rename_directory_category(state: State<'_, AppState>, id: i64, name: String) -> Result<Vec<Category>> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::directory::rename_category(tx, id, &name)?;
            ppg_desk_core::directory::categories(tx)
        })
    })
}

#[tauri::command(async)]
pub fn remove_directory_category(state: State<'_, AppState>, id: i64) -> Result<Vec<Category>> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::directory::remove_category(tx, id)?;
            ppg_desk_core::directory::categories(tx)
        })
    })
}

#[tauri::command(async)]
pub fn preview_directory_csv(path: ChosenFile) -> Result<DirectoryCsvPreview> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        ppg_desk_core::directory::csv::preview(&ppg_desk_core::directory::csv::read_text(&path)?)
    })
}

#[tauri::command(async)]
pub fn import_directory_csv(
    state: State<'_, AppState>,
    path: ChosenFile,
    mapping: Vec<Option<DirectoryField>>,
) -> Result<ImportReport> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let text = ppg_desk_core::directory::csv::read_text(&path)?;
        let (today, now) = (state.today(), state.stamp());
        let progress = state.progress("Importing");
        state.write(|tx| {
            let rows = ppg_desk_core::directory::csv::parse(
                &text,
                &mapping,
                &ppg_desk_core::directory::categories(tx)?,
                today,
            );
            ppg_desk_core::directory::csv::import(tx, rows, &now, &progress)
        })
    })
}

#[tauri::command(async)]
pub fn save_directory_csv(state: State<'_, AppState>, path: ChosenFile) -> Result<usize> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let entries = state.read(|conn| ppg_desk_core::directory::list(conn, &DirectoryFilter::default(), today))?;
        ppg_desk_core::csvfile::write_file(&path, &ppg_desk_core::directory::csv::to_csv(&entries)?)?;
        Ok(entries.len())
    })
}

#[tauri::command(async)]
pub fn import_directory_oruk(state: State<'_, AppState>, path: ChosenFile) -> Result<OrukImport> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let text = ppg_desk_core::files::read_import(&path, "an Open Referral UK file", 20)?;
        let (today, now) = (state.today(), state.stamp());
        let progress = state.progress("Importing");
        state.write(|tx| ppg_desk_core::directory::oruk::import(tx, &text, today, &now, &progress))
    })
}

#[tauri::command(async)]
pub fn save_directory_oruk(state: State<'_, AppState>, path: ChosenFile) -> Result<usize> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let entries = state.read(|conn| ppg_desk_core::directory::oruk::entries_with_records(conn, today))?;
        ppg_desk_core::files::write_atomically(&path, ppg_desk_core::directory::oruk::export(&entries).as_bytes())?;
        Ok(entries.len())
    })
}
