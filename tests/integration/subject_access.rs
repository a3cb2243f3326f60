//! Subject access for someone in People: their whole record as PDF and JSON, with other
//! people's details (passengers, people befriended) left out, and no name in the file name.

use ppg_desk_core::documents::record as access;
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::people::{self, PeopleFilter, PeopleQuery};
use ppg_desk_core::print::Profile;

use crate::print::{sample_store, tool};

fn id_of(store: &crate::support::TempStore, name: &str) -> i64 {
    let query = PeopleQuery { search: name.into(), filter: PeopleFilter::Everyone };
    let today = store.state.today();
    store
        .state
        .read(|conn| people::list(conn, &query, today))
        .unwrap()
        .into_iter()
        .find(|p| p.full_name == name)
        .unwrap()
        .id
}

#[test]
fn a_drivers_record_has_their_meetings_checks_and_trips_but_no_passengers() {
    let store = sample_store();
    let today = store.state.today();
    let graham = id_of(&store, "Graham Whitfield");
    let record = store.state.read(|conn| access::gather(conn, graham, today)).unwrap();
    assert_eq!(record.person.full_name, "Graham Whitfield");
    assert!(record.meetings.iter().any(|m| m.what == "Committee meeting: present"), "{:?}", record.meetings);
    assert!(
        record.actions.iter().any(|a| a.what.starts_with("Put up a poster asking for volunteer drivers")),
        "{:?}",
        record.actions
    );
    assert_eq!(record.driver.as_ref().map(|d| d.registration.as_str()), Some("RV19 GWF"));
    assert!(!record.trips.is_empty() && record.trips.iter().all(|t| t.what.starts_with("To ")), "{:?}", record.trips);
    assert!(record.befriender.is_none());

    let pdf = documents::render(
        &store.state,
        &DocumentKind::PersonRecord { person_id: graham },
        Profile::LargePrint,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Your record with the PPG",
        "Graham Whitfield",
        "graham.whitfield@example.org",
        "Volunteer driving",
        "RV19 GWF",
        "Enhanced DBS check",
        "Trips you drove",
    ] {
        assert!(text.contains(expected), "{expected:?} is in the record:\n{text}");
    }
    let json = store.state.read(|conn| access::json(conn, graham, today)).unwrap();
    for passenger in ["Edith Parkinson", "Arthur Bell", "Harold Jenkins", "Gurpreet Kaur", "Joyce Armitage"] {
        assert!(
            !text.contains(passenger) && !json.contains(passenger),
            "a passenger's name ({passenger}) is not in a driver's record"
        );
    }
    let name = documents::file_name(&DocumentKind::PersonRecord { person_id: graham }, Profile::Standard, today);
    assert!(
        name.starts_with("ppg-person-record")
            && !name.to_lowercase().contains("graham")
            && !name.to_lowercase().contains("whitfield"),
        "no name in the file name: {name}"
    );
}

#[test]
fn a_befrienders_record_lists_their_matches_without_naming_who() {
    let store = sample_store();
    let today = store.state.today();
    let aisha = id_of(&store, "Aisha Begum");
    let record = store.state.read(|conn| access::gather(conn, aisha, today)).unwrap();
    let befriender = record.befriender.as_ref().expect("Aisha befriends");
    assert!(befriender.languages.contains("Bengali"));
    assert!(!record.matches.is_empty(), "the sample matched her");
    let referred: Vec<String> =
        store.state.read(ppg_desk_core::befriending::list).unwrap().into_iter().map(|r| r.full_name).collect();
    let json = store.state.read(|conn| access::json(conn, aisha, today)).unwrap();
    let pdf = documents::render(
        &store.state,
        &DocumentKind::PersonRecord { person_id: aisha },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("Befriending (as a volunteer)") && text.contains("Aisha Begum"));
    for name in &referred {
        assert!(
            !json.contains(name.as_str()) && !text.contains(name.as_str()),
            "a referred person's name ({name}) is not in a befriender's record"
        );
    }
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["record"]["person"]["fullName"], "Aisha Begum");
}

#[test]
fn a_passengers_record_has_their_trips_without_the_drivers_names() {
    let store = sample_store();
    let today = store.state.today();
    let harold = store.state.read(|conn| ppg_desk_core::drivers::passengers(conn, "Harold Jenkins")).unwrap()[0].id;
    let record = store.state.read(|conn| access::gather_passenger(conn, harold, today)).unwrap();
    assert_eq!(record.passenger.pickup_address, "27 Green Lane, Oakford RV5 2GL");
    assert!(
        record.trips.iter().any(|t| t.what.starts_with("To Riverside Renal Unit: picked up 7.15am, appointment 8am")),
        "{:?}",
        record.trips
    );
    let pdf = documents::render(
        &store.state,
        &DocumentKind::PassengerRecord { passenger_id: harold },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &pdf);
    let json = store.state.read(|conn| access::passenger_json(conn, harold, today)).unwrap();
    assert!(text.contains("Harold Jenkins") && text.contains("Your trips") && json.contains("Riverside Renal Unit"));
    let drivers: Vec<String> = store
        .state
        .read(|conn| ppg_desk_core::drivers::drivers(conn, today))
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    for driver in &drivers {
        assert!(
            !text.contains(driver.as_str()) && !json.contains(driver.as_str()),
            "a driver's name ({driver}) is not in a passenger's record"
        );
    }
    let name = documents::file_name(&DocumentKind::PassengerRecord { passenger_id: harold }, Profile::Standard, today);
    assert!(name.starts_with("ppg-passenger-record") && !name.to_lowercase().contains("jenkins"), "{name}");
}

