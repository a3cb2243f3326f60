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
                 AS days_to_match
         FROM referrals r",
    )?;
    let mut rows = Vec::new();
    let live = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>("id")?,
                ReportRow {
                    received_on: r.get("received_on")?,
                    source: r.get("source")?,
                    stage: Stage::from_key(&r.get::<_, String>("stage")?),
                    closed_on: r.get("closed_on")?,
                    close_reason: r.get("close_reason")?,
                    days_to_match: r.get::<_, Option<f64>>("days_to_match")?.map(|d| d.round() as i64),
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
                received_on: format!("{}-01", r.get::<_, String>("received_month")?),
                source: r.get("source")?,
                stage: None,
                closed_on: r.get::<_, Option<String>>("closed_month")?.map(|m| format!("{m}-01")),
                close_reason: r.get("close_reason")?,
                days_to_match: r.get("days_to_match")?,
                scores: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.extend(erased);
    let mut stmt = conn.prepare("SELECT first_met_on, ended_on FROM matches WHERE first_met_on IS NOT NULL")?;
    let spells = stmt
        .query_map([], |r| Ok((r.get("first_met_on")?, r.get("ended_on")?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, spells))
}
