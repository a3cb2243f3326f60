//! Editing a meeting's agenda and writing its minutes: adding, changing, moving and removing
//! items, and saving the minute-taker's notes as they type. Nothing changes once the
//! minutes are approved.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::{Days, NaiveDate};

use super::record::{self, Amendment, AttendanceLine, Decision, Quorum};
use super::{record_sql, sql, status, AgendaItem, Meeting, Purpose};
use crate::actions::{self, Action};
use crate::check::Checker;
use crate::error::{Error, Result};
use crate::words::long_date;

/// An agenda item as typed into the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItemInput {
    pub title: String,
    pub presenter: String,
    /// Minutes allowed, as typed ("10"); empty for no limit.
    pub minutes_allowed: String,
    pub purpose: Purpose,
    pub notes_for_members: String,
    /// The member who asked for the item, if one did.
    #[ts(type = "number | null")]
    pub requested_by_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedItem {
    pub title: String,
    pub presenter: String,
    pub minutes_allowed: Option<u32>,
    pub purpose: Purpose,
    pub notes_for_members: String,
    pub requested_by_id: Option<i64>,
}

impl AgendaItemInput {
    pub fn checked(&self) -> Result<CheckedItem> {
        let mut c = Checker::new();
        let title = c.text("title", &self.title, 200, Some("Please give the item a title."));
        let presenter = c.text("presenter", &self.presenter, 120, None);
        let allowed = self.minutes_allowed.trim().trim_end_matches("minutes").trim_end_matches("mins").trim();
        let minutes_allowed = if allowed.is_empty() {
            None
        } else {
            match allowed.parse::<u32>() {
                Ok(n) if (1..=240).contains(&n) => Some(n),
                _ => {
                    c.fail("minutesAllowed", "Please give the time allowed in minutes, from 1 to 240.");
                    None
                }
            }
        };
        let notes_for_members = c.text("notesForMembers", &self.notes_for_members, 5000, None);
        c.finish()?;
        Ok(CheckedItem {
            title,
            presenter,
            minutes_allowed,
            purpose: self.purpose,
            notes_for_members,
            requested_by_id: self.requested_by_id,
        })
    }
}

/// A meeting with its agenda and record, as the meeting screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub chair_name: Option<String>,
    pub minute_taker_name: Option<String>,
    pub items: Vec<AgendaItem>,
    pub attendance: Vec<AttendanceLine>,
    /// Professional contacts who came as guests (the link worker, say).
    pub guests: Vec<crate::contacts::Contact>,
    pub quorum: Quorum,
    pub decisions: Vec<Decision>,
    pub actions: Vec<Action>,
    /// The meeting before this one, whose minutes this one approves.
    pub previous: Option<Meeting>,
    pub amendments: Vec<Amendment>,
    /// The last day members may ask for items ("2026-12-01").
    pub member_items_deadline: String,
}

pub fn detail(conn: &Connection, id: i64) -> Result<MeetingDetail> {
    let meeting = sql::get(conn, id)?;
    let settings = crate::settings::load(conn)?.unwrap_or_default();
    let attendance = record_sql::attendance(conn, id, &meeting.meets_on)?;
    let name = |person: Option<i64>| -> Result<Option<String>> {
        person.map(|p| crate::people::get(conn, p).map(|p| p.full_name)).transpose()
    };
    let meets_on = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d").ok();
    Ok(MeetingDetail {
        chair_name: name(meeting.chair_id).ok().flatten(),
        minute_taker_name: name(meeting.minute_taker_id).ok().flatten(),
        items: sql::items(conn, id)?,
        quorum: record::quorum(&attendance, settings.quorum),
        attendance,
        guests: crate::contacts::guests(conn, id)?,
        decisions: record_sql::decisions(conn, id)?,
        actions: actions::for_meeting(conn, id)?,
        previous: meets_on.map(|d| sql::previous_before(conn, d)).transpose()?.flatten(),
        amendments: record_sql::amendments(conn, id)?,
        member_items_deadline: meets_on
            .map(|d| member_items_deadline(d, settings.member_items_deadline_days).to_string())
            .unwrap_or_default(),
        meeting,
    })
}

/// The last day members may ask for items on the agenda of a meeting on `meets_on`.
pub fn member_items_deadline(meets_on: NaiveDate, days_before: u32) -> NaiveDate {
    meets_on.checked_sub_days(Days::new(u64::from(days_before))).unwrap_or(meets_on)
}

