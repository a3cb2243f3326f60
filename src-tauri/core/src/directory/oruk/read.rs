//! Reading Open Referral UK services into the directory: one service as the entry form
//! would receive it, and a whole file added or updated all-or-nothing.

use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::{BYDAY, HEARING_LOOP, STEP_FREE};
use crate::directory::{self, CheckedEntry, EntryInput};
use crate::error::{Error, Result};
use chrono::NaiveDate;

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn list(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    value.and_then(Value::as_array).into_iter().flatten()
}

/// "10:00:00" or "10:00" as "10:00".
fn hhmm(value: Option<&Value>) -> String {
    let t = text(value);
    // `get` returns None where byte 5 is not a character boundary, so accents cannot panic here.
    match t.get(..5) {
        Some(head) if head.as_bytes()[2] == b':' => head.to_string(),
        _ => t,
    }
}

/// One ORUK service as the entry form would receive it, with its ORUK id.
pub fn read_service(service: &Value, categories: &[directory::Category]) -> (String, EntryInput) {
    let mut input = EntryInput {
        name: text(service.get("name")),
        offers: text(service.get("description")),
        website: text(service.get("url")),
        email: text(service.get("email")),
        cost: text(service.get("fees")),
        last_checked_on: text(service.get("assured_date")).chars().take(10).collect(),
        ..Default::default()
    };
    // A service in another language says so (ISO 639-1 codes); one PPG Desk lists is kept.
    input.language = list(service.get("languages"))
        .map(|l| text(l.get("language")))
        .find(|code| crate::languages::find(code).is_some())
        .unwrap_or_default();
    let who: Vec<String> =
        list(service.get("eligibilitys")).map(|e| text(e.get("eligibility"))).filter(|e| !e.is_empty()).collect();
    input.who_for = who.join("; ");
    if let Some(contact) = list(service.get("contacts")).next() {
        input.contact_name = text(contact.get("name"));
        input.phone =
            list(contact.get("phones")).map(|p| text(p.get("number"))).find(|n| !n.is_empty()).unwrap_or_default();
    }
    let at = list(service.get("service_at_locations")).next();
    let schedules: Vec<&Value> =
        list(service.get("regular_schedules")).chain(list(at.and_then(|a| a.get("regular_schedule")))).collect();
    let mut notes = Vec::new();
    for schedule in &schedules {
        for code in text(schedule.get("byday")).split(',').map(str::trim) {
            if let Some((key, _)) = BYDAY.iter().find(|(_, c)| c.eq_ignore_ascii_case(code)) {
                input.days.push(key.to_string());
            }
        }
        if input.opens_at.is_empty() {
            input.opens_at = hhmm(schedule.get("opens_at"));
            input.closes_at = hhmm(schedule.get("closes_at"));
        }
        let description = text(schedule.get("description"));
        if !description.is_empty() && !notes.contains(&description) {
            notes.push(description);
        }
    }
    input.when_notes = notes.join(" ");
    if let Some(location) = at.and_then(|a| a.get("location")) {
        if let Some(address) = list(location.get("physical_addresses")).next() {
            let lines: Vec<String> =
                ["address_1", "address_2"].iter().map(|k| text(address.get(*k))).filter(|l| !l.is_empty()).collect();
            input.address = lines.join(", ");
            input.area = text(address.get("city"));
            input.postcode = text(address.get("postal_code"));
        }
        let mut other = Vec::new();
        for statement in list(location.get("accessibility_for_disabilities")) {
            let words = text(statement.get("accessibility"));
            let folded = words.to_lowercase();
            if folded == STEP_FREE.to_lowercase()
                || folded.contains("step-free")
                || folded.contains("step free")
                || folded.contains("wheelchair")
            {
                input.step_free = true;
            } else if folded == HEARING_LOOP.to_lowercase()
                || folded.contains("hearing loop")
                || folded.contains("induction loop")
            {
                input.hearing_loop = true;
            } else if !words.is_empty() {
                other.push(words);
            }
        }
        input.accessibility_notes = other.join(" ");
    }
    for term in list(service.get("service_taxonomys")) {
        let name = text(term.pointer("/taxonomy/name"));
        if let Some(category) = categories.iter().find(|c| c.name.eq_ignore_ascii_case(&name)) {
            input.category_ids.push(category.id);
        }
    }
    if let Some(ours) = service.get("ppg_desk") {
        let flag = |key: &str| ours.get(key).and_then(Value::as_bool).unwrap_or(false);
        input.refer_self = flag("refer_self");
        input.refer_splw = flag("refer_splw");
        input.refer_gp = flag("refer_gp");
        input.checked_by = text(ours.get("checked_by"));
        let area = text(ours.get("area"));
        if !area.is_empty() {
            input.area = area;
        }
    }
    (text(service.get("id")), input)
}

