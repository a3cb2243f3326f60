//! The only SQL of membership: members' answers, the practice's patients by group, and the
//! recruitment log.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{Dimension, MemberProfile, PracticeGroup, Recruitment};
use crate::error::{Error, Result};

fn profile_row(r: &Row) -> rusqlite::Result<MemberProfile> {
    Ok(MemberProfile {
        person_id: r.get("person_id")?,
        consent_on: r.get("consent_on")?,
        age_band: r.get("age_band")?,
        sex: r.get("sex")?,
        ethnic: r.get("ethnic")?,
        carer: r.get("carer")?,
        condition: r.get("condition")?,
    })
}

const PROFILE: &str = "SELECT person_id, consent_on, age_band, sex, ethnic, carer, condition FROM member_profiles";

pub fn profile(conn: &Connection, person_id: i64) -> Result<Option<MemberProfile>> {
    Ok(conn.query_row(&format!("{PROFILE} WHERE person_id = ?1"), [person_id], profile_row).optional()?)
}

pub fn profiles(conn: &Connection) -> Result<Vec<MemberProfile>> {
    let mut stmt = conn.prepare(PROFILE)?;
    let rows = stmt.query_map([], profile_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn save_profile(conn: &Connection, p: &MemberProfile) -> Result<()> {
    conn.execute(
        "INSERT INTO member_profiles (person_id, consent_on, age_band, sex, ethnic, carer, condition)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (person_id) DO UPDATE SET consent_on = excluded.consent_on, age_band = excluded.age_band,
           sex = excluded.sex, ethnic = excluded.ethnic, carer = excluded.carer, condition = excluded.condition",
        params![p.person_id, p.consent_on, p.age_band, p.sex, p.ethnic, p.carer, p.condition],
    )?;
    Ok(())
}

pub fn remove_profile(conn: &Connection, person_id: i64) -> Result<()> {
    conn.execute("DELETE FROM member_profiles WHERE person_id = ?1", [person_id])?;
    Ok(())
}

/// The people who are members today (any member or committee role, not left).
pub fn current_members(conn: &Connection, today: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT p.id FROM people p WHERE (p.left_on IS NULL OR p.left_on > ?1)
            AND (p.email_only = 1 OR EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id
                 AND r.role IN ('chair', 'vice_chair', 'secretary', 'treasurer', 'committee', 'member')))",
    )?;
    let rows = stmt.query_map([today], |r| r.get("id"))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn practice(conn: &Connection) -> Result<Vec<PracticeGroup>> {
    let mut stmt = conn.prepare("SELECT dimension, grp, patients FROM practice_profile ORDER BY dimension, grp")?;
    let rows = stmt.query_map([], |r| {
        let dimension: String = r.get("dimension")?;
        Ok((dimension, r.get::<_, String>("grp")?, r.get::<_, u32>("patients")?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (dimension, group, patients) = row?;
        if let Some(dimension) = Dimension::from_db_key(&dimension) {
            out.push(PracticeGroup { dimension, group, patients });
        }
    }
    Ok(out)
}

/// The newest date the practice's figures are from, and where the newest came from.
pub fn practice_source(conn: &Connection) -> Result<(Option<String>, String)> {
    Ok(conn
        .query_row("SELECT as_at, source FROM practice_profile ORDER BY as_at DESC LIMIT 1", [], |r| {
            Ok((Some(r.get("as_at")?), r.get("source")?))
        })
        .optional()?
        .unwrap_or((None, String::new())))
}

/// Replaces one dimension's groups.
pub fn save_practice(
    conn: &Connection,
    d: Dimension,
    groups: &[(String, u32)],
    as_at: &str,
    source: &str,
) -> Result<()> {
    let keep: Vec<&str> = groups.iter().map(|(g, _)| g.as_str()).collect();
    let mut stmt = conn.prepare("SELECT grp FROM practice_profile WHERE dimension = ?1")?;
    let now: Vec<String> = stmt.query_map([d.db_key()], |r| r.get("grp"))?.collect::<rusqlite::Result<_>>()?;
    for gone in now.iter().filter(|g| !keep.contains(&g.as_str())) {
        conn.execute("DELETE FROM practice_profile WHERE dimension = ?1 AND grp = ?2", params![d.db_key(), gone])?;
    }
    for (group, patients) in groups {
        conn.execute(
            "INSERT INTO practice_profile (dimension, grp, patients, as_at, source) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (dimension, grp) DO UPDATE SET patients = excluded.patients, as_at = excluded.as_at, source = excluded.source
             WHERE patients IS NOT excluded.patients OR as_at IS NOT excluded.as_at OR source IS NOT excluded.source",
            params![d.db_key(), group, patients, as_at, source],
        )?;
    }
    Ok(())
}

pub fn recruitment(conn: &Connection) -> Result<Vec<Recruitment>> {
    let mut stmt = conn.prepare(
        "SELECT id, done_on, what, aimed_at, result, joined FROM recruitment ORDER BY done_on DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Recruitment {
            id: r.get("id")?,
            done_on: r.get("done_on")?,
            what: r.get("what")?,
            aimed_at: r.get("aimed_at")?,
            result: r.get("result")?,
            joined: r.get("joined")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn save_recruitment(conn: &Connection, r: &Recruitment, now: &str) -> Result<i64> {
    match r.id {
        Some(id) => {
            let changed = conn.execute(
                "UPDATE recruitment SET done_on = ?2, what = ?3, aimed_at = ?4, result = ?5, joined = ?6 WHERE id = ?1",
                params![id, r.done_on, r.what, r.aimed_at, r.result, r.joined],
            )?;
            if changed == 0 {
                return Err(Error::NotFound("That entry has been deleted."));
            }
            Ok(id)
        }
        None => Ok(conn.query_row(
            "INSERT INTO recruitment (id, done_on, what, aimed_at, result, joined, created_at)
             VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            params![r.done_on, r.what, r.aimed_at, r.result, r.joined, now],
            |row| row.get("id"),
        )?),
    }
}

pub fn delete_recruitment(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM recruitment WHERE id = ?1", [id])?;
    Ok(())
}
