//! The Tauri command for finding anything: one search over the whole PPG.

use tauri::State;

use ppg_desk_core::error::Result;
use ppg_desk_core::search::{self, SearchQuery, SearchResults};
use ppg_desk_core::state::AppState;

/// The best records for what was typed (as the person types), best first.
#[tauri::command(async)]
pub fn search_everything(state: State<'_, AppState>, query: SearchQuery) -> Result<SearchResults> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        search::everything(&state, &query, today)
    })
}
