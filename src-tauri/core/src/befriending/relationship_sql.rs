//! The SQL of the relationship: visit and call logs, concerns and outcome scores.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::rules::Scores;
use super::{Concern, Occasion};
use crate::error::{Error, Result};

pub fn insert_log(
    conn: &Connection,
    match_id: i64,
    on: NaiveDate,
    kind: &str,
    minutes: Option<u32>,
    notes: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO match_logs (id, match_id, happened_on, kind, minutes, notes, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6)",
        params![match_id, on.to_string(), kind, minutes, notes, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn insert_concern(
    conn: &Connection,
    referral_id: i64,
    log_id: Option<i64>,
    on: NaiveDate,
    details: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO concerns (id, referral_id, log_id, raised_on, details, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5)",
        params![referral_id, log_id, on.to_string(), details, now],
    )?;
    Ok(conn.last_insert_rowid())
}

fn concern_row(r: &rusqlite::Row) -> rusqlite::Result<Concern> {
    Ok(Concern {
        id: r.get("id")?,
        referral_id: r.get("referral_id")?,
        raised_on: r.get("raised_on")?,
        details: r.get("details")?,
        passed_to: r.get("passed_to")?,
        passed_on: r.get("passed_on")?,
        log_id: r.get("log_id")?,
    })
}

pub fn concern(conn: &Connection, id: i64) -> Result<Concern> {
    conn.query_row(
        "SELECT id, referral_id, raised_on, details, passed_to, passed_on, log_id FROM concerns WHERE id = ?1",
        [id],
        concern_row,
    )
    .optional()?
    .ok_or(Error::NotFound("That concern is no longer in PPG Desk."))
}

/// Concerns not yet passed on (every referral's, or one's), oldest first.
pub fn open_concerns(conn: &Connection, referral_id: Option<i64>) -> Result<Vec<Concern>> {
    let mut stmt = conn.prepare(
        "SELECT id, referral_id, raised_on, details, passed_to, passed_on, log_id FROM concerns
         WHERE passed_on IS NULL AND (?1 IS NULL OR referral_id = ?1) ORDER BY raised_on, id",
    )?;
    let rows = stmt.query_map([referral_id], concern_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn pass_on(conn: &Connection, id: i64, to: &str, on: NaiveDate) -> Result<()> {
    conn.execute("UPDATE concerns SET passed_to = ?2, passed_on = ?3 WHERE id = ?1", params![id, to, on.to_string()])?;
    Ok(())
}

pub fn insert_scores(
    conn: &Connection,
    referral_id: i64,
    on: NaiveDate,
    occasion: Occasion,
    s: &Scores,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO outcome_scores (id, referral_id, taken_on, occasion, satisfied, worthwhile, happy, anxious, lack_companionship, left_out, isolated,
             direct_loneliness, created_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            referral_id, on.to_string(), occasion.key(), s.satisfied, s.worthwhile, s.happy, s.anxious, s.lack_companionship, s.left_out, s.isolated,
            s.direct_loneliness, now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A referral's scores in date order: (day, occasion, scores).
pub fn scores(conn: &Connection, referral_id: i64) -> Result<Vec<(String, Occasion, Scores)>> {
    let mut stmt = conn.prepare(
        "SELECT taken_on, occasion, satisfied, worthwhile, happy, anxious, lack_companionship, left_out, isolated, direct_loneliness
         FROM outcome_scores WHERE referral_id = ?1 ORDER BY taken_on, id",
    )?;
    let rows = stmt
        .query_map([referral_id], |r| {
            Ok((
                r.get("taken_on")?,
                r.get::<_, Occasion>("occasion")?,
                Scores {
                    satisfied: r.get("satisfied")?,
                    worthwhile: r.get("worthwhile")?,
                    happy: r.get("happy")?,
                    anxious: r.get("anxious")?,
                    lack_companionship: r.get("lack_companionship")?,
                    left_out: r.get("left_out")?,
                    isolated: r.get("isolated")?,
                    direct_loneliness: r.get("direct_loneliness")?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The first meeting of the referral's current match, if they have met.
pub fn first_met(conn: &Connection, referral_id: i64) -> Result<Option<NaiveDate>> {
    let on: Option<Option<String>> = conn
        .query_row("SELECT first_met_on FROM matches WHERE referral_id = ?1 AND ended_on IS NULL", [referral_id], |r| {
            r.get("first_met_on")
        })
        .optional()?;
    Ok(on.flatten().and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
}

/// Every concern of a referral, open or passed on, oldest first.
pub fn all_concerns(conn: &Connection, referral_id: i64) -> Result<Vec<Concern>> {
    let mut stmt = conn.prepare("SELECT id, referral_id, raised_on, details, passed_to, passed_on, log_id FROM concerns WHERE referral_id = ?1 ORDER BY raised_on, id")?;
    let rows = stmt.query_map([referral_id], concern_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Whether visit or call `log_id` belongs to one of the referral's matches.
pub fn log_belongs_to(conn: &Connection, log_id: i64, referral_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM match_logs l JOIN matches m ON m.id = l.match_id WHERE l.id = ?1 AND m.referral_id = ?2)",
        [log_id, referral_id],
        |r| r.get(0),
    )?)
}
