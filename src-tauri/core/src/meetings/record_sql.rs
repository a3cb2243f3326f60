//! The SQL of what happened at a meeting: attendance, decisions, approval of the previous
//! minutes, and amendments to approved minutes.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{Amendment, AttendanceLine, AttendanceStatus, CheckedDecision, Decision};
use crate::error::{Error, Result};

/// The roles that make someone a committee member (counted for the quorum).
const COMMITTEE_ROLES: &str = "'chair', 'vice_chair', 'secretary', 'treasurer', 'committee'";

/// Everyone on the committee on the day of the meeting, then anyone else recorded as
/// attending, with what was recorded for them.
pub fn attendance(conn: &Connection, meeting_id: i64, meets_on: &str) -> Result<Vec<AttendanceLine>> {
    let sql = format!(
        "SELECT p.id, p.full_name, a.status, committee, roles FROM (
            SELECT p.*,
                EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role IN ({COMMITTEE_ROLES}))
                    AND (p.joined_on IS NULL OR p.joined_on <= ?2) AND (p.left_on IS NULL OR p.left_on > ?2) AS committee,
                coalesce((SELECT group_concat(r.role, ' ') FROM person_roles r WHERE r.person_id = p.id), '') AS roles
            FROM people p) p
         LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = ?1
         WHERE committee OR a.status IS NOT NULL
         ORDER BY committee DESC, p.full_name"
    );
    let mut stmt = conn.prepare(&sql)?;
    let lines = stmt
        .query_map(params![meeting_id, meets_on], |row| {
            let roles: String = row.get("roles")?;
            Ok(AttendanceLine {
                person_id: row.get("id")?,
                name: row.get("full_name")?,
                status: row.get::<_, Option<AttendanceStatus>>("status")?,
                committee: row.get("committee")?,
                roles: roles.split(' ').filter_map(crate::people::Role::from_key).collect(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines)
}

pub fn set_attendance(
    conn: &Connection,
    meeting_id: i64,
    person_id: i64,
    status: Option<AttendanceStatus>,
) -> Result<()> {
    match status {
        Some(status) => conn.execute(
            "INSERT INTO attendance (meeting_id, person_id, status) VALUES (?1, ?2, ?3)
             ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = ?3",
            params![meeting_id, person_id, status.key()],
        )?,
        None => conn.execute(
            "DELETE FROM attendance WHERE meeting_id = ?1 AND person_id = ?2",
            params![meeting_id, person_id],
        )?,
    };
    Ok(())
}

pub fn decisions(conn: &Connection, meeting_id: i64) -> Result<Vec<Decision>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, d.agenda_item_id, d.text, d.proposer_id, pp.full_name AS proposer_name, d.seconder_id, ps.full_name AS seconder_name, d.votes_for, d.votes_against, d.abstentions
         FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
         LEFT JOIN people pp ON pp.id = d.proposer_id LEFT JOIN people ps ON ps.id = d.seconder_id
         WHERE i.meeting_id = ?1 ORDER BY i.position, i.id, d.id",
    )?;
    let decisions = stmt
        .query_map([meeting_id], |row| {
            Ok(Decision {
                id: row.get("id")?,
                agenda_item_id: row.get("agenda_item_id")?,
                text: row.get("text")?,
                proposer_id: row.get("proposer_id")?,
                proposer_name: row.get("proposer_name")?,
                seconder_id: row.get("seconder_id")?,
                seconder_name: row.get("seconder_name")?,
                votes_for: row.get("votes_for")?,
                votes_against: row.get("votes_against")?,
                abstentions: row.get("abstentions")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(decisions)
}

pub fn insert_decision(conn: &Connection, agenda_item_id: i64, d: &CheckedDecision) -> Result<i64> {
    conn.execute(
        "INSERT INTO decisions (id, agenda_item_id, text, proposer_id, seconder_id, votes_for, votes_against, abstentions) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![agenda_item_id, d.text, d.proposer_id, d.seconder_id, d.votes_for, d.votes_against, d.abstentions],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The meeting a decision was made at.
pub fn decision_meeting(conn: &Connection, decision_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE d.id = ?1",
        [decision_id],
        |r| r.get("meeting_id"),
    )
    .optional()?
    .ok_or(Error::NotFound("That decision is no longer in PPG Desk."))
}

pub fn delete_decision(conn: &Connection, decision_id: i64) -> Result<()> {
    conn.execute("DELETE FROM decisions WHERE id = ?1", [decision_id])?;
    Ok(())
}

/// Records the minutes of `meeting_id` as approved at `at_meeting` on `on`.
pub fn approve(
    conn: &Connection,
    meeting_id: i64,
    on: NaiveDate,
    at_meeting: Option<i64>,
    corrections: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET status = 'minutes_approved', approved_on = ?2, approved_at_meeting_id = ?3, approval_corrections = ?4, updated_at = ?5 WHERE id = ?1",
        params![meeting_id, on.to_string(), at_meeting, corrections, now],
    )?;
    // The minutes as approved travel with the approval (see locked_sql.rs).
    crate::locked_sql::capture(conn, &crate::locked_sql::MINUTES, meeting_id, now)
}

pub fn amendments(conn: &Connection, meeting_id: i64) -> Result<Vec<Amendment>> {
    let mut stmt =
        conn.prepare("SELECT id, made_on, text FROM minute_amendments WHERE meeting_id = ?1 ORDER BY made_on, id")?;
    let rows = stmt
        .query_map([meeting_id], |row| {
            Ok(Amendment { id: row.get("id")?, made_on: row.get("made_on")?, text: row.get("text")? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert_amendment(conn: &Connection, meeting_id: i64, made_on: NaiveDate, text: &str, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO minute_amendments (id, meeting_id, made_on, text, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4)",
        params![meeting_id, made_on.to_string(), text, now],
    )?;
    Ok(conn.last_insert_rowid())
}
