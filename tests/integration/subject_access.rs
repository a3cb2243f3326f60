//! Subject access for someone in People: their whole record as PDF and JSON, with other
//! people's details (passengers, people befriended) left out, and no name in the file name.

use ppg_desk::documents::{self, DocumentKind};
use ppg_desk::people::{self, access, PeopleFilter, PeopleQuery};
use ppg_desk::print::Profile;

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
        store.state.read(ppg_desk::befriending::list).unwrap().into_iter().map(|r| r.full_name).collect();
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
    let harold = store.state.read(|conn| ppg_desk::drivers::sql::passengers(conn, "Harold Jenkins")).unwrap()[0].id;
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
        .read(|conn| ppg_desk::drivers::sql::drivers(conn, today))
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
