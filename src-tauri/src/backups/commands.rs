//! Tauri commands for backups: list, back up to a chosen file, check and restore.

use std::path::PathBuf;

use tauri::State;

use super::{BackupCheck, BackupInfo};
use crate::db::copy;
use crate::error::Result;
use crate::state::{AppState, Topic};

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    super::list(&state.paths)
}

#[tauri::command]
pub fn backup_to_file(state: State<'_, AppState>, path: PathBuf) -> Result<BackupCheck> {
    let summary = state.read(|conn| copy::write_copy(conn, &path))?;
    Ok(BackupCheck { group_name: summary.group_name, people: summary.people })
}

#[tauri::command]
pub fn take_backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    let now = state.now();
    let info = state.read(|conn| super::take(conn, &state.paths, now, super::BackupReason::Daily))?;
    state.write(&[Topic::Backups], |_| Ok(()))?;
    Ok(info)
}

#[tauri::command]
pub fn check_backup_file(path: PathBuf) -> Result<BackupCheck> {
    super::check(&path)
}

#[tauri::command]
pub fn check_listed_backup(state: State<'_, AppState>, file_name: String) -> Result<BackupCheck> {
    super::check(&super::path_of(&state.paths, &file_name)?)
}

#[tauri::command]
pub fn restore_backup_file(state: State<'_, AppState>, path: PathBuf) -> Result<()> {
    let now = state.now();
    state.replace_all(|conn| super::restore(conn, &state.paths, &path, now))
}

#[tauri::command]
pub fn restore_listed_backup(state: State<'_, AppState>, file_name: String) -> Result<()> {
    let path = super::path_of(&state.paths, &file_name)?;
    let now = state.now();
    state.replace_all(|conn| super::restore(conn, &state.paths, &path, now))
}
