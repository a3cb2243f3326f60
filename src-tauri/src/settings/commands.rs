//! Tauri commands for the PPG's settings.

use tauri::State;

use super::Settings;
use crate::error::Result;
use crate::state::{AppState, Topic};

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<Option<Settings>> {
    state.read(super::load)
}

#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    let settings = settings.checked()?;
    let now = crate::stamp(state.now());
    state.write(&[Topic::Settings], |tx| super::save(tx, &settings, &now))?;
    Ok(settings)
}
