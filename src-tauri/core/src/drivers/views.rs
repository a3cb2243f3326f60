//! What the driver screens and the command line show, built from the rules and the store:
//! a week of trips (this week when none is named) and a driver's trips as a calendar file.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::sql;
use super::trips::Trip;
use crate::error::Result;

/// One week of trips, Monday to Sunday, for the trips screen and the rota.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TripWeek {
    /// "2026-W48"
    pub week: String,
    pub monday: String,
    pub previous: String,
    pub next: String,
    pub trips: Vec<Trip>,
    /// Today, as PPG Desk sees it (for "this week" and "this month").
    pub today: String,
}

/// The week starting `monday`, with the weeks either side named for the arrows.
pub fn week_of(conn: &rusqlite::Connection, monday: NaiveDate, today: NaiveDate) -> Result<TripWeek> {
    Ok(TripWeek {
        week: crate::calendar::week_name(monday),
        monday: monday.to_string(),
        previous: crate::calendar::week_name(monday - Duration::days(7)),
        next: crate::calendar::week_name(monday + Duration::days(7)),
        trips: sql::trips_between(conn, monday, monday + Duration::days(6), None)?,
        today: today.to_string(),
    })
}

/// The trips of `week` ("2026-W48"), or of this week when it is empty.
pub fn trip_week(conn: &rusqlite::Connection, week: &str, today: NaiveDate) -> Result<TripWeek> {
    let monday = if week.trim().is_empty() {
        crate::calendar::parse_week(&crate::calendar::week_name(today))?
    } else {
        crate::calendar::parse_week(week)?
    };
    week_of(conn, monday, today)
}

/// A driver's calendar: their trips from four weeks before `today` to a year after.
pub fn calendar_for(
    conn: &rusqlite::Connection,
    driver_id: i64,
    today: NaiveDate,
    now: chrono::NaiveDateTime,
) -> Result<(String, u32)> {
    let driver = sql::get_driver(conn, driver_id, today)?;
    let group = crate::settings::load(conn)?.unwrap_or_default().group_name;
    let trips = sql::trips_between(conn, today - Duration::days(28), today + Duration::days(366), Some(driver_id))?;
    Ok((super::ics::driver_calendar(&group, &driver.name, &trips, now), trips.len() as u32))
}
