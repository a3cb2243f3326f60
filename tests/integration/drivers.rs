//! The driver scheme through the same rules as the window: checks and the dashboard card,
//! suggesting and assigning (clashes refused, other problems needing a reason that is kept),
//! a weekly series, mileage across the tax-year line, calendars read by a standard parser,
//! the printed rota, trip sheet and claim, and what the database itself refuses.

use chrono::{Duration, NaiveDate};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::drivers::assign;
use ppg_desk_core::drivers::rules::Slot;
use ppg_desk_core::drivers::trips::{self, TripInput, TripStatus};
use ppg_desk_core::drivers::{self, CheckInput, CheckKind, DestinationInput, DriverInput, PassengerInput};
use ppg_desk_core::error::Error;
use ppg_desk_core::print::Profile;

use crate::print::{sample_store, tool};
use crate::support::{add_person, temp_store, TempStore};

pub(crate) const NOW: &str = "2026-11-24T10:00:00";

pub(crate) fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

pub(crate) fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// A driver free every weekday 8am to 6pm, with every check in date for a year unless `tweak` says otherwise.
pub(crate) fn driver(store: &TempStore, name: &str, expires: &[(CheckKind, &str)]) -> i64 {
    let person = add_person(&store.state, name, |_| {});
    let input = DriverInput {
        person_id: Some(person),
        registration: "rv19 abc".into(),
        active: true,
        availability: ["mon", "tue", "wed", "thu", "fri"]
            .iter()
            .map(|d| Slot { day: d.to_string(), from: "08:00".into(), to: "18:00".into() })
            .collect(),
        ..Default::default()
    };
    let today = day("2026-11-24");
    store
        .state
        .write(|tx| {
            let id = drivers::insert_driver(tx, &input.checked()?, NOW)?;
            for kind in CheckKind::ALL {
                let on = expires
                    .iter()
                    .find(|(k, _)| k == kind)
                    .map(|(_, on)| on.to_string())
                    .unwrap_or_else(|| "24/11/2027".into());
                let check = CheckInput { kind: Some(*kind), expires_on: on, ..Default::default() };
                drivers::save_check(tx, id, &check.checked(today)?)?;
            }
            Ok(id)
        })
        .unwrap()
}

/// A trip on `date` driven by `driver` and marked done with `miles`.
pub(crate) fn done_trip(
    store: &TempStore,
    driver: i64,
    (passenger, destination): (i64, i64),
    date: NaiveDate,
    miles: &str,
) -> i64 {
    let input = TripInput {
        passenger_id: Some(passenger),
        destination_id: Some(destination),
        goes_on: uk(date),
        pickup_at: "9am".into(),
        appointment_at: "10am".into(),
        ..Default::default()
    };
    let id = store.state.write(|tx| trips::create(tx, &input, date, NOW)).unwrap();
    store
        .state
        .write(|tx| {
            assign::assign(tx, id, driver, "", date, NOW)?;
            trips::mark_done(tx, id, miles, "", date + Duration::days(1), NOW)
        })
        .unwrap();
    id
}

pub(crate) fn passenger_and_destination(store: &TempStore) -> (i64, i64) {
    store
        .state
        .write(|tx| {
            let p = PassengerInput {
                full_name: "Edith Parkinson".into(),
                phone: "01632 960701".into(),
                pickup_address: "3 Willow Close".into(),
                walking_aid: true,
                consent_on: "1/11/2026".into(),
                ..Default::default()
            };
            let p = drivers::insert_passenger(tx, &p.checked(day("2026-11-24"))?, NOW)?;
            let d = drivers::insert_destination(
                tx,
                &DestinationInput { name: "Riverside General Hospital".into(), ..Default::default() }.checked()?,
            )?;
            Ok((p, d))
        })
        .unwrap()
}

pub(crate) fn trip(
    store: &TempStore,
    passenger: i64,
    destination: i64,
    on: &str,
    pickup: &str,
    appointment: &str,
) -> i64 {
    let input = TripInput {
        passenger_id: Some(passenger),
        destination_id: Some(destination),
        goes_on: on.into(),
        pickup_at: pickup.into(),
        appointment_at: appointment.into(),
        back_at: String::new(),
        returns: true,
        ..Default::default()
    };
    store.state.write(|tx| trips::create(tx, &input, day("2026-11-24"), NOW)).unwrap()
}

