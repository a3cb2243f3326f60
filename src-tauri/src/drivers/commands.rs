//! Tauri commands for the driver scheme: thin adapters over `drivers`, `drivers::trips` and
//! `drivers::mileage`.

use tauri::State;

use super::assign::{self, Suggestion};
use super::mileage::MileageClaim;
use super::trips::{self, Trip, TripInput, TripStatus};
use super::views::{self, TripWeek};
use super::{
    sql, AbsenceInput, CheckInput, Destination, DestinationInput, Driver, DriverInput, Passenger, PassengerInput,
};
use crate::dialogs::commands::ChosenFile;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_drivers(state: State<'_, AppState>) -> Result<Vec<Driver>> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| sql::drivers(conn, today))
    })
}

#[tauri::command(async)]
pub fn get_driver(state: State<'_, AppState>, id: i64) -> Result<Driver> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| sql::get_driver(conn, id, today))
    })
}

#[tauri::command(async)]
pub fn create_driver(state: State<'_, AppState>, input: DriverInput) -> Result<Driver> {
    crate::state::guard(move || {
        let driver = input.checked()?;
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            let id = sql::insert_driver(tx, &driver, &now)?;
            sql::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn update_driver(state: State<'_, AppState>, id: i64, input: DriverInput) -> Result<Driver> {
    crate::state::guard(move || {
        let driver = input.checked()?;
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            sql::update_driver(tx, id, &driver, &now)?;
            sql::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn save_driver_check(state: State<'_, AppState>, id: i64, input: CheckInput) -> Result<Driver> {
    crate::state::guard(move || {
        let today = state.today();
        let check = input.checked(today)?;
        state.write(|tx| {
            sql::save_check(tx, id, &check)?;
            sql::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn add_driver_absence(state: State<'_, AppState>, id: i64, input: AbsenceInput) -> Result<Driver> {
    crate::state::guard(move || {
        let today = state.today();
        let (starts, ends, note) = input.checked()?;
        state.write(|tx| {
            sql::add_absence(tx, id, starts, ends, &note)?;
            sql::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn remove_driver_absence(state: State<'_, AppState>, id: i64, absence_id: i64) -> Result<Driver> {
    crate::state::guard(move || {
        let today = state.today();
        state.write(|tx| {
            sql::remove_absence(tx, absence_id)?;
            sql::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn list_passengers(state: State<'_, AppState>, search: String) -> Result<Vec<Passenger>> {
    crate::state::guard(move || state.read(|conn| sql::passengers(conn, &search)))
}

#[tauri::command(async)]
pub fn create_passenger(state: State<'_, AppState>, input: PassengerInput) -> Result<Passenger> {
    crate::state::guard(move || {
        let passenger = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            let id = sql::insert_passenger(tx, &passenger, &now)?;
            sql::get_passenger(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_passenger(state: State<'_, AppState>, id: i64, input: PassengerInput) -> Result<Passenger> {
    crate::state::guard(move || {
        let passenger = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            sql::update_passenger(tx, id, &passenger, &now)?;
            sql::get_passenger(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn delete_passenger(state: State<'_, AppState>, id: i64) -> Result<()> {
    crate::state::guard(move || state.erase(|tx| sql::delete_passenger(tx, id)))
}

#[tauri::command(async)]
pub fn list_destinations(state: State<'_, AppState>) -> Result<Vec<Destination>> {
    crate::state::guard(move || state.read(sql::destinations))
}

#[tauri::command(async)]
pub fn create_destination(state: State<'_, AppState>, input: DestinationInput) -> Result<Vec<Destination>> {
    crate::state::guard(move || {
        let destination = input.checked()?;
        state.write(|tx| {
            sql::insert_destination(tx, &destination)?;
            sql::destinations(tx)
        })
    })
}

#[tauri::command(async)]
pub fn update_destination(state: State<'_, AppState>, id: i64, input: DestinationInput) -> Result<Vec<Destination>> {
    crate::state::guard(move || {
        let destination = input.checked()?;
        state.write(|tx| {
            sql::update_destination(tx, id, &destination)?;
            sql::destinations(tx)
        })
    })
}

#[tauri::command(async)]
pub fn delete_destination(state: State<'_, AppState>, id: i64) -> Result<Vec<Destination>> {
    crate::state::guard(move || {
        state.write(|tx| {
            sql::delete_destination(tx, id)?;
            sql::destinations(tx)
        })
    })
}

/// The trips of `week` ("2026-W48"), or of this week when it is empty.
#[tauri::command(async)]
pub fn list_trips(state: State<'_, AppState>, week: String) -> Result<TripWeek> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::trip_week(conn, &week, today))
    })
}

#[tauri::command(async)]
pub fn get_trip(state: State<'_, AppState>, id: i64) -> Result<Trip> {
    crate::state::guard(move || state.read(|conn| sql::get_trip(conn, id)))
}

#[tauri::command(async)]
pub fn create_trip(state: State<'_, AppState>, input: TripInput) -> Result<Trip> {
    crate::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            let id = trips::create(tx, &input, today, &now)?;
            sql::get_trip(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_trip(state: State<'_, AppState>, id: i64, input: TripInput) -> Result<Trip> {
    crate::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            trips::update(tx, id, &input, today, &now)?;
            sql::get_trip(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn suggest_drivers(state: State<'_, AppState>, trip_id: i64) -> Result<Vec<Suggestion>> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| assign::suggest(conn, trip_id, today))
    })
}

#[tauri::command(async)]
pub fn assign_driver(
    state: State<'_, AppState>,
    trip_id: i64,
    driver_id: i64,
    override_reason: String,
) -> Result<Trip> {
    crate::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            assign::assign(tx, trip_id, driver_id, &override_reason, today, &now)?;
            sql::get_trip(tx, trip_id)
        })
    })
}

#[tauri::command(async)]
pub fn set_trip_status(state: State<'_, AppState>, trip_id: i64, status: TripStatus) -> Result<Trip> {
    crate::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            trips::set_status(tx, trip_id, status, &now)?;
            sql::get_trip(tx, trip_id)
        })
    })
}

#[tauri::command(async)]
pub fn mark_trip_done(state: State<'_, AppState>, trip_id: i64, miles: String, donation: String) -> Result<Trip> {
    crate::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            trips::mark_done(tx, trip_id, &miles, &donation, today, &now)?;
            sql::get_trip(tx, trip_id)
        })
    })
}

#[tauri::command(async)]
pub fn get_mileage_claim(state: State<'_, AppState>, driver_id: i64, month: String) -> Result<MileageClaim> {
    crate::state::guard(move || {
        let today = state.today();
        let (first, last) = crate::calendar::parse_month(&month)?;
        state.read(|conn| super::mileage::claim_for(conn, driver_id, first, last, today))
    })
}

/// Former drivers whose record has been kept longer than the PPG's retention period.
#[tauri::command(async)]
pub fn list_former_drivers_due(state: State<'_, AppState>) -> Result<Vec<Driver>> {
    crate::state::guard(move || {
        let today = state.today();
        state.read(|conn| {
            let months = crate::settings::load(conn)?.unwrap_or_default().driver_retention_months;
            super::former_drivers_due(conn, months, today)
        })
    })
}

/// Removes a former driver's record for good (they stay in People).
#[tauri::command(async)]
pub fn remove_driver_record(state: State<'_, AppState>, id: i64) -> Result<()> {
    crate::state::guard(move || {
        let today = state.today();
        state.erase(|tx| super::remove_driver_record(tx, id, today))
    })
}

/// Records the miles a driver has driven for other organisations in the tax year of `month`
/// and returns that month's claim, worked out again with them.
#[tauri::command(async)]
pub fn save_other_miles(
    state: State<'_, AppState>,
    driver_id: i64,
    month: String,
    miles: String,
) -> Result<MileageClaim> {
    crate::state::guard(move || {
        let (first, last) = crate::calendar::parse_month(&month)?;
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            super::mileage::save_other_miles(tx, driver_id, last, &miles, today, &now)?;
            super::mileage::claim_for(tx, driver_id, first, last, today)
        })
    })
}

/// Writes a driver's trips (from four weeks ago on) as an iCalendar file where the person chose.
#[tauri::command(async)]
pub fn save_driver_calendar(state: State<'_, AppState>, driver_id: i64, path: ChosenFile) -> Result<u32> {
    crate::state::guard(move || {
        let path = path.0;
        let (today, now) = (state.today(), state.now());
        let (text, count) = state.read(|conn| views::calendar_for(conn, driver_id, today, now))?;
        crate::files::write_atomically(&path, text.as_bytes())?;
        Ok(count)
    })
}

/// The scheme's summary for the last `months` months up to today.
#[tauri::command(async)]
pub fn get_scheme_summary(state: State<'_, AppState>, months: u32) -> Result<super::summary::SchemeSummary> {
    crate::state::guard(move || {
        let today = state.today();
        let (from, to) = super::summary::period(months, today);
        state.read(|conn| super::summary::summary(conn, from, to))
    })
}

/// Writes everything held about a passenger (subject access) as JSON where the person chose.
#[tauri::command(async)]
pub fn save_passenger_record_json(state: State<'_, AppState>, id: i64, path: ChosenFile) -> Result<()> {
    crate::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let text = state.read(|conn| crate::documents::record::passenger_json(conn, id, today))?;
        crate::files::write_atomically(&path, text.as_bytes())
    })
}
