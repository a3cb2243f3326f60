//! The SQL of trips: reading them with their passenger, destination and driver, adding and
//! changing them, assigning, and the sums behind mileage claims and the scheme summary.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::trips::{CheckedTrip, Trip, TripStatus};
use crate::error::{Error, Result};

const NO_TRIP: &str = "That trip is no longer in PPG Desk.";

const TRIP: &str = "SELECT t.id, t.passenger_id, p.full_name, p.phone, p.wheelchair, p.walking_aid, p.needs_escort, t.pickup_address, t.destination_id,
    d.name, d.address, d.postcode, t.goes_on, t.pickup_at, t.appointment_at, t.back_at, t.returns, t.escort, t.notes, t.status, t.driver_id,
    (SELECT pp.full_name FROM drivers dr JOIN people pp ON pp.id = dr.person_id WHERE dr.id = t.driver_id) AS driver_name, t.override_reason, t.series_id,
    t.miles_tenths, t.donation_pence, p.notes AS passenger_notes
    FROM trips t JOIN passengers p ON p.id = t.passenger_id JOIN destinations d ON d.id = t.destination_id";

fn trip_row(r: &Row) -> rusqlite::Result<Trip> {
    let mobility = [
        (r.get::<_, bool>("wheelchair")?, "Wheelchair"),
        (r.get::<_, bool>("walking_aid")?, "Walking aid"),
        (r.get::<_, bool>("needs_escort")?, "Needs an escort"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| w)
    .collect::<Vec<_>>()
    .join("; ");
    let address: String = r.get("address")?;
    let postcode: String = r.get("postcode")?;
    Ok(Trip {
        id: r.get("id")?,
        passenger_id: r.get("passenger_id")?,
        passenger_name: r.get("full_name")?,
        passenger_phone: r.get("phone")?,
        wheelchair: r.get("wheelchair")?,
        mobility,
        pickup_address: r.get("pickup_address")?,
        destination_id: r.get("destination_id")?,
        destination_name: r.get("name")?,
        destination_address: [address, postcode].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        goes_on: r.get("goes_on")?,
        pickup_at: r.get("pickup_at")?,
        appointment_at: r.get("appointment_at")?,
        back_at: r.get("back_at")?,
        returns: r.get("returns")?,
        escort: r.get("escort")?,
        notes: r.get("notes")?,
        status: r.get::<_, TripStatus>("status")?,
        driver_id: r.get("driver_id")?,
        driver_name: r.get("driver_name")?,
        override_reason: r.get("override_reason")?,
        series_id: r.get("series_id")?,
        miles_tenths: r.get("miles_tenths")?,
        donation_pence: r.get("donation_pence")?,
        passenger_notes: r.get("passenger_notes")?,
    })
}

pub fn get_trip(conn: &Connection, id: i64) -> Result<Trip> {
    conn.query_row(&format!("{TRIP} WHERE t.id = ?1"), [id], trip_row).optional()?.ok_or(Error::NotFound(NO_TRIP))
}

/// Trips from `from` to `to` (inclusive), in time order; only `driver`'s when given.
pub fn trips_between(conn: &Connection, from: NaiveDate, to: NaiveDate, driver: Option<i64>) -> Result<Vec<Trip>> {
    let mut stmt = conn.prepare(&format!(
        "{TRIP} WHERE t.goes_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR t.driver_id = ?3) ORDER BY t.goes_on, t.pickup_at, t.id"
    ))?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string(), driver], trip_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A driver's trips that still hold them (assigned or confirmed) around `on`, to look for clashes.
pub fn driver_trips_near(conn: &Connection, driver_id: i64, on: NaiveDate) -> Result<Vec<Trip>> {
    let from = on.pred_opt().unwrap_or(on);
    let to = on.succ_opt().unwrap_or(on);
    Ok(trips_between(conn, from, to, Some(driver_id))?
        .into_iter()
        .filter(|t| matches!(t.status, TripStatus::Assigned | TripStatus::Confirmed | TripStatus::Done))
        .collect())
}

/// How many trips (not cancelled) a driver has in the calendar month of `on`.
pub fn driver_trips_in_month(conn: &Connection, driver_id: i64, on: NaiveDate) -> Result<u32> {
    let month = on.format("%Y-%m").to_string();
    Ok(conn.query_row(
        "SELECT count(*) FROM trips WHERE driver_id = ?1 AND substr(goes_on, 1, 7) = ?2 AND status IN ('assigned', 'confirmed', 'done')",
        params![driver_id, month],
        |r| r.get(0),
    )?)
}

pub fn insert_trip(conn: &Connection, t: &CheckedTrip, series_id: Option<i64>, now: &str) -> Result<i64> {
    // The passenger was found by the rule that checked the request (`trips::create`).
    conn.execute(
        "INSERT INTO trips (id, passenger_id, pickup_address, destination_id, goes_on, pickup_at, appointment_at, back_at, returns, escort, notes, series_id,
             created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            t.passenger_id, t.pickup_address, t.destination_id, t.goes_on.to_string(), t.pickup_at, t.appointment_at, t.back_at, t.returns, t.escort,
            t.notes, series_id, now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A new series id (trips in a weekly series share it): committee-wide, like a record's id.
pub fn next_series_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT new_id()", [], |r| r.get(0))?)
}

pub fn update_trip(conn: &Connection, id: i64, t: &CheckedTrip, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE trips SET pickup_address = ?2, destination_id = ?3, goes_on = ?4, pickup_at = ?5, appointment_at = ?6, back_at = ?7, returns = ?8,
             escort = ?9, notes = ?10, updated_at = ?11 WHERE id = ?1",
        params![id, t.pickup_address, t.destination_id, t.goes_on.to_string(), t.pickup_at, t.appointment_at, t.back_at, t.returns, t.escort, t.notes, now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(NO_TRIP));
    }
    Ok(())
}

pub fn set_trip_driver(
    conn: &Connection,
    id: i64,
    driver: Option<i64>,
    status: TripStatus,
    override_reason: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE trips SET driver_id = ?2, status = ?3, override_reason = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, driver, status.key(), override_reason, now],
    )?;
    Ok(())
}

