//! The scheme's summary for the coordinator's report: trips, miles and donations month by
//! month, requests that could not be covered, and each driver's totals.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthLine {
    /// "2026-11"
    pub month: String,
    pub done: u32,
    pub not_covered: u32,
    pub cancelled: u32,
    #[ts(type = "number")]
    pub miles_tenths: i64,
    #[ts(type = "number")]
    pub donations_pence: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DriverLine {
    pub name: String,
    pub trips: u32,
    #[ts(type = "number")]
    pub miles_tenths: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SchemeSummary {
    pub from: String,
    pub to: String,
    pub months: Vec<MonthLine>,
    pub drivers: Vec<DriverLine>,
}

impl SchemeSummary {
    pub fn total_done(&self) -> u32 {
        self.months.iter().map(|m| m.done).sum()
    }

    pub fn total_not_covered(&self) -> u32 {
        self.months.iter().map(|m| m.not_covered).sum()
    }
}

/// The summary of trips from `from` to `to` (inclusive).
pub fn summary(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<SchemeSummary> {
    Ok(SchemeSummary {
        from: from.to_string(),
        to: to.to_string(),
        months: super::sql::month_lines(conn, from, to)?,
        drivers: super::sql::driver_lines(conn, from, to)?,
    })
}

/// The first day of the month `months - 1` months before `today`'s, to the end of `today`'s month.
pub fn period(months: u32, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    crate::calendar::last_months(months, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_whole_months_ending_with_this_one() {
        let d = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
        assert_eq!(period(3, d("2026-11-24")), (d("2026-09-01"), d("2026-11-30")));
        assert_eq!(period(1, d("2027-02-10")), (d("2027-02-01"), d("2027-02-28")));
        assert_eq!(period(12, d("2026-01-31")), (d("2025-02-01"), d("2026-01-31")));
    }
}
