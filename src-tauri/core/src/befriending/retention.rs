//! Keeping befriending data no longer than needed: closed referrals older than the PPG's
//! retention period are listed for erasure, and erasing one removes everything about the
//! person (details, consent, logs, concerns, scores) for good, keeping only an anonymous line
//! for reports: the months, the source, how it ended and how long the wait was.

use chrono::{Months, NaiveDate};
use rusqlite::Connection;

use super::referrals::Referral;
use super::retention_sql;
use super::rules::Stage;
use crate::error::Result;

/// Closed referrals whose closing is older than `months` before `today`, oldest first.
pub fn due_for_erasure(conn: &Connection, months: u32, today: NaiveDate) -> Result<Vec<Referral>> {
    let cutoff = today.checked_sub_months(Months::new(months)).unwrap_or(today).to_string();
    let mut due: Vec<Referral> = super::sql::list(conn)?
        .into_iter()
        .filter(|r| r.stage == Stage::Closed && r.closed_on.as_deref().is_some_and(|on| on < cutoff.as_str()))
        .collect();
    due.sort_by(|a, b| a.closed_on.cmp(&b.closed_on));
    Ok(due)
}

/// "2026-11" of a stored date "2026-11-24" (the whole text if it is shorter).
fn month_of(iso: &str) -> &str {
    iso.get(..7).unwrap_or(iso)
}

/// Erases a referral and all that hangs from it, keeping the anonymous line. The caller
/// flushes the write-ahead log afterwards (`db::flush_erased`) so no copy stays on disk.
pub fn erase(conn: &Connection, referral_id: i64) -> Result<()> {
    let r = super::sql::get(conn, referral_id)?;
    let matched_on = retention_sql::first_matched_on(conn, referral_id)?;
    let days_to_match = matched_on.and_then(|m| {
        let (m, received) = (
            NaiveDate::parse_from_str(&m, "%Y-%m-%d").ok()?,
            NaiveDate::parse_from_str(&r.received_on, "%Y-%m-%d").ok()?,
        );
        Some((m - received).num_days())
    });
    retention_sql::insert_history(
        conn,
        month_of(&r.received_on),
        r.source.key(),
        r.closed_on.as_deref().map(month_of),
        r.close_reason.map(|c| c.key()).unwrap_or(""),
        days_to_match,
    )?;
    retention_sql::delete_referral(conn, referral_id)
}
