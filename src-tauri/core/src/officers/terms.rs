//! The PPG's terms of reference (or constitution): the text in force, the day it was agreed
//! and the day it is due for review (Home reminds), with every earlier version kept.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::terms_sql as sql;
use crate::check::Checker;
use crate::error::Result;
use crate::words::long_date;

/// One version, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TermsVersion {
    #[ts(type = "number")]
    pub id: i64,
    pub agreed_on: String,
    pub review_on: String,
    pub text: String,
}

/// A new version as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TermsInput {
    pub agreed_on: String,
    pub review_on: String,
    pub text: String,
}

/// Every version, newest (the one in force) first.
pub fn versions(conn: &Connection) -> Result<Vec<TermsVersion>> {
    Ok(sql::versions(conn)?
        .into_iter()
        .map(|(id, agreed_on, review_on, text)| TermsVersion { id, agreed_on, review_on, text })
        .collect())
}

/// Keeps a new version (the one before stays, as an earlier version).
pub fn save_version(conn: &Connection, input: &TermsInput, now: &str) -> Result<i64> {
    let mut c = Checker::new();
    let agreed = c.date("agreedOn", &input.agreed_on);
    let review = c.date("reviewOn", &input.review_on);
    if input.agreed_on.trim().is_empty() {
        c.fail("agreedOn", "Please give the day this version was agreed, for example 10/3/2026.");
    }
    if input.review_on.trim().is_empty() {
        c.fail("reviewOn", "Please give the day it is due for review, usually at an AGM a year or two on.");
    }
    if let (Some(a), Some(r)) = (agreed, review) {
        if r <= a {
            c.fail("reviewOn", "The review must come after the day it was agreed.");
        }
    }
    let text = c.text("termsText", &input.text, 50_000, Some("Please paste or type the terms of reference."));
    c.finish()?;
    let (Some(agreed), Some(review)) = (agreed, review) else {
        return Err(crate::error::Error::invalid("agreedOn", "Please give both days."));
    };
    sql::insert(conn, &agreed.to_string(), &review.to_string(), &text, now)
}

/// What Home says when the terms in force are due for review within eight weeks, or overdue.
pub fn review_reminder(current: Option<&TermsVersion>, today: NaiveDate) -> Option<String> {
    let review = NaiveDate::parse_from_str(&current?.review_on, "%Y-%m-%d").ok()?;
    if review < today {
        Some(format!("The terms of reference were due for review on {}.", long_date(&review.to_string())))
    } else if review <= today + Duration::days(super::WARN_DAYS) {
        Some(format!("The terms of reference are due for review on {}.", long_date(&review.to_string())))
    } else {
        None
    }
}
