//! The only SQL of the meetings feature.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{AgendaItem, CheckedMeeting, Meeting, MeetingKind, MeetingStatus, Purpose, Standing, TemplateItem};
use crate::error::{Error, Result};

const COLUMNS: &str =
    "id, kind, meets_on, starts_at, ends_at, venue, online_link, chair_id, minute_taker_id, status, approved_on, approved_at_meeting_id, approval_corrections";

fn from_row(row: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: row.get("id")?,
        kind: row.get::<_, MeetingKind>("kind")?,
        meets_on: row.get("meets_on")?,
        starts_at: row.get("starts_at")?,
        ends_at: row.get("ends_at")?,
        venue: row.get("venue")?,
        online_link: row.get("online_link")?,
        chair_id: row.get("chair_id")?,
        minute_taker_id: row.get("minute_taker_id")?,
        status: row.get::<_, MeetingStatus>("status")?,
        approved_on: row.get("approved_on")?,
        approved_at_meeting_id: row.get("approved_at_meeting_id")?,
        approval_corrections: row.get("approval_corrections")?,
    })
}

const NOT_FOUND: &str = "That meeting is no longer in PPG Desk.";

pub fn get(conn: &Connection, id: i64) -> Result<Meeting> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM meetings WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound(NOT_FOUND))
}

/// Every meeting, the most recent first.
pub fn list(conn: &Connection) -> Result<Vec<Meeting>> {
    let mut stmt =
        conn.prepare(&format!("SELECT {COLUMNS} FROM meetings ORDER BY meets_on DESC, starts_at DESC, id DESC"))?;
    let meetings = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(meetings)
}

/// The latest meeting before `date`.
pub fn previous_before(conn: &Connection, date: NaiveDate) -> Result<Option<Meeting>> {
    let sql =
        format!("SELECT {COLUMNS} FROM meetings WHERE meets_on < ?1 ORDER BY meets_on DESC, starts_at DESC LIMIT 1");
    Ok(conn.query_row(&sql, [date.to_string()], from_row).optional()?)
}

