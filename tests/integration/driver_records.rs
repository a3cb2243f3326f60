//! What the driver scheme keeps and for how long: a DBS certificate number forgotten after
//! six months, places kept while trips use them, former drivers' records removed after the
//! retention period.

use ppg_desk_core::drivers::{self, CheckInput, CheckKind, DestinationInput, DriverInput};
use ppg_desk_core::error::Error;

use crate::support::temp_store;

use crate::drivers::{day, done_trip, driver, passenger_and_destination, trip};

#[test]
fn a_dbs_certificate_number_is_forgotten_six_months_after_the_check() {
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let today = day("2026-11-24");
    for (checked, reference) in [("23/05/2026", "001111111111"), ("25/05/2026", "002222222222")] {
        let check = CheckInput {
            kind: Some(CheckKind::Dbs),
            checked_on: checked.into(),
            reference: reference.into(),
            outcome: "Clear".into(),
            expires_on: "1/5/2029".into(),
        };
        store.state.write(|tx| drivers::save_check(tx, ann, &check.checked(today)?)).unwrap();
        let forgotten = store.state.write(|tx| drivers::forget_old_dbs_details(tx, today)).unwrap();
        let dbs = store
            .state
            .read(|conn| drivers::get_driver(conn, ann, today))
            .unwrap()
            .checks
            .into_iter()
            .find(|c| c.kind == CheckKind::Dbs)
            .unwrap();
        if checked.starts_with("23") {
            assert_eq!(
                (forgotten, dbs.reference.as_str(), dbs.outcome.as_str()),
                (1, "", ""),
                "over six months: number and outcome go"
            );
            assert_eq!(
                (dbs.checked_on.as_deref(), dbs.expires_on.as_deref()),
                (Some("2026-05-23"), Some("2029-05-01")),
                "the dates stay"
            );
        } else {
            assert_eq!((forgotten, dbs.reference.as_str()), (0, "002222222222"), "inside six months it is kept");
        }
    }
}

#[test]
fn a_place_with_trips_is_kept_and_an_unused_one_can_go() {
    let store = temp_store();
    let (p, d) = passenger_and_destination(&store);
    let booked = trip(&store, p, d, "1/12/2026", "9am", "10am");
    let Err(Error::Refused(why)) = store.state.write(|tx| drivers::delete_destination(tx, d)) else { panic!("kept") };
    assert_eq!(why, "1 trip goes to this place, so it stays in the list. You can change its name or address instead.");
    let renamed = DestinationInput {
        name: "Riverside General (Outpatients)".into(),
        address: "Hospital Road".into(),
        postcode: "rv1 8rh".into(),
    };
    store.state.write(|tx| drivers::update_destination(tx, d, &renamed.checked()?)).unwrap();
    assert_eq!(
        store.state.read(|conn| drivers::get_trip(conn, booked)).unwrap().destination_address,
        "Hospital Road, RV1 8RH"
    );
    let spare = store
        .state
        .write(|tx| {
            drivers::insert_destination(
                tx,
                &DestinationInput { name: "Eye clinic".into(), ..Default::default() }.checked()?,
            )
        })
        .unwrap();
    store.state.write(|tx| drivers::delete_destination(tx, spare)).unwrap();
    assert_eq!(store.state.read(drivers::destinations).unwrap().len(), 1);
}

#[test]
fn former_drivers_are_listed_after_the_retention_period_and_their_record_removed() {
    let store = temp_store();
    let (ann, bob) = (driver(&store, "Ann Archer", &[]), driver(&store, "Bob Brown", &[]));
    let place = passenger_and_destination(&store);
    done_trip(&store, ann, place, day("2024-03-05"), "12");
    // Ann stops driving in March 2024; Bob in October 2026.
    let stop = |id: i64, now: &str| {
        store.state.write(|tx| {
            let d = drivers::get_driver(tx, id, day("2026-12-01"))?;
            let input = DriverInput {
                person_id: Some(d.person_id),
                vehicle_make: d.vehicle_make,
                active: false,
                ..Default::default()
            };
            drivers::update_driver(tx, id, &input.checked()?, now)
        })
    };
    stop(ann, "2024-03-10T09:00:00").unwrap();
    stop(bob, "2026-10-01T09:00:00").unwrap();
    stop(ann, "2025-01-01T09:00:00").unwrap();
    let got = store.state.read(|conn| drivers::get_driver(conn, ann, day("2026-12-01"))).unwrap();
    assert_eq!(got.stopped_on.as_deref(), Some("2024-03-10"), "saving again keeps the day they stopped");

    let sneaky = store.state.write(|tx| Ok(tx.execute("UPDATE drivers SET active = 1 WHERE id = ?1", [bob])?));
    assert!(sneaky.is_err(), "SQL refuses a stop date on someone driving");

    let due = |months: u32, today: &str| {
        store
            .state
            .read(|conn| ppg_desk_core::drivers::former_drivers_due(conn, months, day(today)))
            .unwrap()
            .into_iter()
            .map(|d| d.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(due(24, "2026-03-10"), Vec::<String>::new(), "24 months to the day is not yet more than 24 months");
    assert_eq!(due(24, "2026-03-11"), vec!["Ann Archer"]);
    assert_eq!(due(6, "2027-04-02"), vec!["Ann Archer", "Bob Brown"]);
    store
        .state
        .write(|tx| {
            let d = drivers::get_driver(tx, bob, day("2026-12-01"))?;
            drivers::update_driver(
                tx,
                bob,
                &DriverInput { person_id: Some(d.person_id), active: true, ..Default::default() }.checked()?,
                "2026-12-01T09:00:00",
            )
        })
        .unwrap();
    assert_eq!(due(6, "2027-04-02"), vec!["Ann Archer"], "Bob is driving again");
    assert_eq!(store.state.read(|conn| drivers::get_driver(conn, bob, day("2026-12-01"))).unwrap().stopped_on, None);

    let cai = driver(&store, "Cai Evans", &[]);
    let Err(Error::Refused(message)) =
        store.state.write(|tx| ppg_desk_core::drivers::remove_driver_record(tx, cai, day("2026-12-01")))
    else {
        panic!("someone still driving cannot be removed")
    };
    assert!(message.contains("still driving"), "{message}");

    store.state.write(|tx| ppg_desk_core::drivers::remove_driver_record(tx, ann, day("2026-12-01"))).unwrap();
    let left = |table: &str| {
        store
            .state
            .read(|conn| {
                Ok(conn.query_row(&format!("SELECT count(*) FROM {table} WHERE driver_id = ?1"), [ann], |r| {
                    r.get::<_, i64>(0)
                })?)
            })
            .unwrap()
    };
    assert_eq!(
        (left("driver_checks"), left("driver_availability")),
        (0, 0),
        "her checks and usual week go with the record"
    );
    assert!(store.state.read(|conn| drivers::get_driver(conn, ann, day("2026-12-01"))).is_err());
    let months = store.state.read(|conn| drivers::month_lines(conn, day("2024-03-01"), day("2024-03-31"))).unwrap();
    assert_eq!(months.iter().map(|m| m.done).sum::<u32>(), 1, "her trip still counts, without her name");
    let query = ppg_desk_core::people::PeopleQuery {
        search: "Ann Archer".into(),
        filter: ppg_desk_core::people::PeopleFilter::Everyone,
    };
    assert_eq!(
        store.state.read(|conn| ppg_desk_core::people::list(conn, &query, day("2026-12-01"))).unwrap().len(),
        1,
        "she is still in People"
    );
}
