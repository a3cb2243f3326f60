//! The SQL of erasure: the anonymous line kept for reports, and removing a referral.

use rusqlite::{params, Connection};

use crate::error::Result;

/// The day the referral was first matched, if ever.
pub fn first_matched_on(conn: &Connection, referral_id: i64) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT min(matched_on) FROM matches WHERE referral_id = ?1", [referral_id], |r| r.get(0))?)
}

pub fn insert_history(
    conn: &Connection,
    received_month: &str,
    source: &str,
    closed_month: Option<&str>,
    reason: &str,
    days_to_match: Option<i64>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO befriending_history (id, received_month, source, closed_month, close_reason, was_matched, days_to_match)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6)",
        params![received_month, source, closed_month, reason, days_to_match.is_some(), days_to_match],
    )?;
    Ok(())
}

/// Removes a referral; its contacts log, matches, visit logs, concerns and scores go with it.
pub fn delete_referral(conn: &Connection, referral_id: i64) -> Result<()> {
    conn.execute("DELETE FROM referrals WHERE id = ?1", [referral_id])?;
    Ok(())
}

/// How many anonymous lines are kept (for reports).
pub fn history_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM befriending_history", [], |r| r.get(0))?)
}
