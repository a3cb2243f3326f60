//! The SQL behind a referral's full record: its contacts log, matches and visit logs.

use rusqlite::Connection;

use super::referrals::ContactHow;
use super::{ContactLine, LogLine, MatchLine};
use crate::error::Result;

const GONE: &str = "A befriender no longer with the scheme";

pub fn contacts(conn: &Connection, referral_id: i64) -> Result<Vec<ContactLine>> {
    let mut stmt = conn.prepare(
        "SELECT id, contacted_on, how, notes FROM referral_contacts WHERE referral_id = ?1 ORDER BY contacted_on, id",
    )?;
    let rows = stmt
        .query_map([referral_id], |r| {
            Ok(ContactLine {
                id: r.get("id")?,
                contacted_on: r.get("contacted_on")?,
                how: r.get::<_, ContactHow>("how")?,
                notes: r.get("notes")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn matches(conn: &Connection, referral_id: i64) -> Result<Vec<MatchLine>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.befriender_id, p.full_name, m.matched_on, m.first_met_on, m.ended_on
         FROM matches m LEFT JOIN befrienders b ON b.id = m.befriender_id LEFT JOIN people p ON p.id = b.person_id
         WHERE m.referral_id = ?1 ORDER BY m.matched_on, m.id",
    )?;
    let rows = stmt
        .query_map([referral_id], |r| {
            Ok(MatchLine {
                id: r.get("id")?,
                befriender_id: r.get("befriender_id")?,
                befriender_name: r.get::<_, Option<String>>("full_name")?.unwrap_or_else(|| GONE.into()),
                matched_on: r.get("matched_on")?,
                first_met_on: r.get("first_met_on")?,
                ended_on: r.get("ended_on")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Visits and calls of every match of the referral, newest first.
pub fn logs(conn: &Connection, referral_id: i64) -> Result<Vec<LogLine>> {
    let mut stmt = conn.prepare(
        "SELECT l.id, p.full_name, l.happened_on, l.kind, l.minutes, l.notes
         FROM match_logs l JOIN matches m ON m.id = l.match_id LEFT JOIN befrienders b ON b.id = m.befriender_id LEFT JOIN people p ON p.id = b.person_id
         WHERE m.referral_id = ?1 ORDER BY l.happened_on DESC, l.id DESC",
    )?;
    let rows = stmt
        .query_map([referral_id], |r| {
            Ok(LogLine {
                id: r.get("id")?,
                befriender_name: r.get::<_, Option<String>>("full_name")?.unwrap_or_else(|| GONE.into()),
                happened_on: r.get("happened_on")?,
                kind: r.get("kind")?,
                minutes: r.get("minutes")?,
                notes: r.get("notes")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
