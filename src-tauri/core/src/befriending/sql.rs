//! The only SQL of the befriending scheme so far: referrals, their consent and stage, and the
//! contacts log while they wait.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rules::{CloseReason, Stage};
use super::{CheckedReferral, ConsentHow, ContactHow, ReasonCategory, Referral, Source};
use crate::error::{Error, Result};

const NOT_FOUND: &str = "That referral is no longer in PPG Desk.";

const SELECT: &str = "SELECT r.id, r.full_name, r.phone, r.address, r.born_on, r.age_band, r.language, r.interests, r.area, r.wants_contact,
    r.befriender_gender, r.days, r.times, r.source, r.referrer_contact_id, r.referrer_name, r.reason, r.received_on, r.consent_on,
    r.consent_taken_by, r.consent_how, r.stage, r.stage_since, r.close_reason, r.closed_on, r.reason_categories,
    (SELECT max(c.contacted_on) FROM referral_contacts c WHERE c.referral_id = r.id) AS last_contact,
    (SELECT k.full_name FROM contacts k WHERE k.id = r.referrer_contact_id) AS referrer_contact_name
    FROM referrals r";

fn from_row(r: &Row) -> rusqlite::Result<Referral> {
    Ok(Referral {
        id: r.get("id")?,
        full_name: r.get("full_name")?,
        phone: r.get("phone")?,
        address: r.get("address")?,
        born_on: r.get("born_on")?,
        age_band: r.get("age_band")?,
        language: r.get("language")?,
        interests: r.get("interests")?,
        area: r.get("area")?,
        wants_contact: r.get("wants_contact")?,
        befriender_gender: r.get("befriender_gender")?,
        days: r.get::<_, String>("days")?.split_whitespace().map(str::to_string).collect(),
        times: r.get("times")?,
        source: r.get::<_, Source>("source")?,
        referrer_contact_id: r.get("referrer_contact_id")?,
        referrer_name: r.get("referrer_name")?,
        reason: r.get("reason")?,
        received_on: r.get("received_on")?,
        consent_on: r.get("consent_on")?,
        consent_taken_by: r.get("consent_taken_by")?,
        consent_how: ConsentHow::from_key(&r.get::<_, String>("consent_how")?),
        stage: r.get::<_, Stage>("stage")?,
        stage_since: r.get("stage_since")?,
        close_reason: CloseReason::from_key(&r.get::<_, String>("close_reason")?),
        closed_on: r.get("closed_on")?,
        reason_categories: r
            .get::<_, String>("reason_categories")?
            .split_whitespace()
            .filter_map(ReasonCategory::from_key)
            .collect(),
        last_contact: r.get("last_contact")?,
        referrer_contact_name: r.get("referrer_contact_name")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Referral> {
    conn.query_row(&format!("{SELECT} WHERE r.id = ?1"), [id], from_row).optional()?.ok_or(Error::NotFound(NOT_FOUND))
}

/// Every referral, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Referral>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY r.received_on DESC, r.id DESC"))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert(conn: &Connection, r: &CheckedReferral, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO referrals (id, full_name, source, received_on, stage_since, created_at, updated_at) VALUES (new_id(), '-', 'other', ?1, ?1, ?2, ?2)",
        params![r.received_on.to_string(), now],
    )?;
    let id = conn.last_insert_rowid();
    update(conn, id, r, now)?;
    Ok(id)
}

/// Writes every detail of a referral (not its consent, stage or dates of stage).
pub fn update(conn: &Connection, id: i64, r: &CheckedReferral, now: &str) -> Result<()> {
    let i = &r.input;
    if let Some(contact) = i.referrer_contact_id {
        crate::contacts::get(conn, contact)?;
    }
    let key = crate::check::fold_for_search(&format!("{} {} {}", i.full_name, i.phone, i.area));
    let categories: Vec<&str> = i.reason_categories.iter().map(|c| c.key()).collect();
    conn.execute(
        "UPDATE referrals SET full_name = ?2, phone = ?3, address = ?4, born_on = ?5, age_band = ?6, language = ?7, interests = ?8, area = ?9,
             wants_contact = ?10, befriender_gender = ?11, days = ?12, times = ?13, source = ?14, referrer_contact_id = ?15, referrer_name = ?16,
             reason = ?17, reason_categories = ?18, received_on = ?19, search_key = ?20, updated_at = ?21
         WHERE id = ?1",
        params![
            id, i.full_name, i.phone, i.address, r.born_on.map(|d| d.to_string()), i.age_band, i.language, i.interests, i.area, i.wants_contact,
            i.befriender_gender, i.days.join(" "), i.times, r.source.key(), i.referrer_contact_id, i.referrer_name, i.reason,
            categories.join(" "), r.received_on.to_string(), key, now
        ],
    )?;
    Ok(())
}

pub fn set_consent(conn: &Connection, id: i64, on: NaiveDate, by: &str, how: ConsentHow, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE referrals SET consent_on = ?2, consent_taken_by = ?3, consent_how = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, on.to_string(), by, how.key(), now],
    )?;
    Ok(())
}

pub fn set_stage(
    conn: &Connection,
    id: i64,
    stage: Stage,
    reason: Option<CloseReason>,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE referrals SET stage = ?2, stage_since = ?3, close_reason = ?4, closed_on = CASE WHEN ?2 = 'closed' THEN ?3 END, updated_at = ?5
         WHERE id = ?1",
        params![id, stage.key(), today.to_string(), reason.map(|r| r.key()).unwrap_or(""), now],
    )?;
    Ok(())
}

pub fn insert_contact(
    conn: &Connection,
    id: i64,
    on: NaiveDate,
    how: ContactHow,
    notes: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO referral_contacts (id, referral_id, contacted_on, how, notes, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5)",
        params![id, on.to_string(), how.key(), notes, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn waiting_contact_days(conn: &Connection) -> Result<u32> {
    Ok(conn
        .query_row("SELECT waiting_contact_days FROM settings", [], |r| r.get("waiting_contact_days"))
        .optional()?
        .unwrap_or(14))
}
