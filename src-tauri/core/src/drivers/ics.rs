//! A driver's trips as an iCalendar file (RFC 5545) in UK local time: each event's times carry
//! TZID=Europe/London, and the file holds the Europe/London time-zone rules (GMT, and BST
//! from the last Sunday in March to the last Sunday in October), so any calendar program
//! shows the pick-up at the time on the trip sheet, summer or winter.

use chrono::{NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};

use super::trips::{Trip, TripStatus};

const TZID: &str = "Europe/London";

/// The Europe/London rules, as calendar programs expect them beside TZID references.
const LONDON: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\nDTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nDTSTART:19701025T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

fn local(date: chrono::NaiveDate, time: chrono::NaiveTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone { date_time: NaiveDateTime::new(date, time), tzid: TZID.into() }
}

/// The calendar for one driver: every trip given (cancelled and uncovered ones left out).
pub fn driver_calendar(group_name: &str, driver_name: &str, trips: &[Trip], stamped: NaiveDateTime) -> String {
    let mut calendar = Calendar::new();
    calendar
        .append_property(("PRODID", "-//PPG Desk//Driver trips//EN"))
        .name(&format!("{group_name}: trips for {driver_name}"));
    for trip in trips.iter().filter(|t| !matches!(t.status, TripStatus::Cancelled | TripStatus::NotCovered)) {
        let times = trip.times();
        let (back_on, back_at) = times.back_local();
        let mut description = vec![
            format!("Pick up {} at {}", trip.passenger_name, crate::words::spoken_time(&trip.pickup_at)),
            format!("From: {}", trip.pickup_address),
            format!("Appointment: {} at {}", trip.destination_name, crate::words::spoken_time(&trip.appointment_at)),
        ];
        if !trip.passenger_phone.is_empty() {
            description.push(format!("Phone: {}", trip.passenger_phone));
        }
        if !trip.mobility.is_empty() {
            description.push(format!("Mobility: {}", trip.mobility));
        }
        description.push(if trip.returns { "Return journey needed".to_string() } else { "One way".to_string() });
        if !trip.notes.is_empty() {
            description.push(format!("Notes: {}", trip.notes));
        }
        let event = Event::new()
            .uid(&format!("ppg-desk-trip-{}", trip.id))
            .timestamp(Utc.from_utc_datetime(&stamped))
            .summary(&format!("Drive {} to {}", trip.passenger_name, trip.destination_name))
            .starts(local(times.goes_on, times.pickup))
            .ends(local(back_on, back_at))
            .location(&trip.pickup_address)
            .description(&description.join("\n"))
            .done();
        calendar.push(event);
    }
    let text = crate::calendar::without_library_prodid(&calendar.done().to_string());
    // The zone's rules go before the first event (or before the end of an empty calendar).
    let at = text.find("BEGIN:VEVENT").or_else(|| text.find("END:VCALENDAR")).unwrap_or(text.len());
    format!("{}{LONDON}{}", &text[..at], &text[at..])
}
