//! The words of the app, said once: dates as people write them ("Tuesday 8 December 2026"),
//! times as people say them ("6.30pm"), the days of the week, months, miles and money.
//! Features and printing use these, so no feature imports another for a date.

use chrono::NaiveDate;

/// `part` of `whole` as a whole percentage, halves rounded up; `None` when `whole` is 0.
/// Every share the app prints (members beside patients, survey answers) rounds this way.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((u64::from(part) * 200 + u64::from(whole)) / (u64::from(whole) * 2)) as u32)
}

/// "2026-12-08" as people write it: "Tuesday 8 December 2026".
pub fn long_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%A %-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// "18:30" as people say it: "6.30pm" ("12 noon" at midday, "midnight" for 00:00 or the
/// 24:00 that ends a driver's day).
pub fn spoken_time(hhmm: &str) -> String {
    let Some((h, m)) = hhmm.split_once(':') else { return hhmm.to_string() };
    let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>()) else { return hhmm.to_string() };
    match (h, m) {
        (12, 0) => return "12 noon".into(),
        (0 | 24, 0) => return "midnight".into(),
        _ => {}
    }
    let suffix = if h >= 12 { "pm" } else { "am" };
    let hour = if h % 12 == 0 { 12 } else { h % 12 };
    if m == 0 {
        format!("{hour}{suffix}")
    } else {
        format!("{hour}.{m:02}{suffix}")
    }
}

/// The days of the week, as stored ("mon".."sun") and as said.
pub const DAYS: [(&str, &str); 7] = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// "Monday" for "mon"; `None` for anything else.
pub fn day_name(key: &str) -> Option<&'static str> {
    DAYS.iter().find(|(k, _)| *k == key).map(|(_, name)| *name)
}

/// Tidies chosen day keys into week order, dropping anything unknown.
pub fn tidy_days(days: &[String]) -> Vec<String> {
    DAYS.iter().filter(|(key, _)| days.iter().any(|d| d == key)).map(|(key, _)| key.to_string()).collect()
}

/// "December 2026" for "2026-12" (or any month `calendar::parse_month` reads).
pub fn month_name(month: &str) -> String {
    crate::calendar::parse_month(month)
        .map(|(first, _)| first.format("%B %Y").to_string())
        .unwrap_or_else(|_| month.to_string())
}

/// A befriender's gender as stored, and the word the screens and documents use for it
/// ("a woman befriender"); "" (not recorded, or no preference) is allowed beside these.
pub const GENDERS: [(&str, &str); 2] = [("female", "woman"), ("male", "man")];

/// Whether `key` is a stored gender or "" (none given).
pub fn is_gender_or_none(key: &str) -> bool {
    key.is_empty() || GENDERS.iter().any(|(k, _)| *k == key)
}

/// "a woman befriender" for "female"; "" when none was asked for.
pub fn befriender_wanted(key: &str) -> String {
    GENDERS.iter().find(|(k, _)| *k == key).map(|(_, word)| format!("a {word} befriender")).unwrap_or_default()
}

/// "12.5" from 125 tenths; "9,990" from 99,900.
pub fn miles_text(tenths: i64) -> String {
    let whole = (tenths / 10).to_string();
    let mut grouped = String::new();
    for (n, ch) in whole.chars().enumerate() {
        if n > 0 && (whole.len() - n).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if tenths % 10 == 0 {
        grouped
    } else {
        format!("{grouped}.{}", tenths % 10)
    }
}

/// "£12.35" from 1235 pence.
pub fn money_text(pence: i64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months_are_written_in_full() {
        assert_eq!(long_date("2026-12-08"), "Tuesday 8 December 2026");
        assert_eq!(long_date("not a date"), "not a date");
        assert_eq!(month_name("2026-12"), "December 2026");
    }

    #[test]
    fn times_are_printed_as_people_say_them() {
        assert_eq!(spoken_time("18:30"), "6.30pm");
        assert_eq!(spoken_time("09:00"), "9am");
        assert_eq!(spoken_time("12:00"), "12 noon");
        assert_eq!(spoken_time("00:15"), "12.15am");
        assert_eq!((spoken_time("24:00"), spoken_time("00:00")), ("midnight".to_string(), "midnight".to_string()));
    }

    #[test]
    fn days_are_named_and_put_in_week_order() {
        assert_eq!(day_name("wed"), Some("Wednesday"));
        assert_eq!(day_name("someday"), None);
        assert_eq!(tidy_days(&["sun".into(), "mon".into(), "xyz".into()]), vec!["mon", "sun"]);
    }

    #[test]
    fn a_befriender_preference_is_said_as_on_the_screen() {
        assert_eq!(befriender_wanted("female"), "a woman befriender");
        assert_eq!(befriender_wanted("male"), "a man befriender");
        assert_eq!(befriender_wanted(""), "");
        assert!(is_gender_or_none("") && is_gender_or_none("male") && !is_gender_or_none("Female"));
    }

    #[test]
    fn miles_and_money_are_written_as_on_a_claim_form() {
        assert_eq!(money_text(1235), "£12.35");
        assert_eq!(miles_text(125), "12.5");
        assert_eq!(miles_text(120), "12");
        assert_eq!(miles_text(99_905), "9,990.5");
        assert_eq!(miles_text(1_000_000), "100,000");
    }
}
