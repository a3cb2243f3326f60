//! The SQL of befrienders and matches.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{Befriender, CheckedBefriender};
use crate::error::{Error, Result};

const SELECT: &str = "SELECT b.id, b.person_id, p.full_name, b.dbs_checked_on, b.dbs_reference, b.dbs_renew_on, b.trained_on, b.interests,
    b.languages, b.area, b.days, b.contact, b.gender, b.capacity, b.active,
    (SELECT count(*) FROM matches m WHERE m.befriender_id = b.id AND m.ended_on IS NULL) AS matched
    FROM befrienders b JOIN people p ON p.id = b.person_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Befriender> {
    Ok(Befriender {
        id: r.get("id")?,
        person_id: r.get("person_id")?,
        name: r.get("full_name")?,
        dbs_checked_on: r.get("dbs_checked_on")?,
        dbs_reference: r.get("dbs_reference")?,
        dbs_renew_on: r.get("dbs_renew_on")?,
        trained_on: r.get("trained_on")?,
        interests: r.get("interests")?,
        languages: r.get("languages")?,
        area: r.get("area")?,
        days: r.get::<_, String>("days")?.split_whitespace().map(str::to_string).collect(),
        contact: r.get("contact")?,
        gender: r.get("gender")?,
        capacity: r.get("capacity")?,
        active: r.get("active")?,
        matched: r.get("matched")?,
    })
}

pub fn befrienders(conn: &Connection) -> Result<Vec<Befriender>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY b.active DESC, p.full_name COLLATE NOCASE"))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get_befriender(conn: &Connection, id: i64) -> Result<Befriender> {
    conn.query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound("That befriender is no longer in PPG Desk."))
}

pub fn insert_befriender(conn: &Connection, b: &CheckedBefriender, now: &str) -> Result<i64> {
    crate::people::get(conn, b.person_id)?;
    let i = &b.input;
    conn.execute(
        "INSERT INTO befrienders (id, person_id, dbs_checked_on, dbs_reference, dbs_renew_on, trained_on, interests, languages, area, days, contact, gender,
             capacity, active, created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            b.person_id, b.dbs_checked_on, i.dbs_reference, b.dbs_renew_on, b.trained_on, i.interests, i.languages, i.area, i.days.join(" "), i.contact,
            i.gender, b.capacity, i.active, now
        ],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("personId", "This person is already a befriender.")
        }
        other => other.into(),
    })?;
    Ok(conn.last_insert_rowid())
}

pub fn insert_match(conn: &Connection, referral_id: i64, befriender_id: i64, on: NaiveDate, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO matches (id, referral_id, befriender_id, matched_on, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4)",
        params![referral_id, befriender_id, on.to_string(), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The current match of a referral: its id and the day it was made.
pub fn current_match(conn: &Connection, referral_id: i64) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, matched_on FROM matches WHERE referral_id = ?1 AND ended_on IS NULL",
            [referral_id],
            |r| Ok((r.get("id")?, r.get("matched_on")?)),
        )
        .optional()?)
}

pub fn set_first_met(conn: &Connection, match_id: i64, on: NaiveDate) -> Result<()> {
    conn.execute("UPDATE matches SET first_met_on = ?2 WHERE id = ?1", params![match_id, on.to_string()])?;
    Ok(())
}

/// Ends the referral's current match on `on` (no-op when there is none).
pub fn end_current(conn: &Connection, referral_id: i64, on: NaiveDate) -> Result<()> {
    conn.execute(
        "UPDATE matches SET ended_on = max(?2, matched_on) WHERE referral_id = ?1 AND ended_on IS NULL",
        params![referral_id, on.to_string()],
    )?;
    Ok(())
}

pub fn update_befriender(conn: &Connection, id: i64, b: &CheckedBefriender, now: &str) -> Result<()> {
    let i = &b.input;
    let changed = conn.execute(
        "UPDATE befrienders SET dbs_checked_on = ?2, dbs_reference = ?3, dbs_renew_on = ?4, trained_on = ?5, interests = ?6, languages = ?7, area = ?8,
             days = ?9, contact = ?10, gender = ?11, capacity = ?12, active = ?13, updated_at = ?14
         WHERE id = ?1",
        params![id, b.dbs_checked_on, i.dbs_reference, b.dbs_renew_on, b.trained_on, i.interests, i.languages, i.area, i.days.join(" "), i.contact, i.gender, b.capacity, i.active, now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound("That befriender is no longer in PPG Desk."));
    }
    Ok(())
}

/// Forgets befrienders' DBS certificate numbers six months after the check, as for drivers.
pub fn forget_old_dbs_references(conn: &Connection, today: NaiveDate) -> Result<usize> {
    let cutoff = today.checked_sub_months(chrono::Months::new(6)).unwrap_or(today).to_string();
    Ok(conn.execute(
        "UPDATE befrienders SET dbs_reference = '' WHERE dbs_checked_on < ?1 AND dbs_reference <> ''",
        [cutoff],
    )?)
}
