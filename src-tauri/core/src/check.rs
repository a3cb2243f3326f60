//! Form checking shared by every feature: collects one plain-English message per field,
//! and parses what volunteers type (dates as day/month/year, emails, lengths).

use chrono::NaiveDate;

use crate::error::{Error, FieldError, Result};

/// Collects field errors while a form is checked; `finish` turns them into `Error::Invalid`.
#[derive(Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem with `field` (only the first problem per field is kept).
    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        if !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError { field: field.to_string(), message: message.into() });
        }
    }

    pub fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// Trims `value`; records `missing` if it is empty and `too_long` past `max` characters.
    pub fn text(&mut self, field: &str, value: &str, max: usize, required: Option<&str>) -> String {
        let value = value.trim();
        if value.is_empty() {
            if let Some(message) = required {
                self.fail(field, message);
            }
        } else if value.chars().count() > max {
            self.fail(field, format!("This is too long: please keep it under {max} characters."));
        }
        value.to_string()
    }

    /// An optional date typed by a person; returns the parsed date when it is valid.
    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match parse_date(value) {
            Ok(date) => Some(date),
            Err(message) => {
                self.fail(field, message);
                None
            }
        }
    }

    /// An optional email address; checks its shape only (the address is never contacted).
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let value = self.text(field, value, 254, None);
        if !value.is_empty() {
            if let Err(message) = check_email(&value) {
                self.fail(field, message);
            }
        }
        value
    }

    pub fn finish(self) -> Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self.errors))
        }
    }
}

/// Why an email address cannot be right, in words a volunteer understands.
pub fn check_email(value: &str) -> std::result::Result<(), &'static str> {
    if value.chars().any(char::is_whitespace) {
        return Err("An email address cannot contain spaces.");
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err("An email address needs an @, for example name@example.org.");
    };
    if local.is_empty() {
        return Err("Something is missing before the @.");
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err("The part after the @ looks incomplete, for example example.org.");
    }
    Ok(())
}

use crate::calendar::MONTHS;

/// Parses a date as people in England write it: 24/11/2026, 24-11-2026, 24.11.26,
/// 24 November 2026, 24 Nov 2026, or the ISO form 2026-11-24.
pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    let example = "Please write the date as day/month/year, for example 24/11/2026.";
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '-', '.', ' ', ',']).filter(|p| !p.is_empty()).collect();
    if parts.len() != 3 {
        return Err(example.to_string());
    }
    let (day, month, year) =
        if parts[0].len() == 4 { (parts[2], parts[1], parts[0]) } else { (parts[0], parts[1], parts[2]) };
    let day: u32 = day.trim_end_matches(|c: char| c.is_alphabetic()).parse().map_err(|_| example.to_string())?;
    let month: u32 = match month.parse() {
        Ok(m) => m,
        Err(_) => {
            let lower = month.to_lowercase();
            let found = MONTHS.iter().position(|m| lower.len() >= 3 && m.starts_with(&lower));
            found.map(|i| i as u32 + 1).ok_or_else(|| example.to_string())?
        }
    };
    let mut year: i32 = year.parse().map_err(|_| example.to_string())?;
    if year < 100 && parts[0].len() != 4 {
        year += 2000;
    }
    if !(1900..=2100).contains(&year) {
        return Err(format!("The year {year} does not look right."));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("There is no month {month}: months go from 1 to 12."));
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("The date {day} {} {year} does not exist.", capitalise(MONTHS[month as usize - 1])))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Parses a time as people write it: 18:30, 6.30pm, 6:30 pm, 6pm, 1830, 12 noon. Returns "HH:MM".
pub fn parse_time(text: &str) -> std::result::Result<String, String> {
    let example = "Please write the time like 18:30 or 6.30pm.".to_string();
    let lower = text.trim().to_lowercase().replace(' ', "");
    if matches!(lower.as_str(), "noon" | "12noon" | "midday" | "12midday") {
        return Ok("12:00".into());
    }
    let (digits, pm, am) = match (lower.strip_suffix("pm"), lower.strip_suffix("am")) {
        (Some(rest), _) => (rest.to_string(), true, false),
        (_, Some(rest)) => (rest.to_string(), false, true),
        _ => (lower.clone(), false, false),
    };
    let (hours, minutes) = match digits.split_once([':', '.']) {
        Some((h, m)) => (h.to_string(), m.to_string()),
        // Four digits with no separator, as in "1830"; anything else is read as whole hours.
        None if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            (digits[..2].to_string(), digits[2..].to_string())
        }
        None => (digits.clone(), "0".to_string()),
    };
    let mut hours: u32 = hours.parse().map_err(|_| example.clone())?;
    let minutes: u32 = minutes.parse().map_err(|_| example.clone())?;
    if (pm || am) && !(1..=12).contains(&hours) {
        return Err(example);
    }
    if pm && hours != 12 {
        hours += 12;
    }
    if am && hours == 12 {
        hours = 0;
    }
    if hours > 23 || minutes > 59 {
        return Err(format!(
            "{hours:02}:{minutes:02} is not a time of day: hours go from 0 to 23 and minutes from 0 to 59."
        ));
    }
    Ok(format!("{hours:02}:{minutes:02}"))
}

