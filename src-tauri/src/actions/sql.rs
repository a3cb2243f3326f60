//! The only SQL of the actions feature.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{Action, ActionStatus, CheckedAction};
use crate::error::{Error, Result};

// Owners come as "id:name" pairs joined by the unit separator, in name order.
const SELECT: &str = "SELECT a.id, a.title, a.detail, a.due_on, a.status, a.meeting_id, a.agenda_item_id, a.created_on,
        coalesce((SELECT group_concat(owner, char(31)) FROM (SELECT o.person_id || ':' || p.full_name AS owner
                  FROM action_owners o JOIN people p ON p.id = o.person_id WHERE o.action_id = a.id ORDER BY p.full_name)), '')
    FROM actions a";

fn from_row(row: &Row) -> rusqlite::Result<Action> {
    let owners: String = row.get(8)?;
    let (owner_ids, owner_names) = owners
        .split('\u{1f}')
        .filter_map(|pair| pair.split_once(':'))
        .filter_map(|(id, name)| Some((id.parse::<i64>().ok()?, name.to_string())))
        .unzip();
    Ok(Action {
        id: row.get(0)?,
        title: row.get(1)?,
        detail: row.get(2)?,
        due_on: row.get(3)?,
        status: ActionStatus::from_key(&row.get::<_, String>(4)?).unwrap_or(ActionStatus::Open),
        meeting_id: row.get(5)?,
        agenda_item_id: row.get(6)?,
        created_on: row.get(7)?,
        owner_ids,
        owner_names,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Action> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound("That action is no longer in PPG Desk."))
}

/// The actions agreed at a meeting, in agenda order.
pub fn for_meeting(conn: &Connection, meeting_id: i64) -> Result<Vec<Action>> {
    let sql = format!("{SELECT} LEFT JOIN agenda_items i ON i.id = a.agenda_item_id WHERE a.meeting_id = ?1 ORDER BY i.position, a.id");
    let mut stmt = conn.prepare(&sql)?;
    let actions = stmt.query_map([meeting_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(actions)
}

pub fn insert(conn: &Connection, action: &CheckedAction, meeting_id: Option<i64>, agenda_item_id: Option<i64>, created_on: NaiveDate, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO actions (title, due_on, meeting_id, agenda_item_id, created_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![action.title, action.due_on.map(|d| d.to_string()), meeting_id, agenda_item_id, created_on.to_string(), now],
    )?;
    let id = conn.last_insert_rowid();
    for owner in &action.owner_ids {
        conn.execute("INSERT INTO action_owners (action_id, person_id) VALUES (?1, ?2)", params![id, owner])?;
    }
    Ok(id)
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM actions WHERE id = ?1", [id])?;
    Ok(())
}

pub fn set_status(conn: &Connection, id: i64, status: ActionStatus, completed_on: Option<NaiveDate>, dropped_reason: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE actions SET status = ?2, completed_on = ?3, dropped_reason = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, status.key(), completed_on.map(|d| d.to_string()), dropped_reason, now],
    )?;
    Ok(())
}
