//! Elections at the annual general meeting: nominations for each officer post (who, proposed
//! and seconded by whom), and the result. Electing someone appoints them to the post from the
//! day after the AGM, so People and Home follow.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{agm_sql as sql, appoint};
use crate::check::Checker;
use crate::error::{Error, Result};

/// A nomination as the AGM's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Nomination {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub post_id: i64,
    pub post: String,
    pub person: String,
    pub proposer: Option<String>,
    pub seconder: Option<String>,
    pub elected: bool,
}

/// A nomination as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NominationInput {
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    #[ts(type = "number | null")]
    pub proposer_id: Option<i64>,
    #[ts(type = "number | null")]
    pub seconder_id: Option<i64>,
}

pub fn nominations(conn: &Connection, meeting_id: i64) -> Result<Vec<Nomination>> {
    Ok(sql::nominations(conn, meeting_id)?
        .into_iter()
        .map(|(id, post_id, post, person, proposer, seconder, elected)| Nomination {
            id,
            post_id,
            post,
            person,
            proposer,
            seconder,
            elected,
        })
        .collect())
}

/// Records a nomination at AGM `meeting_id`.
pub fn nominate(conn: &Connection, meeting_id: i64, input: &NominationInput) -> Result<i64> {
    if !sql::is_agm(conn, meeting_id)? {
        return Err(Error::Refused("Nominations are for an annual general meeting.".into()));
    }
    let mut c = Checker::new();
    if input.post_id.is_none() {
        c.fail("nominationPost", "Please choose the post.");
    }
    if input.person_id.is_none() {
        c.fail("nominee", "Please choose who is nominated.");
    }
    if input.proposer_id.is_some() && input.proposer_id == input.person_id {
        c.fail("proposer", "Someone cannot propose themselves.");
    }
    if input.seconder_id.is_some() && (input.seconder_id == input.person_id || input.seconder_id == input.proposer_id) {
        c.fail("seconder", "The seconder must be someone other than the nominee and the proposer.");
    }
    c.finish()?;
    let (post, person) = (input.post_id.unwrap_or_default(), input.person_id.unwrap_or_default());
    if sql::exists(conn, meeting_id, post, person)? {
        return Err(Error::invalid("nominee", "They are already nominated for this post."));
    }
    sql::insert(conn, meeting_id, post, person, input.proposer_id, input.seconder_id)
}

/// Records that nomination `id` was elected: the other nominees for the post were not, and
/// the person holds the post from the day after the AGM.
pub fn elect(conn: &Connection, id: i64) -> Result<()> {
    let (meeting_id, post_id, person_id, meets_on) =
        sql::nomination(conn, id)?.ok_or(Error::NotFound("That nomination is no longer in PPG Desk."))?;
    let day = NaiveDate::parse_from_str(&meets_on, "%Y-%m-%d")
        .map_err(|_| Error::Refused("The AGM's date could not be read.".into()))?;
    sql::set_elected(conn, meeting_id, post_id, id)?;
    appoint(conn, post_id, person_id, day + Duration::days(1))?;
    Ok(())
}

pub fn withdraw(conn: &Connection, id: i64) -> Result<()> {
    sql::delete(conn, id)
}
