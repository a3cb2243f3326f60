//! A person's whole record for a subject access request (someone in People: a member,
//! officer, driver or befriender). Their name is printed inside, never in the document's
//! title, running header or file name.

use super::record::{HeldItem, PassengerAccess, PersonAccess};
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::print::{day_month_year as short, or_not_given as or_none};
use crate::settings::Settings;
use crate::words::spoken_time;

/// A dated list as a two-column table (`date` heads the first column), or `empty` when
/// there is nothing.
fn dated(doc: &mut Document, heading: &str, date: &str, items: &[HeldItem], empty: &str) {
    doc.heading(2, heading);
    if items.is_empty() {
        doc.paragraph(empty);
        return;
    }
    doc.push(Block::Table {
        columns: vec![Column { heading: date.into(), weight: 1.6 }, Column { heading: "What".into(), weight: 5.0 }],
        rows: items.iter().map(|i| vec![i.on.as_deref().map(short).unwrap_or_default(), i.what.clone()]).collect(),
    });
}

/// The start of a record handed over on request: "Everything we hold about you, as at …",
/// marked confidential on every page, and what it is (`what` follows "…holds about you").
pub fn record_document(settings: &Settings, title: &str, as_at: &str, what: &str, logo: Option<Image>) -> Document {
    let mut doc = Document::new(title, &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("Everything we hold about you, as at {}", short(as_at))];
    doc.running_header = format!("{title} (confidential)");
    doc.logo = logo;
    doc.paragraph(format!("This is all the information {} holds about you {what}", settings.group_name));
    doc
}

