//! Everything held about one referral, for its page in the window, the coordinator's
//! summary sheet and a subject access request: the referral and consent, the contacts log
//! while waiting, matches, visits and calls, concerns, outcome scores and how they changed.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::referrals::Referral;
use super::relationship::{progress, Concern, Occasion, Progress};
use super::rules::{overdue_contact, Scores, Stage};
use super::{detail_sql, relationship_sql, sql};
pub use super::{ContactLine, LogLine, MatchLine};
use crate::error::Result;

/// One set of outcome scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScoreLine {
    pub taken_on: String,
    pub occasion: Occasion,
    pub scores: Scores,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReferralDetail {
    pub referral: Referral,
    pub contacts: Vec<ContactLine>,
    pub matches: Vec<MatchLine>,
    pub logs: Vec<LogLine>,
    pub concerns: Vec<Concern>,
    pub scores: Vec<ScoreLine>,
    pub progress: Progress,
    /// Days since the last contact, when a call is due (waiting people only).
    #[ts(type = "number | null")]
    pub contact_overdue_days: Option<i64>,
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> Result<ReferralDetail> {
    let referral = sql::get(conn, id)?;
    let every = sql::waiting_contact_days(conn)?;
    let parse = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let received = parse(&referral.received_on).unwrap_or(today);
    let contact_overdue_days =
        overdue_contact(referral.stage, received, referral.last_contact.as_deref().and_then(parse), every, today);
    let scores = relationship_sql::scores(conn, id)?
        .into_iter()
        .map(|(taken_on, occasion, scores)| ScoreLine { taken_on, occasion, scores })
        .collect();
    Ok(ReferralDetail {
        contacts: detail_sql::contacts(conn, id)?,
        matches: detail_sql::matches(conn, id)?,
        logs: detail_sql::logs(conn, id)?,
        concerns: relationship_sql::all_concerns(conn, id)?,
        scores,
        progress: progress(conn, id)?,
        contact_overdue_days,
        referral,
    })
}

/// A review that is due (or overdue) within `within_days`: (referral, name, due date).
pub fn reviews_due(conn: &Connection, today: NaiveDate, within_days: i64) -> Result<Vec<(i64, String, NaiveDate)>> {
    let mut due = Vec::new();
    for r in sql::list(conn)?.into_iter().filter(|r| matches!(r.stage, Stage::Active | Stage::Ending)) {
        if let Some(next) =
            progress(conn, r.id)?.next_review.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            if (next - today).num_days() <= within_days {
                due.push((r.id, r.full_name, next));
            }
        }
    }
    due.sort_by_key(|d| d.2);
    Ok(due)
}
