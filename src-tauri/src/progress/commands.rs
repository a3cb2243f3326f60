//! Tauri command for the Cancel button beside a progress bar.

use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// Stops the long work under way (a print, an import); it rolls back and says so.
#[tauri::command(async)]
pub fn cancel_work(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || {
        state.cancel();
        Ok(())
    })
}
