//! Tauri commands for actions: thin adapters over `actions` and `actions::views`.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::actions::views::{self, ActionDetail, ActionFilter, ActionList};
use ppg_desk_core::actions::{ActionInput, ActionStatus};
use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_actions(state: State<'_, AppState>, filter: ActionFilter) -> Result<ActionList> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::list(conn, &filter, today))
    })
}

#[tauri::command(async)]
pub fn get_action(state: State<'_, AppState>, id: i64) -> Result<ActionDetail> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::detail(conn, id, today))
    })
}

#[tauri::command(async)]
pub fn create_action(state: State<'_, AppState>, input: ActionInput) -> Result<ActionDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        let action = input.checked(today)?;
        state.write(|tx| {
            let id = ppg_desk_core::actions::create(tx, &action, today, &now)?;
            views::detail(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn update_action(state: State<'_, AppState>, id: i64, input: ActionInput) -> Result<ActionDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            let agreed = ppg_desk_core::actions::get(tx, id)?.created_on;
            let agreed = chrono::NaiveDate::parse_from_str(&agreed, "%Y-%m-%d").unwrap_or(today);
            ppg_desk_core::actions::update(tx, id, &input.checked(agreed)?, &now)?;
            views::detail(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn set_action_status(
    state: State<'_, AppState>,
    id: i64,
    status: ActionStatus,
    reason: String,
) -> Result<ActionDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            ppg_desk_core::actions::set_status(tx, id, status, &reason, today, &now)?;
            views::detail(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn add_action_update(state: State<'_, AppState>, id: i64, text: String) -> Result<ActionDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            ppg_desk_core::actions::add_update(tx, id, &text, None, today, &now)?;
            views::detail(tx, id, today)
        })
    })
}

/// Writes the actions a filter shows (all of them, not only the first 500) as CSV.
#[tauri::command(async)]
pub fn save_actions_csv(state: State<'_, AppState>, filter: ActionFilter, path: ChosenFile) -> Result<u32> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let (text, count) = state.read(|conn| {
            let actions = ppg_desk_core::actions::all_matching(conn, &filter, today)?;
            Ok((ppg_desk_core::actions::csv::export(&actions)?, actions.len() as u32))
        })?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())?;
        Ok(count)
    })
}
