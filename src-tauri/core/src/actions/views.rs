//! Which actions a list shows: all open, overdue, due in the next 14 days, done in a date
//! range, dropped, or everything; narrowed by owner, meeting and words. Filters combine and
//! the work is done by SQL on indexed columns, so lists stay quick with thousands of actions.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::ActionQuery;
use super::{due_soon_until, sql, timing, Action, ActionStatus, ActionUpdate, Timing};
use crate::check::Checker;
use crate::error::Result;

/// The most rows one list returns; the count says how many matched in all.
pub const LIST_LIMIT: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ActionView {
    Open,
    Overdue,
    DueSoon,
    Done,
    Dropped,
    All,
}

/// A list's filters as chosen on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionFilter {
    pub view: ActionView,
    #[ts(type = "number | null")]
    pub owner_id: Option<i64>,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    /// For done actions: completed on or after this day, as typed (may be empty).
    pub done_from: String,
    /// For done actions: completed on or before this day, as typed (may be empty).
    pub done_to: String,
    pub search: String,
}

impl ActionFilter {
    pub fn of(view: ActionView) -> Self {
        ActionFilter {
            view,
            owner_id: None,
            meeting_id: None,
            done_from: String::new(),
            done_to: String::new(),
            search: String::new(),
        }
    }
}

/// Turns the screen's filters into a query for `today`; bad dates are explained by field.
pub fn query_for(filter: &ActionFilter, today: NaiveDate) -> Result<ActionQuery> {
    let mut c = Checker::new();
    let done_from = if filter.done_from.trim().is_empty() { None } else { c.date("doneFrom", &filter.done_from) };
    let done_to = if filter.done_to.trim().is_empty() { None } else { c.date("doneTo", &filter.done_to) };
    if let (Some(from), Some(to)) = (done_from, done_to) {
        if to < from {
            c.fail("doneTo", "The end of the range is before its start.");
        }
    }
    c.finish()?;
    let open = vec![ActionStatus::Open, ActionStatus::InProgress];
    let mut q = ActionQuery {
        owner_id: filter.owner_id,
        meeting_id: filter.meeting_id,
        search: filter.search.trim().to_string(),
        limit: LIST_LIMIT,
        ..Default::default()
    };
    match filter.view {
        ActionView::Open => q.statuses = open,
        ActionView::Overdue => {
            q.statuses = open;
            q.due_to = today.pred_opt();
        }
        ActionView::DueSoon => {
            q.statuses = open;
            q.due_from = Some(today);
            q.due_to = Some(due_soon_until(today));
        }
        ActionView::Done => {
            q.statuses = vec![ActionStatus::Done];
            q.completed_from = done_from;
            q.completed_to = done_to;
        }
        ActionView::Dropped => q.statuses = vec![ActionStatus::Dropped],
        ActionView::All => {}
    }
    Ok(q)
}

/// An action as a list shows it: with how it stands against its due date today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionRow {
    pub action: Action,
    pub timing: Timing,
}

pub fn row(action: Action, today: NaiveDate) -> ActionRow {
    let timing = timing(action.status, action.due_date(), today);
    ActionRow { action, timing }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionList {
    pub rows: Vec<ActionRow>,
    /// How many matched in all (the list shows at most 500).
    pub total: u32,
}

pub fn list(conn: &Connection, filter: &ActionFilter, today: NaiveDate) -> Result<ActionList> {
    let q = query_for(filter, today)?;
    let rows = sql::query(conn, &q)?.into_iter().map(|a| row(a, today)).collect::<Vec<_>>();
    let total = if (rows.len() as u32) < q.limit { rows.len() as u32 } else { sql::count(conn, &q)? };
    Ok(ActionList { rows, total })
}

/// How many actions match a view (for dashboard cards).
pub fn count(conn: &Connection, view: ActionView, today: NaiveDate) -> Result<u32> {
    sql::count(conn, &query_for(&ActionFilter::of(view), today)?)
}

/// One action in a meeting's matters-arising review, with what was said about it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewLine {
    pub row: ActionRow,
    pub updates_here: Vec<ActionUpdate>,
}

/// The matters-arising review of a meeting: every action agreed earlier that is still open,
/// or was closed or updated at this meeting, once each.
pub fn review(conn: &Connection, meeting_id: i64, meets_on: &str, today: NaiveDate) -> Result<Vec<ReviewLine>> {
    let here = sql::updates_at_meeting(conn, meeting_id)?;
    Ok(sql::for_review(conn, meeting_id, meets_on)?
        .into_iter()
        .map(|action| {
            let updates_here = here.iter().filter(|(id, _)| *id == action.id).map(|(_, u)| u.clone()).collect();
            ReviewLine { row: row(action, today), updates_here }
        })
        .collect())
}

/// An action with its whole progress log, for its own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionDetail {
    pub row: ActionRow,
    pub updates: Vec<ActionUpdate>,
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> Result<ActionDetail> {
    Ok(ActionDetail { row: row(sql::get(conn, id)?, today), updates: sql::updates(conn, id)? })
}
