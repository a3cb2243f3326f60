//! Tauri commands for sharing the PPG between the committee's laptops.

use tauri::State;

use super::dialogs::ChosenFile;
use ppg_desk_core::error::Result;
use ppg_desk_core::sharing::{self, Codes, Joined, Scheme, SharingStatus, SyncReport};
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn get_sharing_status(state: State<'_, AppState>) -> Result<Option<SharingStatus>> {
    ppg_desk_core::state::guard(move || sharing::status(&state))
}

/// Starts sharing in the chosen folder; returns the codes (shown once).
#[tauri::command(async)]
pub fn start_sharing(
    state: State<'_, AppState>,
    folder: ChosenFile,
    name: String,
    drivers: bool,
    befriending: bool,
) -> Result<Codes> {
    ppg_desk_core::state::guard(move || sharing::start(&state, &folder.0, &name, drivers, befriending))
}

/// Each argument is one named field of the window's call (a scheme's code is used only when
/// that scheme is ticked), hence more than clippy's usual seven.
#[allow(clippy::too_many_arguments)]
#[tauri::command(async)]
pub fn join_shared_ppg(
    state: State<'_, AppState>,
    folder: ChosenFile,
    name: String,
    code: String,
    drivers: bool,
    drivers_code: String,
    befriending: bool,
    befriending_code: String,
) -> Result<Joined> {
    ppg_desk_core::state::guard(move || {
        let code = zeroize::Zeroizing::new(code);
        let drivers_code = zeroize::Zeroizing::new(drivers_code);
        let befriending_code = zeroize::Zeroizing::new(befriending_code);
        sharing::join(
            &state,
            &folder.0,
            &name,
            &code,
            Scheme::chosen(drivers, Some(&drivers_code)),
            Scheme::chosen(befriending, Some(&befriending_code)),
        )
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

/// "Use the other value" for a clash; for a long text, `merged` is the text a person put
/// together from both versions.
#[tauri::command(async)]
pub fn use_other_value(state: State<'_, AppState>, id: i64, merged: Option<String>) -> Result<()> {
    ppg_desk_core::state::guard(move || sharing::use_other(&state, id, merged.as_deref()))
}

/// Removes a laptop from the committee (lost, or its owner has left): everyone else gets new
/// keys; returns the new codes for laptops joining later (shown once).
#[tauri::command(async)]
pub fn remove_shared_laptop(state: State<'_, AppState>, laptop_id: String) -> Result<Codes> {
    ppg_desk_core::state::guard(move || sharing::remove_laptop(&state, &laptop_id))
}