#[test]
fn suggestions_rank_free_drivers_first_and_assigning_explains_every_problem() {
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let bob = driver(&store, "Bob Baker", &[(CheckKind::Insurance, "30/11/2026")]);
    let (p, d) = passenger_and_destination(&store);
    let today = day("2026-11-24");

    // Bob's insurance has lapsed by 1 December; Ann is free.
    let first = trip(&store, p, d, "1/12/2026", "9am", "10am");
    let suggestions = store.state.read(|conn| assign::suggest(conn, first, today)).unwrap();
    assert_eq!(suggestions[0].name, "Ann Archer");
    assert!(suggestions[0].problems.is_empty());
    assert!(
        suggestions[1].problems[0].text.contains("Insurance for voluntary driving lapsed on Monday 30 November 2026"),
        "{:?}",
        suggestions[1]
    );
    store.state.write(|tx| assign::assign(tx, first, ann, "", today, NOW)).unwrap();

    // A second trip 20 minutes after Ann gets back (a return keeps her three hours) clashes.
    let second = trip(&store, p, d, "1/12/2026", "1.20pm", "2pm");
    let Err(Error::Refused(why)) =
        store.state.write(|tx| assign::assign(tx, second, ann, "She said she could", today, NOW))
    else {
        panic!("a clash is never allowed")
    };
    assert!(
        why.contains("Ann Archer is already driving Edith Parkinson to Riverside General Hospital from 9am"),
        "{why}"
    );
    let ranked = store.state.read(|conn| assign::suggest(conn, second, today)).unwrap();
    assert_eq!(ranked.last().unwrap().name, "Ann Archer", "the clash ranks last");

    // Bob needs a reason, which is kept.
    let Err(Error::Invalid(fields)) = store.state.write(|tx| assign::assign(tx, second, bob, "  ", today, NOW)) else {
        panic!("a lapsed check needs a reason")
    };
    assert_eq!(fields[0].field, "overrideReason");
    assert!(fields[0].message.ends_with("To assign them anyway, say why."));
    store
        .state
        .write(|tx| assign::assign(tx, second, bob, "Renewal seen, certificate in the post", today, NOW))
        .unwrap();
    let kept = store.state.read(|conn| drivers::get_trip(conn, second)).unwrap();
    assert_eq!(
        (kept.status, kept.override_reason.as_str()),
        (TripStatus::Assigned, "Renewal seen, certificate in the post")
    );

    // Fewest trips this month first: with Ann busy once in December, a free Carol comes first.
    let carol = driver(&store, "Carol Cole", &[]);
    let third = trip(&store, p, d, "3/12/2026", "9am", "10am");
    let ranked = store.state.read(|conn| assign::suggest(conn, third, today)).unwrap();
    assert_eq!((ranked[0].driver_id, ranked[1].driver_id), (carol, ann));

    // A Saturday is outside everyone's week: explained, and overridable.
    let saturday = trip(&store, p, d, "5/12/2026", "9am", "10am");
    let ranked = store.state.read(|conn| assign::suggest(conn, saturday, today)).unwrap();
    assert!(ranked.iter().all(|s| s.problems.iter().any(|p| p.text.contains("does not usually drive on Saturdays"))));
}

