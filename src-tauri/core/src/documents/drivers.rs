//! The driver scheme's paper: the weekly rota for the coordinator (every trip of the week by
//! day, with driver and passenger), each driver's trip sheet for the week (passengers,
//! addresses, times, phone numbers, mobility needs), and the monthly mileage claim form for
//! signature at the HMRC approved rates; and the scheme's summary for reports.

use chrono::{Duration, NaiveDate};

use crate::drivers::mileage::{tax_year_name, tax_year_start, MileageClaim};
use crate::drivers::summary::SchemeSummary;
use crate::drivers::trips::{Trip, TripStatus};
use crate::drivers::Driver;
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::settings::Settings;
use crate::words::spoken_time;
use crate::words::{miles_text, money_text};

fn day_heading(day: NaiveDate) -> String {
    day.format("%A %-d %B").to_string()
}

fn trips_on(trips: &[Trip], day: NaiveDate) -> Vec<&Trip> {
    let iso = day.to_string();
    trips.iter().filter(|t| t.goes_on == iso).collect()
}

/// "9am pick-up, 10.15am appointment, back about 1.15pm" style times for a trip.
fn times_text(t: &Trip) -> String {
    let (back_on, back_at) = t.times().back_local();
    let back = back_at.format("%H:%M").to_string();
    let next_day = if back_on.to_string() != t.goes_on { " (next day)" } else { "" };
    let back = if t.back_at.is_some() {
        format!("back by {}{next_day}", spoken_time(&back))
    } else {
        format!("back about {}{next_day}", spoken_time(&back))
    };
    format!(
        "Pick up {}, appointment {}, {}",
        spoken_time(&t.pickup_at),
        spoken_time(&t.appointment_at),
        if t.returns { back } else { "one way".into() }
    )
}

/// The coordinator's rota for the week starting `monday`.
pub fn rota(settings: &Settings, monday: NaiveDate, trips: &[Trip], logo: Option<Image>) -> Document {
    let sunday = monday + Duration::days(6);
    let mut doc = Document::new("Driver rota", &settings.group_name);
    doc.subtitle = vec![
        settings.group_name.clone(),
        format!("Week of {} to {}", monday.format("%A %-d %B"), sunday.format("%A %-d %B %Y")),
    ];
    doc.running_header = format!("Driver rota, week of {}", monday.format("%-d %B %Y"));
    doc.logo = logo;
    let live: Vec<&Trip> = trips.iter().filter(|t| t.status != TripStatus::Cancelled).collect();
    let unassigned = live.iter().filter(|t| t.status == TripStatus::Requested).count();
    doc.paragraph(format!(
        "{} {} this week{}.",
        live.len(),
        if live.len() == 1 { "trip" } else { "trips" },
        if unassigned > 0 { format!(", {unassigned} still without a driver") } else { String::new() }
    ));
    for offset in 0..7 {
        let day = monday + Duration::days(offset);
        doc.heading(2, day_heading(day));
        let today: Vec<&Trip> =
            trips_on(trips, day).into_iter().filter(|t| t.status != TripStatus::Cancelled).collect();
        if today.is_empty() {
            doc.paragraph("No trips.");
            continue;
        }
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Pick-up".into(), weight: 1.6 },
                Column { heading: "Passenger".into(), weight: 2.6 },
                Column { heading: "Going to".into(), weight: 2.8 },
                Column { heading: "Driver".into(), weight: 2.6 },
            ],
            rows: today
                .iter()
                .map(|t| {
                    let driver = match (&t.driver_name, t.status) {
                        (_, TripStatus::NotCovered) => "COULD NOT BE COVERED".to_string(),
                        (Some(name), TripStatus::Confirmed) => format!("{name} (confirmed)"),
                        (Some(name), _) => name.clone(),
                        (None, _) => "NOT YET ASSIGNED".to_string(),
                    };
                    let passenger = if t.mobility.is_empty() {
                        t.passenger_name.clone()
                    } else {
                        format!("{} ({})", t.passenger_name, t.mobility.to_lowercase())
                    };
                    let going = format!(
                        "{}, appointment {}{}",
                        t.destination_name,
                        spoken_time(&t.appointment_at),
                        if t.returns { ", return" } else { ", one way" }
                    );
                    vec![spoken_time(&t.pickup_at), passenger, going, driver]
                })
                .collect(),
        });
    }
    doc
}

