//! Actions: follow-ups agreed at meetings (or added directly), with their owners and due
//! dates. This module holds what an action is and how one is created from the minutes; the
//! tracker, views and reminders build on it.

mod sql;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;
pub use sql::{delete, for_meeting, get};

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

impl ActionStatus {
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Open, Self::InProgress, Self::Done, Self::Dropped].into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }
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
    pub due_on: Option<String>,
    pub status: ActionStatus,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    #[ts(type = "number | null")]
    pub agenda_item_id: Option<i64>,
    pub created_on: String,
}

/// An action as typed in the minutes: what, who, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionInput {
    pub title: String,
    #[ts(type = "number[]")]
    pub owner_ids: Vec<i64>,
    /// As typed ("8/1/2027"); empty for no due date.
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAction {
    pub title: String,
    pub owner_ids: Vec<i64>,
    pub due_on: Option<NaiveDate>,
}

impl ActionInput {
    /// Checks the action; `not_before` is the day it was agreed (a due date cannot come earlier).
    pub fn checked(&self, not_before: NaiveDate) -> Result<CheckedAction> {
        let mut c = Checker::new();
        let title = c.text("actionTitle", &self.title, 300, Some("Please say what needs doing."));
        let mut owner_ids = self.owner_ids.clone();
        owner_ids.sort_unstable();
        owner_ids.dedup();
        if owner_ids.is_empty() {
            c.fail("actionOwners", "Please choose who will do this.");
        }
        let due_on = if self.due_on.trim().is_empty() { None } else { c.date("actionDueOn", &self.due_on) };
        if due_on.is_some_and(|due| due < not_before) {
            c.fail("actionDueOn", "The due date is before the meeting that agreed it; please check it.");
        }
        c.finish()?;
        Ok(CheckedAction { title, owner_ids, due_on })
    }
}

/// Records an action agreed under an agenda item of a meeting.
pub fn create_from_minutes(conn: &Connection, action: &CheckedAction, meeting_id: i64, agenda_item_id: i64, created_on: NaiveDate, now: &str) -> Result<i64> {
    sql::insert(conn, action, Some(meeting_id), Some(agenda_item_id), created_on, now)
}

/// Marks an action done on `on`.
pub fn mark_done(conn: &Connection, id: i64, on: NaiveDate, now: &str) -> Result<()> {
    sql::set_status(conn, id, ActionStatus::Done, Some(on), "", now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn an_action_needs_what_and_who_and_a_due_date_not_before_the_meeting() {
        let input = ActionInput { title: "Ask about the flu clinic".into(), owner_ids: vec![3, 3, 1], due_on: "15/12/2026".into() };
        let checked = input.checked(day(8)).unwrap();
        assert_eq!(checked.owner_ids, vec![1, 3]);
        assert_eq!(checked.due_on, Some(day(15)));
        let Err(crate::error::Error::Invalid(fields)) = ActionInput { title: " ".into(), owner_ids: vec![], due_on: "1/12/2026".into() }.checked(day(8)) else {
            panic!("expected invalid")
        };
        let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(named, vec!["actionTitle", "actionOwners", "actionDueOn"]);
    }
}
