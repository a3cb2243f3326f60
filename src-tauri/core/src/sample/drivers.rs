//! The sample PPG's volunteer driver scheme: eight drivers (one with insurance about to lapse,
//! one with a lapsed MOT) and a former driver due for removal, passengers, the usual
//! hospitals and clinics, and three months of trips before today and two weeks after,
//! including a weekly dialysis series (Jan drives the early Tuesday run).

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Transaction;

use crate::drivers::rules::Slot;
use crate::drivers::trips::{self, TripInput, TripStatus};
use crate::drivers::{self, assign, CheckInput, CheckKind, DestinationInput, DriverInput, PassengerInput};
use crate::error::{Error, Result};
use crate::people::{self, PeopleFilter, PeopleQuery};

/// (person, make, colour, registration, wheelchair-accessible, days, from, to, insurance expires in days, MOT expires in days)
#[rustfmt::skip] // a table of sample rows: one row per line reads best
#[allow(clippy::type_complexity)] // one tuple per sample row, named in the comment above
const DRIVERS: &[(&str, &str, &str, &str, bool, &str, &str, &str, i64, i64)] = &[
    ("Graham Whitfield", "Skoda Octavia", "silver", "RV19 GWF", false, "mon tue wed thu fri", "08:00", "18:00", 200, 150),
    ("David Thompson", "Ford Focus", "blue", "RV17 DTF", false, "tue thu", "09:00", "16:00", 21, 120),
    ("Jan Kowalski", "Toyota Yaris", "red", "RV20 JKY", false, "mon tue wed fri", "07:00", "13:00", 300, 240),
    ("Peter Wright", "Vauxhall Zafira", "white", "RV16 PWZ", true, "mon tue wed thu", "08:30", "17:30", 180, -5),
    ("Tomasz Wiśniewski", "Dacia Sandero", "grey", "RV21 TWS", false, "sat sun", "08:00", "20:00", 250, 300),
    ("Olusegun Adeyemi", "Nissan Qashqai", "black", "RV18 OAQ", false, "tue wed thu fri", "10:00", "19:00", 140, 90),
    ("Bernard O'Neill", "Peugeot 5008", "green", "RV15 BON", true, "mon wed", "08:00", "15:00", 330, 60),
    ("Fatima Hussain", "Kia Niro", "white", "RV22 FHN", false, "thu fri sat", "09:00", "17:00", 95, 200),
];

/// (name, phone, pick-up address, wheelchair, walking aid, escort)
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const PASSENGERS: &[(&str, &str, &str, bool, bool, bool)] = &[
    ("Edith Parkinson", "01632 960701", "3 Willow Close, Riverside RV1 7WC", false, true, false),
    ("Arthur Bell", "01632 960702", "14 Station Road, Riverside RV1 3SR", true, false, true),
    ("Maureen O'Sullivan", "01632 960703", "Flat 2, Canal House, Millbrook RV3 2CH", false, true, false),
    ("Harold Jenkins", "01632 960704", "27 Green Lane, Oakford RV5 2GL", false, false, false),
    ("Gurpreet Kaur", "07700 900711", "8 Mill Lane, Riverside RV1 4QT", false, false, true),
    ("Winifred Shaw", "01632 960705", "The Bungalow, Hill Lane RV2 3HB", true, false, false),
    ("Stanisław Zieliński", "07700 900712", "5 Albert Road, Millbrook RV3 5AR", false, true, false),
    ("Joyce Armitage", "01632 960706", "41 Park Road, Riverside RV1 6PR", false, false, false),
];

#[rustfmt::skip] // a table of sample rows: one row per line reads best
const DESTINATIONS: &[(&str, &str, &str)] = &[
    ("Riverside General Hospital", "Hospital Road, Riverside", "RV1 8RH"),
    ("Riverside Renal Unit", "Riverside General Hospital, Gate C", "RV1 8RH"),
    ("Oakford Community Hospital", "Church Street, Oakford", "RV5 1CH"),
    ("Northgate Eye Clinic", "12 Northgate, Riverside", "RV1 2NG"),
    ("Millbrook Physiotherapy Centre", "Canal Side, Millbrook", "RV3 2CS"),
];

fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn person_id(tx: &Transaction, name: &str, today: NaiveDate) -> Result<i64> {
    let query = PeopleQuery { search: name.into(), filter: PeopleFilter::Current };
    people::list(tx, &query, today)?
        .into_iter()
        .find(|p| p.full_name == name)
        .map(|p| p.id)
        .ok_or(Error::NotFound("A sample driver is missing."))
}

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    // A former driver who stopped two and a half years ago: listed for removal (24 months).
    let everyone = PeopleQuery { search: "Kenneth Ashworth".into(), filter: PeopleFilter::Everyone };
    let kenneth = people::list(tx, &everyone, today)?
        .first()
        .map(|p| p.id)
        .ok_or(Error::NotFound("A sample driver is missing."))?;
    let former = DriverInput {
        person_id: Some(kenneth),
        vehicle_make: "Honda Civic".into(),
        vehicle_colour: "maroon".into(),
        registration: "RV12 KAC".into(),
        seats: "3".into(),
        active: false,
        ..Default::default()
    };
    drivers::insert_driver(tx, &former.checked()?, &format!("{}T10:00:00", today - Duration::days(913)))?;
    let mut drivers = Vec::new();
    for &(name, make, colour, registration, wheelchair, days, from, to, insurance_in, mot_in) in DRIVERS {
        let input = DriverInput {
            person_id: Some(person_id(tx, name, today)?),
            vehicle_make: make.into(),
            vehicle_colour: colour.into(),
            registration: registration.into(),
            seats: if wheelchair { "5".into() } else { "3".into() },
            wheelchair_accessible: wheelchair,
            active: true,
            availability: days
                .split_whitespace()
                .map(|d| Slot { day: d.into(), from: from.into(), to: to.into() })
                .collect(),
            ..Default::default()
        };
        let id = drivers::insert_driver(tx, &input.checked()?, now)?;
        for (kind, expires_in, reference) in [
            (CheckKind::Dbs, 600, format!("0012{:08}", id * 7919)),
            (CheckKind::Licence, 400, String::new()),
            (CheckKind::Insurance, insurance_in, format!("VOL-{:05}", id * 131)),
            (CheckKind::Mot, mot_in, String::new()),
        ] {
            let check = CheckInput {
                kind: Some(kind),
                checked_on: uk(today - Duration::days(120)),
                reference,
                outcome: if kind == CheckKind::Dbs { "Clear".into() } else { String::new() },
                expires_on: uk(today + Duration::days(expires_in)),
            };
            drivers::save_check(tx, id, &check.checked(today)?)?;
        }
        drivers.push(id);
    }
    let (starts, ends, note) = crate::drivers::AbsenceInput {
        starts_on: uk(today + Duration::days(3)),
        ends_on: uk(today + Duration::days(12)),
        note: "Holiday".into(),
    }
    .checked()?;
    drivers::add_absence(tx, drivers[2], starts, ends, &note)?;

    let mut passengers = Vec::new();
    for &(name, phone, address, wheelchair, walking_aid, escort) in PASSENGERS {
        let input = PassengerInput {
            full_name: name.into(),
            phone: phone.into(),
            pickup_address: address.into(),
            wheelchair,
            walking_aid,
            needs_escort: escort,
            consent_on: uk(today - Duration::days(200)),
            ..Default::default()
        };
        passengers.push(drivers::insert_passenger(tx, &input.checked(today)?, now)?);
    }
    let mut destinations = Vec::new();
    for &(name, address, postcode) in DESTINATIONS {
        destinations.push(drivers::insert_destination(
            tx,
            &DestinationInput { name: name.into(), address: address.into(), postcode: postcode.into() }.checked()?,
        )?);
    }

    // Three months back and two weeks ahead: a trip most weekdays, by passenger in turn.
    let start = today - Duration::days(91);
    let mut n = 0usize;
    let mut day = start;
    while day <= today + Duration::days(14) {
        let weekday = day.weekday().num_days_from_monday();
        if weekday < 5 && !day.ordinal().is_multiple_of(3) {
            let passenger = passengers[n % passengers.len()];
            // The renal unit has its own series below.
            let destination = destinations[[0, 2, 3, 4][n % 4]];
            let pickup = ["09:00", "10:30", "13:15", "08:45"][n % 4];
            let appointment = ["09:45", "11:15", "14:00", "09:30"][n % 4];
            let input = TripInput {
                passenger_id: Some(passenger),
                destination_id: Some(destination),
                goes_on: uk(day),
                pickup_at: pickup.into(),
                appointment_at: appointment.into(),
                returns: !n.is_multiple_of(5),
                ..Default::default()
            };
            // Entered on the day it was asked for, as a coordinator would have.
            let id = trips::create(tx, &input, day.min(today), now)?;
            place(tx, id, day, n, today, now)?;
            n += 1;
        }
        day += Duration::days(1);
    }
    // Weekly dialysis for Harold Jenkins on Tuesdays.
    let first_tuesday = start + Duration::days((8 - start.weekday().num_days_from_monday() as i64) % 7);
    let series = TripInput {
        passenger_id: Some(passengers[3]),
        destination_id: Some(destinations[1]),
        goes_on: uk(first_tuesday),
        pickup_at: "07:15".into(),
        appointment_at: "08:00".into(),
        back_at: "12:30".into(),
        returns: true,
        notes: "Dialysis: bring a blanket, the unit is cold.".into(),
        repeat_weeks: Some(1),
        repeat_until: uk(today + Duration::days(14)),
        ..Default::default()
    };
    let first = trips::create(tx, &series, first_tuesday, now)?;
    let series_trips = drivers::trips_between(tx, first_tuesday, today + Duration::days(14), None)?;
    for trip in series_trips.iter().filter(|t| t.id >= first) {
        let on = NaiveDate::parse_from_str(&trip.goes_on, "%Y-%m-%d").unwrap_or(today);
        place(tx, trip.id, on, 1, today, now)?;
    }
    Ok(())
}

/// Gives a sample trip the driver PPG Desk suggests first; past trips are done with miles
/// (and sometimes a donation), one in twelve could not be covered, future ones wait or are
/// assigned.
fn place(tx: &Transaction, trip_id: i64, on: NaiveDate, n: usize, today: NaiveDate, now: &str) -> Result<()> {
    if n % 12 == 7 {
        return trips::set_status(tx, trip_id, TripStatus::NotCovered, now);
    }
    if on > today + Duration::days(4) && n.is_multiple_of(2) {
        return Ok(());
    }
    let suggestions = assign::suggest(tx, trip_id, on)?;
    let Some(best) = suggestions.into_iter().find(|s| s.problems.is_empty()) else { return Ok(()) };
    assign::assign(tx, trip_id, best.driver_id, "", on, now)?;
    if on <= today {
        let miles = format!("{}.{}", 6 + (n * 7) % 23, n % 10);
        let donation = if n.is_multiple_of(3) { "5".to_string() } else { String::new() };
        trips::mark_done(tx, trip_id, &miles, &donation, today, now)?;
    } else if n.is_multiple_of(3) {
        trips::set_status(tx, trip_id, TripStatus::Confirmed, now)?;
    }
    Ok(())
}
