//! The relationship once matched: the log of visits and calls, safeguarding concerns (open
//! until they record who they were passed to and when), and outcome scores at the start,
//! each review and the end, with the change from first to latest and when the next review
//! is due.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rules::{change_words, next_review, Scores};
use super::{match_sql, relationship_sql};
pub use super::{Concern, Occasion};
use crate::check::Checker;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct LogInput {
    pub happened_on: String,
    /// "visit" or "call".
    pub kind: String,
    pub minutes: String,
    pub notes: String,
    /// A safeguarding concern raised during this contact, if any.
    pub concern: String,
}

/// Logs a visit or call of the current match, raising a concern with it if one is given.
pub fn log(conn: &Connection, referral_id: i64, input: &LogInput, today: NaiveDate, now: &str) -> Result<i64> {
    let (match_id, matched_on) = match_sql::current_match(conn, referral_id)?
        .ok_or_else(|| Error::Refused("This person has no current match to log.".into()))?;
    let mut c = Checker::new();
    let on = c.date("happenedOn", &input.happened_on);
    if on.is_none() && !c.has_error("happenedOn") {
        c.fail("happenedOn", "Please give the date.");
    }
    if on.is_some_and(|d| d > today) {
        c.fail("happenedOn", "This is in the future; log it once it has happened.");
    }
    if on.is_some_and(|d| d.to_string() < matched_on) {
        c.fail("happenedOn", "This is before they were matched.");
    }
    if !["visit", "call"].contains(&input.kind.as_str()) {
        c.fail("kind", "Please choose a visit or a call.");
    }
    let minutes = match input.minutes.trim() {
        "" => None,
        t => match t.parse::<u32>() {
            Ok(m) if (1..=600).contains(&m) => Some(m),
            _ => {
                c.fail("minutes", "Please give the length in minutes, for example 45.");
                None
            }
        },
    };
    let notes = c.text("notes", &input.notes, 2000, None);
    let concern = c.text("concern", &input.concern, 2000, None);
    c.finish()?;
    let on = on.expect("checked above");
    let id = relationship_sql::insert_log(conn, match_id, on, &input.kind, minutes, &notes, now)?;
    if !concern.is_empty() {
        relationship_sql::insert_concern(conn, referral_id, Some(id), on, &concern, now)?;
    }
    Ok(id)
}

impl Concern {
    pub fn is_open(&self) -> bool {
        self.passed_on.is_none()
    }
}

/// Raises a concern on a referral, or on one of its visits or calls (`log_id`).
pub fn raise_concern(
    conn: &Connection,
    referral_id: i64,
    log_id: Option<i64>,
    details: &str,
    today: NaiveDate,
    now: &str,
) -> Result<i64> {
    super::sql::get(conn, referral_id)?;
    if let Some(log) = log_id {
        if !relationship_sql::log_belongs_to(conn, log, referral_id)? {
            return Err(Error::NotFound("That visit or call is no longer in PPG Desk."));
        }
    }
    let mut c = Checker::new();
    let details = c.text("concernDetails", details, 2000, Some("Please say what the concern is."));
    c.finish()?;
    relationship_sql::insert_concern(conn, referral_id, log_id, today, &details, now)
}

/// Records who a concern was passed to and when; it is then no longer highlighted.
pub fn pass_on_concern(conn: &Connection, concern_id: i64, to: &str, on: &str, today: NaiveDate) -> Result<()> {
    let concern = relationship_sql::concern(conn, concern_id)?;
    let mut c = Checker::new();
    let to = c.text(
        "passedTo",
        to,
        200,
        Some("Please say who it was passed to (for example the practice's safeguarding lead)."),
    );
    let date = c.date("passedOn", on);
    if date.is_none() && !c.has_error("passedOn") {
        c.fail("passedOn", "Please give the date it was passed on.");
    }
    if date.is_some_and(|d| d > today) {
        c.fail("passedOn", "This is in the future.");
    }
    if date.is_some_and(|d| d.to_string() < concern.raised_on) {
        c.fail("passedOn", "This is before the concern was raised.");
    }
    c.finish()?;
    relationship_sql::pass_on(conn, concern_id, &to, date.expect("checked above"))
}

/// Records one set of outcome scores, each checked against its scale.
pub fn record_scores(
    conn: &Connection,
    referral_id: i64,
    on: &str,
    occasion: Occasion,
    scores: &Scores,
    today: NaiveDate,
    now: &str,
) -> Result<i64> {
    super::sql::get(conn, referral_id)?;
    let mut c = Checker::new();
    let date = c.date("takenOn", on);
    if date.is_none() && !c.has_error("takenOn") {
        c.fail("takenOn", "Please give the date.");
    }
    if date.is_some_and(|d| d > today) {
        c.fail("takenOn", "This is in the future.");
    }
    for (field, message) in scores.problems() {
        c.fail(field, message);
    }
    c.finish()?;
    relationship_sql::insert_scores(conn, referral_id, date.expect("checked above"), occasion, scores, now)
}

/// How someone is doing: the change in every measure from their first scores to their
/// latest, and when their next review is due (from the first meeting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Progress {
    pub changes: Vec<String>,
    pub next_review: Option<String>,
}

pub fn progress(conn: &Connection, referral_id: i64) -> Result<Progress> {
    let history = relationship_sql::scores(conn, referral_id)?;
    let changes = match (history.first(), history.last()) {
        (Some(first), Some(latest)) if history.len() > 1 => change_words(&first.2, &latest.2),
        _ => Vec::new(),
    };
    let reviews = history.iter().filter(|(_, occasion, _)| *occasion == Occasion::Review).count();
    let next = relationship_sql::first_met(conn, referral_id)?.map(|on| next_review(on, reviews).to_string());
    Ok(Progress { changes, next_review: next })
}
