//! The PPG's own details, set on first run and in Settings: its name, practice(s), PCN,
//! usual venue, how often it meets, and the screen text size.

pub mod logo;
mod sql;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;
use crate::print::Profile;

pub use sql::{is_sample, load, load_logo, mark_sample, save, save_logo};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum IntervalUnit {
    Weeks,
    Months,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TextSize {
    Normal,
    Large,
    Larger,
}

/// The PPG's settings as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub group_name: String,
    /// The practice or practices the PPG serves, in the order given.
    pub practices: Vec<String>,
    pub pcn: String,
    pub usual_venue: String,
    /// The usual gap between meetings: every `meeting_every` `meeting_every_unit`.
    pub meeting_every: u32,
    pub meeting_every_unit: IntervalUnit,
    pub text_size: TextSize,
    /// The print profile documents open in (each can still be printed in the other).
    pub default_profile: Profile,
    /// How many committee members must be present for decisions to stand.
    pub quorum: u32,
    /// Members may ask for agenda items until this many days before the meeting.
    pub member_items_deadline_days: u32,
    /// Warn when the PPG has not met its link worker for this many months.
    pub splw_meet_months: u32,
    /// Directory entries not checked for this many months are flagged as possibly out of date.
    pub directory_check_months: u32,
    /// Warn this many days before a driver's check lapses.
    pub check_warning_days: u32,
    /// Minutes of travel allowed between one trip and the next for the same driver.
    pub travel_buffer_minutes: u32,
    /// Prompt when someone waiting for a befriender has not been contacted for this many days.
    pub waiting_contact_days: u32,
    /// Closed befriending referrals older than this many months are listed for erasure.
    pub befriending_retention_months: u32,
    /// Former drivers who stopped this many months ago are listed for removal.
    pub driver_retention_months: u32,
    /// A protected PPG locks itself after this many minutes without use (0 = never).
    pub idle_lock_minutes: u32,
    /// The month (1 to 12) the PPG's year starts: its annual report covers twelve months from it.
    pub year_starts_month: u32,
    /// Members are given this many days' notice of the AGM.
    pub agm_notice_days: u32,
}

impl Default for Settings {
    /// A PPG that meets monthly, with nothing else filled in yet.
    fn default() -> Self {
        Settings {
            group_name: String::new(),
            practices: Vec::new(),
            pcn: String::new(),
            usual_venue: String::new(),
            meeting_every: 1,
            meeting_every_unit: IntervalUnit::Months,
            text_size: TextSize::Normal,
            default_profile: Profile::Standard,
            quorum: 4,
            member_items_deadline_days: 7,
            splw_meet_months: 6,
            directory_check_months: 12,
            check_warning_days: 30,
            travel_buffer_minutes: 30,
            waiting_contact_days: 14,
            befriending_retention_months: 24,
            driver_retention_months: 24,
            idle_lock_minutes: 15,
            year_starts_month: 4,
            agm_notice_days: 28,
        }
    }
}

