//! People to and from CSV files as Excel writes them: a preview with a suggested column
//! mapping, an all-or-nothing import that reports each bad row by line number, and export.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CheckedPerson, Person, PersonInput, Role};
use crate::error::{Error, Result};
use crate::state::{AppState, Topic};

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

impl PersonField {
    const ALL: [PersonField; 13] = [
        PersonField::FullName, PersonField::FirstName, PersonField::LastName, PersonField::PreferredName,
        PersonField::Email, PersonField::Phone, PersonField::Address, PersonField::JoinedOn, PersonField::LeftOn,
        PersonField::Roles, PersonField::ContactBy, PersonField::ContactConsentOn, PersonField::Notes,
    ];

    /// The column heading PPG Desk writes, and the words it recognises in other files.
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
            PersonField::ContactBy => &["Contact by", "contactby", "contactmethod", "contactpreference", "contactpreferences"],
            PersonField::ContactConsentOn => &["Consent date", "consentdate", "consentgiven", "dateofconsent", "consenton"],
            PersonField::Notes => &["Notes", "notes", "comments", "note"],
        }
    }

    fn heading(self) -> &'static str {
        self.headings()[0]
    }

    fn guess(header: &str) -> Option<PersonField> {
        let squashed: String = header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
        PersonField::ALL.into_iter().find(|field| {
            field.headings().iter().any(|h| h.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>() == squashed)
        })
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

/// One row that could not be imported, by its line number in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowProblem {
    #[ts(type = "number")]
    pub line: u64,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    /// How many people were added (0 whenever there is any problem).
    #[ts(type = "number")]
    pub imported: usize,
    pub problems: Vec<RowProblem>,
}

const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a CSV file as text: UTF-8 (with or without Excel's byte-order mark), else Windows-1252.
pub fn read_text(path: &Path) -> Result<String> {
    let size = std::fs::metadata(path).map_err(|_| Error::File("That file could not be opened.".into()))?.len();
    if size > MAX_BYTES {
        return Err(Error::File("That file is too large to be a list of people (over 10 MB).".into()));
    }
    let bytes = std::fs::read(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    })
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes())
}

pub fn preview(text: &str) -> Result<CsvPreview> {
    let mut rdr = reader(text);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|_| Error::File("That file does not look like a CSV file.".into()))?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(Error::File("That file is empty.".into()));
    }
    let mut sample_rows = Vec::new();
    let mut row_count = 0;
    for record in rdr.records() {
        let record = record.map_err(|e| Error::File(format!("The file could not be read as CSV near line {}.", line_of(&e))))?;
        if sample_rows.len() < 5 {
            sample_rows.push(record.iter().map(str::to_string).collect());
        }
        row_count += 1;
    }
    let mut mapping: Vec<Option<PersonField>> = Vec::new();
    for header in &headers {
        let guess = PersonField::guess(header).filter(|g| !mapping.contains(&Some(*g)));
        mapping.push(guess);
    }
    Ok(CsvPreview { headers, sample_rows, row_count, mapping })
}

fn line_of(error: &csv::Error) -> u64 {
    error.position().map(|p| p.line()).unwrap_or(0)
}

/// Reads every row with `mapping`; each row is either a checked person or a problem.
pub fn parse(text: &str, mapping: &[Option<PersonField>], today: NaiveDate) -> Vec<std::result::Result<CheckedPerson, RowProblem>> {
    let mut rdr = reader(text);
    let mut rows = Vec::new();
    for record in rdr.records() {
        let row = match record {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(str::is_empty) {
                    continue;
                }
                row_to_person(&record, mapping, today).map_err(|message| RowProblem { line, message })
            }
            Err(error) => Err(RowProblem { line: line_of(&error), message: "This line could not be read as CSV.".into() }),
        };
        rows.push(row);
    }
    rows
}

fn row_to_person(record: &csv::StringRecord, mapping: &[Option<PersonField>], today: NaiveDate) -> std::result::Result<CheckedPerson, String> {
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
        Error::Invalid(fields) => fields.iter().map(|f| format!("{}: {}", label(&f.field), f.message)).collect::<Vec<_>>().join(" "),
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

/// Adds every row in one transaction, or none of them if any row has a problem.
pub fn import(state: &AppState, rows: Vec<std::result::Result<CheckedPerson, RowProblem>>, now: &str) -> Result<ImportReport> {
    let problems: Vec<RowProblem> = rows.iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    if !problems.is_empty() {
        return Ok(ImportReport { imported: 0, problems });
    }
    if rows.is_empty() {
        return Err(Error::File("There were no people in that file.".into()));
    }
    let people: Vec<CheckedPerson> = rows.into_iter().filter_map(|r| r.ok()).collect();
    state.write(&[Topic::People], |tx| {
        for person in &people {
            super::insert(tx, person, now)?;
        }
        Ok(())
    })?;
    Ok(ImportReport { imported: people.len(), problems })
}

fn uk_date(iso: &Option<String>) -> String {
    iso.as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// Writes people as CSV text, with the headings the importer recognises.
pub fn to_csv(people: &[Person]) -> Result<String> {
    let columns = [
        PersonField::FullName, PersonField::PreferredName, PersonField::Email, PersonField::Phone, PersonField::Address,
        PersonField::JoinedOn, PersonField::LeftOn, PersonField::Roles, PersonField::ContactBy,
        PersonField::ContactConsentOn, PersonField::Notes,
    ];
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(columns.iter().map(|c| c.heading())).map_err(|e| Error::File(e.to_string()))?;
    for p in people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.label()).collect();
        let methods: Vec<&str> = [(p.contact_by_email, "email"), (p.contact_by_post, "post"), (p.contact_by_phone, "phone")]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, m)| m)
            .collect();
        let record = [
            p.full_name.clone(), p.preferred_name.clone(), p.email.clone(), p.phone.clone(), p.address.clone(),
            uk_date(&p.joined_on), uk_date(&p.left_on), roles.join("; "), methods.join("; "),
            uk_date(&p.contact_consent_on), p.notes.clone(),
        ];
        wtr.write_record(&record).map_err(|e| Error::File(e.to_string()))?;
    }
    let bytes = wtr.into_inner().map_err(|e| Error::File(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::File(e.to_string()))
}

/// Saves people to a CSV file that Excel opens with accents intact (UTF-8 with a BOM).
pub fn write_file(path: &Path, people: &[Person]) -> Result<()> {
    let text = to_csv(people)?;
    crate::files::write_atomically(path, format!("\u{FEFF}{text}").as_bytes())
}