fn editable(conn: &Connection, meeting_id: i64) -> Result<()> {
    status::check_minutes_editable(sql::get(conn, meeting_id)?.status)
}

/// Saves the notes under one item (called a moment after typing stops).
pub fn save_minutes(conn: &Connection, item_id: i64, text: &str) -> Result<()> {
    if text.chars().count() > 100_000 {
        return Err(Error::invalid(
            "minutes",
            "These notes are too long for one item: please split them across items.",
        ));
    }
    editable(conn, sql::item_meeting(conn, item_id)?)?;
    sql::update_item_minutes(conn, item_id, text)
}

/// Adds an item. One asked for by a member must come in by the deadline (the chair can
/// still take it under any other business).
pub fn add_item(
    conn: &Connection,
    meeting_id: i64,
    item: &CheckedItem,
    today: NaiveDate,
    deadline_days: u32,
) -> Result<i64> {
    editable(conn, meeting_id)?;
    if item.requested_by_id.is_some() {
        let meeting = sql::get(conn, meeting_id)?;
        if let Ok(meets_on) = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d") {
            let deadline = member_items_deadline(meets_on, deadline_days);
            if today > deadline {
                return Err(Error::invalid(
                    "requestedById",
                    format!(
                        "Members could ask for items until {}. The chair can still take it under any other business.",
                        long_date(&deadline.to_string())
                    ),
                ));
            }
        }
    }
    let id = sql::append_item(conn, meeting_id, item)?;
    // Keep "Any other business" and "Date of next meeting" at the end, where people expect them.
    let mut order: Vec<AgendaItem> = sql::items(conn, meeting_id)?;
    let tail = |title: &str| {
        title.eq_ignore_ascii_case("Any other business") || title.eq_ignore_ascii_case("Date of next meeting")
    };
    let new = order.pop().expect("the item was just added");
    let at = order.iter().position(|i| tail(&i.title)).unwrap_or(order.len());
    order.insert(at, new);
    sql::reorder_items(conn, meeting_id, &order.iter().map(|i| i.id).collect::<Vec<_>>())?;
    Ok(id)
}

pub fn update_item(conn: &Connection, item_id: i64, item: &CheckedItem) -> Result<()> {
    editable(conn, sql::item_meeting(conn, item_id)?)?;
    sql::update_item(conn, item_id, item)
}

/// Moves an item `by` places: -1 is one place up, 1 one place down, further for a drag.
pub fn move_item(conn: &Connection, item_id: i64, by: i32) -> Result<()> {
    let meeting_id = sql::item_meeting(conn, item_id)?;
    editable(conn, meeting_id)?;
    let mut ids: Vec<i64> = sql::items(conn, meeting_id)?.iter().map(|i| i.id).collect();
    let from = ids.iter().position(|&i| i == item_id).expect("the item belongs to the meeting");
    let to = (from as i64 + i64::from(by)).clamp(0, ids.len() as i64 - 1) as usize;
    if to == from {
        return Ok(());
    }
    let moving = ids.remove(from);
    ids.insert(to, moving);
    sql::reorder_items(conn, meeting_id, &ids)
}

pub fn remove_item(conn: &Connection, item_id: i64) -> Result<()> {
    let meeting_id = sql::item_meeting(conn, item_id)?;
    editable(conn, meeting_id)?;
    sql::delete_item(conn, item_id)?;
    let ids: Vec<i64> = sql::items(conn, meeting_id)?.iter().map(|i| i.id).collect();
    sql::reorder_items(conn, meeting_id, &ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(minutes: &str) -> AgendaItemInput {
        AgendaItemInput {
            title: "Flu clinic stall".into(),
            presenter: "Aisha".into(),
            minutes_allowed: minutes.into(),
            purpose: Purpose::Decision,
            notes_for_members: String::new(),
            requested_by_id: None,
        }
    }

    #[test]
    fn time_allowed_is_read_in_minutes() {
        assert_eq!(input("10").checked().unwrap().minutes_allowed, Some(10));
        assert_eq!(input("15 mins").checked().unwrap().minutes_allowed, Some(15));
        assert_eq!(input("").checked().unwrap().minutes_allowed, None);
        assert!(input("half an hour").checked().is_err());
        assert!(input("0").checked().is_err());
    }
}
