//! The themes counted: how many patients raised each theme, month by month, over a period.
//! An item counts once under each of its themes; one with no theme counts as "Not sorted yet".

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{Feedback, Theme};

/// One theme's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ThemeRow {
    pub name: String,
    /// Patients in the whole period.
    pub total: u32,
    /// Patients in each month of `Tally::months`.
    pub by_month: Vec<u32>,
}

/// The themes over a period, most raised first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Tally {
    /// "2026-04", one per month from the first day to the last.
    pub months: Vec<String>,
    pub rows: Vec<ThemeRow>,
    /// Patients whose words were logged in the period (each once, whatever its themes).
    pub patients: u32,
    pub items: u32,
}

/// Months from `from` to `to` as "YYYY-MM" (none when `to` is before `from`).
pub fn months(from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let (mut year, mut month) = (from.year(), from.month());
    while (year, month) <= (to.year(), to.month()) {
        out.push(format!("{year:04}-{month:02}"));
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    }
    out
}

/// Counts `items` received from `from` to `to` (both included) under `themes`.
pub fn tally(items: &[Feedback], themes: &[Theme], from: NaiveDate, to: NaiveDate) -> Tally {
    let months = months(from, to);
    let (first, last) = (from.to_string(), to.to_string());
    let within: Vec<&Feedback> = items.iter().filter(|f| f.received_on >= first && f.received_on <= last).collect();
    let column = |f: &Feedback| months.iter().position(|m| f.received_on.starts_with(m.as_str()));
    let mut rows: Vec<ThemeRow> =
        themes.iter().map(|t| ThemeRow { name: t.name.clone(), total: 0, by_month: vec![0; months.len()] }).collect();
    let mut unsorted = ThemeRow { name: "Not sorted yet".into(), total: 0, by_month: vec![0; months.len()] };
    for f in &within {
        let mut rows_of_f: Vec<&mut ThemeRow> = Vec::new();
        if f.themes.is_empty() {
            rows_of_f.push(&mut unsorted);
        } else {
            for (theme, row) in themes.iter().zip(rows.iter_mut()) {
                if f.themes.contains(&theme.id) {
                    rows_of_f.push(row);
                }
            }
        }
        for row in rows_of_f {
            row.total += f.patients;
            if let Some(m) = column(f) {
                row.by_month[m] += f.patients;
            }
        }
    }
    rows.push(unsorted);
    rows.retain(|r| r.total > 0);
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    Tally { months, rows, patients: within.iter().map(|f| f.patients).sum(), items: within.len() as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::FeedbackSource;

    fn item(on: &str, patients: u32, themes: &[i64]) -> Feedback {
        Feedback {
            id: 0,
            received_on: on.into(),
            source: FeedbackSource::Survey,
            patients,
            words: "words".into(),
            themes: themes.to_vec(),
            answered_by: vec![],
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn each_theme_counts_its_patients_by_month_and_an_item_counts_under_each_of_its_themes() {
        let themes = [Theme { id: 1, name: "Phones".into(), uses: 0 }, Theme { id: 2, name: "Staff".into(), uses: 0 }];
        let items = [
            item("2026-03-31", 5, &[1]),
            item("2026-04-01", 12, &[1]),
            item("2026-05-20", 1, &[1, 2]),
            item("2026-05-21", 2, &[]),
            item("2027-04-01", 9, &[2]),
        ];
        let t = tally(&items, &themes, d(2026, 4, 1), d(2027, 3, 31));
        assert_eq!(t.months.len(), 12);
        assert_eq!((t.months[0].as_str(), t.months[11].as_str()), ("2026-04", "2027-03"));
        assert_eq!(
            t.rows[0],
            ThemeRow { name: "Phones".into(), total: 13, by_month: [vec![12, 1], vec![0; 10]].concat() }
        );
        assert_eq!((t.rows[1].name.as_str(), t.rows[1].total), ("Not sorted yet", 2));
        assert_eq!((t.rows[2].name.as_str(), t.rows[2].total), ("Staff", 1));
        assert_eq!((t.patients, t.items), (15, 3), "the 31 March and 1 April 2027 items are outside the year");
    }

    #[test]
    fn months_run_across_the_new_year_and_none_when_the_end_comes_first() {
        assert_eq!(months(d(2026, 11, 15), d(2027, 2, 1)), ["2026-11", "2026-12", "2027-01", "2027-02"]);
        assert!(months(d(2026, 5, 1), d(2026, 4, 30)).is_empty());
    }
}
