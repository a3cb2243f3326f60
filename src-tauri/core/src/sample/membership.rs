//! The sample PPG's picture of whom it speaks for: most members gave equality answers (a few
//! preferred not to say), the practice's patients by group, and two recruitment efforts.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::error::Result;
use crate::membership::{self, Dimension, MemberProfile, Recruitment};
use crate::people::{self, PeopleFilter, PeopleQuery};

/// (name, age band, sex, ethnic group, carer, long-term condition)
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const ANSWERS: [(&str, &str, &str, &str, &str, &str); 12] = [
    ("Margaret Ellis", "65-79", "female", "white", "no", "yes"),
    ("Zoë Brontë-Smith", "40-64", "female", "mixed", "no", "no"),
    ("Siobhán O'Connor", "65-79", "female", "white", "yes", "no"),
    ("Łukasz Nowak", "40-64", "male", "white", "no", "no"),
    ("Aisha Begum", "40-64", "female", "asian", "yes", "prefer_not"),
    ("David Thompson", "80+", "male", "white", "no", "yes"),
    ("Priya Sharma", "18-39", "female", "asian", "no", "no"),
    ("Graham Whitfield", "65-79", "male", "white", "no", "yes"),
    ("Olusegun Adeyemi", "40-64", "male", "black", "no", "no"),
    ("Jan Kowalski", "65-79", "male", "white", "no", "yes"),
    ("Fatima Hussain", "prefer_not", "female", "prefer_not", "prefer_not", "prefer_not"),
    ("Rhiannon Jones", "18-39", "female", "white", "yes", "no"),
];

#[rustfmt::skip] // the practice's figures, group by group
const PRACTICE: [(Dimension, &[(&str, u32)]); 5] = [
    (Dimension::Age, &[("0-17", 2100), ("18-39", 3400), ("40-64", 3150), ("65-79", 1300), ("80+", 450)]),
    (Dimension::Sex, &[("female", 5260), ("male", 5140)]),
    (Dimension::Ethnic, &[("asian", 940), ("black", 360), ("mixed", 310), ("white", 8540), ("other", 250)]),
    (Dimension::Carer, &[("yes", 1040), ("no", 9360)]),
    (Dimension::Condition, &[("yes", 3330), ("no", 7070)]),
];

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    let everyone = people::list(tx, &PeopleQuery { search: String::new(), filter: PeopleFilter::Everyone }, today)?;
    let consent_on = (today - Duration::days(200)).to_string();
    for (name, age, sex, ethnic, carer, condition) in ANSWERS {
        let Some(person) = everyone.iter().find(|p| p.full_name == name) else { continue };
        let answer = |a: &str| Some(a.to_string());
        membership::save_profile(
            tx,
            &MemberProfile {
                person_id: person.id,
                consent_on: consent_on.clone(),
                age_band: answer(age),
                sex: answer(sex),
                ethnic: answer(ethnic),
                carer: answer(carer),
                condition: answer(condition),
            },
        )?;
    }
    for (dimension, groups) in PRACTICE {
        let groups: Vec<(String, u32)> = groups.iter().map(|(g, n)| (g.to_string(), *n)).collect();
        membership::save_practice(
            tx,
            dimension,
            &groups,
            today - Duration::days(30),
            "Typed in from the practice's figures",
        )?;
    }
    for (days, what, aimed_at, result, joined) in [
        (
            150,
            "A stall at the baby clinic",
            "Parents of young children",
            "Twelve parents took a leaflet; two joined the virtual PPG.",
            2,
        ),
        (
            60,
            "A leaflet in Polish and Bengali in the waiting room",
            "Patients who speak Polish or Bengali",
            "One new member, who now helps translate notices.",
            1,
        ),
    ] {
        let entry = Recruitment {
            id: None,
            done_on: (today - Duration::days(days)).to_string(),
            what: what.into(),
            aimed_at: aimed_at.into(),
            result: result.into(),
            joined,
        };
        membership::save_recruitment(tx, &entry, now)?;
    }
    Ok(())
}
