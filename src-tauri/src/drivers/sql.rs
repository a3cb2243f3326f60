//! The only SQL of the driver scheme: drivers with their checks, week and absences,
//! passengers, destinations and trips.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rules::{check_state, Absence, Slot};
use super::trips::{CheckedTrip, Trip, TripStatus};
use super::{CheckKind, CheckLine, CheckedCheck, CheckedDriver, CheckedPassenger, Destination, DestinationInput, Driver, Passenger};
use crate::error::{Error, Result};

const NO_DRIVER: &str = "That driver is no longer in PPG Desk.";
const NO_PASSENGER: &str = "That passenger is no longer in PPG Desk.";
const NO_TRIP: &str = "That trip is no longer in PPG Desk.";

fn warn_days(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT check_warning_days FROM settings", [], |r| r.get(0)).optional()?.unwrap_or(30))
}

fn driver_row(row: &Row) -> rusqlite::Result<Driver> {
    Ok(Driver {
        id: row.get(0)?,
        person_id: row.get(1)?,
        name: row.get(2)?,
        phone: row.get(3)?,
        vehicle_make: row.get(4)?,
        vehicle_colour: row.get(5)?,
        registration: row.get(6)?,
        seats: row.get(7)?,
        wheelchair_accessible: row.get(8)?,
        notes: row.get(9)?,
        active: row.get(10)?,
        checks: Vec::new(),
        availability: Vec::new(),
        absences: Vec::new(),
    })
}

const DRIVER: &str = "SELECT d.id, d.person_id, p.full_name, p.phone, d.vehicle_make, d.vehicle_colour, d.registration, d.seats,
    d.wheelchair_accessible, d.notes, d.active FROM drivers d JOIN people p ON p.id = d.person_id";

