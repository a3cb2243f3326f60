//! People to and from CSV files as Excel writes them: a preview with a suggested column
//! mapping, an all-or-nothing import that reports each bad row by line number, and export.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CheckedPerson, Person, PersonInput, Role};
use crate::csvfile::{self, Field};
pub use crate::csvfile::{ImportReport, RowProblem};
use crate::error::{Error, Result};
use crate::progress::Progress;

/// What a CSV column can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PersonField {
    FullName,
    FirstName,
    LastName,
    PreferredName,
    Email,
    Phone,
    Address,
    JoinedOn,
    LeftOn,
    Roles,
    ContactBy,
    ContactConsentOn,
    Notes,
}

impl Field for PersonField {
    const ALL: &'static [PersonField] = &[
        PersonField::FullName,
        PersonField::FirstName,
        PersonField::LastName,
        PersonField::PreferredName,
        PersonField::Email,
        PersonField::Phone,
        PersonField::Address,
        PersonField::JoinedOn,
        PersonField::LeftOn,
        PersonField::Roles,
        PersonField::ContactBy,
        PersonField::ContactConsentOn,
        PersonField::Notes,
    ];

    fn headings(self) -> &'static [&'static str] {
        match self {
            PersonField::FullName => &["Full name", "name", "fullname", "member", "membername"],
            PersonField::FirstName => &["First name", "firstname", "forename", "givenname", "first"],
            PersonField::LastName => &["Last name", "lastname", "surname", "familyname", "last"],
            PersonField::PreferredName => &["Preferred name", "preferredname", "knownas", "nickname"],
            PersonField::Email => &["Email", "email", "emailaddress", "e-mail"],
            PersonField::Phone => &["Phone", "phone", "telephone", "tel", "mobile", "phonenumber"],
            PersonField::Address => &["Address", "address", "postaladdress", "homeaddress"],
            PersonField::JoinedOn => &["Joined", "joined", "datejoined", "joinedon", "joindate", "startdate"],
            PersonField::LeftOn => &["Left", "left", "dateleft", "lefton", "leavingdate", "enddate"],
            PersonField::Roles => &["Roles", "roles", "role", "position", "office"],
            PersonField::ContactBy => {
                &["Contact by", "contactby", "contactmethod", "contactpreference", "contactpreferences"]
            }
            PersonField::ContactConsentOn => {
                &["Consent date", "consentdate", "consentgiven", "dateofconsent", "consenton"]
            }
            PersonField::Notes => &["Notes", "notes", "comments", "note"],
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CsvPreview {
    pub headers: Vec<String>,
    /// The first few rows, to help people check the mapping.
    pub sample_rows: Vec<Vec<String>>,
    #[ts(type = "number")]
    pub row_count: usize,
    /// For each column, what PPG Desk thinks it holds.
    pub mapping: Vec<Option<PersonField>>,
}

/// Reads a CSV file of people as text.
pub fn read_text(path: &Path) -> Result<String> {
    csvfile::read_text(path, "a list of people")
}

pub fn preview(text: &str) -> Result<CsvPreview> {
    let table = csvfile::table(text)?;
    let mapping = csvfile::guess_mapping(&table.headers);
    Ok(CsvPreview { headers: table.headers, sample_rows: table.sample_rows, row_count: table.row_count, mapping })
}

/// Reads every row with `mapping`; each row is either a checked person or a problem.
pub fn parse(
    text: &str,
    mapping: &[Option<PersonField>],
    today: NaiveDate,
) -> Vec<std::result::Result<CheckedPerson, RowProblem>> {
    csvfile::rows(text, |record| row_to_person(record, mapping, today))
}

fn row_to_person(
    record: &csv::StringRecord,
    mapping: &[Option<PersonField>],
    today: NaiveDate,
) -> std::result::Result<CheckedPerson, String> {
    let mut input = PersonInput::default();
    let (mut first, mut last) = (String::new(), String::new());
    for (value, field) in record.iter().zip(mapping) {
        let value = value.to_string();
        match field {
            None => {}
            Some(PersonField::FullName) => input.full_name = value,
            Some(PersonField::FirstName) => first = value,
            Some(PersonField::LastName) => last = value,
            Some(PersonField::PreferredName) => input.preferred_name = value,
            Some(PersonField::Email) => input.email = value,
            Some(PersonField::Phone) => input.phone = value,
            Some(PersonField::Address) => input.address = value,
            Some(PersonField::JoinedOn) => input.joined_on = value,
            Some(PersonField::LeftOn) => input.left_on = value,
            Some(PersonField::ContactConsentOn) => input.contact_consent_on = value,
            Some(PersonField::Notes) => input.notes = value,
            Some(PersonField::Roles) => {
                for word in value.split([';', ',', '/']).map(str::trim).filter(|w| !w.is_empty()) {
                    let role = Role::from_words(word).ok_or_else(|| {
                        format!("Roles: \"{word}\" is not a role PPG Desk knows (chair, vice-chair, secretary, treasurer, committee member, member, practice staff, guest).")
                    })?;
                    input.roles.push(role);
                }
            }
            Some(PersonField::ContactBy) => {
                for word in value.to_lowercase().split([';', ',', '/', ' ']).filter(|w| !w.is_empty() && *w != "and") {
                    match word {
                        "email" | "e-mail" => input.contact_by_email = true,
                        "post" | "letter" => input.contact_by_post = true,
                        "phone" | "telephone" | "tel" => input.contact_by_phone = true,
                        other => return Err(format!("Contact by: \"{other}\" is not email, post or phone.")),
                    }
                }
            }
        }
    }
    if input.full_name.trim().is_empty() {
        input.full_name = format!("{} {}", first.trim(), last.trim()).trim().to_string();
    }
    input.checked(today).map_err(|error| match error {
        Error::Invalid(fields) => {
            fields.iter().map(|f| format!("{}: {}", label(&f.field), f.message)).collect::<Vec<_>>().join(" ")
        }
        other => other.to_string(),
    })
}

fn label(field: &str) -> &'static str {
    match field {
        "fullName" => "Name",
        "preferredName" => "Preferred name",
        "email" => "Email",
        "phone" => "Phone",
        "address" => "Address",
        "joinedOn" => "Joined",
        "leftOn" => "Left",
        "contactConsentOn" => "Consent date",
        _ => "Notes",
    }
}

/// Adds every row, or none if any has a problem. Runs inside the caller's transaction.
pub fn import(
    tx: &rusqlite::Connection,
    rows: Vec<std::result::Result<CheckedPerson, RowProblem>>,
    now: &str,
    progress: &Progress,
) -> Result<ImportReport> {
    let problems: Vec<RowProblem> = rows.iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    if !problems.is_empty() {
        return Ok(ImportReport::refused(problems));
    }
    if rows.is_empty() {
        return Err(Error::File("There were no people in that file.".into()));
    }
    let people: Vec<CheckedPerson> = rows.into_iter().filter_map(|r| r.ok()).collect();
    for (done, person) in people.iter().enumerate() {
        progress.step(done, people.len())?;
        super::insert(tx, person, now)?;
    }
    progress.done();
    Ok(ImportReport { imported: people.len(), problems })
}

/// Writes people as CSV text, with the headings the importer recognises.
pub fn to_csv(people: &[Person]) -> Result<String> {
    let columns = [
        PersonField::FullName,
        PersonField::PreferredName,
        PersonField::Email,
        PersonField::Phone,
        PersonField::Address,
        PersonField::JoinedOn,
        PersonField::LeftOn,
        PersonField::Roles,
        PersonField::ContactBy,
        PersonField::ContactConsentOn,
        PersonField::Notes,
    ];
    let header: Vec<&str> = columns.iter().map(|c| c.heading()).collect();
    csvfile::to_text(
        &header,
        people.iter().map(|p| {
            let roles: Vec<&str> = p.roles.iter().map(|r| r.label()).collect();
            let methods: Vec<&str> =
                [(p.contact_by_email, "email"), (p.contact_by_post, "post"), (p.contact_by_phone, "phone")]
                    .into_iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, m)| m)
                    .collect();
            vec![
                p.full_name.clone(),
                p.preferred_name.clone(),
                p.email.clone(),
                p.phone.clone(),
                p.address.clone(),
                csvfile::uk_date(p.joined_on.as_deref()),
                csvfile::uk_date(p.left_on.as_deref()),
                roles.join("; "),
                methods.join("; "),
                csvfile::uk_date(p.contact_consent_on.as_deref()),
                p.notes.clone(),
            ]
        }),
    )
}

/// Saves people to a CSV file that Excel opens with accents intact (UTF-8 with a BOM).
pub fn write_file(path: &Path, people: &[Person]) -> Result<()> {
    csvfile::write_file(path, &to_csv(people)?)
}
