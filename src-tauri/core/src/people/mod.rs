//! People: everyone the PPG deals with (members, officers, practice staff, guests), their
//! roles, how they agreed to be contacted, and the rules for adding, editing, marking as
//! left and erasing them.

pub mod csv;
mod sql;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::{Error, Result};

pub use sql::{delete, get, insert, list, set_left, update};

/// A part someone plays in the PPG. A person may have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Role {
    Chair,
    ViceChair,
    Secretary,
    Treasurer,
    Committee,
    Member,
    PracticeStaff,
    Guest,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Chair,
        Role::ViceChair,
        Role::Secretary,
        Role::Treasurer,
        Role::Committee,
        Role::Member,
        Role::PracticeStaff,
        Role::Guest,
    ];

    /// The word stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::ViceChair => "vice_chair",
            Role::Secretary => "secretary",
            Role::Treasurer => "treasurer",
            Role::Committee => "committee",
            Role::Member => "member",
            Role::PracticeStaff => "practice_staff",
            Role::Guest => "guest",
        }
    }

    /// The words a person reads (also what CSV export writes).
    pub fn label(self) -> &'static str {
        match self {
            Role::Chair => "Chair",
            Role::ViceChair => "Vice-chair",
            Role::Secretary => "Secretary",
            Role::Treasurer => "Treasurer",
            Role::Committee => "Committee member",
            Role::Member => "Member",
            Role::PracticeStaff => "Practice staff",
            Role::Guest => "Guest",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Reads a role as people write it in a spreadsheet ("Vice Chair", "committee member").
    pub fn from_words(words: &str) -> Option<Role> {
        let squashed: String = words.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
        let squashed = squashed.strip_suffix("member").filter(|s| !s.is_empty()).unwrap_or(&squashed);
        Role::ALL.into_iter().find(|r| {
            let key: String = r.key().chars().filter(|c| *c != '_').collect();
            key == squashed || (squashed == "staff" && *r == Role::PracticeStaff)
        })
    }

    pub fn is_officer(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair | Role::Secretary | Role::Treasurer)
    }
}

/// A person as saved. Dates are ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Person {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub joined_on: Option<String>,
    pub left_on: Option<String>,
    pub roles: Vec<Role>,
    pub contact_by_email: bool,
    pub contact_by_post: bool,
    pub contact_by_phone: bool,
    pub contact_consent_on: Option<String>,
    pub notes: String,
    /// A member of the "virtual PPG": takes part by email only.
    pub email_only: bool,
    /// Gets the large-print version of anything emailed to them.
    pub large_print: bool,
}

/// A person as typed into the form: dates are whatever the volunteer wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PersonInput {
    pub full_name: String,
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub joined_on: String,
    pub left_on: String,
    pub roles: Vec<Role>,
    pub contact_by_email: bool,
    pub contact_by_post: bool,
    pub contact_by_phone: bool,
    pub contact_consent_on: String,
    pub notes: String,
    pub email_only: bool,
    pub large_print: bool,
}

/// A person that passed every check, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPerson {
    pub full_name: String,
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub roles: Vec<Role>,
    pub contact_by_email: bool,
    pub contact_by_post: bool,
    pub contact_by_phone: bool,
    pub contact_consent_on: Option<NaiveDate>,
    pub notes: String,
    pub email_only: bool,
    pub large_print: bool,
}

impl PersonInput {
    /// Checks every field, returning one message per wrong field.
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedPerson> {
        let mut c = Checker::new();
        let full_name = c.text("fullName", &self.full_name, 200, Some("Please enter the person's name."));
        let preferred_name = c.text("preferredName", &self.preferred_name, 100, None);
        let email = c.email("email", &self.email);
        let phone = c.text("phone", &self.phone, 40, None);
        if phone.chars().any(|ch| !(ch.is_ascii_digit() || " +()-".contains(ch))) {
            c.fail("phone", "A phone number can only contain digits, spaces and + ( ) -.");
        } else if !phone.is_empty() && phone.chars().filter(char::is_ascii_digit).count() < 6 {
            c.fail("phone", "This phone number looks too short.");
        }
        let address = c.text("address", &self.address, 500, None);
        let joined_on = c.date("joinedOn", &self.joined_on);
        let left_on = c.date("leftOn", &self.left_on);
        if let (Some(joined), Some(left)) = (joined_on, left_on) {
            if left < joined {
                c.fail("leftOn", "The date they left is before the date they joined.");
            }
        }
        let contact_consent_on = c.date("contactConsentOn", &self.contact_consent_on);
        if self.contact_by_email && email.is_empty() {
            c.fail("email", "To contact them by email, please enter their email address.");
        }
        if self.contact_by_phone && phone.is_empty() {
            c.fail("phone", "To contact them by phone, please enter their phone number.");
        }
        if self.email_only && !self.contact_by_email {
            c.fail(
                "emailOnly",
                "A member of the virtual PPG takes part by email: please tick \"By email\" above and enter their address.",
            );
        }
        if self.contact_by_post && address.is_empty() {
            c.fail("address", "To contact them by post, please enter their postal address.");
        }
        let any_method = self.contact_by_email || self.contact_by_post || self.contact_by_phone;
        if any_method && contact_consent_on.is_none() && !c.has_error("contactConsentOn") {
            c.fail("contactConsentOn", "Please enter the date they agreed to be contacted.");
        }
        if contact_consent_on.is_some_and(|d| d > today) {
            c.fail("contactConsentOn", "The date they agreed cannot be in the future.");
        }
        let notes = c.text("notes", &self.notes, 5000, None);
        c.finish()?;
        let mut roles = self.roles.clone();
        roles.sort();
        roles.dedup();
        Ok(CheckedPerson {
            full_name,
            preferred_name,
            email,
            phone,
            address,
            joined_on,
            left_on,
            roles,
            contact_by_email: self.contact_by_email,
            contact_by_post: self.contact_by_post,
            contact_by_phone: self.contact_by_phone,
            contact_consent_on: if any_method { contact_consent_on } else { None },
            notes,
            email_only: self.email_only,
            large_print: self.large_print,
        })
    }
}