/// One driver's sheet for the week: everything they need in the car.
pub fn trip_sheet(
    settings: &Settings,
    driver: &Driver,
    monday: NaiveDate,
    trips: &[Trip],
    logo: Option<Image>,
) -> Document {
    let mut doc = Document::new("Your trips this week", &settings.group_name);
    doc.subtitle =
        vec![settings.group_name.clone(), format!("{}: week of {}", driver.name, monday.format("%A %-d %B %Y"))];
    doc.running_header = format!("Trips for {}, week of {}", driver.name, monday.format("%-d %B %Y"));
    doc.logo = logo;
    let theirs: Vec<&Trip> = trips
        .iter()
        .filter(|t| {
            t.driver_id == Some(driver.id)
                && matches!(t.status, TripStatus::Assigned | TripStatus::Confirmed | TripStatus::Done)
        })
        .collect();
    if theirs.is_empty() {
        doc.paragraph("You have no trips this week. Thank you for being ready to help.");
        return doc;
    }
    doc.paragraph(format!(
        "{} {}. If you cannot make one, please ring the coordinator as soon as you can. Please keep this sheet private and shred it after the week.",
        theirs.len(),
        if theirs.len() == 1 { "trip" } else { "trips" }
    ));
    for t in theirs {
        doc.heading(2, format!("{}: pick up {}", day_heading(t.times().goes_on), spoken_time(&t.pickup_at)));
        let mut pairs = vec![
            ("Passenger".to_string(), t.passenger_name.clone()),
            (
                "Phone".to_string(),
                if t.passenger_phone.is_empty() { "None given".into() } else { t.passenger_phone.clone() },
            ),
            ("Pick up from".to_string(), t.pickup_address.clone()),
            (
                "Going to".to_string(),
                [t.destination_name.clone(), t.destination_address.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("Times".to_string(), times_text(t)),
        ];
        if !t.mobility.is_empty() || t.escort {
            let mut needs = t.mobility.clone();
            if t.escort {
                needs = if needs.is_empty() {
                    "An escort comes too".into()
                } else {
                    format!("{needs}; an escort comes too")
                };
            }
            pairs.push(("Mobility".to_string(), needs));
        }
        if !t.notes.is_empty() {
            pairs.push(("Notes".to_string(), t.notes.clone()));
        }
        pairs.push(("Miles driven".to_string(), "__________".into()));
        doc.push(Block::KeyValues(pairs));
    }
    doc
}

/// The month's mileage claim for signature.
pub fn mileage_claim(
    settings: &Settings,
    claim: &MileageClaim,
    trips: &[Trip],
    driver: &Driver,
    logo: Option<Image>,
) -> Document {
    let first = NaiveDate::parse_from_str(&format!("{}-01", claim.month), "%Y-%m-%d").unwrap_or_default();
    let mut doc = Document::new("Volunteer driver mileage claim", &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("{}: {}", driver.name, first.format("%B %Y"))];
    doc.running_header = format!("Mileage claim, {}, {}", driver.name, first.format("%B %Y"));
    doc.logo = logo;
    doc.paragraph(format!(
        "Paid at the HMRC approved mileage rates for volunteer drivers: 45p a mile for the first 10,000 business miles in the tax year (from 6 April), then 25p a mile. Tax year: {}.",
        tax_year_name(tax_year_start(first))
    ));
    if claim.other_tenths > 0 {
        doc.paragraph(format!(
            "Miles driven for other organisations in the {} tax year, as the driver told us: {}. They count towards the 10,000 first.",
            claim.tax_year,
            miles_text(claim.other_tenths)
        ));
    }
    if claim.lines.is_empty() {
        doc.paragraph("No miles were recorded for this month.");
    } else {
        let destination =
            |id: i64| trips.iter().find(|t| t.id == id).map(|t| t.destination_name.clone()).unwrap_or_default();
        let mut rows: Vec<Vec<String>> = claim
            .lines
            .iter()
            .map(|l| {
                let on = NaiveDate::parse_from_str(&l.on, "%Y-%m-%d")
                    .map(|d| d.format("%-d %b %Y").to_string())
                    .unwrap_or_default();
                vec![
                    on,
                    destination(l.trip_id),
                    miles_text(l.tenths),
                    miles_text(l.high_tenths),
                    miles_text(l.low_tenths),
                    money_text(l.pence),
                ]
            })
            .collect();
        let high: i64 = claim.lines.iter().map(|l| l.high_tenths).sum();
        let low: i64 = claim.lines.iter().map(|l| l.low_tenths).sum();
        rows.push(vec![
            "Total".into(),
            String::new(),
            miles_text(claim.total_tenths),
            miles_text(high),
            miles_text(low),
            money_text(claim.total_pence),
        ]);
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Date".into(), weight: 2.0 },
                Column { heading: "To".into(), weight: 3.2 },
                Column { heading: "Miles".into(), weight: 1.3 },
                Column { heading: "At 45p".into(), weight: 1.3 },
                Column { heading: "At 25p".into(), weight: 1.3 },
                Column { heading: "Amount".into(), weight: 1.6 },
            ],
            rows,
        });
    }
    doc.push(Block::Paragraph(vec![Run::bold("Amount claimed: "), Run::plain(money_text(claim.total_pence))]));
    if claim.donations_pence > 0 {
        doc.paragraph(format!("Passengers gave donations of {} on these trips; they are recorded separately and are not part of this claim.", money_text(claim.donations_pence)));
    }
    if let Some(warning) = &claim.warning {
        doc.push(Block::Paragraph(vec![Run::bold("Please note: "), Run::plain(warning.clone())]));
    }
    doc.heading(2, "Declaration");
    doc.paragraph(
        "I made these journeys as a volunteer driver for the scheme, and I have not claimed for them anywhere else.",
    );
    doc.push(Block::KeyValues(vec![
        ("Driver's signature".into(), "______________________________".into()),
        ("Date".into(), "______________".into()),
        ("Approved by (coordinator)".into(), "______________________________".into()),
        ("Date paid".into(), "______________".into()),
    ]));
    doc
}

