//! Tauri command for the home dashboard.

use tauri::State;

use super::Dashboard;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub fn get_dashboard(state: State<'_, AppState>) -> Result<Dashboard> {
    let today = state.today();
    state.read(|conn| super::dashboard(conn, today))
}
