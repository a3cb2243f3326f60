//! Mileage claims at the HMRC rates: the split at 10,000 miles across 5 and 6 April, and
//! miles driven for other organisations counted first.

use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::print::Profile;

use crate::drivers::{day, done_trip, driver, passenger_and_destination, NOW};
use crate::print::tool;
use crate::support::temp_store;

#[test]
fn a_mileage_claim_across_5_and_6_april_splits_the_rates_by_tax_year() {
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let place = passenger_and_destination(&store);
    // 9,990 miles earlier in the 2026–27 tax year, then 20 miles on 5 April and 20 on 6 April 2027.
    for (on, miles) in [
        ("2026-06-01", "1998"),
        ("2026-07-01", "1998"),
        ("2026-08-03", "1998"),
        ("2026-09-01", "1998"),
        ("2026-10-01", "1998"),
        ("2027-04-05", "20"),
        ("2027-04-06", "20"),
    ] {
        done_trip(&store, ann, place, day(on), miles);
    }
    let claim = store
        .state
        .read(|conn| {
            ppg_desk_core::drivers::mileage::claim_for(
                conn,
                ann,
                day("2027-04-01"),
                day("2027-04-30"),
                day("2027-05-01"),
            )
        })
        .unwrap();
    assert_eq!(claim.lines.len(), 2);
    assert_eq!(
        (claim.lines[0].high_tenths, claim.lines[0].low_tenths),
        (100, 100),
        "10 miles left at 45p on 5 April, 10 at 25p"
    );
    assert_eq!((claim.lines[1].high_tenths, claim.lines[1].low_tenths), (200, 0), "a new tax year on 6 April");
    assert_eq!(claim.total_pence, 450 + 250 + 900);
    let october = store
        .state
        .read(|conn| {
            ppg_desk_core::drivers::mileage::claim_for(
                conn,
                ann,
                day("2026-10-01"),
                day("2026-10-31"),
                day("2027-05-01"),
            )
        })
        .unwrap();
    assert!(
        october.warning.unwrap().contains("has driven 9,990 miles for the scheme in the 2026–27 tax year"),
        "warned near 10,000"
    );
    let june = store
        .state
        .read(|conn| {
            ppg_desk_core::drivers::mileage::claim_for(
                conn,
                ann,
                day("2026-06-01"),
                day("2026-06-30"),
                day("2027-05-01"),
            )
        })
        .unwrap();
    assert_eq!(june.warning, None);

    let settings = ppg_desk_core::settings::Settings { group_name: "Test PPG".into(), ..Default::default() };
    store.state.write(|tx| ppg_desk_core::settings::save(tx, &settings, NOW)).unwrap();
    let pdf = documents::render(
        &store.state,
        &DocumentKind::MileageClaim { driver_id: ann, month: "2027-04".into() },
        Profile::LargePrint,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Ann Archer: April 2027"), "{text}");
    assert!(text.contains("£16.00"), "the total is printed: {text}");
    assert!(text.contains("Driver's signature"));
}

#[test]
fn miles_for_other_organisations_count_first_towards_the_10000() {
    use ppg_desk_core::drivers::{self, mileage};
    let store = temp_store();
    let ann = driver(&store, "Ann Archer", &[]);
    let date = day("2026-11-10");
    done_trip(&store, ann, passenger_and_destination(&store), date, "30");
    let claim = |s: &ppg_desk_core::state::AppState| {
        s.read(|conn| mileage::claim_for(conn, ann, day("2026-11-01"), day("2026-11-30"), day("2026-12-01"))).unwrap()
    };
    assert_eq!(
        (claim(&store.state).lines[0].high_tenths, claim(&store.state).other_tenths),
        (300, 0),
        "all 30 miles at 45p"
    );

    // She has driven 9,990 miles for the hospital's own scheme this tax year.
    store.state.write(|tx| mileage::save_other_miles(tx, ann, day("2026-11-30"), "9,990", date, NOW)).unwrap();
    // Nonsense is refused beside the field and what was saved stays.
    let Err(ppg_desk_core::error::Error::Invalid(fields)) =
        store.state.write(|tx| mileage::save_other_miles(tx, ann, day("2026-11-30"), "lots", date, NOW))
    else {
        panic!("\"lots\" is not a number of miles")
    };
    assert_eq!(
        (fields[0].field.as_str(), fields[0].message.as_str()),
        ("otherMiles", "This is not a number of miles: please write it like 2,400.")
    );
    let after = claim(&store.state);
    assert_eq!((after.lines[0].high_tenths, after.lines[0].low_tenths), (100, 200), "10 miles left at 45p, 20 at 25p");
    assert_eq!(after.total_pence, 450 + 500);
    assert_eq!((after.tax_year.as_str(), after.other_tenths, after.past_threshold), ("2026–27", 99_900, true));
    let warning = after.warning.unwrap();
    assert!(
        warning.contains(
            "10,020 business miles in the 2026–27 tax year: 30 for the scheme and 9,990 for other organisations"
        ),
        "{warning}"
    );
    let settings = ppg_desk_core::settings::Settings { group_name: "Test PPG".into(), ..Default::default() };
    store.state.write(|tx| ppg_desk_core::settings::save(tx, &settings, NOW)).unwrap();
    let pdf = documents::render(
        &store.state,
        &DocumentKind::MileageClaim { driver_id: ann, month: "2026-11".into() },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Miles driven for other organisations in the 2026–27 tax year, as the driver told us: 9,990."),
        "{text}"
    );

    // The next tax year starts again from nothing, and the database refuses nonsense.
    let next = store.state.read(|conn| drivers::other_miles(conn, ann, day("2027-04-06"))).unwrap();
    assert_eq!(next, 0);
    let refused = store.state.write(|tx| drivers::set_other_miles(tx, ann, day("2026-11-10"), 10, NOW));
    assert!(refused.is_err(), "a tax year starts on 6 April");
    let refused = store.state.write(|tx| drivers::set_other_miles(tx, ann, day("2026-04-06"), -5, NOW));
    assert!(refused.is_err(), "miles cannot be negative");
}
