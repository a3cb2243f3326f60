//! The befriending scheme in anonymous numbers, for the committee's laptops that do not hold
//! the scheme: the rows the report counts, by month only (no name, no id, no day), which the
//! coordinator's laptop shares with the committee so that every laptop can print the same
//! befriending report (`report::build`) without ever holding a referral.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::report::{self, BefriendingReport};
use super::rules::{Scores, Stage};
use super::ReportRow;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Row {
    received: String,
    source: String,
    stage: Option<String>,
    closed: Option<String>,
    close_reason: String,
    days_to_match: Option<i64>,
    scores: Vec<(String, Scores)>,
}

/// The rows and the matches' spells (first met, ended), each date kept to its month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    rows: Vec<Row>,
    spells: Vec<(String, Option<String>)>,
}

fn first_of_month(day: &str) -> String {
    day.get(..7).map(|m| format!("{m}-01")).unwrap_or_default()
}

fn last_of_month(day: &str) -> String {
    let Ok(date) = NaiveDate::parse_from_str(&first_of_month(day), "%Y-%m-%d") else { return String::new() };
    let next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map(|d| d.to_string()).unwrap_or_default()
}

/// This laptop's befriending scheme in anonymous numbers (JSON), with every date at its month.
pub fn anonymous(conn: &rusqlite::Connection) -> Result<String> {
    let (rows, spells) = super::report_sql::rows(conn)?;
    let mut summary = Summary {
        rows: rows
            .into_iter()
            .map(|r| Row {
                received: first_of_month(&r.received_on),
                source: r.source,
                stage: r.stage.map(|s| s.key().to_string()),
                closed: r.closed_on.as_deref().map(first_of_month),
                close_reason: r.close_reason,
                days_to_match: r.days_to_match,
                scores: r.scores.into_iter().map(|(on, s)| (first_of_month(&on), s)).collect(),
            })
            .collect(),
        spells: spells.iter().map(|(met, ended)| (first_of_month(met), ended.as_deref().map(last_of_month))).collect(),
    };
    // In a fixed order, so an unchanged scheme gives the same text (and nothing is sent).
    summary.rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    summary.spells.sort();
    serde_json::to_string(&summary).map_err(|_| Error::File("The befriending numbers could not be written.".into()))
}

/// Whether this laptop holds no befriending records of its own (so the shared numbers stand in).
pub fn holds_none(conn: &rusqlite::Connection) -> Result<bool> {
    let (rows, _) = super::report_sql::rows(conn)?;
    Ok(rows.is_empty())
}

/// The befriending report for `from` to `to` from the shared numbers.
pub fn report(json: &str, from: &str, to: &str, today: NaiveDate) -> Result<BefriendingReport> {
    let summary: Summary =
        serde_json::from_str(json).map_err(|_| Error::File("The befriending numbers could not be read.".into()))?;
    let (first, last) = report::months(from, to)?;
    let rows: Vec<ReportRow> = summary
        .rows
        .into_iter()
        .map(|r| ReportRow {
            received_on: r.received,
            source: r.source,
            stage: r.stage.as_deref().and_then(Stage::from_key),
            closed_on: r.closed,
            close_reason: r.close_reason,
            days_to_match: r.days_to_match,
            scores: r.scores,
        })
        .collect();
    Ok(report::build(first, last, today, &rows, &summary.spells))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_keep_only_their_month() {
        assert_eq!(first_of_month("2026-11-23"), "2026-11-01");
        assert_eq!(last_of_month("2026-12-05"), "2026-12-31");
        assert_eq!(last_of_month("2028-02-10"), "2028-02-29");
    }

    proptest! {
        #[test]
        fn any_text_is_taken_as_a_date_without_panicking(text in "\\PC{0,12}") {
            let _ = first_of_month(&text);
            let _ = last_of_month(&text);
            let _ = report("{", "2026-01", "2026-02", NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        }
    }
}
