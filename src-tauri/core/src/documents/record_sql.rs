//! The SQL behind a person's whole record (`record.rs`): each part as dated items in words.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::HeldItem;
use crate::error::Result;
use crate::meetings::MeetingKind;

fn items(
    conn: &Connection,
    sql: &str,
    id: i64,
    describe: impl Fn(&rusqlite::Row) -> rusqlite::Result<HeldItem>,
) -> Result<Vec<HeldItem>> {
    let mut stmt = conn.prepare(sql)?;
    let found = stmt.query_map(params![id], |r| describe(r))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

fn kind_label(key: &str) -> &'static str {
    MeetingKind::from_key(key).map(|k| k.label()).unwrap_or("Meeting")
}

/// The meetings side of their record, oldest first.
pub fn meetings(conn: &Connection, id: i64) -> Result<Vec<HeldItem>> {
    let mut all = items(
        conn,
        "SELECT m.meets_on, m.kind, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = ?1",
        id,
        |r| {
            let status = match r.get::<_, String>("status")?.as_str() {
                "present" => "present",
                "apologies" => "sent apologies",
                "in_attendance" => "in attendance",
                _ => "absent",
            };
            Ok(HeldItem::new(Some(r.get("meets_on")?), format!("{}: {status}", kind_label(&r.get::<_, String>("kind")?))))
        },
    )?;
    all.extend(items(
        conn,
        "SELECT meets_on, kind, chair_id = ?1 AS chaired, minute_taker_id = ?1 AS took_minutes FROM meetings WHERE chair_id = ?1 OR minute_taker_id = ?1",
        id,
        |r| {
            let parts: Vec<&str> = [(r.get::<_, bool>("chaired")?, "chair"), (r.get::<_, bool>("took_minutes")?, "minute-taker")].into_iter().filter(|p| p.0).map(|p| p.1).collect();
            Ok(HeldItem::new(Some(r.get("meets_on")?), format!("{}: {}", kind_label(&r.get::<_, String>("kind")?), parts.join(" and "))))
        },
    )?);
    all.extend(items(
        conn,
        "SELECT m.meets_on, d.text, d.proposer_id = ?1 AS proposed FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
           JOIN meetings m ON m.id = i.meeting_id WHERE d.proposer_id = ?1 OR d.seconder_id = ?1",
        id,
        |r| {
            Ok(HeldItem::new(
                Some(r.get("meets_on")?),
                format!(
                    "{} the decision: {}",
                    if r.get::<_, bool>("proposed")? { "Proposed" } else { "Seconded" },
                    r.get::<_, String>("text")?
                ),
            ))
        },
    )?);
    all.extend(items(
        conn,
        "SELECT m.meets_on, i.title FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.requested_by_id = ?1",
        id,
        |r| Ok(HeldItem::new(Some(r.get("meets_on")?), format!("Asked for an agenda item: {}", r.get::<_, String>("title")?))),
    )?);
    all.sort_by(|a, b| a.on.cmp(&b.on));
    Ok(all)
}

/// The actions they own, in the order they were made.
pub fn actions(conn: &Connection, id: i64) -> Result<Vec<HeldItem>> {
    items(
        conn,
        "SELECT a.due_on, a.title, a.status FROM action_owners o JOIN actions a ON a.id = o.action_id WHERE o.person_id = ?1 ORDER BY a.created_at, a.id",
        id,
        |r| {
            let status = r.get::<_, crate::actions::ActionStatus>("status")?.label();
            Ok(HeldItem::new(r.get("due_on")?, format!("{} ({status})", r.get::<_, String>("title")?)))
        },
    )
}

/// The trips driver `driver_id` drove: when, where to and what happened (no passenger).
pub fn trips(conn: &Connection, driver_id: i64) -> Result<Vec<HeldItem>> {
    items(
        conn,
        "SELECT t.goes_on, coalesce(p.name, 'a place no longer listed') AS place, t.status, t.miles_tenths FROM trips t
           LEFT JOIN destinations p ON p.id = t.destination_id WHERE t.driver_id = ?1 ORDER BY t.goes_on, t.pickup_at",
        driver_id,
        |r| {
            let status = r.get::<_, crate::drivers::trips::TripStatus>("status")?.label();
            let miles = r
                .get::<_, Option<i64>>("miles_tenths")?
                .map(|m| format!(", {} miles", crate::words::miles_text(m)))
                .unwrap_or_default();
            Ok(HeldItem::new(Some(r.get("goes_on")?), format!("To {} ({status}{miles})", r.get::<_, String>("place")?)))
        },
    )
}

/// Miles driver `driver_id` drove for other organisations, by tax year.
pub fn other_miles(conn: &Connection, driver_id: i64, today: NaiveDate) -> Result<Vec<HeldItem>> {
    items(
        conn,
        "SELECT tax_year_start, tenths FROM driver_other_miles WHERE driver_id = ?1 ORDER BY tax_year_start",
        driver_id,
        |r| {
            let start = NaiveDate::parse_from_str(&r.get::<_, String>("tax_year_start")?, "%Y-%m-%d").unwrap_or(today);
            Ok(HeldItem::new(
                None,
                format!(
                    "{} miles for other organisations in the {} tax year",
                    crate::words::miles_text(r.get("tenths")?),
                    crate::drivers::mileage::tax_year_name(start)
                ),
            ))
        },
    )
}

/// Befriender `befriender_id`'s matches: when each began, first met and ended (no names).
pub fn matches(conn: &Connection, befriender_id: i64) -> Result<Vec<HeldItem>> {
    items(
        conn,
        "SELECT matched_on, first_met_on, ended_on FROM matches WHERE befriender_id = ?1 ORDER BY matched_on",
        befriender_id,
        |r| {
            let met: Option<String> = r.get("first_met_on")?;
            let ended: Option<String> = r.get("ended_on")?;
            let mut what = "Matched with a person referred for befriending".to_string();
            if let Some(met) = met {
                what.push_str(&format!("; first met {}", crate::words::long_date(&met)));
            }
            if let Some(ended) = ended {
                what.push_str(&format!("; ended {}", crate::words::long_date(&ended)));
            }
            Ok(HeldItem::new(Some(r.get("matched_on")?), what))
        },
    )
}

/// Passenger `passenger_id`'s trips: when, where to, the times and what happened (no driver).
pub fn passenger_trips(conn: &Connection, passenger_id: i64) -> Result<Vec<HeldItem>> {
    items(
        conn,
        "SELECT t.goes_on, coalesce(p.name, 'a place no longer listed') AS place, t.pickup_at, t.appointment_at, t.status FROM trips t
           LEFT JOIN destinations p ON p.id = t.destination_id WHERE t.passenger_id = ?1 ORDER BY t.goes_on, t.pickup_at",
        passenger_id,
        |r| {
            let spoken = |column: &str| r.get::<_, String>(column).map(|t| crate::words::spoken_time(&t));
            let status = r.get::<_, crate::drivers::trips::TripStatus>("status")?.label();
            Ok(HeldItem::new(Some(r.get("goes_on")?), format!("To {}: picked up {}, appointment {} ({status})", r.get::<_, String>("place")?, spoken("pickup_at")?, spoken("appointment_at")?)))
        },
    )
}

/// The names of the mailing lists the PPG made that person `id` is on.
pub fn mailing_lists(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT l.name FROM mailing_lists l JOIN mailing_list_people m ON m.list_id = l.id
          WHERE m.person_id = ?1 ORDER BY l.name COLLATE NOCASE",
    )?;
    let names = stmt.query_map([id], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}