/// What an ORUK import did: how many entries were added and updated, or why nothing was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrukImport {
    #[ts(type = "number")]
    pub added: usize,
    #[ts(type = "number")]
    pub updated: usize,
    pub problems: Vec<String>,
}

/// The services in an ORUK file, or why it cannot be one.
fn services(text: &str) -> std::result::Result<Vec<Value>, String> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        format!(
            "This file is not valid JSON (line {}, column {}), so it cannot be an Open Referral UK file.",
            e.line(),
            e.column()
        )
    })?;
    let found = match value {
        Value::Array(items) => items,
        Value::Object(ref page) if page.get("content").is_some_and(Value::is_array) => page["content"].as_array().cloned().unwrap_or_default(),
        Value::Object(ref one) if one.contains_key("name") => vec![value.clone()],
        _ => return Err("No services were found in this file: an Open Referral UK file holds a list of services (or a page with \"content\").".into()),
    };
    if found.is_empty() {
        return Err("There are no services in this file.".into());
    }
    Ok(found)
}

/// Reads every service in `text` and adds or updates the directory (matching on the ORUK
/// id); if any service has a problem, nothing is changed and each problem is named.
/// Runs inside the caller's transaction.
pub fn import(
    conn: &Connection,
    text: &str,
    today: NaiveDate,
    now: &str,
    progress: &crate::progress::Progress,
) -> Result<OrukImport> {
    let services = match services(text) {
        Ok(s) => s,
        Err(problem) => return Ok(OrukImport { problems: vec![problem], ..Default::default() }),
    };
    let categories = directory::categories(conn)?;
    let mut checked: Vec<(String, CheckedEntry, String)> = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, service) in services.iter().enumerate() {
        let (id, input) = read_service(service, &categories);
        let named = if input.name.trim().is_empty() {
            format!("Service {}", n + 1)
        } else {
            format!("Service {} (\"{}\")", n + 1, input.name.trim())
        };
        if !service.is_object() {
            problems.push(format!("Service {}: this is not a service record.", n + 1));
            continue;
        }
        if id.chars().count() > 100 {
            problems.push(format!("{named}: its id is longer than 100 characters."));
            continue;
        }
        if !id.is_empty() && !seen.insert(id.clone()) {
            problems.push(format!("{named}: the id \"{id}\" appears twice in the file."));
            continue;
        }
        match input.checked(today) {
            Ok(entry) => checked.push((id, entry, service.to_string())),
            Err(Error::Invalid(fields)) => problems.push(format!(
                "{named}: {}",
                fields
                    .iter()
                    .map(|f| format!("{} ({})", f.message, oruk_field(&f.field)))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
            Err(other) => problems.push(format!("{named}: {other}")),
        }
    }
    if !problems.is_empty() {
        return Ok(OrukImport { problems, ..Default::default() });
    }
    let mut report = OrukImport::default();
    let total = checked.len();
    for (done, (id, entry, json)) in checked.into_iter().enumerate() {
        progress.step(done, total)?;
        match if id.is_empty() { None } else { directory::sql::id_by_oruk_id(conn, &id)? } {
            Some(existing) => {
                directory::update(conn, existing, &entry, now)?;
                directory::sql::set_oruk_json(conn, existing, &json)?;
                report.updated += 1;
            }
            None => {
                let id = if id.is_empty() { directory::new_oruk_id() } else { id };
                directory::insert(conn, &entry, &id, &json, now)?;
                report.added += 1;
            }
        }
    }
    progress.done();
    Ok(report)
}

/// Where in an ORUK service a form field comes from, for problem messages.
fn oruk_field(field: &str) -> &'static str {
    match field {
        "name" => "name",
        "offers" => "description",
        "website" => "url",
        "email" => "email",
        "cost" => "fees",
        "lastCheckedOn" => "assured_date",
        "whoFor" => "eligibility",
        "contactName" | "phone" => "contacts",
        "opensAt" | "closesAt" | "whenNotes" => "regular_schedules",
        "address" | "area" | "postcode" => "physical_addresses",
        _ => "accessibility_for_disabilities",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_accents_are_kept_as_text_not_cut_inside_a_character() {
        // "10:0é" panicked when cut at byte 5, inside the é.
        assert_eq!(hhmm(Some(&Value::from("10:0é"))), "10:0é");
        assert_eq!(hhmm(Some(&Value::from("10:00:00"))), "10:00");
        assert_eq!(hhmm(Some(&Value::from("1é:00"))), "1é:00");
    }
}
