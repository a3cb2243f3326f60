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
use serde_json::{json, Map, Value};

use super::Entry;
use crate::error::Result;

mod read;
pub use read::{import, read_service, OrukImport};

/// The vocabulary name our categories are written under.
pub const VOCABULARY: &str = "PPG Desk directory categories";

const BYDAY: [(&str, &str); 7] =
    [("mon", "MO"), ("tue", "TU"), ("wed", "WE"), ("thu", "TH"), ("fri", "FR"), ("sat", "SA"), ("sun", "SU")];

fn slug(text: &str) -> String {
    let folded = crate::check::fold_for_search(text);
    let words: Vec<String> =
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
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
    let mut record: Map<String, Value> =
        serde_json::from_str::<Value>(stored).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default();
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
        first_object(&mut record, "eligibilitys", format!("{id}-eligibility"))
            .insert("eligibility".into(), json!(entry.who_for));
    }
    if !entry.contact_name.is_empty() || !entry.phone.is_empty() || has(&record, "contacts") {
        let contact = first_object(&mut record, "contacts", format!("{id}-contact"));
        contact.insert("name".into(), json!(entry.contact_name));
        if !entry.phone.is_empty() || has(contact, "phones") {
            first_object(contact, "phones", format!("{id}-phone")).insert("number".into(), json!(entry.phone));
        }
    }
    if !entry.days.is_empty()
        || entry.opens_at.is_some()
        || !entry.when_notes.is_empty()
        || has(&record, "regular_schedules")
    {
        let byday: Vec<&str> =
            BYDAY.iter().filter(|(key, _)| entry.days.iter().any(|d| d == key)).map(|(_, code)| *code).collect();
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
        let statements: Vec<Value> = access
            .iter()
            .enumerate()
            .map(|(n, text)| json!({ "id": format!("{id}-access-{}", n + 1), "accessibility": text }))
            .collect();
        location.insert("accessibility_for_disabilities".into(), Value::Array(statements));
    }
    let mut terms: Vec<Value> = record
        .get("service_taxonomys")
        .and_then(Value::as_array)
        .map(|terms| {
            terms
                .iter()
                .filter(|t| t.pointer("/taxonomy/vocabulary").and_then(Value::as_str) != Some(VOCABULARY))
                .cloned()
                .collect()
        })
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