/// The values in a subject-access JSON record that the PDF of the same record does not show
/// (text as typed, dates as "8 December 2026", times as "6.30pm"). Keys in `shown_otherwise`
/// are printed in words (a stage, a source) or are the record's own bookkeeping.
fn missing_from_pdf(json: &serde_json::Value, pdf: &str, shown_otherwise: &[&str]) -> Vec<String> {
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let pdf = flat(pdf);
    let mut missing = Vec::new();
    let mut stack = vec![(String::new(), json)];
    while let Some((key, value)) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => stack.extend(map.iter().map(|(k, v)| (k.clone(), v))),
            serde_json::Value::Array(items) => stack.extend(items.iter().map(|v| (key.clone(), v))),
            serde_json::Value::String(text) if !text.trim().is_empty() && !shown_otherwise.contains(&key.as_str()) => {
                let printed = if chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() {
                    ppg_desk_core::print::day_month_year(text)
                } else if text.len() == 5 && text.as_bytes()[2] == b':' {
                    ppg_desk_core::words::spoken_time(text)
                } else {
                    flat(text)
                };
                if !pdf.contains(&printed) {
                    missing.push(format!("{key}: {printed}"));
                }
            }
            _ => {}
        }
    }
    missing
}

/// Why: the JSON is derived from the record by serde, the PDF is laid out by hand; a field
/// added to the record but not to the PDF would silently be missing from what a person is
/// given when they ask what the PPG holds about them.
#[test]
fn every_field_of_a_referral_in_its_json_is_in_its_pdf() {
    let store = sample_store();
    let today = store.state.today();
    let referrals = store.state.read(ppg_desk_core::befriending::list).unwrap();
    assert!(referrals.len() > 3, "the sample has referrals");
    for referral in referrals {
        let json =
            store.state.read(|conn| ppg_desk_core::befriending::subject_access_json(conn, referral.id, today)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        let pdf = documents::render(
            &store.state,
            &DocumentKind::SubjectAccess { referral_id: referral.id },
            Profile::Standard,
            store.state.now(),
        )
        .unwrap();
        let text = tool("pdftotext", &[], &pdf);
        // Printed in words: the stage ("Waiting for a match"), who referred them, why, the
        // days ("Wednesday"), the age band ("85 or over"), how consent was given.
        let in_words = [
            "stage",
            "source",
            "reasonCategories",
            "days",
            "ageBand",
            "consentHow",
            "wantsContact",
            "befrienderGender",
            "closeReason",
        ];
        let missing = missing_from_pdf(&json["record"]["referral"], &text, &in_words);
        assert!(missing.is_empty(), "{} record: the PDF lacks {missing:?}", referral.id);
        let age = ppg_desk_core::befriending::referrals::age_band_label(&referral.age_band);
        assert!(
            text.contains(&format!("Age {age}")) || text.contains(age),
            "{} record: the age band is printed",
            referral.id
        );
    }
}

/// Why: as for referrals, a field added to a person's or a passenger's record must reach the
/// PDF they are given, not only the JSON.
#[test]
fn every_field_of_a_person_and_a_passenger_in_the_json_is_in_the_pdf() {
    let store = sample_store();
    let today = store.state.today();
    let query = PeopleQuery { search: String::new(), filter: PeopleFilter::Everyone };
    let everyone = store.state.read(|conn| people::list(conn, &query, today)).unwrap();
    assert!(everyone.len() > 10, "the sample has people");
    for person in everyone {
        let json: serde_json::Value =
            serde_json::from_str(&store.state.read(|conn| access::json(conn, person.id, today)).unwrap()).unwrap();
        let pdf = documents::render(
            &store.state,
            &DocumentKind::PersonRecord { person_id: person.id },
            Profile::Standard,
            store.state.now(),
        )
        .unwrap();
        // In drawing order, so a label that wraps beside its value does not split the value.
        let text = tool("pdftotext", &["-raw"], &pdf);
        // Printed in words: roles ("Committee member"), a check's kind and state, days, visits
        // or calls, gender ("Woman"); and "about" is the JSON file's own description of itself.
        // Equality answers are printed in words too ("18 to 39", "Prefer not to say").
        let in_words = [
            "roles",
            "kind",
            "state",
            "day",
            "days",
            "contact",
            "gender",
            "about",
            "ageBand",
            "sex",
            "ethnic",
            "carer",
            "condition",
        ];
        let missing = missing_from_pdf(&json, &text, &in_words);
        assert!(missing.is_empty(), "{}'s record: the PDF lacks {missing:?}", person.id);
        match json["befriender"]["gender"].as_str() {
            Some("female") => assert!(text.contains("Gender Woman"), "{}'s gender is printed", person.id),
            Some("male") => assert!(text.contains("Gender Man"), "{}'s gender is printed", person.id),
            _ => {}
        }
    }
    for passenger in store.state.read(|conn| ppg_desk_core::drivers::passengers(conn, "")).unwrap() {
        let json: serde_json::Value =
            serde_json::from_str(&store.state.read(|conn| access::passenger_json(conn, passenger.id, today)).unwrap())
                .unwrap();
        let pdf = documents::render(
            &store.state,
            &DocumentKind::PassengerRecord { passenger_id: passenger.id },
            Profile::Standard,
            store.state.now(),
        )
        .unwrap();
        let text = tool("pdftotext", &["-raw"], &pdf);
        let missing = missing_from_pdf(&json, &text, &["about"]);
        assert!(missing.is_empty(), "passenger {}'s record: the PDF lacks {missing:?}", passenger.id);
    }
}
