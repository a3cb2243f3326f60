//! Tauri commands for the PPG's settings.

use tauri::ipc::Response;
use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::error::{Error, Result};
use ppg_desk_core::settings::Settings;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<Option<Settings>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::settings::load))
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    ppg_desk_core::state::guard(move || {
        let settings = settings.checked()?;
        let now = state.stamp();
        state.write(|tx| ppg_desk_core::settings::save(tx, &settings, &now))?;
        Ok(settings)
    })
}

/// The logo as PNG bytes for the settings screen, or nothing.
#[tauri::command(async)]
pub fn get_logo(state: State<'_, AppState>) -> Result<Response> {
    ppg_desk_core::state::guard(move || {
        Ok(Response::new(state.read(ppg_desk_core::settings::load_logo)?.unwrap_or_default()))
    })
}

#[tauri::command(async)]
pub fn set_logo(state: State<'_, AppState>, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let bytes = ppg_desk_core::files::read_capped(&path, "a picture", ppg_desk_core::picture::MAX_FILE_BYTES)
            .map_err(|e| Error::invalid("logo", e.to_string()))?;
        let png = ppg_desk_core::settings::logo::prepare(&bytes)?;
        let now = state.stamp();
        state.write(|tx| ppg_desk_core::settings::save_logo(tx, Some(&png), &now))
    })
}

#[tauri::command(async)]
pub fn clear_logo(state: State<'_, AppState>) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| ppg_desk_core::settings::save_logo(tx, None, &now))
    })
}
