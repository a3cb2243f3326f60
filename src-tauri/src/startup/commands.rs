//! Tauri commands for starting up: what to show first, the sample PPG, and recovery.

use tauri::State;

use super::Startup;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_startup(state: State<'_, AppState>) -> Result<Startup> {
    crate::state::guard(move || super::describe(&state))
}

/// Opens the sample PPG in a folder of its own (see `startup::explore_sample`).
#[tauri::command(async)]
pub fn load_sample_data(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || super::explore_sample(&state))
}

/// Deletes the sample PPG and opens the person's own, ready to be set up.
#[tauri::command(async)]
pub fn leave_sample(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || super::leave_sample(&state))
}

#[tauri::command(async)]
pub fn recover_from_latest_backup(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || state.recover_from_latest_backup())
}
