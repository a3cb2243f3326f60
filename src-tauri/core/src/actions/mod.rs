//! Actions: follow-ups agreed at meetings (or added directly), with owners (people, or
//! someone outside the PPG named in words), a due date, a status, and a dated progress log.
//! Rules and types here; which actions a view shows in `views.rs`; SQL in `sql.rs`; CSV in
//! `csv.rs`.

pub mod csv;
mod sql;
pub mod views;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::{Error, Result};
pub use sql::{delete, for_meeting, get, updates};

/// Actions due within this many days (today included) are "due soon".
pub const DUE_SOON_DAYS: u64 = 14;

/// Where an action has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ActionStatus {
    Open,
    InProgress,
    Done,
    Dropped,
}

stored_as_key!(ActionStatus);

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Dropped];

    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    /// Still to be done (open or in progress).
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// How an action stands against its due date today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Timing {
    /// Open, and the due date has passed.
    Overdue,
    /// Open, due today or within the next 14 days.
    DueSoon,
    /// Open, due later.
    Later,
    /// Open, with no due date.
    NoDate,
    /// Done or dropped.
    Closed,
}

/// The timing of an action with `status` due on `due_on`, seen on `today`.
pub fn timing(status: ActionStatus, due_on: Option<NaiveDate>, today: NaiveDate) -> Timing {
    if !status.is_open() {
        return Timing::Closed;
    }
    match due_on {
        None => Timing::NoDate,
        Some(due) if due < today => Timing::Overdue,
        Some(due) if due <= due_soon_until(today) => Timing::DueSoon,
        Some(_) => Timing::Later,
    }
}

/// The last day that counts as "due soon" on `today`.
pub fn due_soon_until(today: NaiveDate) -> NaiveDate {
    today.checked_add_days(Days::new(DUE_SOON_DAYS)).unwrap_or(today)
}

/// An action with its owners' names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Action {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub detail: String,
    #[ts(type = "number[]")]
    pub owner_ids: Vec<i64>,
    pub owner_names: Vec<String>,
    /// Someone outside the PPG who owns it, in words ("Practice manager").
    pub outside_owner: String,
    pub due_on: Option<String>,
    pub status: ActionStatus,
    pub dropped_reason: String,
    pub completed_on: Option<String>,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    /// The date of the meeting it came from.
    pub meeting_on: Option<String>,
    #[ts(type = "number | null")]
    pub agenda_item_id: Option<i64>,
    pub created_on: String,
    /// The newest progress note, if any.
    pub latest_update: Option<String>,
}

impl Action {
    /// Everyone who owns it, people first: "Aisha Begum, Practice manager".
    pub fn owners_text(&self) -> String {
        let mut all = self.owner_names.clone();
        if !self.outside_owner.is_empty() {
            all.push(self.outside_owner.clone());
        }
        if all.is_empty() {
            "Nobody yet".into()
        } else {
            all.join(", ")
        }
    }

    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due_on.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }
}

/// An action as typed: what, who, by when (and, when edited on its own, more detail).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ActionInput {
    pub title: String,
    pub detail: String,
    #[ts(type = "number[]")]
    pub owner_ids: Vec<i64>,
    pub outside_owner: String,
    /// As typed ("8/1/2027"); empty for no due date.
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAction {
    pub title: String,
    pub detail: String,
    pub owner_ids: Vec<i64>,
    pub outside_owner: String,
    pub due_on: Option<NaiveDate>,
}

impl ActionInput {
    /// Checks the action; `not_before` is the day it was agreed (a due date cannot come earlier).
    pub fn checked(&self, not_before: NaiveDate) -> Result<CheckedAction> {
        let mut c = Checker::new();
        let title = c.text("actionTitle", &self.title, 300, Some("Please say what needs doing."));
        let detail = c.text("actionDetail", &self.detail, 5000, None);
        let outside_owner = c.text("outsideOwner", &self.outside_owner, 200, None);
        let mut owner_ids = self.owner_ids.clone();
        owner_ids.sort_unstable();
        owner_ids.dedup();
        if owner_ids.is_empty() && outside_owner.is_empty() {
            c.fail("actionOwners", "Please choose who will do this.");
        }
        let due_on = if self.due_on.trim().is_empty() { None } else { c.date("actionDueOn", &self.due_on) };
        if due_on.is_some_and(|due| due < not_before) {
            c.fail("actionDueOn", "The due date is before the day the action was agreed; please check it.");
        }
        c.finish()?;
        Ok(CheckedAction { title, detail, owner_ids, outside_owner, due_on })
    }
}