impl Settings {
    /// Checks and tidies settings typed into the setup or settings form.
    pub fn checked(self) -> Result<Settings> {
        let mut c = Checker::new();
        let group_name = c.text(
            "groupName",
            &self.group_name,
            120,
            Some("Please enter your group's name, for example \"Riverside Surgery PPG\"."),
        );
        let mut practices: Vec<String> = Vec::new();
        for practice in &self.practices {
            let name = practice.trim().to_string();
            if name.chars().count() > 120 {
                c.fail("practices", "Each practice name must be under 120 characters.");
            } else if !name.is_empty() && !practices.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
                practices.push(name);
            }
        }
        let pcn = c.text("pcn", &self.pcn, 120, None);
        let usual_venue = c.text("usualVenue", &self.usual_venue, 300, None);
        let limit = match self.meeting_every_unit {
            IntervalUnit::Weeks => 52,
            IntervalUnit::Months => 12,
        };
        if self.meeting_every == 0 || self.meeting_every > limit {
            c.fail("meetingEvery", format!("Please choose between 1 and {limit}."));
        }
        if !(1..=50).contains(&self.quorum) {
            c.fail("quorum", "Please give the quorum as a number of committee members, from 1 to 50.");
        }
        if !(1..=36).contains(&self.splw_meet_months) {
            c.fail("splwMeetMonths", "Please choose between 1 and 36 months.");
        }
        if !(1..=120).contains(&self.check_warning_days) {
            c.fail("checkWarningDays", "Please choose between 1 and 120 days.");
        }
        if !(6..=120).contains(&self.befriending_retention_months) {
            c.fail("befriendingRetentionMonths", "Please choose between 6 and 120 months.");
        }
        if !(6..=120).contains(&self.driver_retention_months) {
            c.fail("driverRetentionMonths", "Please choose between 6 and 120 months.");
        }
        if !(1..=90).contains(&self.waiting_contact_days) {
            c.fail("waitingContactDays", "Please choose between 1 and 90 days.");
        }
        if self.travel_buffer_minutes > 240 {
            c.fail("travelBufferMinutes", "Please choose up to 240 minutes.");
        }
        if !(1..=60).contains(&self.directory_check_months) {
            c.fail("directoryCheckMonths", "Please choose between 1 and 60 months.");
        }
        if self.idle_lock_minutes > 240 {
            c.fail("idleLockMinutes", "Please choose up to 240 minutes (4 hours), or 0 to never lock by itself.");
        }
        if !(1..=12).contains(&self.year_starts_month) {
            c.fail("yearStartsMonth", "Please choose the month the PPG's year starts.");
        }
        if !(7..=90).contains(&self.agm_notice_days) {
            c.fail(
                "agmNoticeDays",
                "Please give the AGM's notice as a number of days from 7 to 90 (your constitution says how many).",
            );
        }
        if self.member_items_deadline_days > 60 {
            c.fail("memberItemsDeadlineDays", "Please choose a deadline of 60 days or fewer before the meeting.");
        }
        c.finish()?;
        Ok(Settings { group_name, practices, pcn, usual_venue, ..self })
    }
}

/// True until the PPG has been set up (or the sample loaded).
pub fn needs_setup(conn: &Connection) -> Result<bool> {
    Ok(load(conn)?.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Settings {
        Settings {
            group_name: "  Riverside PPG ".into(),
            practices: vec!["Riverside Surgery".into(), "".into(), "riverside surgery".into(), "Hill Lane".into()],
            pcn: "North PCN".into(),
            usual_venue: "".into(),
            meeting_every: 6,
            meeting_every_unit: IntervalUnit::Weeks,
            text_size: TextSize::Normal,
            default_profile: Profile::Standard,
            quorum: 4,
            member_items_deadline_days: 7,
            splw_meet_months: 6,
            directory_check_months: 12,
            check_warning_days: 30,
            travel_buffer_minutes: 30,
            waiting_contact_days: 14,
            befriending_retention_months: 24,
            driver_retention_months: 24,
            idle_lock_minutes: 15,
            year_starts_month: 4,
            agm_notice_days: 28,
        }
    }

    #[test]
    fn trims_and_removes_blank_and_repeated_practices() {
        let s = sample().checked().unwrap();
        assert_eq!(s.group_name, "Riverside PPG");
        assert_eq!(s.practices, vec!["Riverside Surgery", "Hill Lane"]);
    }

    #[test]
    fn the_years_first_month_and_the_agm_notice_are_kept_within_what_a_constitution_says() {
        let fields = |s: Settings| match s.checked() {
            Err(crate::error::Error::Invalid(f)) => f.into_iter().map(|f| f.field).collect::<Vec<_>>(),
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(
            fields(Settings { year_starts_month: 13, agm_notice_days: 6, ..sample() }),
            ["yearStartsMonth", "agmNoticeDays"]
        );
        assert_eq!(
            fields(Settings { year_starts_month: 0, agm_notice_days: 91, ..sample() }),
            ["yearStartsMonth", "agmNoticeDays"]
        );
        assert!(Settings { year_starts_month: 1, agm_notice_days: 14, ..sample() }.checked().is_ok());
    }

    #[test]
    fn refuses_a_missing_name_and_silly_interval() {
        let bad = Settings {
            group_name: " ".into(),
            meeting_every: 13,
            meeting_every_unit: IntervalUnit::Months,
            ..sample()
        };
        let Err(crate::error::Error::Invalid(fields)) = bad.checked() else { panic!("expected invalid") };
        let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, vec!["groupName", "meetingEvery"]);
    }
}
