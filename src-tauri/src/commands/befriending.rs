//! Tauri commands for the befriending scheme: thin adapters over `befriending`. Every write
//! touches the befriending topic (and people, when a befriender is added).

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::befriending::detail::{self, ReferralDetail};
use ppg_desk_core::befriending::matching::{self, Befriender, BefrienderInput, MatchSuggestion};
use ppg_desk_core::befriending::referrals::{self, ConsentInput, ContactHow, Referral, ReferralInput};
use ppg_desk_core::befriending::relationship::{self, LogInput, Occasion};
use ppg_desk_core::befriending::report::BefriendingReport;
use ppg_desk_core::befriending::retention;
use ppg_desk_core::befriending::rules::{CloseReason, Scores, Stage};
use ppg_desk_core::befriending::views::{self, ReferralBoard};
use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_referrals(state: State<'_, AppState>) -> Result<ReferralBoard> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::board(conn, today))
    })
}

#[tauri::command(async)]
pub fn get_referral(state: State<'_, AppState>, id: i64) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| detail::detail(conn, id, today))
    })
}

#[tauri::command(async)]
pub fn create_referral(state: State<'_, AppState>, input: ReferralInput) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        let referral = input.checked(today)?;
        state.write(|tx| {
            let id = ppg_desk_core::befriending::insert(tx, &referral, &now)?;
            detail::detail(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn update_referral(state: State<'_, AppState>, id: i64, input: ReferralInput) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        let referral = input.checked(today)?;
        state.write(|tx| {
            referrals::update(tx, id, &referral, &now)?;
            detail::detail(tx, id, today)
        })
    })
}

/// Runs `change` on referral `id` in one transaction and returns its record afterwards.
fn change(
    state: &AppState,
    id: i64,
    change: impl FnOnce(&rusqlite::Connection, chrono::NaiveDate, &str) -> Result<()>,
) -> Result<ReferralDetail> {
    let (today, now) = (state.today(), state.stamp());
    state.write(|tx| {
        change(tx, today, &now)?;
        detail::detail(tx, id, today)
    })
}

#[tauri::command(async)]
pub fn record_referral_consent(state: State<'_, AppState>, id: i64, input: ConsentInput) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| referrals::record_consent(tx, id, &input, today, now))
    })
}

#[tauri::command(async)]
pub fn move_referral(
    state: State<'_, AppState>,
    id: i64,
    to: Stage,
    close_reason: Option<CloseReason>,
) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| referrals::move_to(tx, id, to, close_reason, today, now))
    })
}

#[tauri::command(async)]
pub fn log_referral_contact(
    state: State<'_, AppState>,
    id: i64,
    on: String,
    how: Option<ContactHow>,
    notes: String,
) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| referrals::log_contact(tx, id, &on, how, &notes, today, now).map(|_| ()))
    })
}

#[tauri::command(async)]
pub fn suggest_befrienders(state: State<'_, AppState>, id: i64) -> Result<Vec<MatchSuggestion>> {
    ppg_desk_core::state::guard(move || state.read(|conn| matching::suggest(conn, id)))
}

#[tauri::command(async)]
pub fn match_befriender(state: State<'_, AppState>, id: i64, befriender_id: i64) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| matching::make_match(tx, id, befriender_id, today, now).map(|_| ()))
    })
}

#[tauri::command(async)]
pub fn record_first_meeting(state: State<'_, AppState>, id: i64, on: String) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| matching::first_meeting(tx, id, &on, today, now))
    })
}

#[tauri::command(async)]
pub fn log_befriending_contact(state: State<'_, AppState>, id: i64, input: LogInput) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| relationship::log(tx, id, &input, today, now).map(|_| ()))
    })
}

#[tauri::command(async)]
pub fn raise_concern(
    state: State<'_, AppState>,
    id: i64,
    log_id: Option<i64>,
    details: String,
) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| {
            relationship::raise_concern(tx, id, log_id, &details, today, now).map(|_| ())
        })
    })
}

#[tauri::command(async)]
pub fn pass_on_concern(
    state: State<'_, AppState>,
    id: i64,
    concern_id: i64,
    to: String,
    on: String,
) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, _| relationship::pass_on_concern(tx, concern_id, &to, &on, today))
    })
}

#[tauri::command(async)]
pub fn record_scores(
    state: State<'_, AppState>,
    id: i64,
    on: String,
    occasion: Occasion,
    scores: Scores,
) -> Result<ReferralDetail> {
    ppg_desk_core::state::guard(move || {
        change(&state, id, |tx, today, now| {
            relationship::record_scores(tx, id, &on, occasion, &scores, today, now).map(|_| ())
        })
    })
}

#[tauri::command(async)]
pub fn list_befrienders(state: State<'_, AppState>) -> Result<Vec<Befriender>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::befriending::befrienders))
}

#[tauri::command(async)]
pub fn create_befriender(state: State<'_, AppState>, input: BefrienderInput) -> Result<Befriender> {
    ppg_desk_core::state::guard(move || {
        let befriender = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            let id = ppg_desk_core::befriending::insert_befriender(tx, &befriender, &now)?;
            ppg_desk_core::befriending::get_befriender(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_befriender(state: State<'_, AppState>, id: i64, input: BefrienderInput) -> Result<Befriender> {
    ppg_desk_core::state::guard(move || {
        let befriender = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::befriending::update_befriender(tx, id, &befriender, &now)?;
            ppg_desk_core::befriending::get_befriender(tx, id)
        })
    })
}

/// On a laptop that does not hold the scheme, from the numbers its coordinator shares.
#[tauri::command(async)]
pub fn get_befriending_report(state: State<'_, AppState>, from: String, to: String) -> Result<BefriendingReport> {
    ppg_desk_core::state::guard(move || ppg_desk_core::sharing::befriending_report(&state, &from, &to))
}

/// Closed referrals kept longer than the PPG's retention period.
#[tauri::command(async)]
pub fn list_referrals_due_for_erasure(state: State<'_, AppState>) -> Result<Vec<Referral>> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| {
            let months = ppg_desk_core::settings::load(conn)?.unwrap_or_default().befriending_retention_months;
            retention::due_for_erasure(conn, months, today)
        })
    })
}

/// Erases a referral for good (keeping an anonymous line for reports), then flushes the
/// write-ahead log so no copy stays on disk.
#[tauri::command(async)]
pub fn erase_referral(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.erase(|tx| retention::erase(tx, id)))
}

/// Writes the person's whole record as JSON where the coordinator chose (subject access).
#[tauri::command(async)]
pub fn save_subject_access_json(state: State<'_, AppState>, id: i64, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let text = state.read(|conn| ppg_desk_core::befriending::subject_access_json(conn, id, today))?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())
    })
}