/// Records an action agreed under an agenda item of a meeting.
pub fn create_from_minutes(
    conn: &Connection,
    action: &CheckedAction,
    meeting_id: i64,
    agenda_item_id: i64,
    created_on: NaiveDate,
    now: &str,
) -> Result<i64> {
    sql::insert(conn, action, Some(meeting_id), Some(agenda_item_id), created_on, now)
}

/// Records an action added on its own, not in a meeting's minutes.
pub fn create(conn: &Connection, action: &CheckedAction, today: NaiveDate, now: &str) -> Result<i64> {
    sql::insert(conn, action, None, None, today, now)
}

pub fn update(conn: &Connection, id: i64, action: &CheckedAction, now: &str) -> Result<()> {
    get(conn, id)?;
    sql::update(conn, id, action, now)
}

/// Moves an action on. Done records today as its completion date; dropping needs a reason;
/// reopening clears both.
pub fn set_status(
    conn: &Connection,
    id: i64,
    status: ActionStatus,
    reason: &str,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    get(conn, id)?;
    let reason = reason.trim();
    match status {
        ActionStatus::Dropped if reason.is_empty() => {
            Err(Error::invalid("droppedReason", "Please say why this action is being dropped."))
        }
        ActionStatus::Dropped if reason.chars().count() > 1000 => {
            Err(Error::invalid("droppedReason", "Please keep the reason under 1,000 characters."))
        }
        ActionStatus::Dropped => sql::set_status(conn, id, status, None, reason, now),
        ActionStatus::Done => sql::set_status(conn, id, status, Some(today), "", now),
        ActionStatus::Open | ActionStatus::InProgress => sql::set_status(conn, id, status, None, "", now),
    }
}

/// Marks an action done on `on`.
pub fn mark_done(conn: &Connection, id: i64, on: NaiveDate, now: &str) -> Result<()> {
    sql::set_status(conn, id, ActionStatus::Done, Some(on), "", now)
}

/// At a meeting's matters-arising review, dated `on`: records what was said and, if asked,
/// closes the action (a closed action with nothing said gets "Done." or the reason it was
/// dropped, so the meeting's record shows what happened). Whether the meeting's record may
/// still change is the meeting's to say (`meetings::record::review_action`; a SQL trigger
/// refuses it on any other path).
#[allow(clippy::too_many_arguments)]
pub fn record_review(
    conn: &Connection,
    id: i64,
    meeting_id: i64,
    on: NaiveDate,
    said: &str,
    status: Option<ActionStatus>,
    reason: &str,
    now: &str,
) -> Result<()> {
    if let Some(status) = status {
        set_status(conn, id, status, reason, on, now)?;
    }
    let note = match (said.trim(), status) {
        ("", Some(ActionStatus::Done)) => "Done.".to_string(),
        ("", Some(ActionStatus::Dropped)) => format!("Dropped: {}", reason.trim()),
        (said, _) => said.to_string(),
    };
    if !note.is_empty() {
        add_update(conn, id, &note, Some(meeting_id), on, now)?;
    }
    Ok(())
}

/// Every action a filter matches, with no limit (for export and printing).
pub fn all_matching(conn: &Connection, filter: &views::ActionFilter, today: NaiveDate) -> Result<Vec<Action>> {
    let mut q = views::query_for(filter, today)?;
    q.limit = u32::MAX;
    sql::query(conn, &q)
}

/// A dated note of progress on an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionUpdate {
    #[ts(type = "number")]
    pub id: i64,
    pub made_on: String,
    pub text: String,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
}

/// Adds a progress note dated today (at a meeting's review, `meeting_id` says which).
pub fn add_update(
    conn: &Connection,
    id: i64,
    text: &str,
    meeting_id: Option<i64>,
    today: NaiveDate,
    now: &str,
) -> Result<i64> {
    get(conn, id)?;
    let mut c = Checker::new();
    let text = c.text("update", text, 2000, Some("Please write what has happened."));
    c.finish()?;
    sql::insert_update(conn, id, today, &text, meeting_id, now)
}

#[cfg(test)]
mod tests;

// The query the list screen sends, here beside the other types so `sql.rs` imports only types.

/// What SQL is asked for, with dates worked out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionQuery {
    pub statuses: Vec<ActionStatus>,
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
    pub completed_from: Option<NaiveDate>,
    pub completed_to: Option<NaiveDate>,
    pub owner_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub search: String,
    pub limit: u32,
}
