//! Tauri commands for starting up: what to show first, the sample PPG, and recovery.

use tauri::State;

use super::Startup;
use crate::error::Result;
use crate::state::{AppState, Topic};

#[tauri::command(async)]
pub fn get_startup(state: State<'_, AppState>) -> Result<Startup> {
    crate::state::guard(move || {
        super::describe(&state)
    })
}

#[tauri::command(async)]
pub fn load_sample_data(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || {
        let (today, now) = (state.today(), crate::stamp(state.now()));
        state.write(&[Topic::Settings, Topic::People], |tx| crate::sample::load(tx, today, &now))
    })
}

#[tauri::command(async)]
pub fn recover_from_latest_backup(state: State<'_, AppState>) -> Result<()> {
    crate::state::guard(move || {
        state.recover_from_latest_backup()
    })
}
