//! Rules of the directory: the staleness rule, what an entry needs, how it reads in words,
//! CSV reading, and Open Referral UK both ways.

use serde_json::{json, Value};

use super::*;

fn d(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

fn entry() -> Entry {
    Entry {
        id: 7,
        oruk_id: "5e3f1d2a-0000-4000-8000-000000000007".into(),
        name: "Café Chat at St Aidan's".into(),
        offers: "A warm drink and a chat.\nNew faces welcome; bring a friend.".into(),
        categories: vec!["Loneliness and isolation".into(), "Older people".into()],
        category_ids: vec![1, 6],
        who_for: "Anyone over 60".into(),
        address: "St Aidan's Hall, 4 Church Lane".into(),
        postcode: "TS12 3AB".into(),
        area: "Brotton".into(),
        days: vec!["mon".into(), "thu".into()],
        opens_at: Some("10:00".into()),
        closes_at: Some("12:00".into()),
        when_notes: "Not on bank holidays.".into(),
        cost: "£1.50".into(),
        contact_name: "Zoë Brontë".into(),
        phone: "01287 000111".into(),
        email: "chat@example.org".into(),
        website: "https://example.org/chat".into(),
        step_free: true,
        hearing_loop: false,
        accessibility_notes: "Ramp at the side door.".into(),
        refer_self: true,
        refer_splw: true,
        refer_gp: false,
        last_checked_on: Some("2026-03-02".into()),
        checked_by: "Łukasz Nowak".into(),
        out_of_date: false,
        language: "en".into(),
    }
}

#[test]
fn an_entry_is_out_of_date_after_the_checking_period_or_if_never_checked() {
    let today = d("2026-11-24");
    assert!(is_out_of_date(None, 12, today), "never checked");
    assert!(!is_out_of_date(Some("2025-11-24"), 12, today), "exactly twelve months ago is still in date");
    assert!(is_out_of_date(Some("2025-11-23"), 12, today));
    assert!(!is_out_of_date(Some("2026-06-01"), 6, today));
    assert!(is_out_of_date(Some("2026-05-23"), 6, today));
    // Month ends: 31 May less three months is the end of February.
    assert_eq!(check_cutoff(3, d("2026-05-31")), d("2026-02-28"));
}

#[test]
fn an_entry_needs_a_name_and_sensible_times_postcode_and_dates() {
    let today = d("2026-11-24");
    let Err(crate::error::Error::Invalid(fields)) = EntryInput {
        postcode: "not a postcode".into(),
        opens_at: "2pm".into(),
        closes_at: "1pm".into(),
        email: "chat at example".into(),
        last_checked_on: "25/11/2026".into(),
        website: "www.example .org".into(),
        ..Default::default()
    }
    .checked(today) else {
        panic!("an empty name must be refused")
    };
    let field = |name: &str| fields.iter().find(|f| f.field == name).map(|f| f.message.clone()).unwrap_or_default();
    assert_eq!(field("name"), "Please give the group's name.");
    assert!(field("postcode").contains("does not look like a UK postcode"));
    assert_eq!(field("closesAt"), "The finish time must be after the start time.");
    assert!(!field("email").is_empty());
    assert!(field("lastCheckedOn").contains("future"));
    assert!(field("website").contains("no spaces"));

    let ok = EntryInput {
        name: "  Walking for Health ".into(),
        postcode: "ts12 3ab".into(),
        days: vec!["thu".into(), "mon".into(), "someday".into()],
        opens_at: "10am".into(),
        closes_at: "11.30".into(),
        category_ids: vec![3, 1, 3],
        ..Default::default()
    }
    .checked(today)
    .unwrap();
    assert_eq!(ok.name, "Walking for Health");
    assert_eq!(ok.postcode, "TS12 3AB");
    assert_eq!(ok.days, vec!["mon", "thu"]);
    assert_eq!((ok.opens_at.as_deref(), ok.closes_at.as_deref()), (Some("10:00"), Some("11:30")));
    assert_eq!(ok.category_ids, vec![1, 3]);
}

#[test]
fn postcodes_are_tidied_into_their_usual_form() {
    assert_eq!(tidy_postcode("sw1a1aa").unwrap(), "SW1A 1AA");
    assert_eq!(tidy_postcode(" m1 1ae ").unwrap(), "M1 1AE");
    assert_eq!(tidy_postcode("").unwrap(), "");
    assert!(tidy_postcode("12345").is_err());
    assert!(tidy_postcode("TS1 2A").is_err());
}

#[test]
fn an_entry_reads_in_plain_words() {
    let e = entry();
    assert_eq!(e.when_text(), "Mondays and Thursdays, 10am to 12 noon. Not on bank holidays.");
    assert_eq!(e.access_text(), "Step-free access. Ramp at the side door.");
    assert_eq!(e.referral_text(), "Contact them yourself, or ask your social prescriber.");
    assert_eq!(e.where_text(), "St Aidan's Hall, 4 Church Lane, Brotton, TS12 3AB");
    let only_notes = Entry {
        days: vec![],
        opens_at: None,
        closes_at: None,
        when_notes: "First Friday of the month".into(),
        ..entry()
    };
    assert_eq!(only_notes.when_text(), "First Friday of the month");
    let gp_only = Entry { refer_self: false, refer_splw: true, refer_gp: true, ..entry() };
    assert_eq!(gp_only.referral_text(), "Ask your social prescriber or your GP to refer you.");
}

#[test]
fn csv_days_and_yes_no_are_read_as_people_write_them() {
    assert_eq!(csv::read_days("Mon; Thursday").unwrap(), vec!["mon", "thu"]);
    assert_eq!(csv::read_days("Tuesdays and Fridays").unwrap(), vec!["tue", "fri"]);
    assert_eq!(csv::read_days("").unwrap(), Vec::<String>::new());
    assert_eq!(csv::read_days("Mon, Funday").unwrap_err(), "Days: \"funday\" is not a day of the week.");
}

fn categories() -> Vec<Category> {
    vec![
        Category { id: 1, name: "Loneliness and isolation".into(), entries: 0 },
        Category { id: 6, name: "Older people".into(), entries: 0 },
    ]
}

#[test]
fn oruk_export_then_import_gives_back_every_field() {
    let e = entry();
    let service = oruk::service(&e, "");
    assert_eq!(service["id"], json!(e.oruk_id));
    assert_eq!(service["regular_schedules"][0]["byday"], json!("MO,TH"));
    assert_eq!(
        service["service_at_locations"][0]["location"]["physical_addresses"][0]["postal_code"],
        json!("TS12 3AB")
    );
    assert_eq!(service["service_taxonomys"].as_array().unwrap().len(), 2);
    let (id, input) = oruk::read_service(&service, &categories());
    assert_eq!(id, e.oruk_id);
    let back = input.checked(d("2026-11-24")).unwrap();
    let expected = EntryInput::from(&e).checked(d("2026-11-24")).unwrap();
    assert_eq!(back, expected, "accents, multi-line text and every field survive the round trip");
}

#[test]
fn oruk_import_of_a_sparse_council_record_fills_what_it_can() {
    let council = json!({
        "id": 4021,
        "name": "Men's Shed",
        "organization": { "id": "org-9", "name": "Redcar Men's Sheds", "url": "https://sheds.example" },
        "regular_schedules": [{ "byday": "WE", "opens_at": "09:30:00", "closes_at": "13:00:00", "freq": "WEEKLY" }],
        "service_at_locations": [{ "location": { "latitude": 54.58, "physical_addresses": [{ "address_1": "Unit 3, Dock Road", "city": "Redcar", "postal_code": "ts10 1aa" }],
            "accessibility_for_disabilities": [{ "accessibility": "Wheelchair accessible toilet" }, { "accessibility": "Induction loop at reception" }, { "accessibility": "Parking nearby" }] } }],
        "service_taxonomys": [{ "taxonomy": { "name": "older PEOPLE", "vocabulary": "Council" } }, { "taxonomy": { "name": "Woodwork", "vocabulary": "Council" } }],
    });
    let (id, input) = oruk::read_service(&council, &categories());
    assert_eq!(id, "4021");
    assert_eq!(input.days, vec!["wed"]);
    assert_eq!((input.opens_at.as_str(), input.closes_at.as_str()), ("09:30", "13:00"));
    assert_eq!((input.address.as_str(), input.area.as_str()), ("Unit 3, Dock Road", "Redcar"));
    assert!(input.step_free && input.hearing_loop);
    assert_eq!(input.accessibility_notes, "Parking nearby");
    assert_eq!(input.category_ids, vec![6]);
    assert_eq!(input.offers, "", "a missing description stays empty");
    let checked = input.checked(d("2026-11-24")).unwrap();
    assert_eq!(checked.postcode, "TS10 1AA");
}

#[test]
fn oruk_export_keeps_the_fields_ppg_desk_does_not_show() {
    let stored = json!({
        "id": "abc", "name": "Old name", "languages": [{ "language": "Polish" }],
        "organization": { "id": "org-9", "name": "Redcar Men's Sheds", "description": "A charity" },
        "regular_schedules": [{ "id": "s1", "dtstart": "2024-01-03", "byday": "WE" }],
        "service_at_locations": [{ "id": "sal1", "location": { "id": "loc1", "latitude": 54.58, "longitude": -1.06,
            "physical_addresses": [{ "id": "pa1", "address_1": "Unit 3", "state_province": "North Yorkshire" }] } }],
        "service_taxonomys": [{ "taxonomy": { "name": "Woodwork", "vocabulary": "Council" } }],
    });
    let e = Entry { oruk_id: "abc".into(), ..entry() };
    let out = oruk::service(&e, &stored.to_string());
    assert_eq!(out["name"], json!(e.name), "our fields win");
    assert_eq!(out["languages"], stored["languages"]);
    assert_eq!(out["organization"], stored["organization"]);
    assert_eq!(out["regular_schedules"][0]["dtstart"], json!("2024-01-03"));
    assert_eq!(out["regular_schedules"][0]["byday"], json!("MO,TH"));
    let location = &out["service_at_locations"][0]["location"];
    assert_eq!((location["latitude"].clone(), location["longitude"].clone()), (json!(54.58), json!(-1.06)));
    assert_eq!(location["physical_addresses"][0]["state_province"], json!("North Yorkshire"));
    let vocabularies: Vec<&str> = out["service_taxonomys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["taxonomy"]["vocabulary"].as_str().unwrap())
        .collect();
    assert_eq!(vocabularies, vec!["Council", oruk::VOCABULARY, oruk::VOCABULARY]);
    // Exporting what was exported changes nothing.
    assert_eq!(oruk::service(&e, &out.to_string()), out);
    let _: Value = out;
}
