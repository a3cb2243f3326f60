//! Officer posts and their terms: who holds each post, since when and until when (from the
//! post's term length), the posts the PPG adds, and the reminders Home shows when a term
//! ends within eight weeks, has ended, or a post is empty. Appointing someone to a post tied
//! to a role keeps People's role in step.

pub mod agm;
mod agm_sql;
mod sql;
pub mod terms;
mod terms_sql;

use chrono::{Duration, Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::{Error, Result};
use crate::words::long_date;

/// How long before a term ends Home starts saying so.
pub const WARN_DAYS: i64 = 56;

/// Who holds a post now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Holder {
    #[ts(type = "number")]
    pub term_id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub from_on: String,
    pub ends_on: String,
}

/// A post, with its holder today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Post {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// The People role it keeps in step ("chair"), if any.
    pub role: Option<String>,
    pub term_years: u32,
    pub holder: Option<Holder>,
}

/// Every post in order, each with whoever holds it today.
pub fn posts(conn: &Connection, today: NaiveDate) -> Result<Vec<Post>> {
    sql::posts(conn, &today.to_string())
}

/// Appoints `person_id` to `post_id` from `from_on` (ending whoever held it the day before),
/// for the post's term; People's role follows.
pub fn appoint(conn: &Connection, post_id: i64, person_id: i64, from_on: NaiveDate) -> Result<i64> {
    let post = sql::post(conn, post_id)?.ok_or(Error::NotFound("That officer post is no longer in PPG Desk."))?;
    let ends_on = from_on
        .checked_add_months(Months::new(post.term_years * 12))
        .ok_or_else(|| Error::invalid("fromOn", "That date is too far ahead."))?;
    let day_before = from_on - Duration::days(1);
    let previous = sql::holders_on(conn, post_id, &from_on.to_string())?;
    for (term_id, holder) in &previous {
        sql::end_term(conn, *term_id, &day_before.to_string())?;
        if let Some(role) = &post.role {
            if *holder != person_id && !sql::holds_role_elsewhere(conn, *holder, role, post_id)? {
                sql::remove_role(conn, *holder, role)?;
            }
        }
    }
    let term = sql::add_term(conn, post_id, person_id, &from_on.to_string(), &ends_on.to_string())?;
    if let Some(role) = &post.role {
        sql::add_role(conn, person_id, role)?;
    }
    Ok(term)
}

/// Ends the current holder's term on `on` (they stood down); the post is then empty.
pub fn stand_down(conn: &Connection, post_id: i64, on: NaiveDate) -> Result<()> {
    let post = sql::post(conn, post_id)?.ok_or(Error::NotFound("That officer post is no longer in PPG Desk."))?;
    for (term_id, holder) in sql::holders_on(conn, post_id, &on.to_string())? {
        sql::end_term(conn, term_id, &on.to_string())?;
        if let Some(role) = &post.role {
            if !sql::holds_role_elsewhere(conn, holder, role, post_id)? {
                sql::remove_role(conn, holder, role)?;
            }
        }
    }
    Ok(())
}

/// A post as the volunteer adds or changes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PostInput {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    pub term_years: u32,
}

pub fn save_post(conn: &Connection, input: &PostInput) -> Result<i64> {
    let mut c = Checker::new();
    let name =
        c.text("postName", &input.name, 60, Some("Please give the post a name, such as \"Membership secretary\"."));
    if !(1..=10).contains(&input.term_years) {
        c.fail("termYears", "Please give a term of 1 to 10 years.");
    }
    if !c.has_error("postName") {
        let taken = sql::post_named(conn, &name)?;
        if taken.is_some_and(|id| Some(id) != input.id) {
            c.fail("postName", format!("There is already a post called \"{name}\"."));
        }
    }
    c.finish()?;
    match input.id {
        Some(id) => sql::update_post(conn, id, &name, input.term_years).map(|_| id),
        None => sql::add_post(conn, &name, input.term_years),
    }
}

