//! The volunteer driver scheme: drivers (people in People with a vehicle), the record that
//! each check was done and when it lapses, their usual week and absences; passengers and
//! saved destinations. Trips and assigning drivers are in `trips.rs`; the pure rules (check
//! states, busy times, clashes, availability) in `rules.rs`; HMRC mileage in `mileage.rs`;
//! SQL in `sql.rs`; calendar files in `ics.rs`.

pub mod assign;
pub mod ics;
pub mod mileage;
pub mod passengers;
pub mod rules;
mod sql;
pub mod summary;
pub mod trip;
pub mod trips;
mod trips_sql;
pub mod views;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::{parse_time, Checker};
use crate::error::Result;
pub use passengers::{CheckedPassenger, Destination, DestinationInput, Passenger, PassengerInput};
use rules::{Absence, CheckState, Slot};
pub use sql::{
    add_absence, delete_destination, delete_passenger, destinations, driver_for_person, drivers,
    forget_old_dbs_details, get_driver, get_passenger, get_trip, insert_destination, insert_driver, insert_passenger,
    month_lines, other_miles, passengers, remove_absence, save_check, set_other_miles, trips_between,
    update_destination, update_driver, update_passenger,
};

keyed_enum!(
    /// The checks every driver needs, each with an expiry date.
    CheckKind {
        Dbs = "dbs": "Enhanced DBS check",
        Licence = "licence": "Driving licence check",
        Insurance = "insurance": "Insurance for voluntary driving",
        Mot = "mot": "MOT",
    }
);

/// The record that a check was done, and how it stands today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckLine {
    pub kind: CheckKind,
    pub checked_on: Option<String>,
    /// The certificate or policy number (never a copy of the certificate).
    pub reference: String,
    pub outcome: String,
    pub expires_on: Option<String>,
    pub state: CheckState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Driver {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub phone: String,
    pub vehicle_make: String,
    pub vehicle_colour: String,
    pub registration: String,
    pub seats: u32,
    pub wheelchair_accessible: bool,
    pub notes: String,
    pub active: bool,
    /// The day they stopped driving (while `active` is false), e.g. "2026-03-14".
    pub stopped_on: Option<String>,
    /// Every kind of check, in order, recorded or not.
    pub checks: Vec<CheckLine>,
    pub availability: Vec<Slot>,
    pub absences: Vec<Absence>,
}

