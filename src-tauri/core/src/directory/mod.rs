//! The community directory: local groups, clubs, charities and services, with editable
//! categories, when each entry was last checked (and which are due for checking), search
//! and filters, CSV (`csv.rs`) and Open Referral UK (`oruk.rs`) exchange. SQL in `sql.rs`;
//! the printed directory in `documents::directory`.

pub mod csv;
pub mod oruk;
mod sql;
pub mod views;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::{parse_time, Checker};
use crate::error::Result;
use crate::words::tidy_days;
pub use sql::{
    add_category, areas, categories, category_id_by_name, delete, get, insert, list, mark_checked, remove_category,
    rename_category, update,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Category {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// How many entries are listed under it.
    #[ts(type = "number")]
    pub entries: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Entry {
    #[ts(type = "number")]
    pub id: i64,
    pub oruk_id: String,
    pub name: String,
    pub offers: String,
    /// Category names, in the order of the category list.
    pub categories: Vec<String>,
    #[ts(type = "number[]")]
    pub category_ids: Vec<i64>,
    pub who_for: String,
    pub address: String,
    pub postcode: String,
    pub area: String,
    pub days: Vec<String>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub when_notes: String,
    pub cost: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub step_free: bool,
    pub hearing_loop: bool,
    pub accessibility_notes: String,
    pub refer_self: bool,
    pub refer_splw: bool,
    pub refer_gp: bool,
    pub last_checked_on: Option<String>,
    pub checked_by: String,
    /// Not checked within the PPG's checking period (or never checked): possibly out of date.
    pub out_of_date: bool,
    /// The language its name and what it offers are written in (`languages::LANGUAGES`).
    pub language: String,
}

impl Entry {
    /// "Mondays and Thursdays, 10am to 12 noon. First week of the month only."
    pub fn when_text(&self) -> String {
        let days: Vec<String> = self.days.iter().filter_map(|d| day_name(d)).map(|d| format!("{d}s")).collect();
        let mut text = join_words(&days);
        match (&self.opens_at, &self.closes_at) {
            (Some(open), Some(close)) => {
                text = format!("{text}, {} to {}", crate::words::spoken_time(open), crate::words::spoken_time(close))
            }
            (Some(open), None) => text = format!("{text}, from {}", crate::words::spoken_time(open)),
            _ => {}
        }
        let text = text.trim_start_matches(", ").to_string();
        let text = capitalise_first(&text);
        match (text.is_empty(), self.when_notes.is_empty()) {
            (true, _) => self.when_notes.clone(),
            (false, true) => text,
            (false, false) => format!("{text}. {}", self.when_notes),
        }
    }

    /// "Step-free access; hearing loop. Ramp at the side door."
    pub fn access_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if self.step_free {
            parts.push("Step-free access");
        }
        if self.hearing_loop {
            parts.push("Hearing loop");
        }
        let words = parts.join("; ");
        match (words.is_empty(), self.accessibility_notes.is_empty()) {
            (_, true) => words,
            (true, false) => self.accessibility_notes.clone(),
            (false, false) => format!("{words}. {}", self.accessibility_notes),
        }
    }

    /// "Just turn up, or ask your social prescriber or GP."
    pub fn referral_text(&self) -> String {
        let mut who = Vec::new();
        if self.refer_splw {
            who.push("your social prescriber".to_string());
        }
        if self.refer_gp {
            who.push("your GP".to_string());
        }
        let who = if who.len() == 2 { format!("{} or {}", who[0], who[1]) } else { who.join("") };
        match (self.refer_self, who.is_empty()) {
            (true, true) => "Contact them yourself.".into(),
            (true, false) => format!("Contact them yourself, or ask {who}."),
            (false, false) => format!("Ask {who} to refer you."),
            (false, true) => String::new(),
        }
    }

    /// Where, on one line: address, area and postcode as given.
    pub fn where_text(&self) -> String {
        let mut parts: Vec<&str> = vec![self.address.as_str()];
        if !self.area.is_empty()
            && !crate::check::fold_for_search(&self.address).contains(&crate::check::fold_for_search(&self.area))
        {
            parts.push(self.area.as_str());
        }
        parts.push(self.postcode.as_str());
        parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ")
    }
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// "Mondays", "Mondays and Thursdays", "Mondays, Wednesdays and Fridays".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub use crate::words::day_name;

/// Whether an entry last checked on `last_checked` needs checking again on `today`.
pub fn is_out_of_date(last_checked: Option<&str>, months: u32, today: NaiveDate) -> bool {
    match last_checked.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        None => true,
        Some(on) => on < check_cutoff(months, today),
    }
}

/// Entries last checked before this date are possibly out of date.
pub fn check_cutoff(months: u32, today: NaiveDate) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN)
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EntryInput {
    pub name: String,
    pub offers: String,
    #[ts(type = "number[]")]
    pub category_ids: Vec<i64>,
    pub who_for: String,
    pub address: String,
    pub postcode: String,
    pub area: String,
    pub days: Vec<String>,
    pub opens_at: String,
    pub closes_at: String,
    pub when_notes: String,
    pub cost: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub step_free: bool,
    pub hearing_loop: bool,
    pub accessibility_notes: String,
    pub refer_self: bool,
    pub refer_splw: bool,
    pub refer_gp: bool,
    pub last_checked_on: String,
    pub checked_by: String,
    /// A code from `languages::LANGUAGES`; empty for English.
    pub language: String,
}

