//! Tauri commands for whom the PPG speaks for: members' equality answers, the practice's
//! patients by group, the comparison and the recruitment log.

use tauri::State;

use crate::commands::dialogs::ChosenFile;

use ppg_desk_core::csvfile::ImportReport;
use ppg_desk_core::error::Result;
use ppg_desk_core::membership::{self, Dimension, MemberProfile, MembershipPage, Recruitment};
use ppg_desk_core::state::AppState;

/// Members beside the practice's patients, the practice's figures and the recruitment log.
#[tauri::command(async)]
pub fn membership_page(state: State<'_, AppState>) -> Result<MembershipPage> {
    ppg_desk_core::state::guard(move || state.read(|conn| membership::page(conn, state.today())))
}

/// One person's equality answers, if they gave any.
#[tauri::command(async)]
pub fn member_profile(state: State<'_, AppState>, person_id: i64) -> Result<Option<MemberProfile>> {
    ppg_desk_core::state::guard(move || state.read(|conn| membership::profile(conn, person_id)))
}

/// Saves a person's equality answers (with the date they agreed to give them).
#[tauri::command(async)]
pub fn save_member_profile(state: State<'_, AppState>, profile: MemberProfile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let checked = profile.checked(state.today())?;
        state.write(|tx| membership::save_profile(tx, &checked))
    })
}

/// Takes a person's equality answers away (they withdrew their consent), for good.
#[tauri::command(async)]
pub fn remove_member_profile(state: State<'_, AppState>, person_id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.erase(|tx| membership::remove_profile(tx, person_id)))
}

/// Saves the practice's patients in each group of one dimension, as typed.
#[tauri::command(async)]
pub fn save_practice_groups(
    state: State<'_, AppState>,
    dimension: Dimension,
    groups: Vec<(String, u32)>,
) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.write(|tx| membership::save_practice(tx, dimension, &groups, today, "Typed in"))
    })
}

/// Reads NHS Digital's "Patients Registered at a GP Practice" file for one practice.
#[tauri::command(async)]
pub fn import_practice_csv(state: State<'_, AppState>, path: ChosenFile, code: String) -> Result<ImportReport> {
    ppg_desk_core::state::guard(move || {
        let text = ppg_desk_core::csvfile::read_text(&path.0, "NHS Digital's list of registered patients")?;
        let today = state.today();
        state.write(|tx| membership::import_practice(tx, &text, &code, today))
    })
}

/// Saves an entry of the recruitment log (new when its id is null); returns its id.
#[tauri::command(async)]
pub fn save_recruitment(state: State<'_, AppState>, entry: Recruitment) -> Result<i64> {
    ppg_desk_core::state::guard(move || {
        let checked = entry.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| membership::save_recruitment(tx, &checked, &now))
    })
}

/// Deletes an entry of the recruitment log.
#[tauri::command(async)]
pub fn delete_recruitment(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| membership::delete_recruitment(tx, id)))
}
