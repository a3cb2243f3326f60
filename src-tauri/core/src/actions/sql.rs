//! The only SQL of the actions feature.

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::ActionQuery;
use super::{Action, ActionStatus, ActionUpdate, CheckedAction};
use crate::error::{Error, Result};

// Owners come as "id:name" pairs joined by the unit separator, in name order.
const SELECT: &str = "SELECT a.id, a.title, a.detail, a.due_on, a.status, a.meeting_id, a.agenda_item_id, a.created_on,
        coalesce((SELECT group_concat(owner, char(31)) FROM (SELECT o.person_id || ':' || p.full_name AS owner
                  FROM action_owners o JOIN people p ON p.id = o.person_id WHERE o.action_id = a.id ORDER BY p.full_name)), '') AS owners,
        a.outside_owner, a.dropped_reason, a.completed_on,
        (SELECT m.meets_on FROM meetings m WHERE m.id = a.meeting_id) AS meeting_on,
        (SELECT u.text FROM action_updates u WHERE u.action_id = a.id ORDER BY u.made_on DESC, u.id DESC LIMIT 1) AS latest_update
    FROM actions a";

fn from_row(row: &Row) -> rusqlite::Result<Action> {
    let owners: String = row.get("owners")?;
    let (owner_ids, owner_names) = owners
        .split('\u{1f}')
        .filter_map(|pair| pair.split_once(':'))
        .filter_map(|(id, name)| Some((id.parse::<i64>().ok()?, name.to_string())))
        .unzip();
    Ok(Action {
        id: row.get("id")?,
        title: row.get("title")?,
        detail: row.get("detail")?,
        due_on: row.get("due_on")?,
        status: row.get::<_, ActionStatus>("status")?,
        meeting_id: row.get("meeting_id")?,
        agenda_item_id: row.get("agenda_item_id")?,
        created_on: row.get("created_on")?,
        owner_ids,
        owner_names,
        outside_owner: row.get("outside_owner")?,
        dropped_reason: row.get("dropped_reason")?,
        completed_on: row.get("completed_on")?,
        meeting_on: row.get("meeting_on")?,
        latest_update: row.get("latest_update")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Action> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound("That action is no longer in PPG Desk."))
}

/// The actions agreed at a meeting, in agenda order.
pub fn for_meeting(conn: &Connection, meeting_id: i64) -> Result<Vec<Action>> {
    let sql = format!("{SELECT} LEFT JOIN agenda_items i ON i.id = a.agenda_item_id WHERE a.meeting_id = ?1 ORDER BY i.position, i.id, a.id");
    let mut stmt = conn.prepare(&sql)?;
    let actions = stmt.query_map([meeting_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(actions)
}

/// The WHERE clause of a query and the values it binds: every condition must hold.
fn conditions(q: &ActionQuery) -> (String, Vec<String>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    // Every "?" in `sql` reads the one value.
    let mut bind = |sql: &str, value: String| {
        values.push(value);
        conditions.push(sql.replace('?', &format!("?{}", values.len())));
    };
    if let Some(d) = q.due_from {
        bind("a.due_on >= ?", d.to_string());
    }
    if let Some(d) = q.due_to {
        bind("a.due_on <= ?", d.to_string());
    }
    if let Some(d) = q.completed_from {
        bind("a.completed_on >= ?", d.to_string());
    }
    if let Some(d) = q.completed_to {
        bind("a.completed_on <= ?", d.to_string());
    }
    if let Some(owner) = q.owner_id {
        bind("EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = a.id AND o.person_id = ?)", owner.to_string());
    }
    if let Some(meeting) = q.meeting_id {
        bind("a.meeting_id = ?", meeting.to_string());
    }
    if !q.search.is_empty() {
        let pattern = crate::db::contains_pattern(&q.search);
        bind(
            "(a.title LIKE ? ESCAPE '\\' OR a.detail LIKE ? ESCAPE '\\' OR a.outside_owner LIKE ? ESCAPE '\\')",
            pattern,
        );
    }
    if !q.statuses.is_empty() {
        let keys: Vec<&str> = q.statuses.iter().map(|s| s.key()).collect();
        conditions.push(format!("a.status IN ('{}')", keys.join("', '")));
    }
    let clause = if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) };
    (clause, values)
}

/// The actions a query asks for, soonest due first (no date last), at most `q.limit`.
pub fn query(conn: &Connection, q: &ActionQuery) -> Result<Vec<Action>> {
    let (clause, values) = conditions(q);
    let sql = format!("{SELECT}{clause} ORDER BY a.due_on IS NULL, a.due_on, a.id LIMIT {}", q.limit.max(1));
    let mut stmt = conn.prepare(&sql)?;
    let actions = stmt.query_map(params_from_iter(values.iter()), from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(actions)
}

/// How many actions a query matches, ignoring its limit.
pub fn count(conn: &Connection, q: &ActionQuery) -> Result<u32> {
    let (clause, values) = conditions(q);
    Ok(conn
        .query_row(&format!("SELECT count(*) FROM actions a{clause}"), params_from_iter(values.iter()), |r| r.get(0))?)
}

/// Actions to review at a meeting on `meets_on` (id `meeting_id`): agreed before it and still
/// open, updated at it, or closed since the meeting before it. Each appears once.
pub fn for_review(conn: &Connection, meeting_id: i64, meets_on: &str) -> Result<Vec<Action>> {
    let sql = format!(
        "{SELECT} WHERE a.created_on < ?2 AND (a.meeting_id IS NULL OR a.meeting_id <> ?1)
           AND (a.status IN ('open', 'in_progress')
                OR EXISTS (SELECT 1 FROM action_updates u WHERE u.action_id = a.id AND u.meeting_id = ?1)
                OR (a.completed_on <= ?2
                    AND a.completed_on > coalesce((SELECT max(m.meets_on) FROM meetings m WHERE m.meets_on < ?2), '')))
         ORDER BY a.due_on IS NULL, a.due_on, a.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let actions = stmt.query_map(params![meeting_id, meets_on], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(actions)
}

pub fn insert(
    conn: &Connection,
    action: &CheckedAction,
    meeting_id: Option<i64>,
    agenda_item_id: Option<i64>,
    created_on: NaiveDate,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO actions (id, title, detail, outside_owner, due_on, meeting_id, agenda_item_id, created_on, created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![action.title, action.detail, action.outside_owner, action.due_on.map(|d| d.to_string()), meeting_id, agenda_item_id, created_on.to_string(), now],
    )?;
    let id = conn.last_insert_rowid();
    set_owners(conn, id, &action.owner_ids)?;
    Ok(id)
}

fn set_owners(conn: &Connection, id: i64, owners: &[i64]) -> Result<()> {
    conn.execute("DELETE FROM action_owners WHERE action_id = ?1", [id])?;
    for owner in owners {
        conn.execute("INSERT INTO action_owners (action_id, person_id) VALUES (?1, ?2)", params![id, owner])?;
    }
    Ok(())
}

pub fn update(conn: &Connection, id: i64, action: &CheckedAction, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE actions SET title = ?2, detail = ?3, outside_owner = ?4, due_on = ?5, updated_at = ?6 WHERE id = ?1",
        params![id, action.title, action.detail, action.outside_owner, action.due_on.map(|d| d.to_string()), now],
    )?;
    set_owners(conn, id, &action.owner_ids)
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM actions WHERE id = ?1", [id])?;
    Ok(())
}

pub fn set_status(
    conn: &Connection,
    id: i64,
    status: ActionStatus,
    completed_on: Option<NaiveDate>,
    dropped_reason: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE actions SET status = ?2, completed_on = ?3, dropped_reason = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, status.key(), completed_on.map(|d| d.to_string()), dropped_reason, now],
    )?;
    Ok(())
}

pub fn insert_update(
    conn: &Connection,
    id: i64,
    made_on: NaiveDate,
    text: &str,
    meeting_id: Option<i64>,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO action_updates (id, action_id, made_on, text, meeting_id, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5)",
        params![id, made_on.to_string(), text, meeting_id, now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// An action's progress log, oldest first.
pub fn updates(conn: &Connection, id: i64) -> Result<Vec<ActionUpdate>> {
    let mut stmt = conn.prepare(
        "SELECT id, made_on, text, meeting_id FROM action_updates WHERE action_id = ?1 ORDER BY made_on, id",
    )?;
    let rows = stmt
        .query_map([id], |row| {
            Ok(ActionUpdate {
                id: row.get("id")?,
                made_on: row.get("made_on")?,
                text: row.get("text")?,
                meeting_id: row.get("meeting_id")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The progress notes recorded at a meeting, by action.
pub fn updates_at_meeting(conn: &Connection, meeting_id: i64) -> Result<Vec<(i64, ActionUpdate)>> {
    let mut stmt = conn.prepare(
        "SELECT action_id, id, made_on, text, meeting_id FROM action_updates WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([meeting_id], |row| {
            Ok((
                row.get("action_id")?,
                ActionUpdate {
                    id: row.get("id")?,
                    made_on: row.get("made_on")?,
                    text: row.get("text")?,
                    meeting_id: row.get("meeting_id")?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
