//! Tauri commands for the driver scheme: thin adapters over `drivers`, `drivers::trips` and
//! `drivers::mileage`.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::drivers::assign::{self, Suggestion};
use ppg_desk_core::drivers::mileage::MileageClaim;
use ppg_desk_core::drivers::trips::{self, Trip, TripInput, TripStatus};
use ppg_desk_core::drivers::views::{self, TripWeek};
use ppg_desk_core::drivers::{
    AbsenceInput, CheckInput, Destination, DestinationInput, Driver, DriverInput, Passenger, PassengerInput,
};
use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_drivers(state: State<'_, AppState>) -> Result<Vec<Driver>> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| ppg_desk_core::drivers::drivers(conn, today))
    })
}

#[tauri::command(async)]
pub fn get_driver(state: State<'_, AppState>, id: i64) -> Result<Driver> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| ppg_desk_core::drivers::get_driver(conn, id, today))
    })
}

#[tauri::command(async)]
pub fn create_driver(state: State<'_, AppState>, input: DriverInput) -> Result<Driver> {
    ppg_desk_core::state::guard(move || {
        let driver = input.checked()?;
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            let id = ppg_desk_core::drivers::insert_driver(tx, &driver, &now)?;
            ppg_desk_core::drivers::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn update_driver(state: State<'_, AppState>, id: i64, input: DriverInput) -> Result<Driver> {
    ppg_desk_core::state::guard(move || {
        let driver = input.checked()?;
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            ppg_desk_core::drivers::update_driver(tx, id, &driver, &now)?;
            ppg_desk_core::drivers::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn save_driver_check(state: State<'_, AppState>, id: i64, input: CheckInput) -> Result<Driver> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let check = input.checked(today)?;
        state.write(|tx| {
            ppg_desk_core::drivers::save_check(tx, id, &check)?;
            ppg_desk_core::drivers::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn add_driver_absence(state: State<'_, AppState>, id: i64, input: AbsenceInput) -> Result<Driver> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let (starts, ends, note) = input.checked()?;
        state.write(|tx| {
            ppg_desk_core::drivers::add_absence(tx, id, starts, ends, &note)?;
            ppg_desk_core::drivers::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn remove_driver_absence(state: State<'_, AppState>, id: i64, absence_id: i64) -> Result<Driver> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.write(|tx| {
            ppg_desk_core::drivers::remove_absence(tx, absence_id)?;
            ppg_desk_core::drivers::get_driver(tx, id, today)
        })
    })
}

#[tauri::command(async)]
pub fn list_passengers(state: State<'_, AppState>, search: String) -> Result<Vec<Passenger>> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::drivers::passengers(conn, &search)))
}

#[tauri::command(async)]
pub fn create_passenger(state: State<'_, AppState>, input: PassengerInput) -> Result<Passenger> {
    ppg_desk_core::state::guard(move || {
        let passenger = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            let id = ppg_desk_core::drivers::insert_passenger(tx, &passenger, &now)?;
            ppg_desk_core::drivers::get_passenger(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_passenger(state: State<'_, AppState>, id: i64, input: PassengerInput) -> Result<Passenger> {
    ppg_desk_core::state::guard(move || {
        let passenger = input.checked(state.today())?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::drivers::update_passenger(tx, id, &passenger, &now)?;
            ppg_desk_core::drivers::get_passenger(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn delete_passenger(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.erase(|tx| ppg_desk_core::drivers::delete_passenger(tx, id)))
}

#[tauri::command(async)]
pub fn list_destinations(state: State<'_, AppState>) -> Result<Vec<Destination>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::drivers::destinations))
}

#[tauri::command(async)]
pub fn create_destination(state: State<'_, AppState>, input: DestinationInput) -> Result<Vec<Destination>> {
    ppg_desk_core::state::guard(move || {
        let destination = input.checked()?;
        state.write(|tx| {
            ppg_desk_core::drivers::insert_destination(tx, &destination)?;
            ppg_desk_core::drivers::destinations(tx)
        })
    })
}

#[tauri::command(async)]
pub fn update_destination(state: State<'_, AppState>, id: i64, input: DestinationInput) -> Result<Vec<Destination>> {
    ppg_desk_core::state::guard(move || {
        let destination = input.checked()?;
        state.write(|tx| {
            ppg_desk_core::drivers::update_destination(tx, id, &destination)?;
            ppg_desk_core::drivers::destinations(tx)
        })
    })
}

#[tauri::command(async)]
pub fn delete_destination(state: State<'_, AppState>, id: i64) -> Result<Vec<Destination>> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::drivers::delete_destination(tx, id)?;
            ppg_desk_core::drivers::destinations(tx)
        })
    })
}

/// The trips of `week` ("2026-W48"), or of this week when it is empty.
#[tauri::command(async)]
pub fn list_trips(state: State<'_, AppState>, week: String) -> Result<TripWeek> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| views::trip_week(conn, &week, today))
    })
}

#[tauri::command(async)]
pub fn get_trip(state: State<'_, AppState>, id: i64) -> Result<Trip> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::drivers::get_trip(conn, id)))
}

#[tauri::command(async)]
pub fn create_trip(state: State<'_, AppState>, input: TripInput) -> Result<Trip> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            let id = trips::create(tx, &input, today, &now)?;
            ppg_desk_core::drivers::get_trip(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_trip(state: State<'_, AppState>, id: i64, input: TripInput) -> Result<Trip> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            trips::update(tx, id, &input, today, &now)?;
            ppg_desk_core::drivers::get_trip(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn suggest_drivers(state: State<'_, AppState>, trip_id: i64) -> Result<Vec<Suggestion>> {
    ppg_desk_core::state::guard(move || {
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
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            assign::assign(tx, trip_id, driver_id, &override_reason, today, &now)?;
            ppg_desk_core::drivers::get_trip(tx, trip_id)
        })
    })
}

#[tauri::command(async)]
pub fn set_trip_status(state: State<'_, AppState>, trip_id: i64, status: TripStatus) -> Result<Trip> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            trips::set_status(tx, trip_id, status, &now)?;
            ppg_desk_core::drivers::get_trip(tx, trip_id)
        })
    })
}

#[tauri::command(async)]
pub fn mark_trip_done(state: State<'_, AppState>, trip_id: i64, miles: String, donation: String) -> Result<Trip> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            trips::mark_done(tx, trip_id, &miles, &donation, today, &now)?;
            ppg_desk_core::drivers::get_trip(tx, trip_id)
        })
    })
}

#[tauri::command(async)]
pub fn get_mileage_claim(state: State<'_, AppState>, driver_id: i64, month: String) -> Result<MileageClaim> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let (first, last) = ppg_desk_core::calendar::parse_month(&month)?;
        state.read(|conn| ppg_desk_core::drivers::mileage::claim_for(conn, driver_id, first, last, today))
    })
}

/// Former drivers whose record has been kept longer than the PPG's retention period.
#[tauri::command(async)]
pub fn list_former_drivers_due(state: State<'_, AppState>) -> Result<Vec<Driver>> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| {
            let months = ppg_desk_core::settings::load(conn)?.unwrap_or_default().driver_retention_months;
            ppg_desk_core::drivers::former_drivers_due(conn, months, today)
        })
    })
}

