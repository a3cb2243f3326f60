//! Which backups to keep: the newest of each day in the last 7 days, of each ISO week in the
//! last 4 weeks and of each month in the last 12 months, by the calendar, plus every safety
//! backup (before an upgrade or restore) under 30 days old. Nothing older than 12 months is
//! kept, however seldom the laptop is used, so an erased person leaves the backups within a year.

use std::collections::{BTreeSet, HashSet};

use chrono::{Datelike, NaiveDateTime};

use super::BackupReason;

const DAILY_DAYS: i64 = 7;
const WEEKLY_DAYS: i64 = 28;
const MONTHS: u32 = 12;
const SAFETY_DAYS: i64 = 30;

/// Given backups (in any order) as (taken at, reason), returns the indexes to keep.
pub fn backups_to_keep(backups: &[(NaiveDateTime, BackupReason)], now: NaiveDateTime) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    order.sort_by(|&a, &b| backups[b].0.cmp(&backups[a].0));
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    let mut months = HashSet::new();
    let mut keep = BTreeSet::new();
    let today = now.date();
    let year_ago = today.checked_sub_months(chrono::Months::new(MONTHS)).unwrap_or(today);
    for index in order {
        let (taken, reason) = backups[index];
        let date = taken.date();
        let age = (today - date).num_days();
        let week = (date.iso_week().year(), date.iso_week().week());
        let month = (date.year(), date.month());
        // `insert` is true for the newest backup of its day, week or month (newest come first).
        let mut kept = false;
        if age < DAILY_DAYS && days.insert(date) {
            kept = true;
        }
        if age < WEEKLY_DAYS && weeks.insert(week) {
            kept = true;
        }
        if date > year_ago && months.insert(month) {
            kept = true;
        }
        let safety = reason != BackupReason::Daily && (now - taken).num_days() < SAFETY_DAYS;
        if kept || safety {
            keep.insert(index);
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(9, 0, 0).unwrap()
    }

    #[test]
    fn a_year_of_daily_backups_thins_to_at_most_23() {
        let now = at(2026, 11, 24);
        let all: Vec<_> = (0..400).map(|i| (now - Duration::days(i), BackupReason::Daily)).collect();
        let keep = backups_to_keep(&all, now);
        // 7 days + up to 5 week-ends + up to 13 month-ends, with overlaps.
        assert!(keep.len() <= 7 + 5 + 13, "kept {}", keep.len());
        assert!(keep.len() >= 12 + 6, "kept too few: {}", keep.len());
        for i in 0..7 {
            assert!(keep.contains(&i), "the last seven days are all kept (day {i})");
        }
        // 2026-11-24 is a Tuesday: the 17th and 16th share an ISO week with the 22nd (kept daily).
        assert!(!keep.contains(&7) && !keep.contains(&8), "older days in an already-kept week go");
        assert!(keep.contains(&9), "Sunday the 15th is the newest of the week before, kept as a weekly");
        let oldest_kept = keep.iter().map(|&i| all[i].0).min().unwrap();
        assert!(oldest_kept < at(2026, 1, 1), "a backup from about a year ago is still there");
    }

    #[test]
    fn a_laptop_used_now_and_then_keeps_nothing_older_than_a_year() {
        let now = at(2026, 11, 24);
        // A backup every few months over three years: the old rule kept the newest 12 months
        // that had one, which reached back years and kept erased people in backups.
        let all: Vec<_> = (0..12).map(|i| (now - Duration::days(i * 95), BackupReason::Daily)).collect();
        let keep = backups_to_keep(&all, now);
        assert!(keep.contains(&0));
        for &i in &keep {
            assert!(now - all[i].0 < Duration::days(366), "backup {i} from {} is over a year old", all[i].0);
        }
        assert!(keep.len() >= 3, "the ones within the year stay: {keep:?}");
    }

    #[test]
    fn the_newest_of_a_day_is_the_one_kept() {
        let now = at(2026, 11, 24);
        let morning = (now - Duration::hours(3), BackupReason::Daily);
        let evening = (now, BackupReason::Daily);
        let keep = backups_to_keep(&[morning, evening], now);
        assert_eq!(keep.into_iter().collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn recent_safety_backups_are_always_kept() {
        let now = at(2026, 11, 24);
        let all = [
            (now, BackupReason::Daily),
            (now - Duration::minutes(5), BackupReason::BeforeRestore),
            (now - Duration::minutes(9), BackupReason::BeforeUpgrade),
            (now - Duration::days(40) - Duration::minutes(1), BackupReason::BeforeUpgrade),
            (now - Duration::days(40), BackupReason::Daily),
        ];
        let keep = backups_to_keep(&all, now);
        assert!(keep.contains(&1) && keep.contains(&2), "safety copies under 30 days stay");
        assert!(!keep.contains(&3), "an old safety copy beside a newer one that day goes");
        assert!(keep.contains(&4));
    }
}