/// An entry that passed every check, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckedEntry {
    pub name: String,
    pub offers: String,
    pub category_ids: Vec<i64>,
    pub who_for: String,
    pub address: String,
    pub postcode: String,
    pub area: String,
    pub days: Vec<String>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub when_notes: String,
    pub cost: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub step_free: bool,
    pub hearing_loop: bool,
    pub accessibility_notes: String,
    pub refer_self: bool,
    pub refer_splw: bool,
    pub refer_gp: bool,
    pub last_checked_on: Option<NaiveDate>,
    pub checked_by: String,
    pub language: String,
}

/// A UK postcode in its usual written form ("ts1 2ab" becomes "TS1 2AB"), or why not.
pub fn tidy_postcode(text: &str) -> std::result::Result<String, String> {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if squashed.is_empty() {
        return Ok(String::new());
    }
    let shaped = squashed.len() >= 5
        && squashed.len() <= 7
        && squashed.chars().all(|c| c.is_ascii_alphanumeric())
        && squashed.starts_with(|c: char| c.is_ascii_alphabetic())
        && {
            let inward: Vec<char> = squashed.chars().rev().take(3).collect();
            inward[2].is_ascii_digit() && inward[1].is_ascii_alphabetic() && inward[0].is_ascii_alphabetic()
        };
    if !shaped {
        return Err("This does not look like a UK postcode (for example TS1 2AB).".into());
    }
    let split = squashed.len() - 3;
    Ok(format!("{} {}", &squashed[..split], &squashed[split..]))
}

