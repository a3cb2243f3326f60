//! Members beside the practice's patients, group by group, in whole percentages, with the
//! gaps of ten points or more said in words ("People aged 18-39 are 34% of the practice's
//! patients and 6% of the PPG's members"). Those who preferred not to say are counted apart
//! and left out of the members' percentages.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{MemberProfile, PracticeGroup};

/// What is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Dimension {
    Age,
    Sex,
    Ethnic,
    Carer,
    Condition,
}

impl Dimension {
    pub const ALL: [Dimension; 5] =
        [Dimension::Age, Dimension::Sex, Dimension::Ethnic, Dimension::Carer, Dimension::Condition];

    /// The form field's and the database's name.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Age => "ageBand",
            Dimension::Sex => "sex",
            Dimension::Ethnic => "ethnic",
            Dimension::Carer => "carer",
            Dimension::Condition => "condition",
        }
    }

    pub fn db_key(self) -> &'static str {
        match self {
            Dimension::Age => "age",
            other => other.key(),
        }
    }

    pub fn from_db_key(key: &str) -> Option<Dimension> {
        Self::ALL.into_iter().find(|d| d.db_key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            Dimension::Age => "Age",
            Dimension::Sex => "Sex",
            Dimension::Ethnic => "Ethnic group",
            Dimension::Carer => "Carers",
            Dimension::Condition => "Long-term condition or disability",
        }
    }

    /// Each group's key and how it is shown.
    pub fn groups(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Dimension::Age => &[
                ("0-17", "Under 18"),
                ("18-39", "18 to 39"),
                ("40-64", "40 to 64"),
                ("65-79", "65 to 79"),
                ("80+", "80 and over"),
            ],
            Dimension::Sex => &[("female", "Female"), ("male", "Male")],
            Dimension::Ethnic => &[
                ("asian", "Asian, Asian British or Asian Welsh"),
                ("black", "Black, Black British, Black Welsh, Caribbean or African"),
                ("mixed", "Mixed or multiple ethnic groups"),
                ("white", "White"),
                ("other", "Another ethnic group"),
            ],
            Dimension::Carer => &[("yes", "A carer"), ("no", "Not a carer")],
            Dimension::Condition => &[("yes", "Has a long-term condition or disability"), ("no", "Does not")],
        }
    }

    /// An answer as a person reads it ("18 to 39", "Prefer not to say", "Not asked").
    pub fn answer_words(self, answer: Option<&str>) -> &'static str {
        match answer {
            None => "Not asked",
            Some("prefer_not") => "Prefer not to say",
            Some(a) => self.groups().iter().find(|(k, _)| *k == a).map(|(_, l)| *l).unwrap_or("Not asked"),
        }
    }

    /// Who a group is, to begin a sentence ("People aged 18 to 39").
    fn who(self, group: &str) -> String {
        match (self, group) {
            (Dimension::Age, "0-17") => "Children and young people under 18".into(),
            (Dimension::Age, "80+") => "People aged 80 and over".into(),
            (Dimension::Age, g) => format!("People aged {}", g.replace('-', " to ")),
            (Dimension::Sex, "female") => "Women".into(),
            (Dimension::Sex, _) => "Men".into(),
            (Dimension::Ethnic, "mixed") => "People of mixed or multiple ethnic groups".into(),
            (Dimension::Ethnic, "other") => "People of another ethnic group".into(),
            (Dimension::Ethnic, g) => {
                let label = self.groups().iter().find(|(k, _)| *k == g).map(|(_, l)| *l).unwrap_or(g);
                format!("{label} people")
            }
            (Dimension::Carer, "yes") => "Carers".into(),
            (Dimension::Carer, _) => "People who are not carers".into(),
            (Dimension::Condition, "yes") => "People with a long-term condition or disability".into(),
            (Dimension::Condition, _) => "People without a long-term condition or disability".into(),
        }
    }
}

/// One group, members beside patients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompareRow {
    pub group: String,
    pub label: String,
    pub members: u32,
    pub member_percent: Option<u32>,
    pub patients: u32,
    pub patient_percent: Option<u32>,
}

/// One dimension compared.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Comparison {
    pub dimension: Dimension,
    pub title: String,
    pub rows: Vec<CompareRow>,
    /// Members who answered this question with a group (not "Prefer not to say").
    pub members_total: u32,
    pub prefer_not: u32,
    pub patients_total: u32,
    /// The gaps of ten points or more, largest first, in words.
    pub gaps: Vec<String>,
}

