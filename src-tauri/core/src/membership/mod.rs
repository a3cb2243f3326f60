//! Whom the PPG speaks for: members' own equality answers (special category data, given with
//! their own consent, "Prefer not to say" everywhere, kept on this laptop only), the
//! practice's registered patients group by group, the two side by side with the gaps in
//! words, and what the PPG did to reach the groups it under-represents.

pub mod compare;
pub mod practice_csv;
mod sql;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;

pub use compare::{compare, Comparison, Dimension};

/// A member's answers, as saved. Each answer is a group's key, `prefer_not`, or `None` (not asked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberProfile {
    #[ts(type = "number")]
    pub person_id: i64,
    /// When they agreed to give these answers (ISO when saved; as typed in the form).
    pub consent_on: String,
    pub age_band: Option<String>,
    pub sex: Option<String>,
    pub ethnic: Option<String>,
    pub carer: Option<String>,
    pub condition: Option<String>,
}

impl MemberProfile {
    /// The answer for `dimension`.
    pub fn answer(&self, dimension: Dimension) -> Option<&str> {
        match dimension {
            Dimension::Age => self.age_band.as_deref(),
            Dimension::Sex => self.sex.as_deref(),
            Dimension::Ethnic => self.ethnic.as_deref(),
            Dimension::Carer => self.carer.as_deref(),
            Dimension::Condition => self.condition.as_deref(),
        }
    }

    /// Checks the form: the consent date is needed, and each answer must be one of its groups.
    pub fn checked(&self, today: NaiveDate) -> Result<MemberProfile> {
        let mut c = Checker::new();
        let consent = c.date("consentOn", &self.consent_on);
        if consent.is_none() && !c.has_error("consentOn") {
            c.fail("consentOn", "Please give the date they agreed to share this, for example 14/3/2026.");
        }
        if consent.is_some_and(|d| d > today) {
            c.fail("consentOn", "This date is in the future. Please give the day they agreed.");
        }
        let mut answers = Vec::new();
        for dimension in Dimension::ALL {
            let answer = self.answer(dimension).map(str::trim).filter(|a| !a.is_empty());
            if let Some(a) = answer {
                if a != "prefer_not" && !dimension.groups().iter().any(|(key, _)| *key == a) {
                    c.fail(dimension.key(), "Please choose one of the answers given.");
                }
            }
            answers.push(answer.map(str::to_string));
        }
        c.finish()?;
        let [age_band, sex, ethnic, carer, condition]: [Option<String>; 5] =
            answers.try_into().unwrap_or_else(|_| Default::default());
        Ok(MemberProfile {
            person_id: self.person_id,
            consent_on: consent.map(|d| d.to_string()).unwrap_or_default(),
            age_band,
            sex,
            ethnic,
            carer,
            condition,
        })
    }
}

/// One person's answers, if they gave any.
pub fn profile(conn: &Connection, person_id: i64) -> Result<Option<MemberProfile>> {
    sql::profile(conn, person_id)
}

/// Saves a member's answers (already checked).
pub fn save_profile(conn: &Connection, profile: &MemberProfile) -> Result<()> {
    sql::save_profile(conn, profile)
}

/// Takes a member's answers away (they withdrew their consent).
pub fn remove_profile(conn: &Connection, person_id: i64) -> Result<()> {
    sql::remove_profile(conn, person_id)
}

/// The practice's patients in one group, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PracticeGroup {
    pub dimension: Dimension,
    pub group: String,
    pub patients: u32,
}

/// The practice's patients as typed in: the groups of one dimension, replacing what was there.
pub fn save_practice(
    conn: &Connection,
    dimension: Dimension,
    groups: &[(String, u32)],
    as_at: NaiveDate,
    source: &str,
) -> Result<()> {
    for (group, _) in groups {
        if !dimension.groups().iter().any(|(key, _)| key == group) {
            return Err(crate::error::Error::invalid(dimension.key(), "Please use the groups given."));
        }
    }
    sql::save_practice(conn, dimension, groups, &as_at.to_string(), source)
}