#[test]
fn a_weekly_series_makes_each_trip_and_statuses_move_only_forward() {
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let (p, d) = passenger_and_destination(&store);
    let input = TripInput {
        passenger_id: Some(p),
        destination_id: Some(d),
        goes_on: "1/12/2026".into(),
        pickup_at: "8.15am".into(),
        appointment_at: "9am".into(),
        returns: true,
        repeat_weeks: Some(1),
        repeat_until: "29/12/2026".into(),
        ..Default::default()
    };
    let first = store.state.write(|tx| trips::create(tx, &input, day("2026-11-24"), NOW)).unwrap();
    let all =
        store.state.read(|conn| drivers::trips_between(conn, day("2026-12-01"), day("2026-12-31"), None)).unwrap();
    assert_eq!(
        all.iter().map(|t| t.goes_on.as_str()).collect::<Vec<_>>(),
        vec!["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29"]
    );
    assert!(all.iter().all(|t| t.series_id.is_some() && t.series_id == all[0].series_id));
    assert_eq!(all[0].pickup_address, "3 Willow Close", "the usual address fills in");

    let Err(Error::Refused(_)) = store.state.write(|tx| trips::set_status(tx, first, TripStatus::Confirmed, NOW))
    else {
        panic!("a trip with no driver cannot be confirmed")
    };
    store.state.write(|tx| assign::assign(tx, first, ann, "", day("2026-11-24"), NOW)).unwrap();
    store.state.write(|tx| trips::set_status(tx, first, TripStatus::Confirmed, NOW)).unwrap();
    let Err(Error::Refused(why)) =
        store.state.write(|tx| trips::mark_done(tx, first, "12", "", day("2026-11-24"), NOW))
    else {
        panic!("not done before it happens")
    };
    assert!(why.contains("not happened yet"));
    store.state.write(|tx| trips::mark_done(tx, first, "12.5", "£3", day("2026-12-01"), NOW)).unwrap();
    let done = store.state.read(|conn| drivers::get_trip(conn, first)).unwrap();
    assert_eq!((done.status, done.miles_tenths, done.donation_pence), (TripStatus::Done, Some(125), Some(300)));
}

#[test]
fn a_drivers_calendar_is_in_uk_local_time_for_a_standard_parser() {
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let (p, d) = passenger_and_destination(&store);
    {
        let id = trip(&store, p, d, "1/12/2026", "9am", "10am");
        store.state.write(|tx| assign::assign(tx, id, ann, "", day("2026-11-24"), NOW)).unwrap();
    }
    let (text, count) = store
        .state
        .read(|conn| ppg_desk_core::drivers::views::calendar_for(conn, ann, day("2026-11-24"), store.state.now()))
        .unwrap();
    assert_eq!(count, 1);
    let calendars: Vec<_> =
        ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())).collect::<Result<_, _>>().expect("parses");
    let calendar = &calendars[0];
    assert_eq!(calendar.timezones.len(), 1, "the Europe/London rules are included");
    let event = &calendar.events[0];
    let start = event.properties.iter().find(|p| p.name == "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20261201T090000"), "9am local, not UTC");
    let params = start.params.clone().unwrap_or_default();
    assert!(params.iter().any(|(k, v)| k == "TZID" && v == &vec!["Europe/London".to_string()]), "{params:?}");
    let end = event.properties.iter().find(|p| p.name == "DTEND").unwrap();
    assert_eq!(end.value.as_deref(), Some("20261201T130000"), "back three hours after the appointment");
    assert_eq!(text.matches("PRODID").count(), 1);
}

#[test]
fn the_sample_scheme_warns_on_the_dashboard_and_prints_its_week() {
    let store = sample_store();
    let today = store.state.today();
    let drivers = store.state.read(|conn| drivers::drivers(conn, today)).unwrap();
    assert_eq!(
        (drivers.len(), drivers.iter().filter(|d| d.active).count()),
        (9, 8),
        "eight drivers and one former driver"
    );
    let retention = store.state.read(|conn| ppg_desk_core::dashboard::dashboard(conn, today)).unwrap().retention;
    assert_eq!(
        (retention.former_drivers, retention.referrals),
        (1, 1),
        "the former driver and an old closed referral are due to clear out"
    );
    let card = store.state.read(|conn| ppg_desk_core::dashboard::driver_card(conn, today)).unwrap();
    assert!(
        card.check_warnings
            .iter()
            .any(|w| w.starts_with("David Thompson: Insurance for voluntary driving expires in 21 days")),
        "{card:?}"
    );
    assert!(card.check_warnings.iter().any(|w| w.starts_with("Peter Wright: MOT lapsed on")), "{card:?}");

    let week = trips::week_name(today);
    let monday = trips::parse_week(&week).unwrap();
    let listed =
        store.state.read(|conn| drivers::trips_between(conn, monday, monday + Duration::days(6), None)).unwrap();
    assert!(!listed.is_empty(), "the sample has trips this week");
    let rota = documents::render(
        &store.state,
        &DocumentKind::Rota { week: week.clone() },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &rota).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Driver rota"));
    for t in listed.iter().filter(|t| t.status != TripStatus::Cancelled) {
        assert!(text.contains(&t.passenger_name), "{} is on the rota", t.passenger_name);
    }
    let with_driver = listed.iter().find(|t| t.driver_id.is_some()).expect("a trip with a driver this week");
    let sheet = documents::render(
        &store.state,
        &DocumentKind::TripSheet { driver_id: with_driver.driver_id.unwrap(), week },
        Profile::LargePrint,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &sheet).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&with_driver.passenger_phone), "the trip sheet has the passenger's phone");
}

