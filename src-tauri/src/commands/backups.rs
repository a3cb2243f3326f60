//! Tauri commands for backups: list, back up to a chosen file, check and restore.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::backups::{BackupCheck, BackupInfo};
use ppg_desk_core::error::Result;
use ppg_desk_core::state::{AppState, Topic};

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    ppg_desk_core::state::guard(move || ppg_desk_core::backups::list(&state.paths()))
}

#[tauri::command(async)]
pub fn backup_to_file(state: State<'_, AppState>, path: ChosenFile) -> Result<BackupCheck> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        state.read(|conn| ppg_desk_core::backups::copy_to(conn, &path))
    })
}

#[tauri::command(async)]
pub fn take_backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    ppg_desk_core::state::guard(move || {
        let now = state.now();
        let info = state.read(|conn| {
            ppg_desk_core::backups::take(conn, &state.paths(), now, ppg_desk_core::backups::BackupReason::Daily)
        })?;
        state.announce(&[Topic::Backups]);
        Ok(info)
    })
}

#[tauri::command(async)]
pub fn check_backup_file(path: ChosenFile) -> Result<BackupCheck> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        ppg_desk_core::backups::check(&path)
    })
}

#[tauri::command(async)]
pub fn check_listed_backup(state: State<'_, AppState>, file_name: String) -> Result<BackupCheck> {
    ppg_desk_core::state::guard(move || {
        ppg_desk_core::backups::check(&ppg_desk_core::backups::path_of(&state.paths(), &file_name)?)
    })
}

#[tauri::command(async)]
pub fn restore_backup_file(state: State<'_, AppState>, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let now = state.now();
        state.replace_all(|conn| ppg_desk_core::backups::restore(conn, &state.paths(), &path, now))
    })
}

#[tauri::command(async)]
pub fn restore_listed_backup(state: State<'_, AppState>, file_name: String) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = ppg_desk_core::backups::path_of(&state.paths(), &file_name)?;
        let now = state.now();
        state.replace_all(|conn| ppg_desk_core::backups::restore(conn, &state.paths(), &path, now))
    })
}
