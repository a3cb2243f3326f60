//! Tauri commands for starting up: what to show first, the sample PPG, and recovery.

use tauri::{Runtime, State, WebviewWindow};

use ppg_desk_core::error::Result;
use ppg_desk_core::startup::FirstScreen;
use ppg_desk_core::state::AppState;

/// The first screen's data in one call (how the data opened, settings, Home's cards).
#[tauri::command(async)]
pub fn get_first_screen(state: State<'_, AppState>) -> Result<FirstScreen> {
    ppg_desk_core::state::guard(move || ppg_desk_core::startup::first_screen(&state))
}

/// The first screen is drawn: the window, hidden until now so that nobody sees it blank,
/// is shown.
#[tauri::command(async)]
pub fn show_window<R: Runtime>(window: WebviewWindow<R>) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        crate::show(&window);
        Ok(())
    })
}

/// The first screen has been painted. Only a measurement asks to hear it: with
/// `PPG_DESK_PAINTED_MARK` set to a file, the moment is written there (README, "Budgets").
#[tauri::command(async)]
pub fn first_screen_painted() -> Result<()> {
    ppg_desk_core::state::guard(move || {
        if let Some(mark) = std::env::var_os("PPG_DESK_PAINTED_MARK") {
            let _ = std::fs::write(mark, "painted\n");
        }
        Ok(())
    })
}

/// Opens the sample PPG in a folder of its own (see `startup::explore_sample`).
#[tauri::command(async)]
pub fn load_sample_data(state: State<'_, AppState>) -> Result<()> {
    ppg_desk_core::state::guard(move || ppg_desk_core::startup::explore_sample(&state))
}

/// Deletes the sample PPG and opens the person's own, ready to be set up.
#[tauri::command(async)]
pub fn leave_sample(state: State<'_, AppState>) -> Result<()> {
    ppg_desk_core::state::guard(move || ppg_desk_core::startup::leave_sample(&state))
}

#[tauri::command(async)]
pub fn recover_from_latest_backup(state: State<'_, AppState>) -> Result<()> {
    ppg_desk_core::state::guard(move || state.recover_from_latest_backup())
}
