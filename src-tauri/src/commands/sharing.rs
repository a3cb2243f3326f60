//! Tauri commands for sharing the PPG between the committee's laptops.

use tauri::State;

use super::dialogs::ChosenFile;
use ppg_desk_core::error::Result;
use ppg_desk_core::sharing::{self, SharingStatus, SyncReport};
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn get_sharing_status(state: State<'_, AppState>) -> Result<Option<SharingStatus>> {
    ppg_desk_core::state::guard(move || sharing::status(&state))
}

/// Starts sharing in the chosen folder; returns the invitation code (shown once).
#[tauri::command(async)]
pub fn start_sharing(
    state: State<'_, AppState>,
    folder: ChosenFile,
    name: String,
    drivers: bool,
    befriending: bool,
) -> Result<String> {
    ppg_desk_core::state::guard(move || {
        sharing::start(&state, &folder.0, &name, drivers, befriending).map(|code| code.as_str().to_string())
    })
}

#[tauri::command(async)]
pub fn join_shared_ppg(
    state: State<'_, AppState>,
    folder: ChosenFile,
    name: String,
    code: String,
    drivers: bool,
    befriending: bool,
) -> Result<SyncReport> {
    ppg_desk_core::state::guard(move || {
        let code = zeroize::Zeroizing::new(code);
        sharing::join(&state, &folder.0, &name, &code, drivers, befriending)
    })
}

#[tauri::command(async)]
pub fn send_and_receive_now(state: State<'_, AppState>) -> Result<SyncReport> {
    ppg_desk_core::state::guard(move || sharing::sync(&state))
}

#[tauri::command(async)]
pub fn settle_clash(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || sharing::settle_clash(&state, id))
}
