//! Tauri commands for backups: list, back up to a chosen file, check and restore.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::backups::{BackupCheck, BackupInfo};
use ppg_desk_core::error::Result;
use ppg_desk_core::security::BackupSecret;
use ppg_desk_core::state::{AppState, Topic};

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    ppg_desk_core::state::guard(move || ppg_desk_core::backups::list(&state.paths()))
}

#[tauri::command(async)]
pub fn backup_to_file(state: State<'_, AppState>, path: ChosenFile) -> Result<BackupCheck> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let unlocked = state.unlocked();
        state.read(|conn| ppg_desk_core::backups::copy_to(conn, &path, unlocked.as_ref()))
    })
}

#[tauri::command(async)]
pub fn take_backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    ppg_desk_core::state::guard(move || {
        let now = state.now();
        let unlocked = state.unlocked();
        let info = state.read(|conn| {
            let reason = ppg_desk_core::backups::BackupReason::Daily;
            ppg_desk_core::backups::take(conn, &state.paths(), unlocked.as_ref(), now, reason)
        })?;
        state.announce(&[Topic::Backups]);
        Ok(info)
    })
}

fn secret(given: Option<BackupSecret>) -> Option<ppg_desk_core::security::Secret> {
    given.map(|g| ppg_desk_core::security::secret(g.passphrase, g.recovery_key))
}

#[tauri::command(async)]
pub fn check_backup_file(
    state: State<'_, AppState>,
    path: ChosenFile,
    secret: Option<BackupSecret>,
) -> Result<BackupCheck> {
    ppg_desk_core::state::guard(move || {
        ppg_desk_core::security::check_backup(&state, &path.0, self::secret(secret).as_ref())
    })
}

#[tauri::command(async)]
pub fn check_listed_backup(
    state: State<'_, AppState>,
    file_name: String,
    secret: Option<BackupSecret>,
) -> Result<BackupCheck> {
    ppg_desk_core::state::guard(move || {
        let path = ppg_desk_core::backups::path_of(&state.paths(), &file_name)?;
        ppg_desk_core::security::check_backup(&state, &path, self::secret(secret).as_ref())
    })
}

#[tauri::command(async)]
pub fn restore_backup_file(state: State<'_, AppState>, path: ChosenFile, secret: Option<BackupSecret>) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        ppg_desk_core::security::restore(&state, &path.0, self::secret(secret).as_ref())
    })
}

#[tauri::command(async)]
pub fn restore_listed_backup(
    state: State<'_, AppState>,
    file_name: String,
    secret: Option<BackupSecret>,
) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = ppg_desk_core::backups::path_of(&state.paths(), &file_name)?;
        ppg_desk_core::security::restore(&state, &path, self::secret(secret).as_ref())
    })
}
