//! The driver scheme's rules, apart from the store so they can be tested on their own: when a
//! check lapses or needs renewing soon, when a trip keeps a driver busy (across midnight and
//! on the days the clocks change), whether two trips clash allowing travel time, whether a
//! driver is free by their weekly pattern and absences, and who to suggest first.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::uk_to_utc;

/// How a check stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "state")]
#[ts(export)]
pub enum CheckState {
    InDate,
    /// Lapses within the warning period: in this many days (0 = lapses today at midnight).
    ExpiresSoon {
        days: u32,
    },
    Lapsed,
    /// No record of the check at all.
    Missing,
}

/// A check that expires on `expires_on` is valid up to and including that day.
pub fn check_state(expires_on: Option<NaiveDate>, today: NaiveDate, warn_days: u32) -> CheckState {
    match expires_on {
        None => CheckState::Missing,
        Some(on) if on < today => CheckState::Lapsed,
        Some(on) => {
            let days = (on - today).num_days() as u32;
            if days <= warn_days {
                CheckState::ExpiresSoon { days }
            } else {
                CheckState::InDate
            }
        }
    }
}

/// When a trip's times are in the day: pick-up, appointment, and back home (optional).
/// Each time earlier than the one before it is on the next day, so a trip can run past
/// midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TripTimes {
    pub goes_on: NaiveDate,
    pub pickup: NaiveTime,
    pub appointment: NaiveTime,
    pub back: Option<NaiveTime>,
    pub returns: bool,
}

/// Without a "back by" time: a return trip keeps the driver this long after the appointment
/// (a typical clinic wait and the drive home); a one-way trip this long.
pub const RETURN_WAIT_MINUTES: i64 = 180;
pub const ONE_WAY_MINUTES: i64 = 45;

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl TripTimes {
    /// The local date and time of each point, rolling into the next day where needed.
    fn local_points(&self) -> (NaiveDate, NaiveTime, NaiveDate, NaiveTime, NaiveDate, NaiveTime) {
        let mut day = self.goes_on;
        let pickup = (day, self.pickup);
        if self.appointment < self.pickup {
            day = day.succ_opt().unwrap_or(day);
        }
        let appointment = (day, self.appointment);
        let back = match self.back {
            Some(back) => {
                if back < self.appointment {
                    day = day.succ_opt().unwrap_or(day);
                }
                (day, back)
            }
            None => {
                let minutes = if self.returns { RETURN_WAIT_MINUTES } else { ONE_WAY_MINUTES };
                let end = appointment.0.and_time(appointment.1) + Duration::minutes(minutes);
                (end.date(), end.time())
            }
        };
        (pickup.0, pickup.1, appointment.0, appointment.1, back.0, back.1)
    }

    /// The real instants the driver is busy, from pick-up to back (UK clock changes applied).
    pub fn busy(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let (pd, pt, _, _, bd, bt) = self.local_points();
        Some((uk_to_utc(pd, &hhmm(pt))?, uk_to_utc(bd, &hhmm(bt))?))
    }

    /// The appointment as a local date and time.
    pub fn appointment_local(&self) -> (NaiveDate, NaiveTime) {
        let (_, _, ad, at, _, _) = self.local_points();
        (ad, at)
    }

    /// The local date the driver is back on (the next day for a trip past midnight).
    pub fn back_local(&self) -> (NaiveDate, NaiveTime) {
        let (_, _, _, _, bd, bt) = self.local_points();
        (bd, bt)
    }
}

/// Whether two busy spells clash once `buffer_minutes` of travel are allowed between them.
pub fn clash(a: (DateTime<Utc>, DateTime<Utc>), b: (DateTime<Utc>, DateTime<Utc>), buffer_minutes: i64) -> bool {
    let buffer = Duration::minutes(buffer_minutes);
    a.0 < b.1 + buffer && b.0 < a.1 + buffer
}

/// One slot of a driver's usual week ("mon", 09:00 to 13:00).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Slot {
    pub day: String,
    pub from: String,
    pub to: String,
}

/// A planned absence, from and to (inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Absence {
    #[ts(type = "number")]
    pub id: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub note: String,
}

fn day_key(date: NaiveDate) -> &'static str {
    crate::words::DAYS[date.weekday().num_days_from_monday() as usize].0
}

