//! A meeting as an iCalendar invite (RFC 5545) that any calendar program imports. Times are
//! written in UTC, converted from UK local time (so summer time is right without relying on
//! the reader's time-zone tables); nothing is fetched from anywhere.

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use super::{AgendaItem, Meeting};
use crate::calendar::{uk_to_utc, without_library_prodid};
use crate::error::{Error, Result};

/// Meetings with no end time are shown as lasting this long.
const USUAL_LENGTH_MINUTES: i64 = 90;

/// The invite for `meeting`: what, when, where (room and/or joining details), and the agenda.
pub fn invite(group_name: &str, meeting: &Meeting, items: &[AgendaItem], stamped: NaiveDateTime) -> Result<String> {
    let unreadable = || Error::Refused("This meeting's date or time is unreadable, so no invite could be made.".into());
    let date = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d").map_err(|_| unreadable())?;
    let starts = uk_to_utc(date, &meeting.starts_at).ok_or_else(unreadable)?;
    let ends = match &meeting.ends_at {
        Some(end) => uk_to_utc(date, end).ok_or_else(unreadable)?,
        None => starts + Duration::minutes(USUAL_LENGTH_MINUTES),
    };
    let mut description = Vec::new();
    if !meeting.online_link.is_empty() {
        description.push(format!("Join online: {}", meeting.online_link));
    }
    if !items.is_empty() {
        description.push("Agenda:".to_string());
        description.extend(items.iter().enumerate().map(|(n, item)| format!("{}. {}", n + 1, item.title)));
    }
    let location = match (meeting.venue.is_empty(), meeting.online_link.is_empty()) {
        (false, true) => meeting.venue.clone(),
        (false, false) => format!("{} (or online)", meeting.venue),
        (true, _) => "Online".to_string(),
    };
    let event = Event::new()
        .uid(&format!("ppg-desk-meeting-{}-{}", meeting.id, fold_uid(group_name)))
        .timestamp(Utc.from_utc_datetime(&stamped))
        .summary(&format!("{}: {}", group_name, meeting.kind.label().to_lowercase()))
        .starts(starts)
        .ends(ends)
        .location(&location)
        .description(&description.join("\n"))
        .done();
    let calendar =
        Calendar::new().append_property(("PRODID", "-//PPG Desk//Meetings//EN")).name(group_name).push(event).done();
    Ok(without_library_prodid(&calendar.to_string()))
}

/// The invite for the stored meeting `id`, named after the PPG.
pub fn for_meeting(conn: &rusqlite::Connection, id: i64, stamped: NaiveDateTime) -> Result<String> {
    let group = crate::settings::load(conn)?.unwrap_or_default().group_name;
    invite(&group, &super::get(conn, id)?, &super::items(conn, id)?, stamped)
}

/// The group's name reduced to letters and digits, to make the invite's id unique per PPG.
fn fold_uid(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn uk_times_become_utc_in_winter_and_summer() {
        assert_eq!(uk_to_utc(d(2026, 12, 8), "18:30").unwrap().to_rfc3339(), "2026-12-08T18:30:00+00:00");
        assert_eq!(uk_to_utc(d(2026, 7, 14), "18:30").unwrap().to_rfc3339(), "2026-07-14T17:30:00+00:00");
        // The clocks change at 1am on the last Sundays of March and October.
        assert_eq!(uk_to_utc(d(2026, 3, 29), "01:30").unwrap().to_rfc3339(), "2026-03-29T01:30:00+00:00");
        assert_eq!(uk_to_utc(d(2026, 10, 25), "01:30").unwrap().to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }
}
