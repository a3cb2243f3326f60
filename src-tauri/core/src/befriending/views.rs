//! What the befriending screens show, built from the rules and the store: the referrals
//! board (every referral, the waiting list with its prompts, which have open concerns).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::referrals::{self, WaitingLine};
use super::Referral;
use crate::error::Result;

/// The referrals screen: every referral, and the waiting list with its prompts.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReferralBoard {
    pub referrals: Vec<Referral>,
    pub waiting: Vec<WaitingLine>,
    /// Referrals with a safeguarding concern not yet passed on.
    #[ts(type = "number[]")]
    pub with_open_concerns: Vec<i64>,
    /// Today, as PPG Desk sees it (for "this month" in the report).
    pub today: String,
}

/// The referrals board as of `today`.
pub fn board(conn: &Connection, today: NaiveDate) -> Result<ReferralBoard> {
    let mut with_open_concerns: Vec<i64> =
        super::open_concerns(conn, None)?.into_iter().map(|c| c.referral_id).collect();
    with_open_concerns.dedup();
    Ok(ReferralBoard {
        referrals: super::list(conn)?,
        waiting: referrals::waiting_list(conn, today)?,
        with_open_concerns,
        today: today.to_string(),
    })
}
