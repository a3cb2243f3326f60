//! Tauri commands for backups: list, back up to a chosen file, check and restore.

use tauri::State;

use super::{BackupCheck, BackupInfo};
use crate::dialogs::commands::ChosenFile;
use crate::error::Result;
use crate::state::{AppState, Topic};

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    crate::state::guard(move || super::list(&state.paths()))
}

#[tauri::command(async)]
pub fn backup_to_file(state: State<'_, AppState>, path: ChosenFile) -> Result<BackupCheck> {
    crate::state::guard(move || {
        let path = path.0;
        state.read(|conn| super::copy_to(conn, &path))
    })
}

#[tauri::command(async)]
pub fn take_backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    crate::state::guard(move || {
        let now = state.now();
        let info = state.read(|conn| super::take(conn, &state.paths(), now, super::BackupReason::Daily))?;
        state.announce(&[Topic::Backups]);
        Ok(info)
    })
}

#[tauri::command(async)]
pub fn check_backup_file(path: ChosenFile) -> Result<BackupCheck> {
    crate::state::guard(move || {
        let path = path.0;
        super::check(&path)
    })
}

#[tauri::command(async)]
pub fn check_listed_backup(state: State<'_, AppState>, file_name: String) -> Result<BackupCheck> {
    crate::state::guard(move || super::check(&super::path_of(&state.paths(), &file_name)?))
}

#[tauri::command(async)]
pub fn restore_backup_file(state: State<'_, AppState>, path: ChosenFile) -> Result<()> {
    crate::state::guard(move || {
        let path = path.0;
        let now = state.now();
        state.replace_all(|conn| super::restore(conn, &state.paths(), &path, now))
    })
}

#[tauri::command(async)]
pub fn restore_listed_backup(state: State<'_, AppState>, file_name: String) -> Result<()> {
    crate::state::guard(move || {
        let path = super::path_of(&state.paths(), &file_name)?;
        let now = state.now();
        state.replace_all(|conn| super::restore(conn, &state.paths(), &path, now))
    })
}
