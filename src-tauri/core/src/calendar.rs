//! Weeks and months as people write them and as PPG Desk stores them: ISO weeks
//! ("2026-W48"), months typed as "November 2026", "Nov 2026", "11/2026" or "2026-11", and the
//! range of years PPG Desk works with. Shared by every feature that takes a week or a month.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};

/// Monday of the ISO week "2026-W48".
pub fn parse_week(text: &str) -> Result<NaiveDate> {
    let bad = || Error::Refused("Please give the week like 2026-W48 (the year, then W and the week number).".into());
    let (year, week) = text.trim().split_once("-W").ok_or_else(bad)?;
    let (year, week) = (year.parse::<i32>().map_err(|_| bad())?, week.parse::<u32>().map_err(|_| bad())?);
    check_year(year)?;
    NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).ok_or_else(bad)
}

/// The months' names, lower case, January first (for reading dates and months as typed).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The year and month number in "2026-11", "11/2026", "November 2026" or "Nov 2026".
fn month_parts(text: &str) -> Option<(i32, u32)> {
    let parts: Vec<&str> = text.split(['-', '/', ' ', '.']).filter(|p| !p.is_empty()).collect();
    let [a, b] = parts.as_slice() else { return None };
    let (year, month) = if a.len() == 4 && a.bytes().all(|c| c.is_ascii_digit()) { (a, b) } else { (b, a) };
    if year.len() != 4 || !year.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let month = match month.parse::<u32>() {
        Ok(number) => number,
        Err(_) => {
            let lower = month.to_lowercase();
            MONTHS.iter().position(|m| lower.chars().count() >= 3 && m.starts_with(&lower)).map(|i| i as u32 + 1)?
        }
    };
    Some((year.parse().ok()?, month))
}

/// Weeks and months PPG Desk works with lie between these years: a year such as -200000 or 1
/// would otherwise make a report of hundreds of thousands of empty months.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

fn check_year(year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(Error::Refused(format!("Please choose a year from {} to {}.", YEARS.start(), YEARS.end())))
    }
}

/// "2026-W48" for the week `date` is in.
pub fn week_name(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// The first and last day of a month, written as people do ("November 2026", "Nov 2026",
/// "11/2026") or as stored ("2026-11").
/// The last `months` whole months, this one included: from the first of the earliest to the
/// last day of this month (1 to 36 months).
pub fn last_months(months: u32, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Months;
    let first_this = today.with_day(1).unwrap_or(today);
    let from = first_this.checked_sub_months(Months::new(months.clamp(1, 36) - 1)).unwrap_or(first_this);
    let to = first_this.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(today);
    (from, to)
}

pub fn parse_month(text: &str) -> Result<(NaiveDate, NaiveDate)> {
    let bad = || Error::Refused("Please give the month like November 2026 (or 11/2026).".into());
    let (year, month) = month_parts(text).ok_or_else(bad)?;
    let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
    check_year(first.year())?;
    let next = first.checked_add_months(chrono::Months::new(1)).ok_or_else(bad)?;
    Ok((first, next.pred_opt().ok_or_else(bad)?))
}

/// The one way timestamps are written into the database: local time, to the second.
pub fn stamp(now: chrono::NaiveDateTime) -> String {
    now.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// The UTC instant of a UK wall-clock time. In the autumn hour that happens twice, the first
/// is meant; in the spring hour that never happens, the clocks have already gone forward.
pub fn uk_to_utc(date: NaiveDate, hhmm: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    let time = chrono::NaiveTime::parse_from_str(hhmm, "%H:%M").ok()?;
    let local = chrono::NaiveDateTime::new(date, time);
    let resolved = chrono_tz::Europe::London
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| chrono_tz::Europe::London.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest())?;
    Some(resolved.with_timezone(&chrono::Utc))
}

/// The icalendar crate writes its own PRODID first; a calendar has exactly one, ours.
pub fn without_library_prodid(text: &str) -> String {
    text.replacen("PRODID:ICALENDAR-RS\r\n", "", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_are_read_as_people_write_them() {
        for typed in ["February 2027", "feb 2027", "2/2027", "02/2027", " Feb. 2027 ", "2027-02"] {
            assert_eq!(parse_month(typed).unwrap(), (d("2027-02-01"), d("2027-02-28")), "{typed}");
        }
        assert!(parse_month("Fe 2027").is_err() && parse_month("13/2027").is_err() && parse_month("February").is_err());
        assert!(parse_month("1999-12").unwrap_err().to_string().contains("year from 2000"));
    }

    #[test]
    fn weeks_are_iso_weeks_within_the_years() {
        assert_eq!(parse_week("2026-W49").unwrap(), d("2026-11-30"));
        assert_eq!(week_name(d("2026-12-06")), "2026-W49");
        assert!(parse_week("1066-W01").is_err() && parse_week("2026-W60").is_err());
    }
}
