//! Referrals: the person referred (only what the job needs), who referred them and why,
//! their consent (when, who took it, how), moving along the pipeline with the rules in
//! `rules.rs`, the log of contacts while they wait, and the waiting list with its prompts.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rules::{overdue_contact, transition_problem, CloseReason, Stage};
use super::sql;
pub use super::{CheckedReferral, ConsentHow, ContactHow, ReasonCategory, Referral, ReferralInput, Source};
use crate::check::Checker;
use crate::error::{Error, Result};

/// The age bands a referral can record, with how they are said ("" is not known).
pub const AGE_BANDS: [(&str, &str); 6] = [
    ("", "Not known"),
    ("under_50", "Under 50"),
    ("50_64", "50 to 64"),
    ("65_74", "65 to 74"),
    ("75_84", "75 to 84"),
    ("85_plus", "85 or over"),
];

/// "85 or over" for "85_plus".
pub fn age_band_label(key: &str) -> &'static str {
    AGE_BANDS.iter().find(|(k, _)| *k == key).map(|(_, label)| *label).unwrap_or("Not known")
}

impl Referral {
    /// Who referred them, in words: "Social prescribing link worker: Chloé Dubois".
    pub fn referred_by(&self) -> String {
        let name = self.referrer_contact_name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.referrer_name);
        if name.is_empty() {
            self.source.label().to_string()
        } else {
            format!("{}: {name}", self.source.label())
        }
    }
}

