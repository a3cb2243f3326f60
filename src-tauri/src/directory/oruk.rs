//! The directory as Open Referral UK JSON (services with their organisation, contacts,
//! eligibility, regular schedules, locations with addresses and accessibility, and taxonomy
//! terms), so a council's directory can be brought in and ours shared.
//!
//! Export writes what the ORUK `/services` API returns: a page object whose `content` holds
//! the services. Import reads that, a bare array of services, or one service. An entry that
//! came from an ORUK file keeps the whole record it came from, and export writes our fields
//! over that record, so fields PPG Desk does not show (coordinates, funding, languages,
//! other taxonomies...) come back out unchanged. What ORUK has no place for (who checked the
//! entry, how to be referred) travels in a `ppg_desk` object that other tools ignore.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::{json, Map, Value};
use ts_rs::TS;

use super::{CheckedEntry, Entry, EntryInput};
use crate::error::{Error, Result};

/// The vocabulary name our categories are written under.
pub const VOCABULARY: &str = "PPG Desk directory categories";

const BYDAY: [(&str, &str); 7] = [("mon", "MO"), ("tue", "TU"), ("wed", "WE"), ("thu", "TH"), ("fri", "FR"), ("sat", "SA"), ("sun", "SU")];

fn slug(text: &str) -> String {
    let folded = crate::check::fold_for_search(text);
    let words: Vec<String> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
    words.join("-")
}

/// The first object in `record[key]` (an array), made if missing.
fn first_object<'a>(record: &'a mut Map<String, Value>, key: &str, id: String) -> &'a mut Map<String, Value> {
    let list = record.entry(key).or_insert_with(|| Value::Array(Vec::new()));
    if !list.is_array() {
        *list = Value::Array(Vec::new());
    }
    let list = list.as_array_mut().expect("made an array above");
    if !list.first().is_some_and(Value::is_object) {
        list.insert(0, json!({ "id": id }));
    }
    list[0].as_object_mut().expect("made an object above")
}

fn object<'a>(record: &'a mut Map<String, Value>, key: &str, id: String) -> &'a mut Map<String, Value> {
    let value = record.entry(key).or_insert_with(|| json!({ "id": id }));
    if !value.is_object() {
        *value = json!({ "id": id });
    }
    value.as_object_mut().expect("made an object above")
}

fn has(record: &Map<String, Value>, key: &str) -> bool {
    record.get(key).and_then(Value::as_array).is_some_and(|a| !a.is_empty())
}

/// One entry as an ORUK service, written over the record it was imported from (if any).
pub fn service(entry: &Entry, stored: &str) -> Value {
    let mut record: Map<String, Value> = serde_json::from_str::<Value>(stored).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default();
    let id = entry.oruk_id.clone();
    record.insert("id".into(), json!(id));
    record.insert("name".into(), json!(entry.name));
    record.insert("description".into(), json!(entry.offers));
    record.insert("url".into(), json!(entry.website));
    record.insert("email".into(), json!(entry.email));
    record.entry("status").or_insert(json!("active"));
    record.insert("fees".into(), json!(entry.cost));
    record.insert("assured_date".into(), json!(entry.last_checked_on.clone().unwrap_or_default()));
    let organisation = object(&mut record, "organization", format!("{id}-organisation"));
    organisation.entry("name").or_insert_with(|| json!(entry.name));

    if !entry.who_for.is_empty() || has(&record, "eligibilitys") {
        first_object(&mut record, "eligibilitys", format!("{id}-eligibility")).insert("eligibility".into(), json!(entry.who_for));
    }
    if !entry.contact_name.is_empty() || !entry.phone.is_empty() || has(&record, "contacts") {
        let contact = first_object(&mut record, "contacts", format!("{id}-contact"));
        contact.insert("name".into(), json!(entry.contact_name));
        if !entry.phone.is_empty() || has(contact, "phones") {
            first_object(contact, "phones", format!("{id}-phone")).insert("number".into(), json!(entry.phone));
        }
    }
    if !entry.days.is_empty() || entry.opens_at.is_some() || !entry.when_notes.is_empty() || has(&record, "regular_schedules") {
        let byday: Vec<&str> = BYDAY.iter().filter(|(key, _)| entry.days.iter().any(|d| d == key)).map(|(_, code)| *code).collect();
        let schedule = first_object(&mut record, "regular_schedules", format!("{id}-schedule"));
        schedule.entry("freq").or_insert(json!("WEEKLY"));
        schedule.insert("byday".into(), json!(byday.join(",")));
        schedule.insert("opens_at".into(), json!(entry.opens_at.clone().unwrap_or_default()));
        schedule.insert("closes_at".into(), json!(entry.closes_at.clone().unwrap_or_default()));
        schedule.insert("description".into(), json!(entry.when_notes));
    }
    let has_place = !entry.address.is_empty() || !entry.postcode.is_empty() || !entry.area.is_empty();
    let access = access_statements(entry);
    if has_place || !access.is_empty() || has(&record, "service_at_locations") {
        let at = first_object(&mut record, "service_at_locations", format!("{id}-at-location"));
        let location = object(at, "location", format!("{id}-location"));
        location.entry("name").or_insert_with(|| json!(entry.name));
        if has_place || has(location, "physical_addresses") {
            let address = first_object(location, "physical_addresses", format!("{id}-address"));
            address.insert("address_1".into(), json!(entry.address));
            address.insert("city".into(), json!(entry.area));
            address.insert("postal_code".into(), json!(entry.postcode));
            address.entry("country").or_insert(json!("GB"));
        }
        let statements: Vec<Value> =
            access.iter().enumerate().map(|(n, text)| json!({ "id": format!("{id}-access-{}", n + 1), "accessibility": text })).collect();
        location.insert("accessibility_for_disabilities".into(), Value::Array(statements));
    }
    let mut terms: Vec<Value> = record
        .get("service_taxonomys")
        .and_then(Value::as_array)
        .map(|terms| terms.iter().filter(|t| t.pointer("/taxonomy/vocabulary").and_then(Value::as_str) != Some(VOCABULARY)).cloned().collect())
        .unwrap_or_default();
    for name in &entry.categories {
        terms.push(json!({
            "id": format!("{id}-{}", slug(name)),
            "taxonomy": { "id": format!("ppg-desk-{}", slug(name)), "name": name, "vocabulary": VOCABULARY },
        }));
    }
    record.insert("service_taxonomys".into(), Value::Array(terms));
    record.insert(
        "ppg_desk".into(),
        json!({
            "area": entry.area,
            "checked_by": entry.checked_by,
            "refer_self": entry.refer_self,
            "refer_splw": entry.refer_splw,
            "refer_gp": entry.refer_gp,
        }),
    );
    Value::Object(record)
}

