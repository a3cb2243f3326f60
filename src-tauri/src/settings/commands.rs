//! Tauri commands for the PPG's settings.

use tauri::ipc::Response;
use tauri::State;

use super::Settings;
use crate::dialogs::commands::ChosenFile;
use crate::error::{Error, Result};
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<Option<Settings>> {
    crate::state::guard(move || state.read(super::load))
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    crate::state::guard(move || {
        let settings = settings.checked()?;
        let now = state.stamp();
        state.write(|tx| super::save(tx, &settings, &now))?;
        Ok(settings)
    })
}

/// The logo as PNG bytes for the settings screen, or nothing.
#[tauri::command(async)]
pub fn get_logo(state: State<'_, AppState>) -> Result<Response> {
    crate::state::guard(move || Ok(Response::new(state.read(super::load_logo)?.unwrap_or_default())))
}

#[tauri::command(async)]
pub fn set_logo(state: State<'_, AppState>, path: ChosenFile) -> Result<()> {
    crate::state::guard(move || {
        let path = path.0;
        let bytes = crate::files::read_capped(&path, "a picture", crate::picture::MAX_FILE_BYTES)
            .map_err(|e| Error::invalid("logo", e.to_string()))?;
        let png = super::logo::prepare(&bytes)?;
        let now = state.stamp();
        state.write(|tx| super::save_logo(tx, Some(&png), &now))
    })
}

#[tauri::command(async)]
pub fn clear_logo(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| super::save_logo(tx, None, &now))
    })
}