pub use crate::words::percent;

pub fn compare(dimension: Dimension, profiles: &[&MemberProfile], practice: &[PracticeGroup]) -> Comparison {
    let answers: Vec<&str> = profiles.iter().filter_map(|p| p.answer(dimension)).collect();
    let prefer_not = answers.iter().filter(|a| **a == "prefer_not").count() as u32;
    let members_total = answers.len() as u32 - prefer_not;
    let patients_of =
        |g: &str| practice.iter().find(|p| p.dimension == dimension && p.group == g).map(|p| p.patients).unwrap_or(0);
    let patients_total: u32 = dimension.groups().iter().map(|(g, _)| patients_of(g)).sum();
    let rows: Vec<CompareRow> = dimension
        .groups()
        .iter()
        .map(|(group, label)| {
            let members = answers.iter().filter(|a| *a == group).count() as u32;
            let patients = patients_of(group);
            CompareRow {
                group: group.to_string(),
                label: label.to_string(),
                members,
                member_percent: percent(members, members_total),
                patients,
                patient_percent: percent(patients, patients_total),
            }
        })
        .collect();
    let mut gaps: Vec<(u32, String)> = rows
        .iter()
        .filter_map(|r| {
            let (m, p) = (r.member_percent?, r.patient_percent?);
            (m.abs_diff(p) >= 10).then(|| {
                (
                    m.abs_diff(p),
                    format!(
                        "{} are {p}% of the practice's patients and {m}% of the PPG's members.",
                        dimension.who(&r.group)
                    ),
                )
            })
        })
        .collect();
    gaps.sort_by_key(|g| std::cmp::Reverse(g.0));
    Comparison {
        dimension,
        title: dimension.title().into(),
        rows,
        members_total,
        prefer_not,
        patients_total,
        gaps: gaps.into_iter().map(|g| g.1).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(age: &str) -> MemberProfile {
        MemberProfile {
            person_id: 1,
            consent_on: "2026-01-01".into(),
            age_band: Some(age.into()),
            sex: None,
            ethnic: None,
            carer: None,
            condition: None,
        }
    }

    #[test]
    fn percentages_round_halves_up_and_nothing_of_nothing_is_no_percentage() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13), "12.5 rounds up");
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(percent(3, 0), None);
        assert_eq!(percent(u32::MAX, u32::MAX), Some(100), "no overflow");
    }

    #[test]
    fn members_beside_patients_with_the_gaps_in_words_and_prefer_not_apart() {
        let profiles = [member("65-79"), member("65-79"), member("40-64"), member("18-39"), member("prefer_not")];
        let refs: Vec<&MemberProfile> = profiles.iter().collect();
        let practice: Vec<PracticeGroup> =
            [("0-17", 2000), ("18-39", 3400), ("40-64", 3000), ("65-79", 1200), ("80+", 400)]
                .into_iter()
                .map(|(g, n)| PracticeGroup { dimension: Dimension::Age, group: g.into(), patients: n })
                .collect();
        let c = compare(Dimension::Age, &refs, &practice);
        assert_eq!((c.members_total, c.prefer_not, c.patients_total), (4, 1, 10_000));
        let young = &c.rows[1];
        assert_eq!((young.members, young.member_percent, young.patient_percent), (1, Some(25), Some(34)));
        assert_eq!(c.rows[3].member_percent, Some(50));
        assert_eq!(
            c.gaps,
            [
                "People aged 65 to 79 are 12% of the practice's patients and 50% of the PPG's members.",
                "Children and young people under 18 are 20% of the practice's patients and 0% of the PPG's members.",
            ]
        );
        let none = compare(Dimension::Sex, &refs, &[]);
        assert!(none.gaps.is_empty() && none.rows.iter().all(|r| r.patient_percent.is_none()));
    }

    proptest::proptest! {
        /// Whatever the counts, a percentage is between 0 and 100 and never panics.
        #[test]
        fn any_counts_give_a_percentage_from_0_to_100(whole in 0u32.., share in 0.0f64..=1.0) {
            let part = (f64::from(whole) * share) as u32;
            match percent(part.min(whole), whole) {
                Some(p) => proptest::prop_assert!(p <= 100),
                None => proptest::prop_assert_eq!(whole, 0),
            }
        }
    }
}
