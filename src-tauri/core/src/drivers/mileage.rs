//! Mileage at the HMRC approved rate for volunteer drivers: 45p a mile for the first 10,000
//! business miles in a tax year (6 April to 5 April), 25p a mile after. Miles are kept in
//! tenths, money in pence, so nothing is lost to floating point.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// 10,000 miles, in tenths.
pub const THRESHOLD_TENTHS: i64 = 100_000;
/// Warn when a driver's miles in the tax year pass this (9,000 miles), in tenths.
pub const WARN_TENTHS: i64 = 90_000;
/// Pence a mile up to the threshold, and after it.
pub const HIGH_RATE_PENCE: i64 = 45;
pub const LOW_RATE_PENCE: i64 = 25;

/// The first day of the tax year `date` falls in (6 April).
pub fn tax_year_start(date: NaiveDate) -> NaiveDate {
    let this_year = NaiveDate::from_ymd_opt(date.year(), 4, 6).expect("6 April exists");
    if date >= this_year {
        this_year
    } else {
        NaiveDate::from_ymd_opt(date.year() - 1, 4, 6).expect("6 April exists")
    }
}

/// "2026–27" for the tax year starting 6 April 2026.
pub fn tax_year_name(start: NaiveDate) -> String {
    format!("{}–{:02}", start.year(), (start.year() + 1) % 100)
}

/// One trip's miles on a claim, split between the two rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClaimLine {
    #[ts(type = "number")]
    pub trip_id: i64,
    pub on: String,
    #[ts(type = "number")]
    pub tenths: i64,
    /// Tenths paid at 45p and at 25p.
    #[ts(type = "number")]
    pub high_tenths: i64,
    #[ts(type = "number")]
    pub low_tenths: i64,
    #[ts(type = "number")]
    pub pence: i64,
    /// The driver's miles in this tax year after this trip, in tenths.
    #[ts(type = "number")]
    pub year_to_date_tenths: i64,
}

/// Splits trips (date order) between the rates. `before(tax_year_start)` says how many tenths
/// the driver had already driven in that tax year before the first of these trips, so a claim
/// that straddles 5/6 April starts the new year from nothing.
pub fn claim_lines(trips: &[(i64, NaiveDate, i64)], before: impl Fn(NaiveDate) -> i64) -> Vec<ClaimLine> {
    let mut lines = Vec::new();
    let mut year: Option<(NaiveDate, i64)> = None;
    for &(trip_id, on, tenths) in trips {
        let start = tax_year_start(on);
        let so_far = match year {
            Some((s, total)) if s == start => total,
            _ => before(start),
        };
        let high_room = (THRESHOLD_TENTHS - so_far).max(0);
        let high_tenths = tenths.min(high_room);
        let low_tenths = tenths - high_tenths;
        // Tenths of a mile at 45p are 4.5p each: work in tenths of pence, round half up.
        let tenth_pence = high_tenths * HIGH_RATE_PENCE + low_tenths * LOW_RATE_PENCE;
        let pence = (tenth_pence + 5) / 10;
        year = Some((start, so_far + tenths));
        lines.push(ClaimLine {
            trip_id,
            on: on.to_string(),
            tenths,
            high_tenths,
            low_tenths,
            pence,
            year_to_date_tenths: so_far + tenths,
        });
    }
    lines
}

/// Reads miles as typed ("12", "12.5", "1,200 miles"; "12.25" rounds to 12.3) into tenths,
/// from 0 to `max`; `example` and `out_of_range` make the messages.
fn read_miles(text: &str, max: f64, example: &str, out_of_range: &str) -> std::result::Result<i64, String> {
    let t = text.trim().trim_end_matches("miles").trim_end_matches("mi").trim().replace(',', "");
    let value: f64 =
        t.parse().map_err(|_| format!("This is not a number of miles: please write it like {example}."))?;
    if !(0.0..=max).contains(&value) {
        return Err(out_of_range.into());
    }
    Ok((value * 10.0).round() as i64)
}

/// A trip's miles.
pub fn parse_miles(text: &str) -> std::result::Result<i64, String> {
    read_miles(text, 2000.0, "12.5", "Please give the miles for this trip, from 0 to 2,000.")
}