#[test]
fn the_database_refuses_what_the_rules_refuse() {
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let (p, d) = passenger_and_destination(&store);
    let id = trip(&store, p, d, "1/12/2026", "9am", "10am");
    let bad = [
        format!("UPDATE trips SET status = 'assigned' WHERE id = {id}"),
        format!("UPDATE trips SET miles_tenths = 50 WHERE id = {id}"),
        format!("UPDATE trips SET pickup_at = '25:00' WHERE id = {id}"),
        "INSERT INTO passengers (full_name, pickup_address, consent_on, created_at, updated_at) VALUES ('X', 'Y', '', '', '')".to_string(),
        format!("INSERT INTO driver_checks (driver_id, kind, expires_on) VALUES ({ann}, 'tax', '2027-01-01')"),
        format!("UPDATE drivers SET registration = 'ab12 cde' WHERE id = {ann}"),
    ];
    for sql_text in bad {
        assert!(store.state.write(|tx| Ok(tx.execute(&sql_text, [])?)).is_err(), "the database refuses: {sql_text}");
    }
    // A driver leaving PPG Desk hands their coming trips back.
    store.state.write(|tx| assign::assign(tx, id, ann, "", day("2026-11-24"), NOW)).unwrap();
    let person = store.state.read(|conn| drivers::get_driver(conn, ann, day("2026-11-24"))).unwrap().person_id;
    let preview = store.state.read(|conn| ppg_desk_core::people::erasure_preview_for(conn, person)).unwrap();
    assert!(
        preview.removes.last().unwrap().starts_with("their driver record"),
        "erasing says what goes: {:?}",
        preview.removes
    );
    store.state.write(|tx| ppg_desk_core::people::delete(tx, person)).unwrap();
    let back = store.state.read(|conn| drivers::get_trip(conn, id)).unwrap();
    assert_eq!((back.status, back.driver_id), (TripStatus::Requested, None));
}

#[test]
fn the_scheme_summary_adds_up_the_months_and_the_drivers() {
    let store = sample_store();
    let today = store.state.today();
    let (from, to) = ppg_desk_core::drivers::summary::period(3, today);
    let summary = store.state.read(|conn| ppg_desk_core::drivers::summary::summary(conn, from, to)).unwrap();
    let trips = store.state.read(|conn| drivers::trips_between(conn, from, to, None)).unwrap();
    let done = trips.iter().filter(|t| t.status == TripStatus::Done).count() as u32;
    let not_covered = trips.iter().filter(|t| t.status == TripStatus::NotCovered).count() as u32;
    assert!(done > 20, "the sample has months of trips: {done}");
    assert_eq!(summary.total_done(), done);
    assert_eq!(summary.total_not_covered(), not_covered);
    assert!(not_covered > 0, "some sample requests could not be covered");
    assert_eq!(summary.drivers.iter().map(|d| d.trips).sum::<u32>(), done, "every done trip is someone's");
    let miles: i64 = trips.iter().filter_map(|t| t.miles_tenths).sum();
    assert_eq!(summary.months.iter().map(|m| m.miles_tenths).sum::<i64>(), miles);
    let pdf = documents::render(
        &store.state,
        &DocumentKind::SchemeSummary { months: 3 },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&format!("{done} trips made")), "{text}");
}
