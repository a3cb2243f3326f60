//! The SQL of the befriending report: anonymous rows of live and erased referrals, and the
//! spells of matches.

use rusqlite::Connection;

use super::rules::Stage;
use super::ReportRow;
use crate::error::Result;

/// A match's first meeting and, if it has ended, its end.
type MatchSpan = (String, Option<String>);

/// Every referral (live, then erased) as an anonymous row, and every match's (first met, ended).
pub fn rows(conn: &Connection) -> Result<(Vec<ReportRow>, Vec<MatchSpan>)> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.received_on, r.source, r.stage, r.closed_on, r.close_reason,
             (SELECT julianday(min(m.matched_on)) - julianday(r.received_on) FROM matches m WHERE m.referral_id = r.id)
         FROM referrals r",
    )?;
    let mut rows = Vec::new();
    let live = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ReportRow {
                    received_on: r.get(1)?,
                    source: r.get(2)?,
                    stage: Stage::from_key(&r.get::<_, String>(3)?),
                    closed_on: r.get(4)?,
                    close_reason: r.get(5)?,
                    days_to_match: r.get::<_, Option<f64>>(6)?.map(|d| d.round() as i64),
                    scores: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, mut row) in live {
        row.scores = super::relationship_sql::scores(conn, id)?.into_iter().map(|(on, _, s)| (on, s)).collect();
        rows.push(row);
    }
    let mut stmt = conn
        .prepare("SELECT received_month, source, closed_month, close_reason, days_to_match FROM befriending_history")?;
    let erased = stmt
        .query_map([], |r| {
            Ok(ReportRow {
                received_on: format!("{}-01", r.get::<_, String>(0)?),
                source: r.get(1)?,
                stage: None,
                closed_on: r.get::<_, Option<String>>(2)?.map(|m| format!("{m}-01")),
                close_reason: r.get(3)?,
                days_to_match: r.get(4)?,
                scores: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.extend(erased);
    let mut stmt = conn.prepare("SELECT first_met_on, ended_on FROM matches WHERE first_met_on IS NOT NULL")?;
    let spells = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, spells))
}