/// What the PPG did to reach more of the practice's patients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recruitment {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// ISO when saved; as typed in the form.
    pub done_on: String,
    pub what: String,
    pub aimed_at: String,
    pub result: String,
    pub joined: u32,
}

impl Recruitment {
    pub fn checked(&self, today: NaiveDate) -> Result<Recruitment> {
        let mut c = Checker::new();
        let done_on = c.date("doneOn", &self.done_on);
        if done_on.is_none() && !c.has_error("doneOn") {
            c.fail("doneOn", "Please give the date, for example 14/3/2026.");
        }
        if done_on.is_some_and(|d| d > today) {
            c.fail("doneOn", "This date is in the future: log it once it has happened.");
        }
        let what = c.text(
            "what",
            &self.what,
            500,
            Some("Please say what the PPG did, for example \"A stall at the baby clinic\"."),
        );
        let aimed_at = c.text("aimedAt", &self.aimed_at, 200, None);
        let result = c.text("result", &self.result, 1000, None);
        if self.joined > 10_000 {
            c.fail("joined", "Please give how many joined: a number up to 10,000.");
        }
        c.finish()?;
        Ok(Recruitment {
            id: self.id,
            done_on: done_on.map(|d| d.to_string()).unwrap_or_default(),
            what,
            aimed_at,
            result,
            joined: self.joined,
        })
    }
}

pub fn recruitment(conn: &Connection) -> Result<Vec<Recruitment>> {
    sql::recruitment(conn)
}

pub fn save_recruitment(conn: &Connection, r: &Recruitment, now: &str) -> Result<i64> {
    sql::save_recruitment(conn, r, now)
}

pub fn delete_recruitment(conn: &Connection, id: i64) -> Result<()> {
    sql::delete_recruitment(conn, id)
}

/// Everything the "Who we speak for" page shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MembershipPage {
    pub comparisons: Vec<Comparison>,
    pub practice: Vec<PracticeGroup>,
    /// When the practice's figures are from, and where they came from.
    pub practice_as_at: Option<String>,
    pub practice_source: String,
    /// Current members, and how many of them gave any answers.
    pub members: u32,
    pub members_answered: u32,
    pub recruitment: Vec<Recruitment>,
}

pub fn page(conn: &Connection, today: NaiveDate) -> Result<MembershipPage> {
    let members = sql::current_members(conn, &today.to_string())?;
    let profiles = sql::profiles(conn)?;
    let answered: Vec<&MemberProfile> = profiles.iter().filter(|p| members.contains(&p.person_id)).collect();
    let practice = sql::practice(conn)?;
    let (as_at, source) = sql::practice_source(conn)?;
    Ok(MembershipPage {
        comparisons: Dimension::ALL.into_iter().map(|d| compare(d, &answered, &practice)).collect(),
        practice,
        practice_as_at: as_at,
        practice_source: source,
        members: members.len() as u32,
        members_answered: answered.len() as u32,
        recruitment: sql::recruitment(conn)?,
    })
}

/// Reads NHS Digital's file for the practice `code` and saves its age and sex groups; a file
/// with any bad line of this practice's is refused whole, with each line's problem.
pub fn import_practice(
    conn: &Connection,
    text: &str,
    code: &str,
    today: NaiveDate,
) -> Result<crate::csvfile::ImportReport> {
    let (registered, problems) = practice_csv::read(text, code)?;
    if !problems.is_empty() {
        return Ok(crate::csvfile::ImportReport::refused(problems));
    }
    let when =
        if registered.extract_date.is_empty() { String::new() } else { format!(", {}", registered.extract_date) };
    let source = format!("NHS Digital, patients registered at practice {}{when}", code.trim().to_uppercase());
    let ages: Vec<(String, u32)> =
        Dimension::Age.groups().iter().zip(registered.age).map(|((g, _), n)| (g.to_string(), n)).collect();
    save_practice(conn, Dimension::Age, &ages, today, &source)?;
    let sexes = [("female".to_string(), registered.female), ("male".to_string(), registered.male)];
    save_practice(conn, Dimension::Sex, &sexes, today, &source)?;
    Ok(crate::csvfile::ImportReport { imported: ages.len() + sexes.len(), problems: Vec::new() })
}
