//! Tauri command for the home dashboard.

use tauri::State;

use super::Dashboard;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_dashboard(state: State<'_, AppState>) -> Result<Dashboard> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| super::dashboard(conn, today))
    })
}