/// What Home says about the posts today: empty posts, terms ending within eight weeks, and
/// terms already past their end.
pub fn reminders(posts: &[Post], today: NaiveDate) -> Vec<String> {
    let soon = (today + Duration::days(WARN_DAYS)).to_string();
    let now = today.to_string();
    posts
        .iter()
        .filter_map(|p| {
            let post = p.name.to_lowercase();
            match &p.holder {
                None => Some(format!("No one holds the post of {post}.")),
                Some(h) if h.ends_on < now => Some(format!(
                    "{}'s term as {post} ended on {}: re-elect them or elect someone at the AGM.",
                    h.name,
                    long_date(&h.ends_on)
                )),
                Some(h) if h.ends_on <= soon => {
                    Some(format!("{}'s term as {post} ends on {}.", h.name, long_date(&h.ends_on)))
                }
                Some(_) => None,
            }
        })
        .collect()
}

/// What Home says about the next AGM still to come: the day its notice (`days`, a setting)
/// must go out by, from six weeks before that day (and that it is late, once it is).
pub fn agm_notice(agm_on: Option<NaiveDate>, notice_sent: bool, days: u32, today: NaiveDate) -> Option<String> {
    let agm_on = agm_on.filter(|d| *d >= today)?;
    if notice_sent {
        return None;
    }
    let send_by = agm_on - Duration::days(i64::from(days));
    let when = long_date(&agm_on.to_string());
    if today > send_by {
        Some(format!("The AGM on {when} needs {days} days' notice, and it is late: send the notice now."))
    } else if today >= send_by - Duration::days(42) {
        Some(format!(
            "The AGM on {when} needs {days} days' notice: send the notice by {}.",
            long_date(&send_by.to_string())
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(name: &str, ends_on: Option<&str>) -> Post {
        Post {
            id: 1,
            name: name.into(),
            role: None,
            term_years: 3,
            holder: ends_on.map(|e| Holder {
                term_id: 1,
                person_id: 1,
                name: "Margaret Ellis".into(),
                from_on: "2024-01-01".into(),
                ends_on: e.into(),
            }),
        }
    }

    #[test]
    fn the_agm_notice_is_due_28_days_before_and_said_from_six_weeks_before_that() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let agm = Some(d(3, 10));
        let too_early = NaiveDate::from_ymd_opt(2026, 12, 29).unwrap();
        assert_eq!(agm_notice(agm, false, 28, too_early), None, "more than six weeks before the notice is due");
        assert!(agm_notice(agm, false, 28, too_early + Duration::days(1)).is_some(), "six weeks before it");
        assert_eq!(
            agm_notice(agm, false, 28, d(1, 5)).as_deref(),
            Some("The AGM on Wednesday 10 March 2027 needs 28 days' notice: send the notice by Wednesday 10 February 2027.")
        );
        assert!(agm_notice(agm, false, 28, d(2, 11)).unwrap().contains("it is late"));
        assert_eq!(agm_notice(agm, true, 28, d(2, 11)), None, "sent");
        assert_eq!(agm_notice(agm, false, 28, d(3, 11)), None, "past");
        assert_eq!(
            agm_notice(agm, false, 21, d(2, 11)).as_deref(),
            Some("The AGM on Wednesday 10 March 2027 needs 21 days' notice: send the notice by Wednesday 17 February 2027."),
            "a constitution asking 21 days moves the day"
        );
    }

    #[test]
    fn home_says_when_a_post_is_empty_a_term_ends_within_eight_weeks_or_has_ended() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let said = reminders(
            &[
                post("Chair", Some("2027-02-01")),
                post("Treasurer", None),
                post("Secretary", Some("2026-12-01")),
                post("Vice-chair", Some("2027-02-02")),
            ],
            today,
        );
        assert_eq!(
            said,
            [
                "Margaret Ellis's term as chair ends on Monday 1 February 2027.",
                "No one holds the post of treasurer.",
                "Margaret Ellis's term as secretary ended on Tuesday 1 December 2026: re-elect them or elect someone at the AGM.",
            ],
            "2 February 2027 is 57 days away: not yet"
        );
    }
}