pub fn template(conn: &Connection) -> Result<Vec<TemplateItem>> {
    let mut stmt = conn.prepare("SELECT title, purpose, standing FROM agenda_template ORDER BY position")?;
    let items = stmt
        .query_map([], |row| {
            Ok(TemplateItem {
                title: row.get("title")?,
                purpose: row.get::<_, Purpose>("purpose")?,
                standing: row.get::<_, Option<Standing>>("standing")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

pub fn count_open_actions(conn: &Connection) -> Result<usize> {
    let count: i64 =
        conn.query_row("SELECT count(*) FROM actions WHERE status IN ('open', 'in_progress')", [], |row| row.get(0))?;
    Ok(count as usize)
}

pub fn insert(conn: &Connection, m: &CheckedMeeting, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO meetings (id, kind, meets_on, starts_at, ends_at, venue, online_link, chair_id, minute_taker_id, created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![m.kind.key(), m.meets_on.to_string(), m.starts_at, m.ends_at, m.venue, m.online_link, m.chair_id, m.minute_taker_id, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, m: &CheckedMeeting, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET kind = ?2, meets_on = ?3, starts_at = ?4, ends_at = ?5, venue = ?6, online_link = ?7, chair_id = ?8,
             minute_taker_id = ?9, updated_at = ?10 WHERE id = ?1",
        params![id, m.kind.key(), m.meets_on.to_string(), m.starts_at, m.ends_at, m.venue, m.online_link, m.chair_id, m.minute_taker_id, now],
    )?;
    Ok(())
}

pub fn insert_item(conn: &Connection, meeting_id: i64, position: u32, item: &TemplateItem, notes: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO agenda_items (id, meeting_id, position, title, purpose, standing, notes_for_members) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6)",
        params![meeting_id, position, item.title, item.purpose.key(), item.standing.map(Standing::key), notes],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The agenda of a meeting, in order.
pub fn items(conn: &Connection, meeting_id: i64) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.position, i.title, i.presenter, i.minutes_allowed, i.purpose, i.notes_for_members, i.standing, i.minutes,
                i.requested_by_id, p.full_name
         FROM agenda_items i LEFT JOIN people p ON p.id = i.requested_by_id WHERE i.meeting_id = ?1 ORDER BY i.position, i.id",
    )?;
    let items = stmt
        .query_map([meeting_id], |row| {
            Ok(AgendaItem {
                id: row.get("id")?,
                position: row.get("position")?,
                title: row.get("title")?,
                presenter: row.get("presenter")?,
                minutes_allowed: row.get("minutes_allowed")?,
                purpose: row.get::<_, Purpose>("purpose")?,
                notes_for_members: row.get("notes_for_members")?,
                standing: row.get::<_, Option<Standing>>("standing")?,
                minutes: row.get("minutes")?,
                requested_by_id: row.get("requested_by_id")?,
                requested_by_name: row.get("full_name")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

pub fn update_status(
    conn: &Connection,
    id: i64,
    status: MeetingStatus,
    approved_on: Option<NaiveDate>,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET status = ?2, approved_on = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, status.key(), approved_on.map(|d| d.to_string()), now],
    )?;
    Ok(())
}

/// The meeting an agenda item belongs to.
pub fn item_meeting(conn: &Connection, item_id: i64) -> Result<i64> {
    conn.query_row("SELECT meeting_id FROM agenda_items WHERE id = ?1", [item_id], |row| row.get("meeting_id"))
        .optional()?
        .ok_or(Error::NotFound("That agenda item is no longer in PPG Desk."))
}

pub fn update_item_minutes(conn: &Connection, item_id: i64, minutes: &str) -> Result<()> {
    conn.execute("UPDATE agenda_items SET minutes = ?2 WHERE id = ?1", params![item_id, minutes])?;
    Ok(())
}

pub fn update_item(conn: &Connection, item_id: i64, item: &super::CheckedItem) -> Result<()> {
    conn.execute(
        "UPDATE agenda_items SET title = ?2, presenter = ?3, minutes_allowed = ?4, purpose = ?5, notes_for_members = ?6, requested_by_id = ?7 WHERE id = ?1",
        params![item_id, item.title, item.presenter, item.minutes_allowed, item.purpose.key(), item.notes_for_members, item.requested_by_id],
    )?;
    Ok(())
}

pub fn append_item(conn: &Connection, meeting_id: i64, item: &super::CheckedItem) -> Result<i64> {
    // New items go before "Any other business" and "Date of next meeting" when those are last.
    let last: u32 = conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO agenda_items (id, meeting_id, position, title, presenter, minutes_allowed, purpose, notes_for_members, requested_by_id)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![meeting_id, last, item.title, item.presenter, item.minutes_allowed, item.purpose.key(), item.notes_for_members, item.requested_by_id],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites the positions of a meeting's items in the given order (ids must be its items).
pub fn reorder_items(conn: &Connection, meeting_id: i64, ordered_ids: &[i64]) -> Result<()> {
    // Positions are unique per meeting, so move them out of the way first.
    conn.execute("UPDATE agenda_items SET position = position + 100000 WHERE meeting_id = ?1", [meeting_id])?;
    for (position, id) in ordered_ids.iter().enumerate() {
        conn.execute(
            "UPDATE agenda_items SET position = ?3 WHERE id = ?1 AND meeting_id = ?2",
            params![id, meeting_id, position as i64],
        )?;
    }
    Ok(())
}

pub fn delete_item(conn: &Connection, item_id: i64) -> Result<()> {
    conn.execute("DELETE FROM agenda_items WHERE id = ?1", [item_id])?;
    Ok(())
}

/// Open actions (open or in progress) with their owners' names and due dates, soonest first.
pub fn open_actions(conn: &Connection) -> Result<Vec<(String, String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT a.title, coalesce(group_concat(p.full_name, ', '), '') AS owners, a.due_on
         FROM actions a LEFT JOIN action_owners o ON o.action_id = a.id LEFT JOIN people p ON p.id = o.person_id
         WHERE a.status IN ('open', 'in_progress')
         GROUP BY a.id ORDER BY a.due_on IS NULL, a.due_on, a.id",
    )?;
    let rows = stmt
        .query_map([], |row| Ok((row.get("title")?, row.get("owners")?, row.get("due_on")?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Replaces the agenda template with `items`, in order.
pub fn save_template(conn: &Connection, items: &[TemplateItem]) -> Result<()> {
    conn.execute("DELETE FROM agenda_template", [])?;
    for (position, item) in items.iter().enumerate() {
        conn.execute(
            "INSERT INTO agenda_template (position, title, purpose, standing) VALUES (?1, ?2, ?3, ?4)",
            params![position as i64, item.title, item.purpose.key(), item.standing.map(Standing::key)],
        )?;
    }
    Ok(())
}
