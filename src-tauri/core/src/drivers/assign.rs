//! Suggesting who can drive a trip and assigning them, with every problem explained in
//! words: a clash with another trip (allowing travel time) is never allowed; a lapsed or
//! missing check on the day, a day or time they do not usually drive, an absence, a car
//! without wheelchair room, or a driver taking a break needs the coordinator's reason,
//! which is kept with the trip.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::rules::{clash, unavailable};
use super::sql;
use super::trip::{Trip, TripStatus};
use crate::error::{Error, Result};

/// A reason a driver may not suit a trip. `blocking` problems (a clash) can never be
/// overridden; the others need the coordinator's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Problem {
    pub text: String,
    pub blocking: bool,
}

/// A driver as a candidate for a trip: how busy they are this month, and any problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Suggestion {
    #[ts(type = "number")]
    pub driver_id: i64,
    pub name: String,
    pub vehicle: String,
    pub trips_this_month: u32,
    pub problems: Vec<Problem>,
}

/// Everything that stands between `driver_id` and `trip`, in words.
pub fn problems_for(conn: &Connection, trip: &Trip, driver_id: i64, today: NaiveDate) -> Result<Vec<Problem>> {
    let driver = sql::get_driver(conn, driver_id, today)?;
    let buffer = sql::travel_buffer(conn)?;
    let times = trip.times();
    let mut problems = Vec::new();
    let busy = times.busy().ok_or_else(|| Error::Refused("This trip's times could not be read.".into()))?;
    let trip_day = times.goes_on;
    for other in sql::driver_trips_near(conn, driver_id, trip_day)? {
        if other.id == trip.id {
            continue;
        }
        if let Some(theirs) = other.times().busy() {
            if clash(busy, theirs, buffer) {
                problems.push(Problem {
                    text: format!(
                        "{} is already driving {} to {} from {} on {}, too close to this trip (allowing {buffer} minutes' travel)",
                        driver.name,
                        other.passenger_name,
                        other.destination_name,
                        crate::words::spoken_time(&other.pickup_at),
                        crate::words::long_date(&other.goes_on)
                    ),
                    blocking: true,
                });
            }
        }
    }
    // Checks must be in date on the day of the trip, not just today.
    let on_the_day = super::sql::get_driver(conn, driver_id, trip_day)?;
    for problem in on_the_day.check_problems() {
        problems.push(Problem {
            text: format!("{problem} (for a trip on {})", crate::words::long_date(&trip.goes_on)),
            blocking: false,
        });
    }
    if let Some(why) = unavailable(&driver.availability, &driver.absences, &times) {
        problems.push(Problem { text: format!("{} {why}", driver.name), blocking: false });
    }
    if trip.wheelchair && !driver.wheelchair_accessible {
        problems.push(Problem { text: format!("{}'s car is not wheelchair-accessible", driver.name), blocking: false });
    }
    if !driver.active {
        problems.push(Problem {
            text: format!("{} is not driving for the scheme at the moment", driver.name),
            blocking: false,
        });
    }
    Ok(problems)
}

/// Who could drive `trip_id`: those with no problems first, fewest trips this month first,
/// then by name; everyone else after, with what is wrong.
pub fn suggest(conn: &Connection, trip_id: i64, today: NaiveDate) -> Result<Vec<Suggestion>> {
    let trip = sql::get_trip(conn, trip_id)?;
    let on = trip.times().goes_on;
    let mut out = Vec::new();
    for driver in sql::drivers(conn, today)? {
        out.push(Suggestion {
            driver_id: driver.id,
            vehicle: driver.vehicle_text(),
            trips_this_month: sql::driver_trips_in_month(conn, driver.id, on)?,
            problems: problems_for(conn, &trip, driver.id, today)?,
            name: driver.name,
        });
    }
    out.sort_by(|a, b| {
        (
            !a.problems.is_empty(),
            a.problems.iter().any(|p| p.blocking),
            a.trips_this_month,
            crate::check::fold_for_search(&a.name),
        )
            .cmp(&(
                !b.problems.is_empty(),
                b.problems.iter().any(|p| p.blocking),
                b.trips_this_month,
                crate::check::fold_for_search(&b.name),
            ))
    });
    Ok(out)
}

/// Assigns `driver_id` to the trip. A clash is refused outright; any other problem needs
/// `override_reason`, which is kept with the trip.
pub fn assign(
    conn: &Connection,
    trip_id: i64,
    driver_id: i64,
    override_reason: &str,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    let trip = sql::get_trip(conn, trip_id)?;
    if !trip.is_live() {
        return Err(Error::Refused(format!(
            "This trip is {}, so no driver can be assigned.",
            trip.status.label().to_lowercase()
        )));
    }
    let problems = problems_for(conn, &trip, driver_id, today)?;
    if let Some(clash) = problems.iter().find(|p| p.blocking) {
        return Err(Error::Refused(format!("{}. Choose another driver or change the times.", clash.text)));
    }
    let reason = override_reason.trim();
    if !problems.is_empty() && reason.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.text.clone()).collect();
        return Err(Error::invalid("overrideReason", format!("{}. To assign them anyway, say why.", list.join("; "))));
    }
    if reason.chars().count() > 500 {
        return Err(Error::invalid("overrideReason", "Please keep the reason under 500 characters."));
    }
    let kept = if problems.is_empty() { "" } else { reason };
    sql::set_trip_driver(conn, trip_id, Some(driver_id), TripStatus::Assigned, kept, now)
}
