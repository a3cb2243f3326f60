//! Tauri commands for what patients told the PPG and the improvements answering it.

use tauri::State;

use crate::commands::dialogs::ChosenFile;

use ppg_desk_core::error::Result;
use ppg_desk_core::feedback::{self, AgreeInput, FeedbackInput, FeedbackPage};
use ppg_desk_core::state::AppState;

/// The feedback log, its themes, the last twelve months counted, and the improvements.
#[tauri::command(async)]
pub fn feedback_page(state: State<'_, AppState>) -> Result<FeedbackPage> {
    ppg_desk_core::state::guard(move || state.read(|conn| feedback::page(conn, state.today())))
}

/// Saves what patients said (new when `id` is null); returns its id.
#[tauri::command(async)]
pub fn save_feedback(state: State<'_, AppState>, id: Option<i64>, input: FeedbackInput) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let checked = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| match id {
            Some(id) => feedback::update(tx, id, &checked).map(|_| id),
            None => feedback::add(tx, &checked, &now),
        })
    })
}

/// Deletes one item of feedback (an improvement answering it stays, as an action).
#[tauri::command(async)]
pub fn delete_feedback(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| feedback::delete(tx, id)))
}

/// Adds a theme (`id` null) or renames one.
#[tauri::command(async)]
pub fn save_feedback_theme(state: State<'_, AppState>, id: Option<i64>, name: String) -> Result<i64> {
    ppg_desk_core::state::guard(move || state.write(|tx| feedback::save_theme(tx, id, &name)))
}

/// Removes a theme no feedback is sorted under.
#[tauri::command(async)]
pub fn delete_feedback_theme(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| feedback::delete_theme(tx, id)))
}

/// Agrees an improvement with the practice: an action linked to the feedback it answers.
#[tauri::command(async)]
pub fn agree_improvement(state: State<'_, AppState>, input: AgreeInput) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| feedback::agree(tx, &input, today, &now))
    })
}

/// Marks an improvement done today, with what changed in words for patients.
#[tauri::command(async)]
pub fn finish_improvement(state: State<'_, AppState>, action_id: i64, outcome: String) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| feedback::finish(tx, action_id, &outcome, today, &now))
    })
}

/// This PPG year and the two before it, with their names ("April 2026 to March 2027").
#[tauri::command(async)]
pub fn annual_report_years(state: State<'_, AppState>) -> Result<Vec<ppg_desk_core::year::ReportYear>> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::year::report_years(conn, state.today())))
}

/// The chair's foreword and the sections left out of one year's annual report.
#[tauri::command(async)]
pub fn annual_report_choices(state: State<'_, AppState>, year: i32) -> Result<ppg_desk_core::year::ReportChoices> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::year::choices(conn, year)))
}

/// Saves the foreword (autosaved as it is typed) and the sections left out.
#[tauri::command(async)]
pub fn save_annual_report_choices(
    state: State<'_, AppState>,
    choices: ppg_desk_core::year::ReportChoices,
) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| ppg_desk_core::year::save_choices(tx, &choices, &now))
    })
}

/// The Friends and Family Test months kept, oldest first.
#[tauri::command(async)]
pub fn fft_months(state: State<'_, AppState>) -> Result<Vec<ppg_desk_core::feedback::fft::FftMonth>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::feedback::fft::months))
}

/// Reads NHS England's Friends and Family Test file (XLSX or CSV) for one practice and month.
#[tauri::command(async)]
pub fn import_fft(
    state: State<'_, AppState>,
    path: ChosenFile,
    code: String,
    month: String,
) -> Result<ppg_desk_core::csvfile::ImportReport> {
    ppg_desk_core::state::guard(move || {
        let bytes = ppg_desk_core::files::read_capped(
            &path.0,
            "NHS England's Friends and Family Test results",
            20 * 1024 * 1024,
        )?;
        let now = state.stamp();
        state.write(|tx| ppg_desk_core::feedback::fft::import(tx, &bytes, &code, &month, &now))
    })
}
