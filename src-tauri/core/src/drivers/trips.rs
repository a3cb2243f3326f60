//! Trips: requests (one-off or a weekly series such as dialysis), the status cycle, and miles
//! and donations once done; weeks and months as the command line writes them. Suggesting and
//! assigning drivers is in `assign.rs`.

use chrono::{Duration, NaiveDate, NaiveTime};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rules::TripTimes;
use super::sql;
pub use super::trip::{Trip, TripStatus};
use crate::check::{parse_time, Checker};
use crate::error::{Error, Result};

fn time(hhmm: &str) -> NaiveTime {
    NaiveTime::parse_from_str(hhmm, "%H:%M").unwrap_or(NaiveTime::MIN)
}

impl Trip {
    pub fn times(&self) -> TripTimes {
        TripTimes {
            goes_on: NaiveDate::parse_from_str(&self.goes_on, "%Y-%m-%d").unwrap_or_default(),
            pickup: time(&self.pickup_at),
            appointment: time(&self.appointment_at),
            back: self.back_at.as_deref().map(time),
            returns: self.returns,
        }
    }

    /// Still needs or holds a driver (not done, cancelled or given up).
    pub fn is_live(&self) -> bool {
        matches!(self.status, TripStatus::Requested | TripStatus::Assigned | TripStatus::Confirmed)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct TripInput {
    #[ts(type = "number | null")]
    pub passenger_id: Option<i64>,
    /// Empty means the passenger's usual pick-up address.
    pub pickup_address: String,
    #[ts(type = "number | null")]
    pub destination_id: Option<i64>,
    pub goes_on: String,
    pub pickup_at: String,
    pub appointment_at: String,
    pub back_at: String,
    pub returns: bool,
    pub escort: bool,
    pub notes: String,
    /// For a series: repeat every this many weeks (1 or 2) until `repeat_until`.
    #[ts(type = "number | null")]
    pub repeat_weeks: Option<u32>,
    pub repeat_until: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedTrip {
    pub passenger_id: i64,
    pub pickup_address: String,
    pub destination_id: i64,
    pub goes_on: NaiveDate,
    pub pickup_at: String,
    pub appointment_at: String,
    pub back_at: Option<String>,
    pub returns: bool,
    pub escort: bool,
    pub notes: String,
    /// Every date of the series (just `goes_on` for a one-off).
    pub dates: Vec<NaiveDate>,
}

/// The longest series PPG Desk makes in one go.
pub const MAX_SERIES: usize = 52;

impl TripInput {
    /// Checks the request; `usual_address` fills an empty pick-up address.
    pub fn checked(&self, usual_address: Option<&str>, today: NaiveDate) -> Result<CheckedTrip> {
        let mut c = Checker::new();
        let passenger_id = self.passenger_id.unwrap_or_else(|| {
            c.fail("passengerId", "Please choose the passenger (add them under Passengers first).");
            0
        });
        let destination_id = self.destination_id.unwrap_or_else(|| {
            c.fail("destinationId", "Please choose where they are going.");
            0
        });
        let typed = c.text("pickupAddress", &self.pickup_address, 500, None);
        let pickup_address = if typed.is_empty() { usual_address.unwrap_or_default().to_string() } else { typed };
        if pickup_address.is_empty() && !c.has_error("passengerId") {
            c.fail("pickupAddress", "Please give the address to pick them up from.");
        }
        let goes_on = c.date("goesOn", &self.goes_on);
        if goes_on.is_none() && !c.has_error("goesOn") {
            c.fail("goesOn", "Please give the date of the trip.");
        }
        if goes_on.is_some_and(|d| d < today - Duration::days(31)) {
            c.fail("goesOn", "This is more than a month ago; please check the date.");
        }
        let mut required_time = |field: &str, text: &str, missing: &str| -> Option<String> {
            if text.trim().is_empty() {
                c.fail(field, missing);
                return None;
            }
            parse_time(text).map_err(|m| c.fail(field, m)).ok()
        };
        let appointment_at = required_time("appointmentAt", &self.appointment_at, "Please give the appointment time.");
        let pickup_at = required_time("pickupAt", &self.pickup_at, "Please give the pick-up time.");
        let back_at = if self.back_at.trim().is_empty() {
            None
        } else {
            parse_time(&self.back_at).map_err(|m| c.fail("backAt", m)).ok()
        };
        if let (Some(p), Some(a)) = (&pickup_at, &appointment_at) {
            let gap = (time(a) - time(p)).num_minutes().rem_euclid(24 * 60);
            if gap == 0 || gap > 6 * 60 {
                c.fail("pickupAt", "The pick-up should be before the appointment (and no more than six hours before).");
            }
        }
        let notes = c.text("notes", &self.notes, 2000, None);
        let mut dates = Vec::new();
        if let Some(first) = goes_on {
            dates.push(first);
            if let Some(weeks) = self.repeat_weeks {
                if !(1..=4).contains(&weeks) {
                    c.fail("repeatWeeks", "A series repeats every 1 to 4 weeks.");
                }
                match c.date("repeatUntil", &self.repeat_until) {
                    None if !c.has_error("repeatUntil") => {
                        c.fail("repeatUntil", "Please give the date of the last trip in the series.")
                    }
                    Some(until) if until <= first => c.fail("repeatUntil", "The series must end after the first trip."),
                    Some(until) => {
                        let mut next = first + Duration::weeks(weeks.max(1) as i64);
                        while next <= until && dates.len() < MAX_SERIES {
                            dates.push(next);
                            next += Duration::weeks(weeks.max(1) as i64);
                        }
                        if next <= until {
                            c.fail(
                                "repeatUntil",
                                format!("A series can have up to {MAX_SERIES} trips; please end it sooner."),
                            );
                        }
                    }
                    None => {}
                }
            }
        }
        c.finish()?;
        Ok(CheckedTrip {
            passenger_id,
            pickup_address,
            destination_id,
            goes_on: goes_on.expect("checked"),
            pickup_at: pickup_at.expect("checked"),
            appointment_at: appointment_at.expect("checked"),
            back_at,
            returns: self.returns,
            escort: self.escort,
            notes,
            dates,
        })
    }
}

/// Adds the request (every trip of a series); returns the first trip's id.
pub fn create(conn: &Connection, input: &TripInput, today: NaiveDate, now: &str) -> Result<i64> {
    let usual = match input.passenger_id {
        Some(id) => Some(sql::get_passenger(conn, id)?.pickup_address),
        None => None,
    };
    let trip = input.checked(usual.as_deref(), today)?;
    let series = if trip.dates.len() > 1 { Some(sql::next_series_id(conn)?) } else { None };
    let mut first = None;
    for on in &trip.dates {
        let one = CheckedTrip { goes_on: *on, ..trip.clone() };
        let id = sql::insert_trip(conn, &one, series, now)?;
        first.get_or_insert(id);
    }
    Ok(first.expect("a trip has at least one date"))
}

/// Changes a request's details; a trip that is done, cancelled or not covered stays as it was.
pub fn update(conn: &Connection, id: i64, input: &TripInput, today: NaiveDate, now: &str) -> Result<()> {
    let trip = sql::get_trip(conn, id)?;
    if !trip.is_live() {
        return Err(Error::Refused(format!(
            "This trip is {}, so it can no longer be changed.",
            trip.status.label().to_lowercase()
        )));
    }
    let usual = sql::get_passenger(conn, trip.passenger_id)?.pickup_address;
    let input = TripInput { passenger_id: Some(trip.passenger_id), repeat_weeks: None, ..input.clone() };
    let checked = input.checked(Some(&usual), today)?;
    sql::update_trip(conn, id, &checked, now)?;
    if let Some(driver) = trip.driver_id {
        // New times may clash: hand it back for reassigning rather than keep a clash.
        let problems = super::assign::problems_for(conn, &sql::get_trip(conn, id)?, driver, today)?;
        if problems.iter().any(|p| p.blocking) {
            sql::set_trip_driver(conn, id, None, TripStatus::Requested, "", now)?;
        }
    }
    Ok(())
}

/// Moves a trip on: confirmed (with the driver and passenger), cancelled, could not be
/// covered, or back to requested (taking the driver off).
pub fn set_status(conn: &Connection, trip_id: i64, to: TripStatus, now: &str) -> Result<()> {
    let trip = sql::get_trip(conn, trip_id)?;
    // Written as a table of the moves allowed, which reads better than one `matches!`.
    #[allow(clippy::match_like_matches_macro)]
    let allowed = match (trip.status, to) {
        (TripStatus::Assigned, TripStatus::Confirmed) => true,
        (
            TripStatus::Requested | TripStatus::Assigned | TripStatus::Confirmed,
            TripStatus::Cancelled | TripStatus::NotCovered,
        ) => true,
        (
            TripStatus::Assigned | TripStatus::Confirmed | TripStatus::Cancelled | TripStatus::NotCovered,
            TripStatus::Requested,
        ) => true,
        _ => false,
    };
    if !allowed {
        return Err(Error::Refused(format!(
            "A trip that is {} cannot be marked {}.",
            trip.status.label().to_lowercase(),
            to.label().to_lowercase()
        )));
    }
    match to {
        TripStatus::Requested | TripStatus::NotCovered => sql::set_trip_driver(conn, trip_id, None, to, "", now),
        _ => sql::set_trip_status(conn, trip_id, to, now),
    }
}

/// Records a trip as done with its miles and any donation (both optional, as typed).
pub fn mark_done(
    conn: &Connection,
    trip_id: i64,
    miles: &str,
    donation: &str,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    let trip = sql::get_trip(conn, trip_id)?;
    if !matches!(trip.status, TripStatus::Assigned | TripStatus::Confirmed | TripStatus::Done) {
        return Err(Error::Refused("Only a trip with a driver can be marked as done.".into()));
    }
    if trip.times().goes_on > today {
        return Err(Error::Refused("This trip has not happened yet.".into()));
    }
    let mut c = Checker::new();
    let miles = if miles.trim().is_empty() {
        None
    } else {
        super::mileage::parse_miles(miles).map_err(|m| c.fail("miles", m)).ok()
    };
    let donation = if donation.trim().is_empty() {
        None
    } else {
        super::mileage::parse_money(donation).map_err(|m| c.fail("donation", m)).ok()
    };
    c.finish()?;
    sql::set_trip_done(conn, trip_id, miles, donation, now)
}

// Weeks and months as people write them are shared words: they live in `crate::calendar`.
pub use crate::calendar::{parse_month, parse_week, week_name, YEARS};

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    fn input() -> TripInput {
        TripInput {
            passenger_id: Some(1),
            destination_id: Some(2),
            goes_on: "1/12/2026".into(),
            pickup_at: "9am".into(),
            appointment_at: "10.15am".into(),
            returns: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_request_needs_who_where_and_times_in_order() {
        let today = d("2026-11-24");
        let Err(Error::Invalid(fields)) =
            TripInput { pickup_at: "11am".into(), appointment_at: "10am".into(), ..Default::default() }
                .checked(None, today)
        else {
            panic!("refused")
        };
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, vec!["passengerId", "destinationId", "goesOn", "pickupAt"]);
        let ok = input().checked(Some("4 Mill Lane"), today).unwrap();
        assert_eq!(
            (ok.pickup_address.as_str(), ok.pickup_at.as_str(), ok.appointment_at.as_str()),
            ("4 Mill Lane", "09:00", "10:15")
        );
        assert_eq!(ok.dates, vec![d("2026-12-01")]);
        // Late at night past midnight is fine.
        assert!(TripInput { pickup_at: "11.30pm".into(), appointment_at: "00:15".into(), ..input() }
            .checked(Some("x"), today)
            .is_ok());
    }

    #[test]
    fn a_weekly_series_makes_every_trip_up_to_its_end() {
        let today = d("2026-11-24");
        let series = TripInput { repeat_weeks: Some(1), repeat_until: "22/12/2026".into(), ..input() }
            .checked(Some("x"), today)
            .unwrap();
        assert_eq!(series.dates, vec![d("2026-12-01"), d("2026-12-08"), d("2026-12-15"), d("2026-12-22")]);
        let fortnightly = TripInput { repeat_weeks: Some(2), repeat_until: "28/12/2026".into(), ..input() }
            .checked(Some("x"), today)
            .unwrap();
        assert_eq!(fortnightly.dates.len(), 2);
        let Err(Error::Invalid(fields)) =
            TripInput { repeat_weeks: Some(1), repeat_until: "1/12/2028".into(), ..input() }.checked(Some("x"), today)
        else {
            panic!("too long")
        };
        assert!(fields[0].message.contains("up to 52 trips"));
    }

    #[test]
    fn weeks_and_months_are_read_as_written() {
        assert_eq!(parse_week("2026-W48").unwrap(), d("2026-11-23"));
        assert_eq!(week_name(d("2026-11-29")), "2026-W48");
        assert_eq!(week_name(d("2027-01-01")), "2026-W53");
        assert!(parse_week("next week").is_err());
        assert_eq!(parse_month("2027-02").unwrap(), (d("2027-02-01"), d("2027-02-28")));
    }
}
