//! Tauri command for the Cancel button beside a progress bar.

use tauri::State;

use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

/// Stops the long work under way (a print, an import); it rolls back and says so.
#[tauri::command(async)]
pub fn cancel_work(state: State<'_, AppState>) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        state.cancel();
        Ok(())
    })
}
