//! Tauri command for the home dashboard.

use tauri::State;

use ppg_desk_core::dashboard::Dashboard;
use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn get_dashboard(state: State<'_, AppState>) -> Result<Dashboard> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| ppg_desk_core::dashboard::dashboard(conn, today))
    })
}