pub fn set_trip_status(conn: &Connection, id: i64, status: TripStatus, now: &str) -> Result<()> {
    conn.execute("UPDATE trips SET status = ?2, updated_at = ?3 WHERE id = ?1", params![id, status.key(), now])?;
    Ok(())
}

pub fn set_trip_done(
    conn: &Connection,
    id: i64,
    miles_tenths: Option<i64>,
    donation_pence: Option<i64>,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE trips SET status = 'done', miles_tenths = ?2, donation_pence = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, miles_tenths, donation_pence, now],
    )?;
    Ok(())
}

/// A driver's done trips with miles, between two dates, in date order: (trip, day, tenths).
pub fn driver_miles(
    conn: &Connection,
    driver_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(i64, NaiveDate, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT id, goes_on, miles_tenths FROM trips WHERE driver_id = ?1 AND status = 'done' AND miles_tenths IS NOT NULL
           AND goes_on BETWEEN ?2 AND ?3 ORDER BY goes_on, pickup_at, id",
    )?;
    let rows = stmt
        .query_map(params![driver_id, from.to_string(), to.to_string()], |r| {
            let on: String = r.get("goes_on")?;
            Ok((r.get("id")?, NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap_or(from), r.get("miles_tenths")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Miles (tenths) the driver told the scheme they drove for other organisations in the tax
/// year starting `tax_year_start`; 0 when none are recorded.
pub fn other_miles(conn: &Connection, driver_id: i64, tax_year_start: NaiveDate) -> Result<i64> {
    Ok(conn
        .query_row(
            "SELECT tenths FROM driver_other_miles WHERE driver_id = ?1 AND tax_year_start = ?2",
            params![driver_id, tax_year_start.to_string()],
            |r| r.get("tenths"),
        )
        .optional()?
        .unwrap_or(0))
}

pub fn set_other_miles(
    tx: &Connection,
    driver_id: i64,
    tax_year_start: NaiveDate,
    tenths: i64,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO driver_other_miles (driver_id, tax_year_start, tenths, updated_at) VALUES (?1, ?2, ?3, ?4)
           ON CONFLICT (driver_id, tax_year_start) DO UPDATE SET tenths = excluded.tenths, updated_at = excluded.updated_at",
        params![driver_id, tax_year_start.to_string(), tenths, now],
    )?;
    Ok(())
}

/// Donations recorded on done trips between two dates (one driver's, or everyone's), in pence.
pub fn donations_between(conn: &Connection, driver: Option<i64>, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(donation_pence), 0) FROM trips WHERE (?1 IS NULL OR driver_id = ?1) AND status = 'done' AND goes_on BETWEEN ?2 AND ?3",
        params![driver, from.to_string(), to.to_string()],
        |r| r.get(0),
    )?)
}

/// Minutes of travel allowed between one trip and the next.
pub fn travel_buffer(conn: &Connection) -> Result<i64> {
    Ok(conn
        .query_row("SELECT travel_buffer_minutes FROM settings", [], |r| r.get("travel_buffer_minutes"))
        .optional()?
        .unwrap_or(30))
}

/// Trips month by month between two dates: done, not covered, cancelled, miles, donations.
pub fn month_lines(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<super::summary::MonthLine>> {
    let mut stmt = conn.prepare(
        "SELECT substr(goes_on, 1, 7) AS month, sum(status = 'done') AS done, sum(status = 'not_covered') AS not_covered, sum(status = 'cancelled') AS cancelled,
                coalesce(sum(CASE WHEN status = 'done' THEN miles_tenths END), 0) AS miles_tenths, coalesce(sum(CASE WHEN status = 'done' THEN donation_pence END), 0) AS donations_pence
         FROM trips WHERE goes_on BETWEEN ?1 AND ?2 GROUP BY month ORDER BY month",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(super::summary::MonthLine {
                month: r.get("month")?,
                done: r.get("done")?,
                not_covered: r.get("not_covered")?,
                cancelled: r.get("cancelled")?,
                miles_tenths: r.get("miles_tenths")?,
                donations_pence: r.get("donations_pence")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Each driver's done trips and miles between two dates, most trips first.
pub fn driver_lines(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<super::summary::DriverLine>> {
    let mut stmt = conn.prepare(
        "SELECT p.full_name, count(t.id) AS trips, coalesce(sum(t.miles_tenths), 0) AS miles_tenths FROM drivers d JOIN people p ON p.id = d.person_id
         LEFT JOIN trips t ON t.driver_id = d.id AND t.status = 'done' AND t.goes_on BETWEEN ?1 AND ?2
         GROUP BY d.id ORDER BY count(t.id) DESC, p.full_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(super::summary::DriverLine {
                name: r.get("full_name")?,
                trips: r.get("trips")?,
                miles_tenths: r.get("miles_tenths")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
