//! The befriending report for a month or a year (or any run of months): referrals by month
//! and by where they came from, where they stand, how they closed, the average wait to be
//! matched, matches active at the end, and the change in outcome scores. Anonymous
//! aggregates only: the counts include the anonymous lines kept when referrals are erased,
//! and no name, date of birth or note ever reaches it.

use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::referrals::Source;
use super::rules::{CloseReason, Scores, Stage};
pub use super::ReportRow;
use crate::error::{Error, Result};

/// A label and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Count {
    pub label: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BefriendingReport {
    /// "November 2026" or "April 2026 to March 2027".
    pub period: String,
    pub from: String,
    pub to: String,
    pub referrals: u32,
    pub by_month: Vec<Count>,
    pub by_source: Vec<Count>,
    /// Where the referrals received in the period stand now.
    pub by_stage: Vec<Count>,
    pub closed_by_reason: Vec<Count>,
    /// Average days from referral to match, of those referred in the period and matched.
    pub average_days_to_match: Option<u32>,
    pub matched: u32,
    /// Matches that had met and not ended on the last day of the period, or today when the
    /// period is still running.
    pub active_matches: u32,
    /// True when the period has not ended yet, so `active_matches` counts today's.
    pub active_now: bool,
    /// People whose scores were taken again in the period (first and latest compared).
    pub outcome_people: u32,
    /// "Life satisfaction: up 1.5 on average (better)" etc.
    pub outcome_changes: Vec<String>,
    /// On a laptop that does not hold the scheme: when the coordinator's laptop last shared
    /// its anonymous numbers (counted by month), which this report is made from.
    pub shared_as_of: Option<String>,
}

/// The longest period one report covers.
const MAX_MONTHS: u32 = 120;

/// The first and last day of the months `from` to `to` ("2026-04", "2027-03").
pub fn months(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate)> {
    let (first, _) = crate::calendar::parse_month(from)?;
    let (_, last) = crate::calendar::parse_month(to)?;
    if last < first {
        return Err(Error::Refused("The report cannot end before it starts: please choose a later last month.".into()));
    }
    if last > first + chrono::Months::new(MAX_MONTHS) {
        return Err(Error::Refused(format!(
            "A report can cover at most {} years: please choose a shorter period.",
            MAX_MONTHS / 12
        )));
    }
    Ok((first, last))
}

fn period_name(first: NaiveDate, last: NaiveDate) -> String {
    let (a, b) = (first.format("%B %Y").to_string(), last.format("%B %Y").to_string());
    if a == b {
        a
    } else {
        format!("{a} to {b}")
    }
}

fn counted<T: Copy + PartialEq>(
    all: &[T],
    label: impl Fn(T) -> &'static str,
    items: impl Iterator<Item = T>,
) -> Vec<Count> {
    let items: Vec<T> = items.collect();
    all.iter()
        .map(|v| Count { label: label(*v).to_string(), count: items.iter().filter(|i| **i == *v).count() as u32 })
        .filter(|c| c.count > 0)
        .collect()
}

fn average_change(name: &str, pairs: &[(f64, f64)], higher_is_better: bool) -> String {
    let n = pairs.len() as f64;
    let change = pairs.iter().map(|(a, b)| b - a).sum::<f64>() / n;
    let rounded = (change * 10.0).round() / 10.0;
    if rounded == 0.0 {
        return format!("{name}: no change on average");
    }
    let better = (rounded > 0.0) == higher_is_better;
    format!(
        "{name}: {} {:.1} on average ({})",
        if rounded > 0.0 { "up" } else { "down" },
        rounded.abs(),
        if better { "better" } else { "worse" }
    )
}

/// Builds the report for the days `first` to `last` from anonymous rows and the spells of
/// matches (first met, ended), as it stands on `today`.
pub fn build(
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
    rows: &[ReportRow],
    spells: &[(String, Option<String>)],
) -> BefriendingReport {
    let (a, b) = (first.to_string(), last.to_string());
    let counted_on = last.min(today).to_string();
    let within = |d: &str| d >= a.as_str() && d <= b.as_str();
    let received: Vec<&ReportRow> = rows.iter().filter(|r| within(&r.received_on)).collect();
    // Months still to come are left out: a report on a year still running stops at this month.
    let mut by_month = Vec::new();
    let mut month = first;
    while month <= last.min(today) {
        let key = month.format("%Y-%m").to_string();
        let count = received.iter().filter(|r| r.received_on.starts_with(&key)).count() as u32;
        by_month.push(Count { label: month.format("%B %Y").to_string(), count });
        month = month.checked_add_months(Months::new(1)).unwrap_or(last + chrono::Duration::days(1));
    }
    let matched: Vec<i64> = received.iter().filter_map(|r| r.days_to_match).collect();
    let pairs = |f: &dyn Fn(&Scores) -> f64| -> Vec<(f64, f64)> {
        rows.iter()
            .filter(|r| r.scores.len() > 1 && r.scores.last().is_some_and(|(on, _)| within(on)))
            .map(|r| (f(&r.scores[0].1), f(&r.scores[r.scores.len() - 1].1)))
            .collect()
    };
    let people = pairs(&|s| s.satisfied as f64).len() as u32;
    let outcome_changes = if people == 0 {
        Vec::new()
    } else {
        vec![
            average_change("Life satisfaction (0 to 10)", &pairs(&|s| s.satisfied as f64), true),
            average_change("Feeling things are worthwhile (0 to 10)", &pairs(&|s| s.worthwhile as f64), true),
            average_change("Happiness yesterday (0 to 10)", &pairs(&|s| s.happy as f64), true),
            average_change("Anxiety yesterday (0 to 10)", &pairs(&|s| s.anxious as f64), false),
            average_change("Loneliness, UCLA 3-item (3 to 9)", &pairs(&|s| s.ucla_total() as f64), false),
            average_change("How often lonely (1 often to 5 never)", &pairs(&|s| s.direct_loneliness as f64), true),
        ]
    };
    BefriendingReport {
        period: period_name(first, last),
        from: first.format("%Y-%m").to_string(),
        to: last.format("%Y-%m").to_string(),
        referrals: received.len() as u32,
        by_month,
        by_source: counted(Source::ALL, Source::label, received.iter().filter_map(|r| Source::from_key(&r.source))),
        by_stage: counted(Stage::ALL, Stage::label, received.iter().map(|r| r.stage.unwrap_or(Stage::Closed))),
        closed_by_reason: counted(
            CloseReason::ALL,
            CloseReason::label,
            rows.iter()
                .filter(|r| r.closed_on.as_deref().is_some_and(within))
                .filter_map(|r| CloseReason::from_key(&r.close_reason)),
        ),
        average_days_to_match: (!matched.is_empty())
            .then(|| (matched.iter().sum::<i64>() as f64 / matched.len() as f64).round() as u32),
        matched: matched.len() as u32,
        active_matches: spells
            .iter()
            .filter(|(met, ended)| {
                met.as_str() <= counted_on.as_str() && ended.as_deref().is_none_or(|e| e > counted_on.as_str())
            })
            .count() as u32,
        active_now: today < last,
        outcome_people: people,
        outcome_changes,
        shared_as_of: None,
    }
}

