//! The directory to and from CSV: a preview with a guessed column mapping, an all-or-nothing
//! import that names each bad row by its line, and export with the headings the import reads.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Category, CheckedEntry, Entry, EntryInput};
use crate::csvfile::{self, Field, ImportReport, RowProblem};
use crate::error::{Error, Result};
use crate::progress::Progress;

/// What a directory CSV column can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DirectoryField {
    Name,
    Offers,
    Categories,
    WhoFor,
    Address,
    Postcode,
    Area,
    Days,
    OpensAt,
    ClosesAt,
    WhenNotes,
    Cost,
    ContactName,
    Phone,
    Email,
    Website,
    StepFree,
    HearingLoop,
    AccessibilityNotes,
    HowToRefer,
    LastCheckedOn,
    CheckedBy,
}

impl Field for DirectoryField {
    const ALL: &'static [DirectoryField] = &[
        DirectoryField::Name,
        DirectoryField::Offers,
        DirectoryField::Categories,
        DirectoryField::WhoFor,
        DirectoryField::Address,
        DirectoryField::Postcode,
        DirectoryField::Area,
        DirectoryField::Days,
        DirectoryField::OpensAt,
        DirectoryField::ClosesAt,
        DirectoryField::WhenNotes,
        DirectoryField::Cost,
        DirectoryField::ContactName,
        DirectoryField::Phone,
        DirectoryField::Email,
        DirectoryField::Website,
        DirectoryField::StepFree,
        DirectoryField::HearingLoop,
        DirectoryField::AccessibilityNotes,
        DirectoryField::HowToRefer,
        DirectoryField::LastCheckedOn,
        DirectoryField::CheckedBy,
    ];

    fn headings(self) -> &'static [&'static str] {
        match self {
            DirectoryField::Name => {
                &["Name", "group", "groupname", "organisation", "organization", "service", "servicename"]
            }
            DirectoryField::Offers => &["What it offers", "offers", "description", "about", "details", "whatitdoes"],
            DirectoryField::Categories => &["Categories", "category", "type", "topics", "tags"],
            DirectoryField::WhoFor => {
                &["Who it is for", "whofor", "whoitsfor", "eligibility", "suitablefor", "audience"]
            }
            DirectoryField::Address => &["Address", "venue", "where", "location"],
            DirectoryField::Postcode => &["Postcode", "postalcode", "postcodezip"],
            DirectoryField::Area => &["Area", "town", "village", "ward", "neighbourhood", "locality"],
            DirectoryField::Days => &["Days", "day", "whichdays", "meets"],
            DirectoryField::OpensAt => &["From", "starts", "start", "starttime", "opens", "opensat", "opening"],
            DirectoryField::ClosesAt => &["To", "ends", "end", "endtime", "finishes", "closes", "closesat", "closing"],
            DirectoryField::WhenNotes => &["When (notes)", "when", "times", "frequency", "whennotes"],
            DirectoryField::Cost => &["Cost", "price", "fee", "fees", "charge"],
            DirectoryField::ContactName => &["Contact name", "contact", "contactperson", "organiser", "leader"],
            DirectoryField::Phone => &["Phone", "telephone", "tel", "phonenumber", "mobile"],
            DirectoryField::Email => &["Email", "emailaddress", "e-mail"],
            DirectoryField::Website => &["Website", "web", "url", "site", "webaddress"],
            DirectoryField::StepFree => {
                &["Step-free", "stepfree", "wheelchairaccess", "wheelchairaccessible", "accessible"]
            }
            DirectoryField::HearingLoop => &["Hearing loop", "hearingloop", "loop", "inductionloop"],
            DirectoryField::AccessibilityNotes => {
                &["Access notes", "accessnotes", "accessibility", "accessibilitynotes"]
            }
            DirectoryField::HowToRefer => {
                &["How to refer", "howtorefer", "referral", "referrals", "howtojoin", "referredby"]
            }
            DirectoryField::LastCheckedOn => {
                &["Last checked", "lastchecked", "checked", "checkedon", "datechecked", "lastupdated", "updated"]
            }
            DirectoryField::CheckedBy => &["Checked by", "checkedby", "verifiedby", "updatedby"],
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DirectoryCsvPreview {
    pub headers: Vec<String>,
    pub sample_rows: Vec<Vec<String>>,
    #[ts(type = "number")]
    pub row_count: usize,
    pub mapping: Vec<Option<DirectoryField>>,
}

pub fn read_text(path: &std::path::Path) -> Result<String> {
    csvfile::read_text(path, "a directory")
}

pub fn preview(text: &str) -> Result<DirectoryCsvPreview> {
    let table = csvfile::table(text)?;
    let mapping = csvfile::guess_mapping(&table.headers);
    Ok(DirectoryCsvPreview {
        headers: table.headers,
        sample_rows: table.sample_rows,
        row_count: table.row_count,
        mapping,
    })
}

/// "yes", "Y", "true", "✓", "1" are yes; "", "no", "n", "false", "0", "x" are no.
fn yes_no(value: &str, heading: &str) -> std::result::Result<bool, String> {
    match value.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "✓" | "✔" => Ok(true),
        "" | "no" | "n" | "false" | "0" | "x" | "-" => Ok(false),
        other => Err(format!("{heading}: \"{other}\" should be yes or no.")),
    }
}

/// Day names as people write them: "Mon; Thu", "Monday and Thursday", "Tuesdays".
pub fn read_days(value: &str) -> std::result::Result<Vec<String>, String> {
    let mut days = Vec::new();
    for word in
        value.to_lowercase().split([';', ',', '/', ' ', '&']).map(str::trim).filter(|w| !w.is_empty() && *w != "and")
    {
        let word = word.trim_end_matches('.');
        let key = crate::words::DAYS
            .iter()
            .find(|(key, name)| {
                let name = name.to_lowercase();
                word == *key
                    || word == name
                    || word == format!("{name}s")
                    || (word.len() >= 3 && name.starts_with(word))
            })
            .map(|(key, _)| key.to_string())
            .ok_or_else(|| format!("Days: \"{word}\" is not a day of the week."))?;
        days.push(key);
    }
    Ok(days)
}

fn row_to_entry(
    record: &csv::StringRecord,
    mapping: &[Option<DirectoryField>],
    categories: &[Category],
    today: NaiveDate,
) -> std::result::Result<CheckedEntry, String> {
    let mut input = EntryInput::default();
    for (value, field) in record.iter().zip(mapping) {
        let Some(field) = field else { continue };
        let value = value.to_string();
        match field {
            DirectoryField::Name => input.name = value,
            DirectoryField::Offers => input.offers = value,
            DirectoryField::WhoFor => input.who_for = value,
            DirectoryField::Address => input.address = value,
            DirectoryField::Postcode => input.postcode = value,
            DirectoryField::Area => input.area = value,
            DirectoryField::OpensAt => input.opens_at = value,
            DirectoryField::ClosesAt => input.closes_at = value,
            DirectoryField::WhenNotes => input.when_notes = value,
            DirectoryField::Cost => input.cost = value,
            DirectoryField::ContactName => input.contact_name = value,
            DirectoryField::Phone => input.phone = value,
            DirectoryField::Email => input.email = value,
            DirectoryField::Website => input.website = value,
            DirectoryField::AccessibilityNotes => input.accessibility_notes = value,
            DirectoryField::LastCheckedOn => input.last_checked_on = value,
            DirectoryField::CheckedBy => input.checked_by = value,
            DirectoryField::StepFree => input.step_free = yes_no(&value, "Step-free")?,
            DirectoryField::HearingLoop => input.hearing_loop = yes_no(&value, "Hearing loop")?,
            DirectoryField::Days => input.days = read_days(&value)?,
            DirectoryField::Categories => {
                for name in value.split([';', ',', '/']).map(str::trim).filter(|w| !w.is_empty()) {
                    let category = categories.iter().find(|c| c.name.eq_ignore_ascii_case(name)).ok_or_else(|| {
                        format!("Categories: \"{name}\" is not one of the directory's categories. Add it under Directory → Categories first, or change it in the file.")
                    })?;
                    input.category_ids.push(category.id);
                }
            }
            DirectoryField::HowToRefer => {
                for word in value.to_lowercase().split([';', ',', '/']).map(str::trim).filter(|w| !w.is_empty()) {
                    match word {
                        "self" | "self-referral" | "self referral" | "anyone" | "drop in" | "drop-in"
                        | "just turn up" => input.refer_self = true,
                        "splw"
                        | "social prescriber"
                        | "social prescribing"
                        | "link worker"
                        | "social prescribing link worker" => input.refer_splw = true,
                        "gp" | "doctor" | "gp referral" => input.refer_gp = true,
                        other => return Err(format!("How to refer: \"{other}\" should be self, SPLW or GP.")),
                    }
                }
            }
        }
    }
    input.checked(today).map_err(|error| match error {
        Error::Invalid(fields) => {
            fields.iter().map(|f| format!("{}: {}", label(&f.field), f.message)).collect::<Vec<_>>().join(" ")
        }
        other => other.to_string(),
    })
}

/// The heading a field's problem is reported under.
fn label(field: &str) -> &'static str {
    let field = match field {
        "name" => DirectoryField::Name,
        "offers" => DirectoryField::Offers,
        "whoFor" => DirectoryField::WhoFor,
        "address" => DirectoryField::Address,
        "postcode" => DirectoryField::Postcode,
        "area" => DirectoryField::Area,
        "opensAt" => DirectoryField::OpensAt,
        "closesAt" => DirectoryField::ClosesAt,
        "whenNotes" => DirectoryField::WhenNotes,
        "cost" => DirectoryField::Cost,
        "contactName" => DirectoryField::ContactName,
        "phone" => DirectoryField::Phone,
        "email" => DirectoryField::Email,
        "website" => DirectoryField::Website,
        "lastCheckedOn" => DirectoryField::LastCheckedOn,
        "checkedBy" => DirectoryField::CheckedBy,
        _ => DirectoryField::AccessibilityNotes,
    };
    field.heading()
}

