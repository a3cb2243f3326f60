//! Tauri commands for the PPG's own surveys: building them, typing the paper forms back in,
//! their results, the spreadsheet, and written answers made into feedback.

use tauri::State;

use crate::commands::dialogs::ChosenFile;

use ppg_desk_core::error::Result;
use ppg_desk_core::feedback::FeedbackInput;
use ppg_desk_core::state::AppState;
use ppg_desk_core::surveys::entry::{self, PaperForm, TypedAnswer};
use ppg_desk_core::surveys::results::{self, SurveyResults};
use ppg_desk_core::surveys::{self, Survey, SurveyInput};

/// Every survey, newest first, with its questions and how many forms are typed in.
#[tauri::command(async)]
pub fn list_surveys(state: State<'_, AppState>) -> Result<Vec<Survey>> {
    ppg_desk_core::state::guard(move || state.read(surveys::list))
}

/// Saves a survey (new when `id` is null); returns its id.
#[tauri::command(async)]
pub fn save_survey(state: State<'_, AppState>, id: Option<i64>, input: SurveyInput) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let checked = input.checked()?;
        let now = state.stamp();
        state.write(|tx| surveys::save(tx, id, &checked, &now))
    })
}

/// Deletes a survey and every form typed in for it.
#[tauri::command(async)]
pub fn delete_survey(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| surveys::delete(tx, id)))
}

/// Saves one paper form typed in; returns its form number.
#[tauri::command(async)]
pub fn add_survey_form(state: State<'_, AppState>, survey_id: i64, answers: Vec<TypedAnswer>) -> Result<u32> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            let survey = surveys::get(tx, survey_id)?;
            entry::add_form(tx, &survey, &answers, &now)
        })
    })
}

/// The forms typed in for a survey, newest first.
#[tauri::command(async)]
pub fn survey_forms(state: State<'_, AppState>, survey_id: i64) -> Result<Vec<PaperForm>> {
    ppg_desk_core::state::guard(move || state.read(|conn| entry::forms(conn, &surveys::get(conn, survey_id)?)))
}

/// Deletes one form typed in.
#[tauri::command(async)]
pub fn delete_survey_form(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| entry::delete_form(tx, id)))
}

/// A survey's results, question by question.
#[tauri::command(async)]
pub fn survey_results(state: State<'_, AppState>, survey_id: i64) -> Result<SurveyResults> {
    ppg_desk_core::state::guard(move || state.read(|conn| results::results(conn, survey_id)))
}

/// Writes the answers as a spreadsheet (CSV) where the volunteer chose; returns the forms.
#[tauri::command(async)]
pub fn save_survey_csv(state: State<'_, AppState>, survey_id: i64, path: ChosenFile) -> Result<u32> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let (text, count) = state.read(|conn| results::spreadsheet(conn, survey_id))?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())?;
        Ok(count)
    })
}

/// Logs the words written on one form as feedback (as the form checked them).
#[tauri::command(async)]
pub fn survey_answer_to_feedback(
    state: State<'_, AppState>,
    response_id: i64,
    question_id: i64,
    input: FeedbackInput,
) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let checked = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| results::to_feedback(tx, response_id, question_id, &checked, &now))
    })
}