pub fn person_record(settings: &Settings, a: &PersonAccess, logo: Option<Image>) -> Document {
    let p = &a.person;
    let mut doc = record_document(
        settings,
        "Your record with the PPG",
        &a.produced_on,
        "in PPG Desk. If anything is wrong, please tell us and we will correct it. Other people's details (passengers you drove, people you befriended) are left out.",
        logo,
    );
    doc.heading(2, "About you");
    let ways: Vec<&str> = [(p.contact_by_email, "email"), (p.contact_by_phone, "phone"), (p.contact_by_post, "post")]
        .into_iter()
        .filter(|w| w.0)
        .map(|w| w.1)
        .collect();
    doc.push(Block::KeyValues(vec![
        ("Name".into(), p.full_name.clone()),
        ("Known as".into(), or_none(&p.preferred_name)),
        ("Email".into(), or_none(&p.email)),
        ("Phone".into(), or_none(&p.phone)),
        ("Address".into(), or_none(&p.address)),
        ("Roles".into(), or_none(&p.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", "))),
        ("Joined".into(), p.joined_on.as_deref().map(short).unwrap_or_else(|| "Not recorded".into())),
        ("Left".into(), p.left_on.as_deref().map(short).unwrap_or_else(|| "Still a member".into())),
        (
            "How we may contact you".into(),
            if ways.is_empty() {
                "Not agreed".into()
            } else {
                format!(
                    "By {}{}",
                    ways.join(", "),
                    p.contact_consent_on.as_deref().map(|on| format!(" (agreed {})", short(on))).unwrap_or_default()
                )
            },
        ),
        ("Email lists you are on".into(), or_none(&a.mailing_lists.join(", "))),
        ("Notes".into(), or_none(&p.notes)),
    ]));
    if let Some(e) = &a.equality {
        use crate::membership::Dimension;
        doc.heading(2, "Equality monitoring");
        let mut facts = vec![("You agreed on".to_string(), short(&e.consent_on))];
        for d in Dimension::ALL {
            facts.push((d.title().to_string(), d.answer_words(e.answer(d)).to_string()));
        }
        doc.push(Block::KeyValues(facts));
        doc.paragraph("These answers are used only to compare the PPG's members with the practice's patients, without naming anyone.");
    }
    dated(&mut doc, "Meetings", "Date", &a.meetings, "None recorded.");
    dated(&mut doc, "Actions you took on", "Due", &a.actions, "None.");
    if let Some(d) = &a.driver {
        doc.heading(2, "Volunteer driving");
        let vehicle = d.vehicle_text();
        let mut facts = vec![
            ("Vehicle".into(), or_none(&vehicle)),
            (
                "Seats, wheelchair".into(),
                format!("{} seats{}", d.seats, if d.wheelchair_accessible { ", takes a wheelchair" } else { "" }),
            ),
            (
                "Driving for the scheme".into(),
                if d.active {
                    "Yes".into()
                } else {
                    d.stopped_on
                        .as_deref()
                        .map(|s| format!("Stopped {}", short(s)))
                        .unwrap_or_else(|| "Not at the moment".into())
                },
            ),
            ("Notes".into(), or_none(&d.notes)),
        ];
        for c in &d.checks {
            let text = match (&c.checked_on, &c.expires_on) {
                (_, None) => "Not recorded".to_string(),
                (checked, Some(expires)) => {
                    let mut t = checked.as_deref().map(|on| format!("Checked {}", short(on))).unwrap_or_default();
                    for extra in [c.reference.as_str(), c.outcome.as_str()].into_iter().filter(|x| !x.is_empty()) {
                        t = if t.is_empty() { extra.to_string() } else { format!("{t}, {extra}") };
                    }
                    if t.is_empty() {
                        format!("Runs to {}", short(expires))
                    } else {
                        format!("{t}; runs to {}", short(expires))
                    }
                }
            };
            facts.push((c.kind.label().to_string(), text));
        }
        if !d.availability.is_empty() {
            let week = d
                .availability
                .iter()
                .map(|s| {
                    format!(
                        "{} {} to {}",
                        crate::words::day_name(&s.day).unwrap_or(&s.day),
                        spoken_time(&s.from),
                        spoken_time(&s.to)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            facts.push(("Usual week".into(), week));
        }
        doc.push(Block::KeyValues(facts));
        if !d.absences.is_empty() {
            doc.paragraph("Times away:");
            doc.push(Block::Bullets(
                d.absences
                    .iter()
                    .map(|x| {
                        vec![Run::plain(format!(
                            "{} to {}{}",
                            short(&x.starts_on),
                            short(&x.ends_on),
                            if x.note.is_empty() { String::new() } else { format!(": {}", x.note) }
                        ))]
                    })
                    .collect(),
            ));
        }
        if !a.other_miles.is_empty() {
            doc.push(Block::Bullets(a.other_miles.iter().map(|m| vec![Run::plain(m.what.clone())]).collect()));
        }
        dated(&mut doc, "Trips you drove", "Date", &a.trips, "None yet.");
    }
    if let Some(b) = &a.befriender {
        doc.heading(2, "Befriending (as a volunteer)");
        let days: Vec<&str> = b.days.iter().map(|d| crate::words::day_name(d).unwrap_or(d)).collect();
        doc.push(Block::KeyValues(vec![
            (
                "DBS check".into(),
                b.dbs_checked_on
                    .as_deref()
                    .map(|on| {
                        format!(
                            "Checked {}{}",
                            short(on),
                            if b.dbs_reference.is_empty() { String::new() } else { format!(", {}", b.dbs_reference) }
                        )
                    })
                    .unwrap_or_else(|| "Not recorded".into()),
            ),
            ("DBS renewal".into(), b.dbs_renew_on.as_deref().map(short).unwrap_or_else(|| "Not recorded".into())),
            ("Trained".into(), b.trained_on.as_deref().map(short).unwrap_or_else(|| "Not recorded".into())),
            ("Interests".into(), or_none(&b.interests)),
            ("Languages".into(), or_none(&b.languages)),
            ("Area".into(), or_none(&b.area)),
            ("Days".into(), or_none(&days.join(", "))),
            (
                "Visits or calls".into(),
                match b.contact.as_str() {
                    "visit" => "Visits",
                    "phone" => "Phone calls",
                    _ => "Either",
                }
                .into(),
            ),
            (
                "Gender".into(),
                crate::words::GENDERS
                    .iter()
                    .find(|(key, _)| *key == b.gender)
                    .map(|(_, word)| format!("{}{}", word[..1].to_uppercase(), &word[1..]))
                    .unwrap_or_else(|| "Not recorded".into()),
            ),
            ("People at a time".into(), b.capacity.to_string()),
        ]));
        dated(&mut doc, "People you were matched with", "Matched", &a.matches, "None yet.");
    }
    doc
}

/// A passenger's record for a subject access request: their details and trips (the drivers'
/// names are left out).
pub fn passenger_record(settings: &Settings, a: &PassengerAccess, logo: Option<Image>) -> Document {
    let p = &a.passenger;
    let mut doc = record_document(
        settings,
        "Your record with the volunteer driver scheme",
        &a.produced_on,
        "as a passenger of its volunteer driver scheme. If anything is wrong, please tell us and we will correct it. The drivers' names are left out.",
        logo,
    );
    doc.heading(2, "About you");
    doc.push(Block::KeyValues(vec![
        ("Name".into(), p.full_name.clone()),
        ("Phone".into(), or_none(&p.phone)),
        ("Pick-up address".into(), or_none(&p.pickup_address)),
        ("Getting about".into(), or_none(&p.mobility_text())),
        ("Notes for drivers".into(), or_none(&p.notes)),
        ("You agreed to these details being kept on".into(), short(&p.consent_on)),
    ]));
    dated(&mut doc, "Your trips", "Date", &a.trips, "None.");
    doc
}
