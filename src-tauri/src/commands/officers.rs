//! Tauri commands for officer posts and their terms.

use tauri::State;

use ppg_desk_core::error::Result;
use ppg_desk_core::officers::{self, Post, PostInput};
use ppg_desk_core::state::AppState;

/// Every officer post with whoever holds it today.
#[tauri::command(async)]
pub fn list_officer_posts(state: State<'_, AppState>) -> Result<Vec<Post>> {
    ppg_desk_core::state::guard(move || state.read(|conn| officers::posts(conn, state.today())))
}

/// Appoints someone to a post from the day typed ("1/4/2027"), for the post's term.
#[tauri::command(async)]
pub fn appoint_officer(state: State<'_, AppState>, post_id: i64, person_id: i64, from_on: String) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let mut c = ppg_desk_core::check::Checker::new();
        let from = c.date("fromOn", &from_on);
        if from.is_none() && !c.has_error("fromOn") {
            c.fail("fromOn", "Please give the day they take up the post, for example 1/4/2027.");
        }
        c.finish()?;
        let from = from.unwrap_or_else(|| state.today());
        state.write(|tx| officers::appoint(tx, post_id, person_id, from))
    })
}

/// The holder of a post stands down today; the post is then empty.
#[tauri::command(async)]
pub fn stand_down_officer(state: State<'_, AppState>, post_id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.write(|tx| officers::stand_down(tx, post_id, today))
    })
}

/// Adds a post (or renames one, or changes its term length).
#[tauri::command(async)]
pub fn save_officer_post(state: State<'_, AppState>, input: PostInput) -> Result<i64> {
    ppg_desk_core::state::guard(move || state.write(|tx| officers::save_post(tx, &input)))
}

/// The nominations at an AGM, by post.
#[tauri::command(async)]
pub fn agm_nominations(state: State<'_, AppState>, meeting_id: i64) -> Result<Vec<officers::agm::Nomination>> {
    ppg_desk_core::state::guard(move || state.read(|conn| officers::agm::nominations(conn, meeting_id)))
}

/// Records a nomination at an AGM.
#[tauri::command(async)]
pub fn nominate_officer(
    state: State<'_, AppState>,
    meeting_id: i64,
    input: officers::agm::NominationInput,
) -> Result<i64> {
    ppg_desk_core::state::guard(move || state.write(|tx| officers::agm::nominate(tx, meeting_id, &input)))
}

/// Records who was elected: they hold the post from the day after the AGM.
#[tauri::command(async)]
pub fn elect_officer(state: State<'_, AppState>, nomination_id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| officers::agm::elect(tx, nomination_id)))
}

/// Takes a nomination back (withdrawn, or typed by mistake).
#[tauri::command(async)]
pub fn withdraw_nomination(state: State<'_, AppState>, nomination_id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| officers::agm::withdraw(tx, nomination_id)))
}

/// Every version of the terms of reference, the one in force first.
#[tauri::command(async)]
pub fn terms_versions(state: State<'_, AppState>) -> Result<Vec<officers::terms::TermsVersion>> {
    ppg_desk_core::state::guard(move || state.read(officers::terms::versions))
}

/// Keeps a new version of the terms of reference (earlier ones stay).
#[tauri::command(async)]
pub fn save_terms_version(state: State<'_, AppState>, input: officers::terms::TermsInput) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| officers::terms::save_version(tx, &input, &now))
    })
}