impl EntryInput {
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedEntry> {
        let mut c = Checker::new();
        let name = c.text("name", &self.name, 200, Some("Please give the group's name."));
        let offers = c.text("offers", &self.offers, 5000, None);
        let who_for = c.text("whoFor", &self.who_for, 1000, None);
        let address = c.text("address", &self.address, 500, None);
        let postcode = match tidy_postcode(&self.postcode) {
            Ok(p) => p,
            Err(message) => {
                c.fail("postcode", message);
                String::new()
            }
        };
        let area = c.text("area", &self.area, 100, None);
        let mut time = |field: &str, text: &str| -> Option<String> {
            if text.trim().is_empty() {
                return None;
            }
            parse_time(text).map_err(|m| c.fail(field, m)).ok()
        };
        let opens_at = time("opensAt", &self.opens_at);
        let closes_at = time("closesAt", &self.closes_at);
        if closes_at.is_some() && opens_at.is_none() && !c.has_error("opensAt") {
            c.fail("opensAt", "Please give the start time as well as the finish time.");
        }
        if let (Some(open), Some(close)) = (&opens_at, &closes_at) {
            if close <= open {
                c.fail("closesAt", "The finish time must be after the start time.");
            }
        }
        let when_notes = c.text("whenNotes", &self.when_notes, 1000, None);
        let cost = c.text("cost", &self.cost, 200, None);
        let contact_name = c.text("contactName", &self.contact_name, 200, None);
        let phone = c.text("phone", &self.phone, 40, None);
        let email = c.email("email", &self.email);
        let website = c.text("website", &self.website, 500, None);
        if website.contains(char::is_whitespace) {
            c.fail("website", "A website address has no spaces in it.");
        }
        let accessibility_notes = c.text("accessibilityNotes", &self.accessibility_notes, 1000, None);
        let last_checked_on = c.date("lastCheckedOn", &self.last_checked_on);
        if last_checked_on.is_some_and(|d| d > today) {
            c.fail("lastCheckedOn", "This date is in the future; give the day it was checked.");
        }
        let checked_by = c.text("checkedBy", &self.checked_by, 120, None);
        if !checked_by.is_empty() && last_checked_on.is_none() && !c.has_error("lastCheckedOn") {
            c.fail("lastCheckedOn", "Please give the date it was checked.");
        }
        let language = crate::languages::checked(&mut c, "language", &self.language);
        let mut category_ids = self.category_ids.clone();
        category_ids.sort_unstable();
        category_ids.dedup();
        c.finish()?;
        Ok(CheckedEntry {
            name,
            offers,
            category_ids,
            who_for,
            address,
            postcode,
            area,
            days: tidy_days(&self.days),
            opens_at,
            closes_at,
            when_notes,
            cost,
            contact_name,
            phone,
            email,
            website,
            step_free: self.step_free,
            hearing_loop: self.hearing_loop,
            accessibility_notes,
            refer_self: self.refer_self,
            refer_splw: self.refer_splw,
            refer_gp: self.refer_gp,
            last_checked_on,
            checked_by,
            language,
        })
    }
}

impl From<&Entry> for EntryInput {
    fn from(e: &Entry) -> Self {
        EntryInput {
            name: e.name.clone(),
            offers: e.offers.clone(),
            category_ids: e.category_ids.clone(),
            who_for: e.who_for.clone(),
            address: e.address.clone(),
            postcode: e.postcode.clone(),
            area: e.area.clone(),
            days: e.days.clone(),
            opens_at: e.opens_at.clone().unwrap_or_default(),
            closes_at: e.closes_at.clone().unwrap_or_default(),
            when_notes: e.when_notes.clone(),
            cost: e.cost.clone(),
            contact_name: e.contact_name.clone(),
            phone: e.phone.clone(),
            email: e.email.clone(),
            website: e.website.clone(),
            step_free: e.step_free,
            hearing_loop: e.hearing_loop,
            accessibility_notes: e.accessibility_notes.clone(),
            refer_self: e.refer_self,
            refer_splw: e.refer_splw,
            refer_gp: e.refer_gp,
            last_checked_on: e.last_checked_on.clone().unwrap_or_default(),
            checked_by: e.checked_by.clone(),
            language: e.language.clone(),
        }
    }
}

/// What the directory list shows: words, a category, a day, an area, and whether only the
/// entries due for checking.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct DirectoryFilter {
    pub words: String,
    #[ts(type = "number | null")]
    pub category_id: Option<i64>,
    pub day: Option<String>,
    pub area: Option<String>,
    pub due_for_checking: bool,
}

/// A new entry's Open Referral UK id.
pub fn new_oruk_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests;
