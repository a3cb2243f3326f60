//! The only SQL of the contacts feature.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{CheckedContact, Contact, ContactRole, Interaction, InteractionKind, PreferredContact};
use crate::error::{Error, Result};

const SELECT: &str = "SELECT c.id, c.full_name, c.role, c.organisation, c.pcn, c.practices, c.working_days, c.phone, c.email, c.preferred_contact, c.notes,
        (SELECT max(d) FROM (
            SELECT i.happened_on AS d FROM contact_interactions i
             WHERE i.contact_id = c.id AND i.kind IN ('attended_meeting', 'presentation', 'joint_project')
            UNION ALL
            SELECT m.meets_on FROM meeting_guests g JOIN meetings m ON m.id = g.meeting_id
             WHERE g.contact_id = c.id AND m.status IN ('held', 'draft_minutes', 'minutes_approved'))) AS last_met
    FROM contacts c";

fn from_row(row: &Row) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: row.get("id")?,
        full_name: row.get("full_name")?,
        role: row.get::<_, ContactRole>("role")?,
        organisation: row.get("organisation")?,
        pcn: row.get("pcn")?,
        practices: row.get("practices")?,
        working_days: row.get::<_, String>("working_days")?.split_whitespace().map(str::to_string).collect(),
        phone: row.get("phone")?,
        email: row.get("email")?,
        preferred_contact: row.get::<_, PreferredContact>("preferred_contact")?,
        notes: row.get("notes")?,
        last_met: row.get("last_met")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Contact> {
    conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound("That contact is no longer in PPG Desk."))
}

/// Every contact, link workers first, then by name; `search` narrows by name, organisation or PCN.
pub fn list(conn: &Connection, search: &str) -> Result<Vec<Contact>> {
    let folded = crate::check::fold_for_search(search.trim());
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE instr(c.search_key, ?1) > 0 ORDER BY c.role <> 'splw', c.full_name COLLATE NOCASE"
    ))?;
    let contacts = stmt.query_map([folded], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(contacts)
}

fn search_key(c: &CheckedContact) -> String {
    crate::check::fold_for_search(&format!(
        "{} {} {} {} {}",
        c.full_name,
        c.organisation,
        c.pcn,
        c.practices,
        c.role.label()
    ))
}

pub fn insert(conn: &Connection, c: &CheckedContact, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO contacts (id, full_name, role, organisation, pcn, practices, working_days, phone, email, preferred_contact, notes, search_key, created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![c.full_name, c.role.key(), c.organisation, c.pcn, c.practices, c.working_days.join(" "), c.phone, c.email, c.preferred_contact.key(), c.notes, search_key(c), now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, c: &CheckedContact, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE contacts SET full_name = ?2, role = ?3, organisation = ?4, pcn = ?5, practices = ?6, working_days = ?7, phone = ?8, email = ?9,
             preferred_contact = ?10, notes = ?11, search_key = ?12, updated_at = ?13 WHERE id = ?1",
        params![id, c.full_name, c.role.key(), c.organisation, c.pcn, c.practices, c.working_days.join(" "), c.phone, c.email, c.preferred_contact.key(), c.notes, search_key(c), now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound("That contact is no longer in PPG Desk."));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    Ok(())
}

pub fn insert_interaction(
    conn: &Connection,
    contact_id: i64,
    on: NaiveDate,
    kind: InteractionKind,
    notes: &str,
    action_id: Option<i64>,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO contact_interactions (id, contact_id, happened_on, kind, notes, action_id, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6)",
        params![contact_id, on.to_string(), kind.key(), notes, action_id, now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A contact's log, newest first.
pub fn interactions(conn: &Connection, contact_id: i64) -> Result<Vec<Interaction>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.happened_on, i.kind, i.notes, i.action_id, a.title FROM contact_interactions i LEFT JOIN actions a ON a.id = i.action_id
         WHERE i.contact_id = ?1 ORDER BY i.happened_on DESC, i.id DESC",
    )?;
    let rows = stmt
        .query_map([contact_id], |row| {
            Ok(Interaction {
                id: row.get("id")?,
                happened_on: row.get("happened_on")?,
                kind: row.get::<_, InteractionKind>("kind")?,
                notes: row.get("notes")?,
                action_id: row.get("action_id")?,
                action_title: row.get("title")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Contacts who came to a meeting as guests, by name.
pub fn guests(conn: &Connection, meeting_id: i64) -> Result<Vec<Contact>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} JOIN meeting_guests g ON g.contact_id = c.id WHERE g.meeting_id = ?1 ORDER BY c.full_name COLLATE NOCASE"
    ))?;
    let guests = stmt.query_map([meeting_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(guests)
}

pub fn add_guest(conn: &Connection, meeting_id: i64, contact_id: i64) -> Result<()> {
    get(conn, contact_id)?;
    conn.execute(
        "INSERT OR IGNORE INTO meeting_guests (meeting_id, contact_id) VALUES (?1, ?2)",
        [meeting_id, contact_id],
    )?;
    Ok(())
}

pub fn remove_guest(conn: &Connection, meeting_id: i64, contact_id: i64) -> Result<()> {
    conn.execute("DELETE FROM meeting_guests WHERE meeting_id = ?1 AND contact_id = ?2", [meeting_id, contact_id])?;
    Ok(())
}