/// Which people a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PeopleFilter {
    /// Everyone who has not left.
    Current,
    /// Current chair, vice-chair, secretary and treasurer.
    Officers,
    /// Current officers and committee members.
    Committee,
    /// People who have left.
    Left,
    Everyone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PeopleQuery {
    /// Words to look for in names, email and phone; accents do not matter.
    pub search: String,
    pub filter: PeopleFilter,
}

/// Whether `person` has left by `today` (a leaving date in the future means not yet).
pub fn has_left(left_on: Option<&str>, today: NaiveDate) -> bool {
    left_on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).is_some_and(|d| d <= today)
}

/// Whether a person belongs in a list with `filter`.
pub fn matches_filter(person: &Person, filter: PeopleFilter, today: NaiveDate) -> bool {
    let left = has_left(person.left_on.as_deref(), today);
    match filter {
        PeopleFilter::Current => !left,
        PeopleFilter::Officers => !left && person.roles.iter().any(|r| r.is_officer()),
        PeopleFilter::Committee => !left && person.roles.iter().any(|r| r.is_officer() || *r == Role::Committee),
        PeopleFilter::Left => left,
        PeopleFilter::Everyone => true,
    }
}

/// The text a search looks in, folded so accents and case do not matter.
pub fn search_key(full_name: &str, preferred_name: &str, email: &str, phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    crate::check::fold_for_search(&format!("{full_name} {preferred_name} {email} {digits}"))
}

/// Titles left out when sorting ("Dr Helen Carter" is filed under C).
const TITLES: [&str; 14] =
    ["dr", "mr", "mrs", "ms", "miss", "mx", "rev", "revd", "prof", "sir", "dame", "cllr", "lady", "lord"];

/// How a name is filed in lists, as a paper list would be: by surname (the last word, not
/// counting titles, anything in brackets or a trailing "Jr"/"Sr"), then the rest; accents and
/// case ignored.
pub fn sort_key(full_name: &str) -> (String, String) {
    let folded = crate::check::fold_for_search(full_name);
    let mut words: Vec<&str> = Vec::new();
    let mut depth = 0usize;
    for word in folded.split_whitespace() {
        let opens = word.starts_with('(');
        if opens {
            depth += 1;
        }
        if depth == 0 {
            words.push(word.trim_matches(|c: char| c == ',' || c == '.'));
        }
        if word.ends_with(')') && depth > 0 {
            depth -= 1;
        }
    }
    words.retain(|w| !w.is_empty());
    while words.len() > 1 && TITLES.contains(&words[0]) {
        words.remove(0);
    }
    if words.len() > 1 && matches!(*words.last().unwrap_or(&""), "jr" | "jnr" | "sr" | "snr") {
        words.pop();
    }
    match words.split_last() {
        Some((surname, rest)) => (surname.to_string(), rest.join(" ")),
        None => (folded, String::new()),
    }
}

/// What erasing a person removes, listed in the confirmation before anything happens.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErasurePreview {
    pub full_name: String,
    pub removes: Vec<String>,
}

pub fn erasure_preview(person: &Person) -> ErasurePreview {
    let mut removes = vec!["their name and preferred name".to_string()];
    let contact: Vec<&str> =
        [("email address", &person.email), ("phone number", &person.phone), ("postal address", &person.address)]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, _)| k)
            .collect();
    if !contact.is_empty() {
        removes.push(format!("their {}", contact.join(", ")));
    }
    if !person.roles.is_empty() {
        let labels: Vec<&str> = person.roles.iter().map(|r| r.label()).collect();
        removes.push(format!("their roles ({})", labels.join(", ")));
    }
    removes.push("their contact preferences and consent date".into());
    if !person.notes.is_empty() {
        removes.push("the notes about them".into());
    }
    ErasurePreview { full_name: person.full_name.clone(), removes }
}

/// What erasing person `id` removes, including what other features hold about them.
pub fn erasure_preview_for(conn: &rusqlite::Connection, id: i64) -> Result<ErasurePreview> {
    let mut preview = erasure_preview(&get(conn, id)?);
    if crate::drivers::driver_for_person(conn, id)?.is_some() {
        preview.removes.push("their driver record (car, checks, usual week and absences); trips they were due to drive go back to be assigned again".into());
    }
    Ok(preview)
}

/// Checks a leaving date against the person's joining date.
pub fn check_leaving(person: &Person, on: &str) -> Result<NaiveDate> {
    let mut c = Checker::new();
    let left = c.date("leftOn", on);
    if left.is_none() && !c.has_error("leftOn") {
        c.fail("leftOn", "Please enter the date they left.");
    }
    c.finish()?;
    let left = left.ok_or_else(|| Error::invalid("leftOn", "Please enter the date they left."))?;
    if person.joined_on.as_deref().is_some_and(|j| j > left.to_string().as_str()) {
        return Err(Error::invalid("leftOn", "The date they left is before the date they joined."));
    }
    Ok(left)
}

#[cfg(test)]
mod tests;
