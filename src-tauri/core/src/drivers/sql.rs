//! The SQL of drivers with their checks, week and absences, passengers and destinations.
//! Trips' SQL is in `trips_sql.rs` (re-exported here, so the feature has one `sql`).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rules::{check_state, Absence, Slot};
pub use super::trips_sql::*;
use super::{
    CheckKind, CheckLine, CheckedCheck, CheckedDriver, CheckedPassenger, Destination, DestinationInput, Driver,
    Passenger,
};
use crate::error::{Error, Result};

const NO_DRIVER: &str = "That driver is no longer in PPG Desk.";
const NO_PASSENGER: &str = "That passenger is no longer in PPG Desk.";

fn warn_days(conn: &Connection) -> Result<u32> {
    Ok(conn
        .query_row("SELECT check_warning_days FROM settings", [], |r| r.get("check_warning_days"))
        .optional()?
        .unwrap_or(30))
}

fn driver_row(row: &Row) -> rusqlite::Result<Driver> {
    Ok(Driver {
        id: row.get("id")?,
        person_id: row.get("person_id")?,
        name: row.get("full_name")?,
        phone: row.get("phone")?,
        vehicle_make: row.get("vehicle_make")?,
        vehicle_colour: row.get("vehicle_colour")?,
        registration: row.get("registration")?,
        seats: row.get("seats")?,
        wheelchair_accessible: row.get("wheelchair_accessible")?,
        notes: row.get("notes")?,
        active: row.get("active")?,
        stopped_on: row.get("stopped_on")?,
        checks: Vec::new(),
        availability: Vec::new(),
        absences: Vec::new(),
    })
}

const DRIVER: &str =
    "SELECT d.id, d.person_id, p.full_name, p.phone, d.vehicle_make, d.vehicle_colour, d.registration, d.seats,
    d.wheelchair_accessible, d.notes, d.active, d.stopped_on FROM drivers d JOIN people p ON p.id = d.person_id";

fn fill(conn: &Connection, mut d: Driver, today: NaiveDate, warn: u32) -> Result<Driver> {
    let mut stmt = conn
        .prepare("SELECT kind, checked_on, reference, outcome, expires_on FROM driver_checks WHERE driver_id = ?1")?;
    let recorded = stmt
        .query_map([d.id], |r| {
            Ok((
                r.get::<_, String>("kind")?,
                r.get::<_, Option<String>>("checked_on")?,
                r.get::<_, String>("reference")?,
                r.get::<_, String>("outcome")?,
                r.get::<_, String>("expires_on")?,
            ))
        })?
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
            None => CheckLine {
                kind,
                checked_on: None,
                reference: String::new(),
                outcome: String::new(),
                expires_on: None,
                state: check_state(None, today, warn),
            },
        })
        .collect();
    let mut stmt = conn.prepare(
        "SELECT day, from_time, to_time FROM driver_availability WHERE driver_id = ?1
         ORDER BY instr('montuewedthufrisatsun', day), from_time",
    )?;
    d.availability = stmt
        .query_map([d.id], |r| Ok(Slot { day: r.get("day")?, from: r.get("from_time")?, to: r.get("to_time")? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn
        .prepare("SELECT id, starts_on, ends_on, note FROM driver_absences WHERE driver_id = ?1 ORDER BY starts_on")?;
    d.absences = stmt
        .query_map([d.id], |r| {
            Ok(Absence {
                id: r.get("id")?,
                starts_on: r.get("starts_on")?,
                ends_on: r.get("ends_on")?,
                note: r.get("note")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(d)
}

pub fn get_driver(conn: &Connection, id: i64, today: NaiveDate) -> Result<Driver> {
    let d = conn
        .query_row(&format!("{DRIVER} WHERE d.id = ?1"), [id], driver_row)
        .optional()?
        .ok_or(Error::NotFound(NO_DRIVER))?;
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
        conn.execute(
            "INSERT INTO driver_availability (driver_id, day, from_time, to_time) VALUES (?1, ?2, ?3, ?4)",
            params![id, s.day, s.from, s.to],
        )?;
    }
    Ok(())
}

pub fn insert_driver(conn: &Connection, d: &CheckedDriver, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO drivers (id, person_id, vehicle_make, vehicle_colour, registration, seats, wheelchair_accessible, notes, active, stopped_on, created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CASE WHEN ?8 THEN NULL ELSE substr(?9, 1, 10) END, ?9, ?9)",
        params![d.person_id, d.vehicle_make, d.vehicle_colour, d.registration, d.seats, d.wheelchair_accessible, d.notes, d.active, now],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("personId", "This person is already a driver.")
        }
        // The person was removed from People in the meantime (the foreign key says so).
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
            Error::invalid("personId", "Please choose someone who is in People.")
        }
        other => other.into(),
    })?;
    let id = conn.last_insert_rowid();
    write_slots(conn, id, &d.availability)?;
    Ok(id)
}

/// Deletes a driver's record (checks, usual week, absences and other organisations' miles go
/// with it; coming trips return to "requested" by trigger). The person stays in People.
pub fn delete_driver(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM drivers WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound(NO_DRIVER));
    }
    Ok(())
}

