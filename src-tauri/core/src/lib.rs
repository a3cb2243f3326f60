//! PPG Desk's core: the store, the rules of every feature, the documents and the print
//! engine, and the command-line actions. It knows nothing of the window (no Tauri, no GTK):
//! the window app (`src-tauri/src`) and the command line (`src-tauri/cli`) both stand on it.

#[macro_use]
mod keyed;

pub mod actions;
pub mod backups;
pub mod befriending;
pub mod bulletins;
pub mod calendar;
pub mod changes;
pub mod check;
pub mod cli;
pub mod cloud;
pub mod contacts;
pub mod csvfile;
pub mod dashboard;
pub mod db;
pub mod dialogs;
pub mod directory;
pub mod documents;
pub mod drivers;
pub mod email;
pub mod error;
pub mod feedback;
pub mod files;
pub mod languages;
pub mod locked_sql;
pub mod meetings;
pub mod membership;
pub mod officers;
pub mod outbox;
pub mod people;
pub mod picture;
pub mod print;
pub mod progress;
pub mod sample;
pub mod search;
pub mod security;
pub mod settings;
pub mod sharing;
pub mod startup;
pub mod state;
pub mod surveys;
pub mod words;
pub mod year;

use serde::Serialize;
use ts_rs::TS;

use crate::state::Topic;

/// The event every window listens to: which parts of the data changed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChangedEvent {
    pub topics: Vec<Topic>,
}

/// A tidy-up a feature asks for each time the data is opened (it must never stop PPG Desk
/// opening, so its failure is ignored and it simply runs again next time).
pub type TidyUp = fn(&rusqlite::Connection, chrono::NaiveDate) -> error::Result<usize>;

/// The features' tidy-ups, listed here at the top of the house (where the command index
/// names every feature too), so the store below runs them without naming any feature:
/// forgetting DBS certificate numbers and outcomes six months after the check.
pub const ON_OPEN: &[TidyUp] = &[drivers::forget_old_dbs_details, befriending::forget_old_dbs_references];

/// Makes a panic report only where it happened, never what it said: its message can quote the
/// text being worked on (a name, an address). Both programs call this first.
pub fn report_panics_without_their_text() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("PPG Desk hit an internal error{place}. Nothing half-done was saved.");
    }));
}