impl Driver {
    /// "Ford Focus, blue, AB12 CDE".
    pub fn vehicle_text(&self) -> String {
        [self.vehicle_make.as_str(), self.vehicle_colour.as_str(), self.registration.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What is wrong with the driver's checks today, in words ("Insurance for voluntary
    /// driving lapsed on 1 November 2026").
    pub fn check_problems(&self) -> Vec<String> {
        self.checks
            .iter()
            .filter_map(|c| match c.state {
                CheckState::Lapsed => Some(format!(
                    "{} lapsed on {}",
                    c.kind.label(),
                    crate::words::long_date(c.expires_on.as_deref().unwrap_or_default())
                )),
                CheckState::Missing => Some(format!("{}: none recorded", c.kind.label())),
                _ => None,
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct DriverInput {
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    pub vehicle_make: String,
    pub vehicle_colour: String,
    pub registration: String,
    pub seats: String,
    pub wheelchair_accessible: bool,
    pub notes: String,
    pub active: bool,
    pub availability: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDriver {
    pub person_id: i64,
    pub vehicle_make: String,
    pub vehicle_colour: String,
    pub registration: String,
    pub seats: u32,
    pub wheelchair_accessible: bool,
    pub notes: String,
    pub active: bool,
    pub availability: Vec<Slot>,
}

/// A slot's times as people type them ("9am", "1.30pm"), or why not.
fn checked_slots(c: &mut Checker, slots: &[Slot]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (n, slot) in slots.iter().enumerate() {
        if !crate::words::DAYS.iter().any(|(k, _)| *k == slot.day) {
            c.fail("availability", format!("Line {} has no day chosen.", n + 1));
            continue;
        }
        let from = parse_time(&slot.from);
        let to = if slot.to.trim() == "24:00" || slot.to.trim().eq_ignore_ascii_case("midnight") {
            Ok("24:00".to_string())
        } else {
            parse_time(&slot.to)
        };
        match (from, to) {
            (Ok(from), Ok(to)) if to > from => out.push(Slot { day: slot.day.clone(), from, to }),
            (Ok(_), Ok(_)) => {
                c.fail("availability", format!("Line {}: the end time must be after the start time.", n + 1))
            }
            (Err(m), _) | (_, Err(m)) => c.fail("availability", format!("Line {}: {m}", n + 1)),
        }
    }
    out.sort_by(|a, b| {
        let pos = |d: &str| crate::words::DAYS.iter().position(|(k, _)| *k == d).unwrap_or(7);
        pos(&a.day).cmp(&pos(&b.day)).then(a.from.cmp(&b.from))
    });
    for pair in out.windows(2) {
        if pair[0].day == pair[1].day && pair[1].from < pair[0].to {
            c.fail("availability", "Two of the times on the same day overlap; please join them into one.");
        }
    }
    out
}

/// Former drivers who stopped driving more than `months` months before `today` (counted as
/// closed befriending referrals are): their driver record is kept no longer than that.
pub fn former_drivers_due(conn: &rusqlite::Connection, months: u32, today: NaiveDate) -> Result<Vec<Driver>> {
    let cutoff = today.checked_sub_months(chrono::Months::new(months)).unwrap_or(today).to_string();
    let mut due: Vec<Driver> = sql::drivers(conn, today)?
        .into_iter()
        .filter(|d| !d.active && d.stopped_on.as_deref().is_some_and(|on| on < cutoff.as_str()))
        .collect();
    due.sort_by(|a, b| a.stopped_on.cmp(&b.stopped_on));
    Ok(due)
}

/// Removes a former driver's record: vehicle, checks, usual week, absences and other
/// organisations' miles. They stay in People; their trips stay in the scheme's counts
/// without their name. Someone still driving is refused.
pub fn remove_driver_record(conn: &rusqlite::Connection, id: i64, today: NaiveDate) -> Result<()> {
    if sql::get_driver(conn, id, today)?.active {
        return Err(crate::error::Error::Refused(
            "This person is still driving for the scheme. Untick \"Driving for the scheme at the moment\" first."
                .into(),
        ));
    }
    sql::delete_driver(conn, id)
}

/// "ab12 cde" as "AB12 CDE".
pub fn tidy_registration(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
}

impl DriverInput {
    pub fn checked(&self) -> Result<CheckedDriver> {
        let mut c = Checker::new();
        let person_id = self.person_id.unwrap_or_else(|| {
            c.fail("personId", "Please choose who the driver is (add them in People first).");
            0
        });
        let vehicle_make = c.text("vehicleMake", &self.vehicle_make, 80, None);
        let vehicle_colour = c.text("vehicleColour", &self.vehicle_colour, 40, None);
        let registration = tidy_registration(&self.registration);
        if registration.len() > 10 || !registration.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == ' ') {
            c.fail("registration", "A registration has letters and numbers only, for example AB12 CDE.");
        }
        let seats = match self.seats.trim() {
            "" => 3,
            text => match text.parse::<u32>() {
                Ok(n) if (1..=8).contains(&n) => n,
                _ => {
                    c.fail("seats", "Please give the number of passenger seats, from 1 to 8.");
                    3
                }
            },
        };
        let notes = c.text("notes", &self.notes, 2000, None);
        let availability = checked_slots(&mut c, &self.availability);
        c.finish()?;
        Ok(CheckedDriver {
            person_id,
            vehicle_make,
            vehicle_colour,
            registration,
            seats,
            wheelchair_accessible: self.wheelchair_accessible,
            notes,
            active: self.active,
            availability,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CheckInput {
    pub kind: Option<CheckKind>,
    pub checked_on: String,
    pub reference: String,
    pub outcome: String,
    pub expires_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCheck {
    pub kind: CheckKind,
    pub checked_on: Option<NaiveDate>,
    pub reference: String,
    pub outcome: String,
    pub expires_on: NaiveDate,
}

impl CheckInput {
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedCheck> {
        let mut c = Checker::new();
        let kind = self.kind.unwrap_or_else(|| {
            c.fail("kind", "Please choose which check this is.");
            CheckKind::Dbs
        });
        let checked_on = c.date("checkedOn", &self.checked_on);
        if checked_on.is_some_and(|d| d > today) {
            c.fail("checkedOn", "This is in the future; give the day the check was done.");
        }
        let reference = c.text("reference", &self.reference, 40, None);
        let outcome = c.text("outcome", &self.outcome, 200, None);
        let expires_on = c.date("expiresOn", &self.expires_on);
        if expires_on.is_none() && !c.has_error("expiresOn") {
            c.fail("expiresOn", "Please give the date it expires or must be renewed.");
        }
        if let (Some(on), Some(ends)) = (checked_on, expires_on) {
            if ends < on {
                c.fail("expiresOn", "It cannot expire before it was done.");
            }
        }
        c.finish()?;
        Ok(CheckedCheck { kind, checked_on, reference, outcome, expires_on: expires_on.expect("checked above") })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AbsenceInput {
    pub starts_on: String,
    pub ends_on: String,
    pub note: String,
}

impl AbsenceInput {
    pub fn checked(&self) -> Result<(NaiveDate, NaiveDate, String)> {
        let mut c = Checker::new();
        let starts = c.date("startsOn", &self.starts_on);
        let ends = c.date("endsOn", &self.ends_on);
        if starts.is_none() && !c.has_error("startsOn") {
            c.fail("startsOn", "Please give the first day away.");
        }
        let ends = ends.or(starts);
        if let (Some(s), Some(e)) = (starts, ends) {
            if e < s {
                c.fail("endsOn", "The last day away cannot be before the first.");
            }
        }
        let note = c.text("note", &self.note, 200, None);
        c.finish()?;
        Ok((starts.expect("checked"), ends.expect("checked"), note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_driver_needs_a_person_and_sensible_vehicle_and_times() {
        let Err(crate::error::Error::Invalid(fields)) = DriverInput {
            registration: "AB12-CDE".into(),
            seats: "12".into(),
            availability: vec![
                Slot { day: "tue".into(), from: "9am".into(), to: "1pm".into() },
                Slot { day: "tue".into(), from: "12pm".into(), to: "3pm".into() },
            ],
            ..Default::default()
        }
        .checked() else {
            panic!("refused")
        };
        let field = |name: &str| fields.iter().find(|f| f.field == name).map(|f| f.message.clone()).unwrap_or_default();
        assert!(field("personId").contains("choose who"));
        assert!(field("registration").contains("letters and numbers"));
        assert!(field("seats").contains("1 to 8"));
        assert!(field("availability").contains("overlap"));

        let ok = DriverInput {
            person_id: Some(4),
            registration: " ab12   cde ".into(),
            availability: vec![
                Slot { day: "thu".into(), from: "2pm".into(), to: "5pm".into() },
                Slot { day: "mon".into(), from: "9".into(), to: "12 noon".into() },
            ],
            ..Default::default()
        }
        .checked()
        .unwrap();
        assert_eq!(ok.registration, "AB12 CDE");
        assert_eq!(
            ok.availability[0],
            Slot { day: "mon".into(), from: "09:00".into(), to: "12:00".into() },
            "sorted into week order"
        );
    }

    #[test]
    fn a_check_needs_its_expiry_and_a_passenger_needs_consent() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let Err(crate::error::Error::Invalid(fields)) =
            CheckInput { kind: Some(CheckKind::Dbs), checked_on: "1/12/2026".into(), ..Default::default() }
                .checked(today)
        else {
            panic!("refused")
        };
        assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["checkedOn", "expiresOn"]);
        let Err(crate::error::Error::Invalid(fields)) =
            PassengerInput { full_name: "Ada".into(), pickup_address: "1 Mill Lane".into(), ..Default::default() }
                .checked(today)
        else {
            panic!("refused")
        };
        assert!(fields[0].message.contains("Without it they cannot be added"));
    }
}