fn fill(conn: &Connection, mut d: Driver, today: NaiveDate, warn: u32) -> Result<Driver> {
    let mut stmt = conn.prepare("SELECT kind, checked_on, reference, outcome, expires_on FROM driver_checks WHERE driver_id = ?1")?;
    let recorded = stmt
        .query_map([d.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    d.checks = CheckKind::ALL
        .iter()
        .map(|&kind| match recorded.iter().find(|r| r.0 == kind.key()) {
            Some((_, checked_on, reference, outcome, expires_on)) => CheckLine {
                kind,
                checked_on: checked_on.clone(),
                reference: reference.clone(),
                outcome: outcome.clone(),
                expires_on: Some(expires_on.clone()),
                state: check_state(NaiveDate::parse_from_str(expires_on, "%Y-%m-%d").ok(), today, warn),
            },
            None => CheckLine { kind, checked_on: None, reference: String::new(), outcome: String::new(), expires_on: None, state: check_state(None, today, warn) },
        })
        .collect();
    let mut stmt = conn.prepare(
        "SELECT day, from_time, to_time FROM driver_availability WHERE driver_id = ?1
         ORDER BY instr('montuewedthufrisatsun', day), from_time",
    )?;
    d.availability = stmt.query_map([d.id], |r| Ok(Slot { day: r.get(0)?, from: r.get(1)?, to: r.get(2)? }))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare("SELECT id, starts_on, ends_on, note FROM driver_absences WHERE driver_id = ?1 ORDER BY starts_on")?;
    d.absences = stmt
        .query_map([d.id], |r| Ok(Absence { id: r.get(0)?, starts_on: r.get(1)?, ends_on: r.get(2)?, note: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(d)
}

pub fn get_driver(conn: &Connection, id: i64, today: NaiveDate) -> Result<Driver> {
    let d = conn.query_row(&format!("{DRIVER} WHERE d.id = ?1"), [id], driver_row).optional()?.ok_or(Error::NotFound(NO_DRIVER))?;
    fill(conn, d, today, warn_days(conn)?)
}

/// Every driver (active first), by name, with their checks as they stand `today`.
pub fn drivers(conn: &Connection, today: NaiveDate) -> Result<Vec<Driver>> {
    let warn = warn_days(conn)?;
    let mut stmt = conn.prepare(&format!("{DRIVER} ORDER BY d.active DESC, p.full_name COLLATE NOCASE"))?;
    let found = stmt.query_map([], driver_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    found.into_iter().map(|d| fill(conn, d, today, warn)).collect()
}

fn write_slots(conn: &Connection, id: i64, slots: &[Slot]) -> Result<()> {
    conn.execute("DELETE FROM driver_availability WHERE driver_id = ?1", [id])?;
    for s in slots {
        conn.execute("INSERT INTO driver_availability (driver_id, day, from_time, to_time) VALUES (?1, ?2, ?3, ?4)", params![id, s.day, s.from, s.to])?;
    }
    Ok(())
}

pub fn insert_driver(conn: &Connection, d: &CheckedDriver, now: &str) -> Result<i64> {
    crate::people::get(conn, d.person_id)?;
    conn.execute(
        "INSERT INTO drivers (person_id, vehicle_make, vehicle_colour, registration, seats, wheelchair_accessible, notes, active, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![d.person_id, d.vehicle_make, d.vehicle_colour, d.registration, d.seats, d.wheelchair_accessible, d.notes, d.active, now],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("personId", "This person is already a driver.")
        }
        other => other.into(),
    })?;
    let id = conn.last_insert_rowid();
    write_slots(conn, id, &d.availability)?;
    Ok(id)
}

pub fn update_driver(conn: &Connection, id: i64, d: &CheckedDriver, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE drivers SET vehicle_make = ?2, vehicle_colour = ?3, registration = ?4, seats = ?5, wheelchair_accessible = ?6, notes = ?7,
             active = ?8, updated_at = ?9 WHERE id = ?1",
        params![id, d.vehicle_make, d.vehicle_colour, d.registration, d.seats, d.wheelchair_accessible, d.notes, d.active, now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(NO_DRIVER));
    }
    write_slots(conn, id, &d.availability)
}

pub fn save_check(conn: &Connection, driver_id: i64, c: &CheckedCheck) -> Result<()> {
    conn.execute(
        "INSERT INTO driver_checks (driver_id, kind, checked_on, reference, outcome, expires_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (driver_id, kind) DO UPDATE SET checked_on = ?3, reference = ?4, outcome = ?5, expires_on = ?6",
        params![driver_id, c.kind.key(), c.checked_on.map(|d| d.to_string()), c.reference, c.outcome, c.expires_on.to_string()],
    )?;
    Ok(())
}

pub fn add_absence(conn: &Connection, driver_id: i64, starts: NaiveDate, ends: NaiveDate, note: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO driver_absences (driver_id, starts_on, ends_on, note) VALUES (?1, ?2, ?3, ?4)",
        params![driver_id, starts.to_string(), ends.to_string(), note],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn remove_absence(conn: &Connection, absence_id: i64) -> Result<()> {
    conn.execute("DELETE FROM driver_absences WHERE id = ?1", [absence_id])?;
    Ok(())
}

fn passenger_row(r: &Row) -> rusqlite::Result<Passenger> {
    Ok(Passenger {
        id: r.get(0)?,
        full_name: r.get(1)?,
        phone: r.get(2)?,
        pickup_address: r.get(3)?,
        wheelchair: r.get(4)?,
        walking_aid: r.get(5)?,
        needs_escort: r.get(6)?,
        notes: r.get(7)?,
        consent_on: r.get(8)?,
    })
}

const PASSENGER: &str = "SELECT id, full_name, phone, pickup_address, wheelchair, walking_aid, needs_escort, notes, consent_on FROM passengers";

pub fn get_passenger(conn: &Connection, id: i64) -> Result<Passenger> {
    conn.query_row(&format!("{PASSENGER} WHERE id = ?1"), [id], passenger_row).optional()?.ok_or(Error::NotFound(NO_PASSENGER))
}

pub fn passengers(conn: &Connection, search: &str) -> Result<Vec<Passenger>> {
    let words = crate::check::fold_for_search(search.trim());
    let mut stmt = conn.prepare(&format!("{PASSENGER} WHERE instr(search_key, ?1) > 0 ORDER BY full_name COLLATE NOCASE"))?;
    let rows = stmt.query_map([words], passenger_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn passenger_key(p: &CheckedPassenger) -> String {
    crate::check::fold_for_search(&format!("{} {} {}", p.full_name, p.phone, p.pickup_address))
}

pub fn insert_passenger(conn: &Connection, p: &CheckedPassenger, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO passengers (full_name, phone, pickup_address, wheelchair, walking_aid, needs_escort, notes, consent_on, search_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![p.full_name, p.phone, p.pickup_address, p.wheelchair, p.walking_aid, p.needs_escort, p.notes, p.consent_on.to_string(), passenger_key(p), now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update_passenger(conn: &Connection, id: i64, p: &CheckedPassenger, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE passengers SET full_name = ?2, phone = ?3, pickup_address = ?4, wheelchair = ?5, walking_aid = ?6, needs_escort = ?7, notes = ?8,
             consent_on = ?9, search_key = ?10, updated_at = ?11 WHERE id = ?1",
        params![id, p.full_name, p.phone, p.pickup_address, p.wheelchair, p.walking_aid, p.needs_escort, p.notes, p.consent_on.to_string(), passenger_key(p), now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(NO_PASSENGER));
    }
    Ok(())
}

/// Removes a passenger and every trip of theirs (their details are kept no longer than needed).
pub fn delete_passenger(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM passengers WHERE id = ?1", [id])?;
    Ok(())
}

pub fn destinations(conn: &Connection) -> Result<Vec<Destination>> {
    let mut stmt = conn.prepare("SELECT id, name, address, postcode FROM destinations ORDER BY name COLLATE NOCASE")?;
    let rows = stmt.query_map([], |r| Ok(Destination { id: r.get(0)?, name: r.get(1)?, address: r.get(2)?, postcode: r.get(3)? }))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert_destination(conn: &Connection, d: &DestinationInput) -> Result<i64> {
    conn.execute("INSERT INTO destinations (name, address, postcode) VALUES (?1, ?2, ?3)", params![d.name, d.address, d.postcode]).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("destinationName", "There is already a destination with that name.")
        }
        other => other.into(),
    })?;
    Ok(conn.last_insert_rowid())
}

const TRIP: &str = "SELECT t.id, t.passenger_id, p.full_name, p.phone, p.wheelchair, p.walking_aid, p.needs_escort, t.pickup_address, t.destination_id,
    d.name, d.address, d.postcode, t.goes_on, t.pickup_at, t.appointment_at, t.back_at, t.returns, t.escort, t.notes, t.status, t.driver_id,
    (SELECT pp.full_name FROM drivers dr JOIN people pp ON pp.id = dr.person_id WHERE dr.id = t.driver_id), t.override_reason, t.series_id,
    t.miles_tenths, t.donation_pence, p.notes
    FROM trips t JOIN passengers p ON p.id = t.passenger_id JOIN destinations d ON d.id = t.destination_id";

fn trip_row(r: &Row) -> rusqlite::Result<Trip> {
    let mobility = [(r.get::<_, bool>(4)?, "Wheelchair"), (r.get::<_, bool>(5)?, "Walking aid"), (r.get::<_, bool>(6)?, "Needs an escort")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join("; ");
    let address: String = r.get(10)?;
    let postcode: String = r.get(11)?;
    Ok(Trip {
        id: r.get(0)?,
        passenger_id: r.get(1)?,
        passenger_name: r.get(2)?,
        passenger_phone: r.get(3)?,
        wheelchair: r.get(4)?,
        mobility,
        pickup_address: r.get(7)?,
        destination_id: r.get(8)?,
        destination_name: r.get(9)?,
        destination_address: [address, postcode].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        goes_on: r.get(12)?,
        pickup_at: r.get(13)?,
        appointment_at: r.get(14)?,
        back_at: r.get(15)?,
        returns: r.get(16)?,
        escort: r.get(17)?,
        notes: r.get(18)?,
        status: TripStatus::from_key(&r.get::<_, String>(19)?).unwrap_or(TripStatus::Requested),
        driver_id: r.get(20)?,
        driver_name: r.get(21)?,
        override_reason: r.get(22)?,
        series_id: r.get(23)?,
        miles_tenths: r.get(24)?,
        donation_pence: r.get(25)?,
        passenger_notes: r.get(26)?,
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
    let rows = stmt.query_map(params![from.to_string(), to.to_string(), driver], trip_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
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
    get_passenger(conn, t.passenger_id)?;
    conn.execute(
        "INSERT INTO trips (passenger_id, pickup_address, destination_id, goes_on, pickup_at, appointment_at, back_at, returns, escort, notes, series_id,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            t.passenger_id, t.pickup_address, t.destination_id, t.goes_on.to_string(), t.pickup_at, t.appointment_at, t.back_at, t.returns, t.escort,
            t.notes, series_id, now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The next series number (trips in a weekly series share it).
pub fn next_series_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(series_id), 0) + 1 FROM trips", [], |r| r.get(0))?)
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

pub fn set_trip_driver(conn: &Connection, id: i64, driver: Option<i64>, status: TripStatus, override_reason: &str, now: &str) -> Result<()> {
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

pub fn set_trip_done(conn: &Connection, id: i64, miles_tenths: Option<i64>, donation_pence: Option<i64>, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE trips SET status = 'done', miles_tenths = ?2, donation_pence = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, miles_tenths, donation_pence, now],
    )?;
    Ok(())
}

/// A driver's done trips with miles, between two dates, in date order: (trip, day, tenths).
pub fn driver_miles(conn: &Connection, driver_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<(i64, NaiveDate, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT id, goes_on, miles_tenths FROM trips WHERE driver_id = ?1 AND status = 'done' AND miles_tenths IS NOT NULL
           AND goes_on BETWEEN ?2 AND ?3 ORDER BY goes_on, pickup_at, id",
    )?;
    let rows = stmt
        .query_map(params![driver_id, from.to_string(), to.to_string()], |r| {
            let on: String = r.get(1)?;
            Ok((r.get(0)?, NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap_or(from), r.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
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
    Ok(conn.query_row("SELECT travel_buffer_minutes FROM settings", [], |r| r.get(0)).optional()?.unwrap_or(30))
}

/// Trips month by month between two dates: done, not covered, cancelled, miles, donations.
pub fn month_lines(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<super::summary::MonthLine>> {
    let mut stmt = conn.prepare(
        "SELECT substr(goes_on, 1, 7) AS month, sum(status = 'done'), sum(status = 'not_covered'), sum(status = 'cancelled'),
                coalesce(sum(CASE WHEN status = 'done' THEN miles_tenths END), 0), coalesce(sum(CASE WHEN status = 'done' THEN donation_pence END), 0)
         FROM trips WHERE goes_on BETWEEN ?1 AND ?2 GROUP BY month ORDER BY month",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(super::summary::MonthLine {
                month: r.get(0)?,
                done: r.get(1)?,
                not_covered: r.get(2)?,
                cancelled: r.get(3)?,
                miles_tenths: r.get(4)?,
                donations_pence: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Each driver's done trips and miles between two dates, most trips first.
pub fn driver_lines(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<super::summary::DriverLine>> {
    let mut stmt = conn.prepare(
        "SELECT p.full_name, count(t.id), coalesce(sum(t.miles_tenths), 0) FROM drivers d JOIN people p ON p.id = d.person_id
         LEFT JOIN trips t ON t.driver_id = d.id AND t.status = 'done' AND t.goes_on BETWEEN ?1 AND ?2
         GROUP BY d.id ORDER BY count(t.id) DESC, p.full_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| Ok(super::summary::DriverLine { name: r.get(0)?, trips: r.get(1)?, miles_tenths: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