/// Reads every row with `mapping`; each row is either a checked entry or a problem.
pub fn parse(
    text: &str,
    mapping: &[Option<DirectoryField>],
    categories: &[Category],
    today: NaiveDate,
) -> Vec<std::result::Result<CheckedEntry, RowProblem>> {
    csvfile::rows(text, |record| row_to_entry(record, mapping, categories, today))
}

/// Adds every row, or none if any has a problem. Runs inside the caller's transaction.
pub fn import(
    conn: &Connection,
    rows: Vec<std::result::Result<CheckedEntry, RowProblem>>,
    now: &str,
    progress: &Progress,
) -> Result<ImportReport> {
    let problems: Vec<RowProblem> = rows.iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    if !problems.is_empty() {
        return Ok(ImportReport::refused(problems));
    }
    if rows.is_empty() {
        return Err(Error::File("There were no directory entries in that file.".into()));
    }
    let entries: Vec<CheckedEntry> = rows.into_iter().filter_map(|r| r.ok()).collect();
    for (done, entry) in entries.iter().enumerate() {
        progress.step(done, entries.len())?;
        super::insert(conn, entry, &super::new_oruk_id(), "", now)?;
    }
    progress.done();
    Ok(ImportReport { imported: entries.len(), problems })
}

fn yes(on: bool) -> String {
    if on {
        "yes".into()
    } else {
        "no".into()
    }
}