/// Removes a former driver's record for good (they stay in People).
#[tauri::command(async)]
pub fn remove_driver_record(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.erase(|tx| ppg_desk_core::drivers::remove_driver_record(tx, id, today))
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
    ppg_desk_core::state::guard(move || {
        let (first, last) = ppg_desk_core::calendar::parse_month(&month)?;
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            ppg_desk_core::drivers::mileage::save_other_miles(tx, driver_id, last, &miles, today, &now)?;
            ppg_desk_core::drivers::mileage::claim_for(tx, driver_id, first, last, today)
        })
    })
}

/// Writes a driver's trips (from four weeks ago on) as an iCalendar file where the person chose.
#[tauri::command(async)]
pub fn save_driver_calendar(state: State<'_, AppState>, driver_id: i64, path: ChosenFile) -> Result<u32> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let (today, now) = (state.today(), state.now());
        let (text, count) = state.read(|conn| views::calendar_for(conn, driver_id, today, now))?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())?;
        Ok(count)
    })
}

/// The scheme's summary for the last `months` months up to today.
#[tauri::command(async)]
pub fn get_scheme_summary(
    state: State<'_, AppState>,
    months: u32,
) -> Result<ppg_desk_core::drivers::summary::SchemeSummary> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        let (from, to) = ppg_desk_core::drivers::summary::period(months, today);
        state.read(|conn| ppg_desk_core::drivers::summary::summary(conn, from, to))
    })
}

/// Writes everything held about a passenger (subject access) as JSON where the person chose.
#[tauri::command(async)]
pub fn save_passenger_record_json(state: State<'_, AppState>, id: i64, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let today = state.today();
        let text = state.read(|conn| ppg_desk_core::documents::record::passenger_json(conn, id, today))?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())
    })
}