/// Lower-cases and strips accents so that "zoe" finds "Zoë" and "lukasz" finds "Łukasz".
pub fn fold_for_search(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_the_ways_people_write_dates() {
        assert_eq!(parse_date("24/11/2026"), Ok(d(2026, 11, 24)));
        assert_eq!(parse_date("4/3/26"), Ok(d(2026, 3, 4)));
        assert_eq!(parse_date("2026-11-24"), Ok(d(2026, 11, 24)));
        assert_eq!(parse_date("24 November 2026"), Ok(d(2026, 11, 24)));
        assert_eq!(parse_date("1st Sept 2025"), Ok(d(2025, 9, 1)));
        assert_eq!(parse_date("24.11.2026"), Ok(d(2026, 11, 24)));
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(parse_date("30/02/2026").unwrap_err(), "The date 30 February 2026 does not exist.");
        assert!(parse_date("12/13/2026").unwrap_err().contains("no month 13"));
        assert!(parse_date("next tuesday").unwrap_err().contains("day/month/year"));
        assert!(parse_date("1/1/1066").unwrap_err().contains("1066"));
    }

    #[test]
    fn parses_the_ways_people_write_times() {
        for (typed, expected) in [
            ("18:30", "18:30"),
            ("6.30pm", "18:30"),
            ("6:30 PM", "18:30"),
            ("6pm", "18:00"),
            ("1830", "18:30"),
            ("12pm", "12:00"),
            ("12.15am", "00:15"),
            ("9:05", "09:05"),
        ] {
            assert_eq!(parse_time(typed).as_deref(), Ok(expected), "{typed}");
        }
        assert_eq!(parse_time("12 noon").unwrap(), "12:00");
        assert_eq!(parse_time("Midday").unwrap(), "12:00");
        assert!(parse_time("25:00").unwrap_err().contains("not a time"));
        assert!(parse_time("13pm").is_err());
        assert!(parse_time("teatime").unwrap_err().contains("18:30"));
    }

    #[test]
    fn four_bytes_with_an_accent_is_not_four_digits() {
        // These panicked when the text was cut at byte 2, inside the accent.
        for typed in ["1é2", "1°5", "é12", "12é"] {
            assert!(parse_time(typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn email_shapes() {
        assert!(check_email("siobhan@example.org").is_ok());
        assert!(check_email("siobhan.example.org").unwrap_err().contains('@'));
        assert!(check_email("a b@example.org").is_err());
        assert!(check_email("@example.org").is_err());
        assert!(check_email("x@localhost").is_err());
    }

    #[test]
    fn folding_matches_accents_and_polish_letters() {
        assert_eq!(fold_for_search("Zoë Brontë-Smith"), "zoe bronte-smith");
        assert_eq!(fold_for_search("Łukasz Nowak"), "lukasz nowak");
        assert_eq!(fold_for_search("Siobhán O’Connor"), "siobhan o'connor");
    }

    #[test]
    fn checker_keeps_first_message_per_field() {
        let mut c = Checker::new();
        c.text("name", "  ", 10, Some("Please enter a name."));
        c.fail("name", "second");
        let Err(Error::Invalid(fields)) = c.finish() else { panic!("expected invalid") };
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].message, "Please enter a name.");
    }
}