/// The miles a driver has driven for other organisations in a tax year (empty means none).
pub fn parse_other_miles(text: &str) -> std::result::Result<i64, String> {
    if text.trim().is_empty() {
        return Ok(0);
    }
    read_miles(
        text,
        100_000.0,
        "2,400",
        "Please give the miles for other organisations this tax year, from 0 to 100,000.",
    )
}

/// Records what a driver told the scheme they drove for other organisations in the tax year
/// that `last` (the claim month's last day) falls in, checked first.
pub fn save_other_miles(
    tx: &rusqlite::Connection,
    driver_id: i64,
    last: NaiveDate,
    miles: &str,
    today: NaiveDate,
    now: &str,
) -> crate::error::Result<()> {
    let tenths = parse_other_miles(miles).map_err(|message| crate::error::Error::invalid("otherMiles", message))?;
    super::sql::get_driver(tx, driver_id, today)?;
    super::sql::set_other_miles(tx, driver_id, tax_year_start(last), tenths, now)
}

/// Reads money as typed ("£5", "5.50", "3") into pence.
pub fn parse_money(text: &str) -> std::result::Result<i64, String> {
    let t = text.trim().trim_start_matches('£').trim();
    let value: f64 =
        t.parse().map_err(|_| "This is not an amount of money: please write it like £5 or 2.50.".to_string())?;
    if !(0.0..=10_000.0).contains(&value) {
        return Err("Please give an amount from £0 to £10,000.".into());
    }
    Ok((value * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_tax_year_turns_on_6_april() {
        assert_eq!(tax_year_start(d("2027-04-05")), d("2026-04-06"));
        assert_eq!(tax_year_start(d("2027-04-06")), d("2027-04-06"));
        assert_eq!(tax_year_start(d("2027-01-15")), d("2026-04-06"));
        assert_eq!(tax_year_name(d("2026-04-06")), "2026–27");
        assert_eq!(tax_year_name(d("2099-04-06")), "2099–00");
    }

    #[test]
    fn a_claim_pays_45p_then_25p_splitting_the_trip_that_crosses_10000_miles() {
        // 9,990 miles already this year; a 25-mile trip: 10 at 45p, 15 at 25p.
        let lines = claim_lines(&[(1, d("2026-11-10"), 250), (2, d("2026-11-12"), 100)], |_| 99_900);
        assert_eq!((lines[0].high_tenths, lines[0].low_tenths), (100, 150));
        assert_eq!(lines[0].pence, 450 + 375);
        assert_eq!((lines[1].high_tenths, lines[1].low_tenths, lines[1].pence), (0, 100, 250));
        assert_eq!(lines[1].year_to_date_tenths, 100_250);
    }

    #[test]
    fn a_claim_across_5_and_6_april_starts_the_new_year_from_nothing() {
        let lines = claim_lines(&[(1, d("2027-04-05"), 200), (2, d("2027-04-06"), 200)], |start| {
            if start == d("2026-04-06") {
                99_950
            } else {
                0
            }
        });
        assert_eq!((lines[0].high_tenths, lines[0].low_tenths), (50, 150), "5 April still counts in the old year");
        assert_eq!((lines[1].high_tenths, lines[1].low_tenths), (200, 0), "6 April is a new year at 45p");
        assert_eq!(lines[1].year_to_date_tenths, 200);
    }

    #[test]
    fn tenths_round_half_up_to_the_penny() {
        // 0.1 mile at 45p is 4.5p: rounds to 5p.
        assert_eq!(claim_lines(&[(1, d("2026-06-01"), 1)], |_| 0)[0].pence, 5);
        assert_eq!(claim_lines(&[(1, d("2026-06-01"), 123)], |_| 0)[0].pence, 554);
    }

    #[test]
    fn other_organisations_miles_are_read_with_commas_and_may_be_empty() {
        assert_eq!(parse_other_miles("9,500").unwrap(), 95_000);
        assert_eq!(parse_other_miles(" 120.5 miles ").unwrap(), 1205);
        assert_eq!(parse_other_miles("").unwrap(), 0);
        assert!(parse_other_miles("lots").unwrap_err().contains("not a number of miles"));
        assert!(parse_other_miles("100001").unwrap_err().contains("from 0 to 100,000"));
        assert!(parse_other_miles("-1").is_err());
    }

    #[test]
    fn miles_and_money_are_read_as_typed() {
        assert_eq!(parse_miles("12.5").unwrap(), 125);
        assert_eq!(parse_miles("12.25").unwrap(), 123);
        assert_eq!(parse_miles("7 miles").unwrap(), 70);
        assert!(parse_miles("far").unwrap_err().contains("not a number of miles"));
        assert!(parse_miles("-3").is_err());
        assert_eq!(parse_money("£5").unwrap(), 500);
        assert_eq!(parse_money("2.50").unwrap(), 250);
        assert!(parse_money("five").is_err());
    }
}

/// A driver's mileage claim for a month: each trip split between the rates, totals, and a
/// warning as they near 10,000 miles in the tax year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MileageClaim {
    #[ts(type = "number")]
    pub driver_id: i64,
    pub driver_name: String,
    /// "2026-11"
    pub month: String,
    pub lines: Vec<ClaimLine>,
    #[ts(type = "number")]
    pub total_tenths: i64,
    #[ts(type = "number")]
    pub total_pence: i64,
    #[ts(type = "number")]
    pub donations_pence: i64,
    /// "As a volunteer driver you have driven 9,210 miles in the 2026–27 tax year…"
    pub warning: Option<String>,
    /// True once this claim's last trip has taken the driver past 10,000 miles in the year.
    pub past_threshold: bool,
    /// The tax year the month ends in ("2026–27"), and the miles the driver has driven for
    /// other organisations in it (counted before the scheme's own).
    pub tax_year: String,
    #[ts(type = "number")]
    pub other_tenths: i64,
}

/// The claim for `driver_id` in the month from `first` to `last`.
pub fn claim_for(
    conn: &rusqlite::Connection,
    driver_id: i64,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
) -> crate::error::Result<MileageClaim> {
    let driver = super::sql::get_driver(conn, driver_id, today)?;
    let trips = super::sql::driver_miles(conn, driver_id, first, last)?;
    let mut before_cache = std::collections::HashMap::new();
    for &(_, on, _) in &trips {
        let start = tax_year_start(on);
        if let std::collections::hash_map::Entry::Vacant(slot) = before_cache.entry(start) {
            let earlier_end = if start > first { start } else { first };
            let until = earlier_end.pred_opt().unwrap_or(earlier_end);
            let sum: i64 = if until < start {
                0
            } else {
                super::sql::driver_miles(conn, driver_id, start, until)?.iter().map(|t| t.2).sum()
            };
            slot.insert(sum + super::sql::other_miles(conn, driver_id, start)?);
        }
    }
    let lines = claim_lines(&trips, |start| before_cache.get(&start).copied().unwrap_or(0));
    let donations_pence = super::sql::donations_between(conn, Some(driver_id), first, last)?;
    let year_start = tax_year_start(last);
    let other_tenths = super::sql::other_miles(conn, driver_id, year_start)?;
    let warning = lines.last().filter(|l| l.year_to_date_tenths >= WARN_TENTHS).map(|l| {
        let on = NaiveDate::parse_from_str(&l.on, "%Y-%m-%d").unwrap_or(first);
        let start = tax_year_start(on);
        let other = if start == year_start { other_tenths } else { 0 };
        if other > 0 {
            format!(
                "{} has driven {} business miles in the {} tax year: {} for the scheme and {} for other organisations. Above 10,000 miles the approved rate is 25p a mile.",
                driver.name,
                crate::words::miles_text(l.year_to_date_tenths),
                tax_year_name(start),
                crate::words::miles_text(l.year_to_date_tenths - other),
                crate::words::miles_text(other)
            )
        } else {
            format!(
                "{} has driven {} miles for the scheme in the {} tax year. Above 10,000 business miles the approved rate is 25p a mile, and miles driven for other organisations count too.",
                driver.name,
                crate::words::miles_text(l.year_to_date_tenths),
                tax_year_name(start)
            )
        }
    });
    let past_threshold = lines.last().is_some_and(|l| l.year_to_date_tenths >= THRESHOLD_TENTHS);
    Ok(MileageClaim {
        driver_id,
        driver_name: driver.name,
        month: first.format("%Y-%m").to_string(),
        total_tenths: lines.iter().map(|l| l.tenths).sum(),
        total_pence: lines.iter().map(|l| l.pence).sum(),
        donations_pence,
        lines,
        warning,
        past_threshold,
        tax_year: tax_year_name(year_start),
        other_tenths,
    })
}
