//! The PPG's year (twelve months from the month in Settings, April by default: 2026 is then
//! the year from 1 April 2026 to 31 March 2027) and
//! its annual report, made from the year's own records: meetings held and who came, what
//! patients said and what changed, the work with the social prescribing link worker, the
//! schemes' and the directory's year in anonymous numbers, the membership beside the
//! practice's patients, the officers, and the chair's foreword. Each section can be left out.

mod sql;

use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::feedback::{Improvement, Tally};
use crate::membership::{Comparison, Recruitment};

/// The report's sections, in order, as their keys.
pub const SECTIONS: [(&str, &str); 7] = [
    ("foreword", "The chair's foreword"),
    ("meetings", "Meetings"),
    ("feedback", "What patients told us, and what changed"),
    ("splw", "Working with the social prescribing link worker"),
    ("schemes", "The schemes, the directory and the bulletin"),
    ("membership", "Our members"),
    ("officers", "Officers during the year"),
];

/// The first and last day of the PPG's year `year`: twelve months from the first of month
/// `starts` (1 to 12) of `year`.
pub fn bounds(year: i32, starts: u32) -> Result<(NaiveDate, NaiveDate)> {
    let wrong = || Error::invalid("year", "Please give a year from 2000 to 2100, for example 2026.");
    if !(2000..=2100).contains(&year) {
        return Err(wrong());
    }
    let from = NaiveDate::from_ymd_opt(year, starts, 1).ok_or_else(wrong)?;
    let to = from.checked_add_months(Months::new(12)).and_then(|d| d.pred_opt()).ok_or_else(wrong)?;
    Ok((from, to))
}

/// The PPG's year `today` falls in, when years start in month `starts`.
pub fn year_of(today: NaiveDate, starts: u32) -> i32 {
    use chrono::Datelike;
    if today.month() >= starts {
        today.year()
    } else {
        today.year() - 1
    }
}

/// The month the PPG's year starts, from Settings (April until set up).
pub fn starts_month(conn: &Connection) -> Result<u32> {
    Ok(crate::settings::load(conn)?.map(|s| s.year_starts_month).unwrap_or(4))
}

/// "April 2026 to March 2027": the PPG's year `year` in words.
pub fn name(year: i32, starts: u32) -> String {
    match bounds(year, starts) {
        Ok((from, to)) => format!("{} to {}", from.format("%B %Y"), to.format("%B %Y")),
        Err(_) => year.to_string(),
    }
}

/// A year the annual report can be made for, with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportYear {
    pub year: i32,
    /// "April 2026 to March 2027"
    pub name: String,
}

/// This PPG year and the two before it, newest first.
pub fn report_years(conn: &Connection, today: NaiveDate) -> Result<Vec<ReportYear>> {
    let starts = starts_month(conn)?;
    let this = year_of(today, starts);
    Ok((0..3).map(|back| ReportYear { year: this - back, name: name(this - back, starts) }).collect())
}

/// What the secretary wrote for a year's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportChoices {
    pub year: i32,
    pub foreword: String,
    /// Section keys left out.
    pub leave_out: Vec<String>,
}

pub fn choices(conn: &Connection, year: i32) -> Result<ReportChoices> {
    bounds(year, 1)?;
    Ok(sql::choices(conn, year)?.unwrap_or(ReportChoices { year, foreword: String::new(), leave_out: Vec::new() }))
}

/// Saves the foreword and the sections left out (autosaved as the chair types).
pub fn save_choices(conn: &Connection, c: &ReportChoices, now: &str) -> Result<()> {
    bounds(c.year, 1)?;
    let mut checker = crate::check::Checker::new();
    let foreword = checker.text("foreword", &c.foreword, 20_000, None);
    checker.finish()?;
    let mut leave_out: Vec<String> =
        c.leave_out.iter().filter(|k| SECTIONS.iter().any(|(key, _)| key == k)).cloned().collect();
    leave_out.sort();
    leave_out.dedup();
    sql::save_choices(conn, c.year, &foreword, &leave_out.join(" "), now)
}

/// One count with what it counts, for tables and charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Counted {
    pub label: String,
    pub count: u32,
}

/// Everything the annual report says, worked out for one year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct YearFigures {
    pub year: i32,
    pub from: String,
    pub to: String,
    pub choices: ReportChoices,
    pub meetings: Vec<Counted>,
    pub meetings_held: u32,
    /// Members present, over all meetings held (for the average).
    pub member_attendances: u32,
    pub practice_attendances: u32,
    pub decisions: u32,
    pub tally: Tally,
    /// The Friends and Family Test over the year's months: all the answers added up.
    pub fft: crate::feedback::fft::Answers,
    pub fft_months: u32,
    /// The PPG's own surveys handed out in the year, each with the forms typed in.
    pub surveys: Vec<Counted>,
    pub done: Vec<Improvement>,
    pub in_hand: Vec<Improvement>,
    pub link_workers: u32,
    pub splw_work: Vec<Counted>,
    pub trips_made: u32,
    pub miles_tenths: i64,
    pub trips_not_covered: u32,
    pub referrals: u32,
    pub matched: u32,
    pub directory_entries: u32,
    pub directory_checked: u32,
    pub bulletins_published: u32,
    pub joined: u32,
    pub left: u32,
    pub members_now: u32,
    pub comparisons: Vec<Comparison>,
    pub recruitment: Vec<Recruitment>,
    /// "Chair: Margaret Ellis (from 11 April 2026)": the officers who served in the year.
    pub officers: Vec<String>,
}

