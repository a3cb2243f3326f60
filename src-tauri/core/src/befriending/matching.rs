//! Befrienders and matching: a befriender's record (the fact of their DBS check, training,
//! interests, languages, area, days, visit or phone, gender, capacity), ranking befrienders
//! for someone waiting with the reasons in words, making a match (only from "waiting for a
//! match") and recording the first meeting, which makes the match active.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::rules::{suitability, Offers, Stage, Wants};
use super::{match_sql, sql};
pub use super::{Befriender, BefrienderInput, CheckedBefriender};
use crate::check::Checker;
use crate::error::{Error, Result};

impl BefrienderInput {
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedBefriender> {
        let mut c = Checker::new();
        let person_id = self.person_id.unwrap_or_else(|| {
            c.fail("personId", "Please choose who the befriender is (add them in People first).");
            0
        });
        let mut input = self.clone();
        let checked_on = c.date("dbsCheckedOn", &self.dbs_checked_on);
        let renew_on = c.date("dbsRenewOn", &self.dbs_renew_on);
        let trained_on = c.date("trainedOn", &self.trained_on);
        for (field, date) in [("dbsCheckedOn", checked_on), ("trainedOn", trained_on)] {
            if date.is_some_and(|d| d > today) {
                c.fail(field, "This is in the future; give the day it happened.");
            }
        }
        if let (Some(on), Some(renew)) = (checked_on, renew_on) {
            if renew < on {
                c.fail("dbsRenewOn", "The renewal date cannot be before the check.");
            }
        }
        input.dbs_reference = c.text("dbsReference", &self.dbs_reference, 40, None);
        input.interests = c.text("interests", &self.interests, 500, None);
        input.languages = c.text("languages", &self.languages, 200, None);
        input.area = c.text("area", &self.area, 100, None);
        input.days = crate::words::tidy_days(&self.days);
        if !["", "visit", "phone"].contains(&self.contact.as_str()) {
            c.fail("contact", "Please choose visits, phone calls or either.");
        }
        if !crate::words::is_gender_or_none(&self.gender) {
            c.fail("gender", "Please choose from the list.");
        }
        let capacity = match self.capacity.trim() {
            "" => 1,
            t => match t.parse::<u32>() {
                Ok(n) if (1..=6).contains(&n) => n,
                _ => {
                    c.fail("capacity", "Please give how many people they can befriend, from 1 to 6.");
                    1
                }
            },
        };
        c.finish()?;
        let iso = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        Ok(CheckedBefriender {
            input,
            person_id,
            dbs_checked_on: iso(checked_on),
            dbs_renew_on: iso(renew_on),
            trained_on: iso(trained_on),
            capacity,
        })
    }
}

fn words(list: &str) -> Vec<String> {
    list.split([',', ';']).map(|w| w.trim().to_string()).filter(|w| !w.is_empty()).collect()
}

/// A befriender as a candidate for someone: a score, the reasons, or why they cannot be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MatchSuggestion {
    #[ts(type = "number")]
    pub befriender_id: i64,
    pub name: String,
    pub score: u32,
    pub reasons: Vec<String>,
    /// Why they cannot be matched (no room, phone only...), if so.
    pub ruled_out: Option<String>,
}

/// Active befrienders ranked for referral `id`: best first, those ruled out last with why.
pub fn suggest(conn: &Connection, referral_id: i64) -> Result<Vec<MatchSuggestion>> {
    let r = sql::get(conn, referral_id)?;
    let wants = Wants {
        interests: words(&r.interests),
        language: r.language.clone(),
        area: r.area.clone(),
        days: r.days.clone(),
        contact: r.wants_contact.clone(),
        befriender_gender: r.befriender_gender.clone(),
    };
    let mut out: Vec<MatchSuggestion> = match_sql::befrienders(conn)?
        .into_iter()
        .filter(|b| b.active)
        .map(|b| {
            let offers = Offers {
                interests: words(&b.interests),
                languages: words(&b.languages),
                area: b.area.clone(),
                days: b.days.clone(),
                contact: b.contact.clone(),
                gender: b.gender.clone(),
                capacity: b.capacity,
                matched: b.matched,
            };
            match suitability(&wants, &offers) {
                Ok((score, reasons)) => {
                    MatchSuggestion { befriender_id: b.id, name: b.name, score, reasons, ruled_out: None }
                }
                Err(why) => MatchSuggestion {
                    befriender_id: b.id,
                    name: b.name,
                    score: 0,
                    reasons: Vec::new(),
                    ruled_out: Some(why),
                },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (a.ruled_out.is_some(), std::cmp::Reverse(a.score), a.name.clone()).cmp(&(
            b.ruled_out.is_some(),
            std::cmp::Reverse(b.score),
            b.name.clone(),
        ))
    });
    Ok(out)
}

/// Matches someone waiting with a befriender who has room; the referral becomes "matched".
pub fn make_match(conn: &Connection, referral_id: i64, befriender_id: i64, today: NaiveDate, now: &str) -> Result<i64> {
    let r = sql::get(conn, referral_id)?;
    if r.stage != Stage::Waiting {
        return Err(Error::Refused(format!(
            "Only someone waiting for a match can be matched; this referral is {}.",
            r.stage.label().to_lowercase()
        )));
    }
    let suggestion = suggest(conn, referral_id)?
        .into_iter()
        .find(|s| s.befriender_id == befriender_id)
        .ok_or(Error::NotFound("That befriender is no longer available."))?;
    if let Some(why) = suggestion.ruled_out {
        return Err(Error::Refused(format!("{} {why}.", suggestion.name)));
    }
    let id = match_sql::insert_match(conn, referral_id, befriender_id, today, now)?;
    sql::set_stage(conn, referral_id, Stage::Matched, None, today, now)?;
    Ok(id)
}

/// Records the first meeting of the current match; the referral becomes "active".
pub fn first_meeting(conn: &Connection, referral_id: i64, on: &str, today: NaiveDate, now: &str) -> Result<()> {
    let r = sql::get(conn, referral_id)?;
    let current = match_sql::current_match(conn, referral_id)?
        .ok_or_else(|| Error::Refused("This person has no current match.".into()))?;
    let mut c = Checker::new();
    let date = c.date("firstMetOn", on);
    if date.is_none() && !c.has_error("firstMetOn") {
        c.fail("firstMetOn", "Please give the date they first met.");
    }
    if date.is_some_and(|d| d > today) {
        c.fail("firstMetOn", "This is in the future; record it once they have met.");
    }
    if date.is_some_and(|d| d.to_string() < current.1) {
        c.fail("firstMetOn", "They cannot have met before they were matched.");
    }
    c.finish()?;
    match_sql::set_first_met(conn, current.0, date.expect("checked above"))?;
    if r.stage == Stage::Matched {
        sql::set_stage(conn, referral_id, Stage::Active, None, today, now)?;
    }
    Ok(())
}