pub fn update_driver(conn: &Connection, id: i64, d: &CheckedDriver, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE drivers SET vehicle_make = ?2, vehicle_colour = ?3, registration = ?4, seats = ?5, wheelchair_accessible = ?6, notes = ?7,
             active = ?8, stopped_on = CASE WHEN ?8 THEN NULL ELSE coalesce(stopped_on, substr(?9, 1, 10)) END, updated_at = ?9 WHERE id = ?1",
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
        "INSERT INTO driver_absences (id, driver_id, starts_on, ends_on, note) VALUES (new_id(), ?1, ?2, ?3, ?4)",
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
        id: r.get("id")?,
        full_name: r.get("full_name")?,
        phone: r.get("phone")?,
        pickup_address: r.get("pickup_address")?,
        wheelchair: r.get("wheelchair")?,
        walking_aid: r.get("walking_aid")?,
        needs_escort: r.get("needs_escort")?,
        notes: r.get("notes")?,
        consent_on: r.get("consent_on")?,
    })
}

const PASSENGER: &str = "SELECT id, full_name, phone, pickup_address, wheelchair, walking_aid, needs_escort, notes, consent_on FROM passengers";

pub fn get_passenger(conn: &Connection, id: i64) -> Result<Passenger> {
    conn.query_row(&format!("{PASSENGER} WHERE id = ?1"), [id], passenger_row)
        .optional()?
        .ok_or(Error::NotFound(NO_PASSENGER))
}

pub fn passengers(conn: &Connection, search: &str) -> Result<Vec<Passenger>> {
    let words = crate::check::fold_for_search(search.trim());
    let mut stmt =
        conn.prepare(&format!("{PASSENGER} WHERE instr(search_key, ?1) > 0 ORDER BY full_name COLLATE NOCASE"))?;
    let rows = stmt.query_map([words], passenger_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn passenger_key(p: &CheckedPassenger) -> String {
    crate::check::fold_for_search(&format!("{} {} {}", p.full_name, p.phone, p.pickup_address))
}

pub fn insert_passenger(conn: &Connection, p: &CheckedPassenger, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO passengers (id, full_name, phone, pickup_address, wheelchair, walking_aid, needs_escort, notes, consent_on, search_key, created_at, updated_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
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
    let rows = stmt
        .query_map([], |r| {
            Ok(Destination {
                id: r.get("id")?,
                name: r.get("name")?,
                address: r.get("address")?,
                postcode: r.get("postcode")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert_destination(conn: &Connection, d: &DestinationInput) -> Result<i64> {
    conn.execute(
        "INSERT INTO destinations (id, name, address, postcode) VALUES (new_id(), ?1, ?2, ?3)",
        params![d.name, d.address, d.postcode],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("destinationName", "There is already a destination with that name.")
        }
        other => other.into(),
    })?;
    Ok(conn.last_insert_rowid())
}

/// The driver record of a person, if they drive for the scheme.
pub fn driver_for_person(conn: &Connection, person_id: i64) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM drivers WHERE person_id = ?1", [person_id], |r| r.get("id")).optional()?)
}

/// Forgets a DBS certificate's number and outcome six months after the check (the fact it
/// was done, and when it must be renewed, stay). Returns how many records were tidied.
pub fn forget_old_dbs_details(conn: &Connection, today: NaiveDate) -> Result<usize> {
    let cutoff = today.checked_sub_months(chrono::Months::new(6)).unwrap_or(today).to_string();
    Ok(conn.execute(
        "UPDATE driver_checks SET reference = '', outcome = '' WHERE kind = 'dbs' AND checked_on < ?1 AND (reference <> '' OR outcome <> '')",
        [cutoff],
    )?)
}

pub fn update_destination(conn: &Connection, id: i64, d: &DestinationInput) -> Result<()> {
    conn.execute(
        "UPDATE destinations SET name = ?2, address = ?3, postcode = ?4 WHERE id = ?1",
        params![id, d.name, d.address, d.postcode],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("destinationName", "There is already a destination with that name.")
        }
        other => other.into(),
    })?;
    Ok(())
}

/// Removes a place no trip goes to; one with trips is kept (rename it instead).
pub fn delete_destination(conn: &Connection, id: i64) -> Result<()> {
    let used: i64 = conn.query_row("SELECT count(*) FROM trips WHERE destination_id = ?1", [id], |r| r.get(0))?;
    if used > 0 {
        return Err(Error::Refused(format!(
            "{used} {} this place, so it stays in the list. You can change its name or address instead.",
            if used == 1 { "trip goes to" } else { "trips go to" }
        )));
    }
    conn.execute("DELETE FROM destinations WHERE id = ?1", [id])?;
    Ok(())
}