/// Works out the year's figures from the store as it stands `today`.
pub fn figures(conn: &Connection, year: i32, today: NaiveDate) -> Result<YearFigures> {
    let (from, to) = bounds(year, starts_month(conn)?)?;
    let (first, last) = (from.to_string(), to.to_string());
    let within = |d: Option<&str>| d.is_some_and(|d| d >= first.as_str() && d <= last.as_str());
    let feedback = crate::feedback::list(conn)?;
    let themes = crate::feedback::themes(conn)?;
    let improvements = crate::feedback::improvements(conn)?;
    let (done, in_hand): (Vec<Improvement>, Vec<Improvement>) = improvements
        .into_iter()
        .filter(|i| i.status != crate::actions::ActionStatus::Dropped)
        .partition(|i| i.status == crate::actions::ActionStatus::Done);
    let done = done.into_iter().filter(|i| within(i.completed_on.as_deref())).collect();
    let drivers = crate::drivers::summary::summary(conn, from, to)?;
    let befriending = crate::sharing::befriending_report_on(
        conn,
        &from.format("%Y-%m").to_string(),
        &to.format("%Y-%m").to_string(),
        today,
    )?;
    let membership = crate::membership::page(conn, today)?;
    let (meetings, held, members, practice, decisions) = sql::meetings(conn, &first, &last)?;
    let (joined, left) = sql::joined_and_left(conn, &first, &last)?;
    let (entries, checked) = sql::directory(conn, &first, &last)?;
    let (link_workers, splw_work) = sql::splw(conn, &first, &last)?;
    let (first_month, last_month) = (from.format("%Y-%m").to_string(), to.format("%Y-%m").to_string());
    let fft_year: Vec<_> = crate::feedback::fft::months(conn)?
        .into_iter()
        .filter(|m| m.month >= first_month && m.month <= last_month)
        .collect();
    let surveys = crate::surveys::list(conn)?
        .into_iter()
        .rev()
        .filter(|s| within(Some(&s.held_on)))
        .map(|s| Counted { label: s.title, count: s.forms })
        .collect();
    Ok(YearFigures {
        year,
        from: first.clone(),
        to: last.clone(),
        choices: choices(conn, year)?,
        meetings,
        meetings_held: held,
        member_attendances: members,
        practice_attendances: practice,
        decisions,
        tally: crate::feedback::tally(&feedback, &themes, from, to),
        fft: fft_year.iter().fold(Default::default(), |sum, m| sum.plus(&m.answers)),
        fft_months: fft_year.len() as u32,
        surveys,
        done,
        in_hand,
        link_workers,
        splw_work,
        trips_made: drivers.total_done(),
        miles_tenths: drivers.months.iter().map(|m| m.miles_tenths).sum(),
        trips_not_covered: drivers.total_not_covered(),
        referrals: befriending.referrals,
        matched: befriending.matched,
        directory_entries: entries,
        directory_checked: checked,
        bulletins_published: sql::bulletins_published(conn, &first, &last)?,
        joined,
        left,
        members_now: membership.members,
        comparisons: membership.comparisons,
        recruitment: membership.recruitment.into_iter().filter(|r| within(Some(r.done_on.as_str()))).collect(),
        officers: sql::officers(conn, &first, &last)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ppg_year_runs_april_to_march_and_2026_starts_in_april_2026() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(bounds(2026, 4).unwrap(), (d(2026, 4, 1), d(2027, 3, 31)));
        assert_eq!(year_of(d(2026, 3, 31), 4), 2025);
        assert_eq!(year_of(d(2026, 4, 1), 4), 2026);
        assert_eq!(year_of(d(2026, 12, 7), 4), 2026);
        assert!(matches!(bounds(1999, 4), Err(Error::Invalid(_))));
        assert!(matches!(bounds(i32::MAX, 4), Err(Error::Invalid(_))));
        assert_eq!(name(2026, 4), "April 2026 to March 2027");
    }

    #[test]
    fn a_ppg_whose_year_starts_in_january_or_september_has_twelve_months_from_then() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(bounds(2026, 1).unwrap(), (d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(bounds(2026, 9).unwrap(), (d(2026, 9, 1), d(2027, 8, 31)));
        assert_eq!(year_of(d(2026, 8, 31), 9), 2025);
        assert_eq!(year_of(d(2026, 9, 1), 9), 2026);
        assert_eq!(name(2026, 1), "January 2026 to December 2026");
        assert!(bounds(2026, 13).is_err());
    }
}