/// The entries as CSV text, with the headings the importer recognises.
pub fn to_csv(entries: &[Entry]) -> Result<String> {
    let header: Vec<&str> = DirectoryField::ALL.iter().map(|f| f.heading()).collect();
    csvfile::to_text(
        &header,
        entries.iter().map(|e| {
            let refer: Vec<&str> = [(e.refer_self, "self"), (e.refer_splw, "SPLW"), (e.refer_gp, "GP")]
                .into_iter()
                .filter(|(on, _)| *on)
                .map(|(_, w)| w)
                .collect();
            DirectoryField::ALL
                .iter()
                .map(|field| match field {
                    DirectoryField::Name => e.name.clone(),
                    DirectoryField::Offers => e.offers.clone(),
                    DirectoryField::Categories => e.categories.join("; "),
                    DirectoryField::WhoFor => e.who_for.clone(),
                    DirectoryField::Address => e.address.clone(),
                    DirectoryField::Postcode => e.postcode.clone(),
                    DirectoryField::Area => e.area.clone(),
                    DirectoryField::Days => {
                        e.days.iter().filter_map(|d| super::day_name(d)).collect::<Vec<_>>().join("; ")
                    }
                    DirectoryField::OpensAt => e.opens_at.clone().unwrap_or_default(),
                    DirectoryField::ClosesAt => e.closes_at.clone().unwrap_or_default(),
                    DirectoryField::WhenNotes => e.when_notes.clone(),
                    DirectoryField::Cost => e.cost.clone(),
                    DirectoryField::ContactName => e.contact_name.clone(),
                    DirectoryField::Phone => e.phone.clone(),
                    DirectoryField::Email => e.email.clone(),
                    DirectoryField::Website => e.website.clone(),
                    DirectoryField::StepFree => yes(e.step_free),
                    DirectoryField::HearingLoop => yes(e.hearing_loop),
                    DirectoryField::AccessibilityNotes => e.accessibility_notes.clone(),
                    DirectoryField::HowToRefer => refer.join("; "),
                    DirectoryField::LastCheckedOn => csvfile::uk_date(e.last_checked_on.as_deref()),
                    DirectoryField::CheckedBy => e.checked_by.clone(),
                })
                .collect()
        }),
    )
}
