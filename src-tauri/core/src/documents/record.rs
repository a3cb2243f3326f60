//! Subject access for someone in People (or a passenger): everything PPG Desk holds about them, gathered for a
//! readable PDF (`documents::access`) and a JSON file. Their own record and roles, the meetings
//! they came to or had a part in, the actions they own, and their driver and befriender
//! records. Other people's details are left out: the trips they drove say when and where, not
//! who was in the car, and befriending matches say when, not whom.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::record_sql as sql;
pub use super::HeldItem;
use crate::befriending::matching::Befriender;
use crate::drivers::{Driver, Passenger};
use crate::error::Result;
use crate::people::Person;

impl HeldItem {
    pub(crate) fn new(on: Option<String>, what: impl Into<String>) -> Self {
        HeldItem { on, what: what.into() }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonAccess {
    /// The day the record was put together (ISO).
    pub produced_on: String,
    pub person: Person,
    /// Meetings: attendance, chairing, taking the minutes, proposing or seconding, items asked for.
    pub meetings: Vec<HeldItem>,
    pub actions: Vec<HeldItem>,
    /// The mailing lists the PPG made that they are on ("Practice team").
    pub mailing_lists: Vec<String>,
    /// Their equality monitoring answers, if they gave any.
    pub equality: Option<crate::membership::MemberProfile>,
    pub driver: Option<Driver>,
    /// Trips they drove: the day, where to and what happened (no passenger's name).
    pub trips: Vec<HeldItem>,
    /// Miles they told the scheme they drove for other organisations, by tax year.
    pub other_miles: Vec<HeldItem>,
    pub befriender: Option<Befriender>,
    /// Their befriending matches: when each began, first met and ended (no names).
    pub matches: Vec<HeldItem>,
}

/// Everything held about person `id`, as it stands `today`.
pub fn gather(conn: &Connection, id: i64, today: NaiveDate) -> Result<PersonAccess> {
    let person = crate::people::get(conn, id)?;
    let driver = crate::drivers::drivers(conn, today)?.into_iter().find(|d| d.person_id == id);
    let (trips, other_miles) = match &driver {
        Some(d) => (sql::trips(conn, d.id)?, sql::other_miles(conn, d.id, today)?),
        None => (Vec::new(), Vec::new()),
    };
    let befriender = crate::befriending::befrienders(conn)?.into_iter().find(|b| b.person_id == id);
    let matches = match &befriender {
        Some(b) => sql::matches(conn, b.id)?,
        None => Vec::new(),
    };
    Ok(PersonAccess {
        produced_on: today.to_string(),
        meetings: sql::meetings(conn, id)?,
        actions: sql::actions(conn, id)?,
        mailing_lists: sql::mailing_lists(conn, id)?,
        equality: crate::membership::profile(conn, id)?,
        person,
        driver,
        trips,
        other_miles,
        befriender,
        matches,
    })
}

/// Everything held about a passenger of the driver scheme (who is not in People): their
/// details and their trips, without the drivers' names.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PassengerAccess {
    pub produced_on: String,
    pub passenger: Passenger,
    pub trips: Vec<HeldItem>,
}

pub fn gather_passenger(conn: &Connection, id: i64, today: NaiveDate) -> Result<PassengerAccess> {
    Ok(PassengerAccess {
        produced_on: today.to_string(),
        passenger: crate::drivers::get_passenger(conn, id)?,
        trips: sql::passenger_trips(conn, id)?,
    })
}

/// A record as the JSON file handed over with the PDF: what it is ("Everything Riverside PPG
/// holds about this person …") and the record itself.
fn handover_json(conn: &Connection, about: &str, record: &impl Serialize) -> Result<String> {
    let group = crate::settings::load(conn)?.unwrap_or_default().group_name;
    let file = serde_json::json!({ "about": format!("Everything {group} holds about {about}."), "record": record });
    Ok(serde_json::to_string_pretty(&file).expect("the record is plain data"))
}

/// A person's record as JSON, to hand over with the PDF.
pub fn json(conn: &Connection, id: i64, today: NaiveDate) -> Result<String> {
    handover_json(conn, "this person in PPG Desk", &gather(conn, id, today)?)
}

/// A passenger's record as JSON, to hand over with the PDF.
pub fn passenger_json(conn: &Connection, id: i64, today: NaiveDate) -> Result<String> {
    handover_json(conn, "this passenger of its volunteer driver scheme", &gather_passenger(conn, id, today)?)
}
