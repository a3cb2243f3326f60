//! When the next meeting falls. PPGs meet on a pattern like "the second Tuesday of the
//! month", so a monthly interval keeps the weekday and its place in the month (the last
//! one stays the last), not the day number. Weekly intervals simply add weeks. Dates are
//! local calendar dates, so a 6.30pm meeting stays at 6.30pm across the clock changes.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::settings::IntervalUnit;

/// Which occurrence of its weekday `date` is in its month: 1 to 4, or 5 for the last.
fn place_in_month(date: NaiveDate) -> u32 {
    let nth = (date.day() - 1) / 7 + 1;
    let is_last = (date + Duration::days(7)).month() != date.month();
    if is_last && nth >= 4 {
        5
    } else {
        nth
    }
}

/// The `nth` (1 to 4, or 5 meaning last) `weekday` of the month `year`-`month`.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: u32) -> Option<NaiveDate> {
    if nth == 5 {
        let first_of_next = NaiveDate::from_ymd_opt(year, month, 1)?.checked_add_months(Months::new(1))?;
        let mut day = first_of_next - Duration::days(1);
        while day.weekday() != weekday {
            day -= Duration::days(1);
        }
        return Some(day);
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth as u8)
}

/// The date of the meeting `every` `unit` after the one on `date`.
pub fn next_meeting_date(date: NaiveDate, every: u32, unit: IntervalUnit) -> Option<NaiveDate> {
    match unit {
        IntervalUnit::Weeks => date.checked_add_signed(Duration::weeks(i64::from(every))),
        IntervalUnit::Months => {
            let target =
                NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?.checked_add_months(Months::new(every))?;
            nth_weekday(target.year(), target.month(), date.weekday(), place_in_month(date))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_second_tuesday_stays_the_second_tuesday() {
        // 8 December 2026 is the second Tuesday; so is 12 January 2027.
        assert_eq!(next_meeting_date(d(2026, 12, 8), 1, IntervalUnit::Months), Some(d(2027, 1, 12)));
        assert_eq!(next_meeting_date(d(2027, 1, 12), 2, IntervalUnit::Months), Some(d(2027, 3, 9)));
    }

    #[test]
    fn the_last_thursday_stays_the_last_across_month_ends() {
        // 29 October 2026 is the last Thursday; November's last is the 26th, December's the 31st.
        assert_eq!(next_meeting_date(d(2026, 10, 29), 1, IntervalUnit::Months), Some(d(2026, 11, 26)));
        assert_eq!(next_meeting_date(d(2026, 11, 26), 1, IntervalUnit::Months), Some(d(2026, 12, 31)));
        // 31 January 2027 is a Sunday, the last; February's last Sunday is the 28th.
        assert_eq!(next_meeting_date(d(2027, 1, 31), 1, IntervalUnit::Months), Some(d(2027, 2, 28)));
    }

    #[test]
    fn quarterly_and_across_the_year_end() {
        assert_eq!(next_meeting_date(d(2026, 11, 3), 3, IntervalUnit::Months), Some(d(2027, 2, 2)));
    }

    #[test]
    fn weekly_intervals_add_weeks_across_the_clock_change() {
        // The clocks go back on 25 October 2026; the date (and so the local time) is unaffected.
        assert_eq!(next_meeting_date(d(2026, 10, 13), 6, IntervalUnit::Weeks), Some(d(2026, 11, 24)));
        assert_eq!(next_meeting_date(d(2027, 3, 16), 2, IntervalUnit::Weeks), Some(d(2027, 3, 30)));
    }

    #[test]
    fn place_in_month_counts_the_last_as_last() {
        assert_eq!(place_in_month(d(2026, 12, 1)), 1);
        assert_eq!(place_in_month(d(2026, 12, 22)), 4);
        assert_eq!(place_in_month(d(2026, 12, 29)), 5);
        assert_eq!(place_in_month(d(2026, 2, 26)), 5, "the fourth Thursday of February 2026 is also the last");
    }
}