/// The scheme's summary: trips, miles and donations by month, what could not be covered,
/// and each driver's totals.
pub fn summary(settings: &Settings, s: &SchemeSummary, logo: Option<Image>) -> Document {
    let long = |iso: &str| {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_default()
    };
    let mut doc = Document::new("Volunteer driver scheme: summary", &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("{} to {}", long(&s.from), long(&s.to))];
    doc.running_header = "Volunteer driver scheme: summary".into();
    doc.logo = logo;
    let miles: i64 = s.months.iter().map(|m| m.miles_tenths).sum();
    let donations: i64 = s.months.iter().map(|m| m.donations_pence).sum();
    doc.paragraph(format!(
        "{} trips made, {} miles driven, {} in donations. {} {} could not be covered.",
        s.total_done(),
        miles_text(miles),
        money_text(donations),
        s.total_not_covered(),
        if s.total_not_covered() == 1 { "request" } else { "requests" }
    ));
    doc.heading(2, "Month by month");
    doc.push(Block::Table {
        columns: vec![
            Column { heading: "Month".into(), weight: 2.4 },
            Column { heading: "Trips made".into(), weight: 1.5 },
            Column { heading: "Not covered".into(), weight: 1.5 },
            Column { heading: "Cancelled".into(), weight: 1.5 },
            Column { heading: "Miles".into(), weight: 1.5 },
            Column { heading: "Donations".into(), weight: 1.6 },
        ],
        rows: s
            .months
            .iter()
            .map(|m| {
                let month = NaiveDate::parse_from_str(&format!("{}-01", m.month), "%Y-%m-%d")
                    .map(|d| d.format("%B %Y").to_string())
                    .unwrap_or_default();
                vec![
                    month,
                    m.done.to_string(),
                    m.not_covered.to_string(),
                    m.cancelled.to_string(),
                    miles_text(m.miles_tenths),
                    money_text(m.donations_pence),
                ]
            })
            .collect(),
    });
    doc.heading(2, "Drivers");
    doc.push(Block::Table {
        columns: vec![
            Column { heading: "Driver".into(), weight: 4.0 },
            Column { heading: "Trips".into(), weight: 1.5 },
            Column { heading: "Miles".into(), weight: 1.5 },
        ],
        rows: s.drivers.iter().map(|d| vec![d.name.clone(), d.trips.to_string(), miles_text(d.miles_tenths)]).collect(),
    });
    doc
}
