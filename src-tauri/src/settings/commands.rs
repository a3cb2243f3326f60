//! Tauri commands for the PPG's settings.

use std::path::PathBuf;

use tauri::ipc::Response;
use tauri::State;

use super::Settings;
use crate::error::{Error, Result};
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

/// The logo as PNG bytes for the settings screen, or nothing.
#[tauri::command]
pub fn get_logo(state: State<'_, AppState>) -> Result<Response> {
    Ok(Response::new(state.read(super::load_logo)?.unwrap_or_default()))
}

#[tauri::command]
pub fn set_logo(state: State<'_, AppState>, path: PathBuf) -> Result<()> {
    let bytes = std::fs::read(&path).map_err(|_| Error::invalid("logo", "That picture could not be opened."))?;
    let png = super::logo::prepare(&bytes)?;
    let now = crate::stamp(state.now());
    state.write(&[Topic::Settings], |tx| super::save_logo(tx, Some(&png), &now))
}

#[tauri::command]
pub fn clear_logo(state: State<'_, AppState>) -> Result<()> {
    let now = crate::stamp(state.now());
    state.write(&[Topic::Settings], |tx| super::save_logo(tx, None, &now))
}