const STEP_FREE: &str = "Step-free access";
const HEARING_LOOP: &str = "Hearing loop";

fn access_statements(entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if entry.step_free {
        out.push(STEP_FREE.to_string());
    }
    if entry.hearing_loop {
        out.push(HEARING_LOOP.to_string());
    }
    if !entry.accessibility_notes.is_empty() {
        out.push(entry.accessibility_notes.clone());
    }
    out
}

/// The whole directory as an ORUK `/services` page.
pub fn export(entries: &[(Entry, String)]) -> String {
    let services: Vec<Value> = entries.iter().map(|(entry, stored)| service(entry, stored)).collect();
    let page = json!({
        "total_items": services.len(),
        "total_pages": 1,
        "number": 1,
        "size": services.len(),
        "first_page": true,
        "last_page": true,
        "empty": services.is_empty(),
        "content": services,
    });
    serde_json::to_string_pretty(&page).expect("JSON values always serialise")
}

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn list<'a>(value: Option<&'a Value>) -> impl Iterator<Item = &'a Value> {
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
pub fn read_service(service: &Value, categories: &[super::Category]) -> (String, EntryInput) {
    let mut input = EntryInput {
        name: text(service.get("name")),
        offers: text(service.get("description")),
        website: text(service.get("url")),
        email: text(service.get("email")),
        cost: text(service.get("fees")),
        last_checked_on: text(service.get("assured_date")).chars().take(10).collect(),
        ..Default::default()
    };
    let who: Vec<String> = list(service.get("eligibilitys")).map(|e| text(e.get("eligibility"))).filter(|e| !e.is_empty()).collect();
    input.who_for = who.join("; ");
    if let Some(contact) = list(service.get("contacts")).next() {
        input.contact_name = text(contact.get("name"));
        input.phone = list(contact.get("phones")).map(|p| text(p.get("number"))).find(|n| !n.is_empty()).unwrap_or_default();
    }
    let at = list(service.get("service_at_locations")).next();
    let schedules: Vec<&Value> = list(service.get("regular_schedules")).chain(list(at.and_then(|a| a.get("regular_schedule")))).collect();
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
            let lines: Vec<String> = ["address_1", "address_2"].iter().map(|k| text(address.get(*k))).filter(|l| !l.is_empty()).collect();
            input.address = lines.join(", ");
            input.area = text(address.get("city"));
            input.postcode = text(address.get("postal_code"));
        }
        let mut other = Vec::new();
        for statement in list(location.get("accessibility_for_disabilities")) {
            let words = text(statement.get("accessibility"));
            let folded = words.to_lowercase();
            if folded == STEP_FREE.to_lowercase() || folded.contains("step-free") || folded.contains("step free") || folded.contains("wheelchair") {
                input.step_free = true;
            } else if folded == HEARING_LOOP.to_lowercase() || folded.contains("hearing loop") || folded.contains("induction loop") {
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
        format!("This file is not valid JSON (line {}, column {}), so it cannot be an Open Referral UK file.", e.line(), e.column())
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
pub fn import(conn: &Connection, text: &str, today: NaiveDate, now: &str, progress: &crate::progress::Progress) -> Result<OrukImport> {
    let services = match services(text) {
        Ok(s) => s,
        Err(problem) => return Ok(OrukImport { problems: vec![problem], ..Default::default() }),
    };
    let categories = super::categories(conn)?;
    let mut checked: Vec<(String, CheckedEntry, String)> = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, service) in services.iter().enumerate() {
        let (id, input) = read_service(service, &categories);
        let named = if input.name.trim().is_empty() { format!("Service {}", n + 1) } else { format!("Service {} (\"{}\")", n + 1, input.name.trim()) };
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
                fields.iter().map(|f| format!("{} ({})", f.message, oruk_field(&f.field))).collect::<Vec<_>>().join(" ")
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
        match if id.is_empty() { None } else { super::sql::id_by_oruk_id(conn, &id)? } {
            Some(existing) => {
                super::update(conn, existing, &entry, now)?;
                super::sql::set_oruk_json(conn, existing, &json)?;
                report.updated += 1;
            }
            None => {
                let id = if id.is_empty() { super::new_oruk_id() } else { id };
                super::insert(conn, &entry, &id, &json, now)?;
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

/// Every entry with the ORUK record it came from, for export.
pub fn entries_with_records(conn: &Connection, today: NaiveDate) -> Result<Vec<(Entry, String)>> {
    let entries = super::list(conn, &super::DirectoryFilter::default(), today)?;
    entries
        .into_iter()
        .map(|e| {
            let (_, json) = super::sql::oruk_record(conn, e.id)?;
            Ok((e, json))
        })
        .collect()
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