/// The report for the months `from` to `to`, from the store.
pub fn report(conn: &Connection, from: &str, to: &str, today: NaiveDate) -> Result<BefriendingReport> {
    let (first, last) = months(from, to)?;
    let (rows, spells) = super::report_sql::rows(conn)?;
    Ok(build(first, last, today, &rows, &spells))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    fn scores(satisfied: u8, lonely: u8) -> Scores {
        Scores {
            satisfied,
            worthwhile: 5,
            happy: 5,
            anxious: 5,
            lack_companionship: lonely,
            left_out: lonely,
            isolated: lonely,
            direct_loneliness: 3,
        }
    }

    #[test]
    fn counts_live_and_erased_referrals_and_averages_the_changes() {
        let rows = vec![
            ReportRow {
                received_on: "2026-10-03".into(),
                source: "splw".into(),
                stage: Some(Stage::Active),
                days_to_match: Some(20),
                scores: vec![("2026-10-20".into(), scores(3, 3)), ("2026-11-20".into(), scores(6, 2))],
                ..Default::default()
            },
            ReportRow {
                received_on: "2026-11-10".into(),
                source: "gp".into(),
                stage: Some(Stage::Waiting),
                ..Default::default()
            },
            // An erased referral: counted, but nothing about the person.
            ReportRow {
                received_on: "2026-11-01".into(),
                source: "splw".into(),
                stage: None,
                closed_on: Some("2026-11-15".into()),
                close_reason: "moved_away".into(),
                days_to_match: Some(11),
                ..Default::default()
            },
            ReportRow {
                received_on: "2026-08-01".into(),
                source: "self".into(),
                stage: Some(Stage::Active),
                ..Default::default()
            },
        ];
        let spells = vec![
            ("2026-10-25".to_string(), None),
            ("2026-09-01".to_string(), Some("2026-10-15".to_string())),
            ("2026-12-01".to_string(), None),
        ];
        let report = build(d("2026-10-01"), d("2026-11-30"), d("2026-12-20"), &rows, &spells);
        assert_eq!(report.period, "October 2026 to November 2026");
        assert_eq!(report.referrals, 3, "August's referral is outside the period");
        assert_eq!(
            report.by_month,
            vec![Count { label: "October 2026".into(), count: 1 }, Count { label: "November 2026".into(), count: 2 }]
        );
        assert_eq!(report.by_source[0], Count { label: "Social prescribing link worker".into(), count: 2 });
        assert!(
            report.by_stage.contains(&Count { label: "Closed".into(), count: 1 }),
            "the erased line counts as closed"
        );
        assert_eq!(report.closed_by_reason, vec![Count { label: "Moved away".into(), count: 1 }]);
        assert_eq!((report.matched, report.average_days_to_match), (2, Some(16)), "(20 + 11) / 2 rounds to 16");
        assert_eq!(
            (report.active_matches, report.active_now),
            (1, false),
            "one ended before the end, one starts after it"
        );
        let running = build(d("2026-10-01"), d("2026-12-31"), d("2026-11-20"), &rows, &spells);
        assert_eq!(
            (running.active_matches, running.active_now),
            (1, true),
            "counted today: December's match has not started yet"
        );
        assert_eq!(
            running.by_month.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
            vec!["October 2026", "November 2026"],
            "December has not come yet"
        );
        assert_eq!(report.outcome_people, 1);
        assert_eq!(report.outcome_changes[0], "Life satisfaction (0 to 10): up 3.0 on average (better)");
        assert_eq!(report.outcome_changes[4], "Loneliness, UCLA 3-item (3 to 9): down 3.0 on average (better)");
        assert_eq!(report.outcome_changes[1], "Feeling things are worthwhile (0 to 10): no change on average");
    }

    #[test]
    fn a_report_cannot_end_before_it_starts() {
        assert!(months("2026-11", "2026-10").is_err());
        assert_eq!(months("2026-02", "2026-02").unwrap(), (d("2026-02-01"), d("2026-02-28")));
    }
}
