//! What the directory screen shows, built from the rules and the store: the entries a
//! filter lets through, with what the filters offer and how many are due for checking.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{Category, DirectoryFilter, Entry};
use crate::error::Result;

/// What the directory screen shows: the entries the filter lets through, and what the
/// filters offer.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DirectoryList {
    pub entries: Vec<Entry>,
    /// How many entries the whole directory has.
    #[ts(type = "number")]
    pub total: usize,
    /// How many are due for checking.
    #[ts(type = "number")]
    pub due_for_checking: usize,
    pub categories: Vec<Category>,
    pub areas: Vec<String>,
    #[ts(type = "number")]
    pub check_months: u32,
}

/// The directory screen for `filter` as of `today`.
pub fn list(conn: &Connection, filter: &DirectoryFilter, today: NaiveDate) -> Result<DirectoryList> {
    let due = DirectoryFilter { due_for_checking: true, ..Default::default() };
    Ok(DirectoryList {
        entries: super::list(conn, filter, today)?,
        total: super::sql::count(conn)?,
        due_for_checking: super::list(conn, &due, today)?.len(),
        categories: super::categories(conn)?,
        areas: super::areas(conn)?,
        check_months: crate::settings::load(conn)?.map(|s| s.directory_check_months).unwrap_or(12),
    })
}