/// Why the driver cannot take a trip at these times by their usual week and absences, in
/// words; None when they can.
pub fn unavailable(pattern: &[Slot], absences: &[Absence], times: &TripTimes) -> Option<String> {
    let (back_on, back_at) = times.back_local();
    for absence in absences {
        let start = times.goes_on.to_string();
        if absence.starts_on <= back_on.to_string() && start <= absence.ends_on {
            let note = if absence.note.is_empty() { String::new() } else { format!(" ({})", absence.note) };
            return Some(format!(
                "away from {} to {}{note}",
                crate::words::long_date(&absence.starts_on),
                crate::words::long_date(&absence.ends_on)
            ));
        }
    }
    let day = day_key(times.goes_on);
    let pickup = hhmm(times.pickup);
    let back = if back_on > times.goes_on { "24:00".to_string() } else { hhmm(back_at) };
    let covered = pattern.iter().any(|s| s.day == day && s.from <= pickup && back <= s.to);
    if covered {
        return None;
    }
    let name = crate::words::DAYS.iter().find(|(k, _)| *k == day).map(|(_, n)| *n).unwrap_or(day);
    let slots: Vec<String> = pattern
        .iter()
        .filter(|s| s.day == day)
        .map(|s| format!("{} to {}", crate::words::spoken_time(&s.from), crate::words::spoken_time(&s.to)))
        .collect();
    Some(if slots.is_empty() {
        format!("does not usually drive on {name}s")
    } else {
        format!("drives on {name}s only {}", slots.join(" and "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    fn t(hhmm: &str) -> NaiveTime {
        NaiveTime::parse_from_str(hhmm, "%H:%M").unwrap()
    }

    fn trip(on: &str, pickup: &str, appointment: &str, back: Option<&str>) -> TripTimes {
        TripTimes { goes_on: d(on), pickup: t(pickup), appointment: t(appointment), back: back.map(t), returns: true }
    }

    #[test]
    fn checks_warn_within_the_period_and_lapse_the_day_after_expiry() {
        let today = d("2026-11-24");
        assert_eq!(check_state(Some(d("2026-12-24")), today, 30), CheckState::ExpiresSoon { days: 30 });
        assert_eq!(check_state(Some(d("2026-12-25")), today, 30), CheckState::InDate);
        assert_eq!(
            check_state(Some(d("2026-11-24")), today, 30),
            CheckState::ExpiresSoon { days: 0 },
            "valid on its last day"
        );
        assert_eq!(check_state(Some(d("2026-11-23")), today, 30), CheckState::Lapsed);
        assert_eq!(check_state(None, today, 30), CheckState::Missing);
    }

    #[test]
    fn trips_clash_allowing_travel_time_between_them() {
        let morning = trip("2026-11-24", "09:00", "10:00", Some("11:00")).busy().unwrap();
        let close = trip("2026-11-24", "11:20", "12:00", Some("13:00")).busy().unwrap();
        let later = trip("2026-11-24", "11:30", "12:00", Some("13:00")).busy().unwrap();
        assert!(clash(morning, close, 30), "20 minutes is not enough to get across town");
        assert!(!clash(morning, later, 30), "exactly 30 minutes is");
        assert!(clash(close, morning, 30), "either way round");
    }

    #[test]
    fn a_trip_past_midnight_runs_into_the_next_day() {
        let late = trip("2026-11-24", "22:30", "23:15", Some("01:30"));
        assert_eq!(late.back_local(), (d("2026-11-25"), t("01:30")));
        let (start, end) = late.busy().unwrap();
        assert_eq!((end - start).num_minutes(), 180);
        let early_next = trip("2026-11-25", "01:45", "02:30", Some("03:00")).busy().unwrap();
        assert!(clash((start, end), early_next, 30), "01:30 back and a 01:45 pick-up the next morning clash");
        // Appointment after midnight.
        let night = trip("2026-11-24", "23:40", "00:20", None);
        assert_eq!(night.appointment_local(), (d("2026-11-25"), t("00:20")));
    }

    #[test]
    fn trips_on_clock_change_days_are_measured_in_real_time() {
        // 25 October 2026: clocks go back at 02:00 BST to 01:00 GMT, so 00:30 to 03:30 is four hours.
        let autumn = trip("2026-10-25", "00:30", "01:30", Some("03:30")).busy().unwrap();
        assert_eq!((autumn.1 - autumn.0).num_minutes(), 240);
        // 28 March 2027: clocks go forward at 01:00 GMT to 02:00 BST, so 00:30 to 03:30 is two hours.
        let spring = trip("2027-03-28", "00:30", "01:30", Some("03:30")).busy().unwrap();
        assert_eq!((spring.1 - spring.0).num_minutes(), 120);
        // A 04:00 pick-up then is 30 minutes after the spring trip ends: no clash with 30 minutes' travel.
        let after = trip("2027-03-28", "04:00", "05:00", Some("06:00")).busy().unwrap();
        assert!(!clash(spring, after, 30));
    }

    fn slots() -> Vec<Slot> {
        vec![
            Slot { day: "tue".into(), from: "09:00".into(), to: "13:00".into() },
            Slot { day: "tue".into(), from: "14:00".into(), to: "17:00".into() },
            Slot { day: "thu".into(), from: "08:00".into(), to: "18:00".into() },
        ]
    }

    #[test]
    fn availability_follows_the_weekly_pattern_and_absences() {
        // 24 November 2026 is a Tuesday.
        assert_eq!(unavailable(&slots(), &[], &trip("2026-11-24", "09:30", "10:00", Some("12:30"))), None);
        assert_eq!(
            unavailable(&slots(), &[], &trip("2026-11-24", "12:00", "13:00", Some("15:00"))).unwrap(),
            "drives on Tuesdays only 9am to 1pm and 2pm to 5pm"
        );
        assert_eq!(
            unavailable(&slots(), &[], &trip("2026-11-25", "09:30", "10:00", None)).unwrap(),
            "does not usually drive on Wednesdays"
        );
        let away = vec![Absence {
            id: 1,
            starts_on: "2026-11-20".into(),
            ends_on: "2026-11-24".into(),
            note: "holiday".into(),
        }];
        assert_eq!(
            unavailable(&slots(), &away, &trip("2026-11-24", "09:30", "10:00", Some("12:30"))).unwrap(),
            "away from Friday 20 November 2026 to Tuesday 24 November 2026 (holiday)"
        );
        assert_eq!(
            unavailable(&slots(), &away, &trip("2026-11-26", "09:30", "10:00", Some("12:30"))),
            None,
            "back by Thursday"
        );
    }
}
