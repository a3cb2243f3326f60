//! The same record made on two laptops before they exchanged (issue 12 started twice, the
//! same volunteer made a driver twice, one destination added twice): every laptop keeps one
//! record, the same one, with the links of both, and lists the other's values to use.

use ppg_desk_core::sharing::{self, Clash, Scheme};
use ppg_desk_core::state::AppState;
use rusqlite::params;

use crate::sharing::{content, two_laptops};
use crate::support::{add_person, temp_store};

fn exchange(laptops: &[&AppState]) {
    for _ in 0..2 {
        for state in laptops {
            sharing::sync(state).unwrap();
        }
    }
}

fn made_twice(state: &AppState) -> Vec<Clash> {
    sharing::status(state).unwrap().unwrap().clashes.into_iter().filter(|c| c.why == "made_twice").collect()
}

fn texts(state: &AppState, sql: &str) -> Vec<String> {
    state
        .read(|conn| {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .unwrap()
}

/// An issue numbered 12 with one article, as the bulletin screen makes it.
fn start_issue(state: &AppState, title: &str, article: &str) {
    state
        .write(|tx| {
            let input = ppg_desk_core::bulletins::BulletinInput {
                number: "12".into(),
                month: "2027-01".into(),
                title: title.into(),
                strapline: String::new(),
                target_pages: 2,
            };
            let id = ppg_desk_core::bulletins::editing::create(tx, &input, "2026-12-01T10:00:00")?;
            tx.execute(
                "INSERT INTO bulletin_articles (id, bulletin_id, position, title, updated_at)
                 VALUES (new_id(), ?1, 0, ?2, '2026-12-01T10:00:00')",
                params![id, article],
            )?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn an_issue_started_on_two_laptops_is_kept_as_one_with_both_articles_everywhere() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    start_issue(&secretary.state, "January news", "From the secretary");
    start_issue(&chair.state, "New year bulletin", "From the chair");
    exchange(&[&secretary.state, &chair.state]);

    for state in [&secretary.state, &chair.state] {
        assert_eq!(texts(state, "SELECT CAST(number AS TEXT) FROM bulletins"), ["12"], "one issue 12");
        let articles = texts(state, "SELECT title FROM bulletin_articles ORDER BY title");
        assert_eq!(articles, ["From the chair", "From the secretary"], "the articles of both");
        let listed = made_twice(state);
        assert_eq!(listed.len(), 1, "only the title differs: {listed:?}");
        assert_eq!(listed[0].column, "title");
        assert!(listed[0].can_use_other);
        let kept = texts(state, "SELECT title FROM bulletins");
        assert_eq!(listed[0].kept, kept[0]);
        assert!(["January news", "New year bulletin"].contains(&listed[0].other.as_str()));
        assert_ne!(listed[0].kept, listed[0].other);
    }
    assert_eq!(content(&secretary.state), content(&chair.state));

    // One click puts the other title on the issue, on every laptop.
    let clash = &made_twice(&chair.state)[0];
    sharing::use_other(&chair.state, clash.id, None).unwrap();
    exchange(&[&secretary.state, &chair.state]);
    for state in [&secretary.state, &chair.state] {
        assert_eq!(texts(state, "SELECT title FROM bulletins"), std::slice::from_ref(&clash.other));
    }
}

fn add_driver(state: &AppState, person: &str, make: &str, destination: &str) {
    state
        .write(|tx| {
            tx.execute(
                "INSERT INTO drivers (id, person_id, vehicle_make, created_at, updated_at)
                 SELECT new_id(), id, ?2, '2026-12-01T10:00:00', '2026-12-01T10:00:00' FROM people WHERE full_name = ?1",
                params![person, make],
            )?;
            tx.execute(
                "INSERT INTO driver_availability (driver_id, day, from_time, to_time)
                 SELECT d.id, 'mon', '09:00', '12:00' FROM drivers d WHERE d.vehicle_make = ?1",
                [make],
            )?;
            tx.execute("INSERT INTO destinations (id, name) VALUES (new_id(), ?1)", [destination])?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_volunteer_made_a_driver_on_two_laptops_is_one_driver_with_both_records_on_every_laptop() {
    let folder = tempfile::tempdir().unwrap();
    let secretary = temp_store();
    add_person(&secretary.state, "Bob Driver", |_| {});
    let codes = sharing::start(&secretary.state, folder.path(), "Secretary's laptop", true, false).unwrap();
    let coordinator = temp_store();
    sharing::join(
        &coordinator.state,
        folder.path(),
        "Driver coordinator",
        codes.committee.as_deref().unwrap(),
        Scheme::Shared(codes.drivers.as_deref()),
        Scheme::NotShared,
    )
    .unwrap();
    // Both laptops add Bob as a driver, each with his Monday morning, and both add the
    // hospital (spelt with other capitals) before they exchange.
    add_driver(&secretary.state, "Bob Driver", "Ford", "Royal Hospital");
    add_driver(&coordinator.state, "Bob Driver", "Skoda", "ROYAL HOSPITAL");
    coordinator
        .state
        .write(|tx| {
            tx.execute(
                "INSERT INTO driver_availability (driver_id, day, from_time, to_time)
                 SELECT id, 'thu', '13:00', '17:00' FROM drivers",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    exchange(&[&secretary.state, &coordinator.state]);

    let snapshot = |state: &AppState| {
        (
            texts(state, "SELECT CAST(id AS TEXT) FROM drivers"),
            texts(state, "SELECT CAST(driver_id AS TEXT) FROM driver_availability ORDER BY day"),
            texts(state, "SELECT CAST(id AS TEXT) || name FROM destinations"),
        )
    };
    let (drivers, availability, destinations) = snapshot(&secretary.state);
    assert_eq!(drivers.len(), 1, "one driver for Bob: {drivers:?}");
    assert_eq!(availability.len(), 2, "Monday once, and Thursday from the coordinator: {availability:?}");
    assert!(availability.iter().all(|a| *a == drivers[0]), "both are the one driver's: {availability:?}");
    assert_eq!(destinations.len(), 1, "one hospital: {destinations:?}");
    assert_eq!(snapshot(&coordinator.state), (drivers, availability, destinations), "the same on both");
    let broken: i64 = coordinator
        .state
        .read(|conn| Ok(conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(broken, 0);
    for state in [&secretary.state, &coordinator.state] {
        let listed = made_twice(state);
        let columns: Vec<&str> = listed.iter().map(|c| c.column.as_str()).collect();
        assert!(columns.contains(&"vehicle_make"), "the other car is listed: {listed:?}");
        assert!(columns.contains(&"name"), "the other spelling is listed: {listed:?}");
    }
}