impl ReferralInput {
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedReferral> {
        let mut c = Checker::new();
        let mut input = self.clone();
        input.full_name =
            c.text("fullName", &self.full_name, 200, Some("Please give the name of the person referred."));
        input.phone = c.text("phone", &self.phone, 40, None);
        input.address = c.text("address", &self.address, 500, None);
        input.language = c.text("language", &self.language, 60, None);
        input.interests = c.text("interests", &self.interests, 500, None);
        input.area = c.text("area", &self.area, 100, None);
        input.times = c.text("times", &self.times, 200, None);
        input.referrer_name = c.text("referrerName", &self.referrer_name, 200, None);
        input.reason = c.text("reason", &self.reason, 2000, None);
        input.days = crate::words::tidy_days(&self.days);
        input.reason_categories =
            ReasonCategory::ALL.iter().copied().filter(|c| self.reason_categories.contains(c)).collect();
        let born_on = c.date("bornOn", &self.born_on);
        if born_on.is_some_and(|d| d > today) {
            c.fail("bornOn", "A date of birth cannot be in the future.");
        }
        if !AGE_BANDS.iter().any(|(key, _)| *key == self.age_band) {
            c.fail("ageBand", "Please choose an age band from the list.");
        }
        if !["", "visit", "phone"].contains(&self.wants_contact.as_str()) {
            c.fail("wantsContact", "Please choose from the list.");
        }
        if !crate::words::is_gender_or_none(&self.befriender_gender) {
            c.fail("befrienderGender", "Please choose from the list.");
        }
        let source = self.source.unwrap_or_else(|| {
            c.fail("source", "Please choose who referred them.");
            Source::Other
        });
        if source == Source::Splw && self.referrer_contact_id.is_none() && input.referrer_name.is_empty() {
            c.fail(
                "referrerContactId",
                "Please choose which link worker referred them (from Contacts), or type their name.",
            );
        }
        let received_on = c.date("receivedOn", &self.received_on);
        if received_on.is_none() && !c.has_error("receivedOn") {
            c.fail("receivedOn", "Please give the date the referral arrived.");
        }
        if received_on.is_some_and(|d| d > today) {
            c.fail("receivedOn", "This is in the future; give the day the referral arrived.");
        }
        c.finish()?;
        Ok(CheckedReferral { input, born_on, source, received_on: received_on.expect("checked above") })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ConsentInput {
    pub consent_on: String,
    pub taken_by: String,
    pub how: Option<ConsentHow>,
}

/// Records the person's consent (the date, who took it, how).
pub fn record_consent(conn: &Connection, id: i64, input: &ConsentInput, today: NaiveDate, now: &str) -> Result<()> {
    sql::get(conn, id)?;
    let mut c = Checker::new();
    let on = c.date("consentOn", &input.consent_on);
    if on.is_none() && !c.has_error("consentOn") {
        c.fail("consentOn", "Please give the date they agreed.");
    }
    if on.is_some_and(|d| d > today) {
        c.fail("consentOn", "This is in the future; give the day they agreed.");
    }
    let by = c.text("takenBy", &input.taken_by, 200, Some("Please say who took their consent."));
    let how = input.how.unwrap_or_else(|| {
        c.fail("how", "Please say how they gave it: in person, by phone or in writing.");
        ConsentHow::InPerson
    });
    c.finish()?;
    sql::set_consent(conn, id, on.expect("checked above"), &by, how, now)
}

/// Moves a referral along the pipeline (one step at a time, or closing with a reason).
pub fn move_to(
    conn: &Connection,
    id: i64,
    to: Stage,
    close_reason: Option<CloseReason>,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    let referral = sql::get(conn, id)?;
    if let Some(problem) = transition_problem(referral.stage, to, referral.consent_on.is_some(), close_reason) {
        return Err(if to == Stage::Closed && close_reason.is_none() {
            Error::invalid("closeReason", problem)
        } else {
            Error::Refused(problem)
        });
    }
    sql::set_stage(conn, id, to, if to == Stage::Closed { close_reason } else { None }, today, now)?;
    // Closing, or stepping back before "matched", ends the current match (if any) today.
    if to == Stage::Closed
        || Stage::ALL.iter().position(|s| *s == to) < Stage::ALL.iter().position(|s| *s == Stage::Matched)
    {
        super::match_sql::end_current(conn, id, today)?;
    }
    Ok(())
}

/// Changes the details of a referral (not its consent or stage).
pub fn update(conn: &Connection, id: i64, referral: &CheckedReferral, now: &str) -> Result<()> {
    sql::get(conn, id)?;
    sql::update(conn, id, referral, now)
}

/// Notes a call, visit, letter or email to someone on the waiting list.
pub fn log_contact(
    conn: &Connection,
    id: i64,
    on: &str,
    how: Option<ContactHow>,
    notes: &str,
    today: NaiveDate,
    now: &str,
) -> Result<i64> {
    let referral = sql::get(conn, id)?;
    let mut c = Checker::new();
    let on = c.date("contactedOn", on);
    if on.is_none() && !c.has_error("contactedOn") {
        c.fail("contactedOn", "Please give the date.");
    }
    if on.is_some_and(|d| d > today) {
        c.fail("contactedOn", "This is in the future; note it once it has happened.");
    }
    let how = how.unwrap_or_else(|| {
        c.fail("contactHow", "Please say how they were contacted.");
        ContactHow::Phone
    });
    let notes = c.text("contactNotes", notes, 2000, None);
    c.finish()?;
    if referral.stage == Stage::Closed {
        return Err(Error::Refused("This referral is closed.".into()));
    }
    sql::insert_contact(conn, id, on.expect("checked above"), how, &notes, now)
}

/// Someone waiting for a befriender: how long, when they were last contacted, and whether a
/// call is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WaitingLine {
    pub referral: Referral,
    #[ts(type = "number")]
    pub days_waiting: i64,
    /// Days since the last contact when that is at least the PPG's period; None otherwise.
    #[ts(type = "number | null")]
    pub contact_overdue_days: Option<i64>,
}

/// Everyone not yet matched or closed, longest waiting first.
pub fn waiting_list(conn: &Connection, today: NaiveDate) -> Result<Vec<WaitingLine>> {
    let every = sql::waiting_contact_days(conn)?;
    let mut lines: Vec<WaitingLine> = sql::list(conn)?
        .into_iter()
        .filter(|r| {
            matches!(
                r.stage,
                Stage::Received | Stage::ConsentConfirmed | Stage::Contacted | Stage::Assessed | Stage::Waiting
            )
        })
        .map(|r| {
            let received = NaiveDate::parse_from_str(&r.received_on, "%Y-%m-%d").unwrap_or(today);
            let last = r.last_contact.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            WaitingLine {
                days_waiting: (today - received).num_days(),
                contact_overdue_days: overdue_contact(r.stage, received, last, every, today),
                referral: r,
            }
        })
        .collect();
    lines.sort_by(|a, b| b.days_waiting.cmp(&a.days_waiting).then(a.referral.id.cmp(&b.referral.id)));
    Ok(lines)
}
