//! The only SQL of the settings feature.

use rusqlite::{params, Connection, OptionalExtension};

use super::{IntervalUnit, Settings, TextSize};
use crate::error::Result;
use crate::print::Profile;

/// The choice stored as one of `known`'s words in column `index`; any other word is an error,
/// never quietly read as a default (the SQL CHECK lists the same words).
fn stored<T: Copy>(row: &rusqlite::Row, index: usize, known: &[(&str, T)]) -> rusqlite::Result<T> {
    let word: String = row.get(index)?;
    known.iter().find(|(key, _)| *key == word).map(|(_, value)| *value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, "not a stored setting".into())
    })
}

pub fn load(conn: &Connection) -> Result<Option<Settings>> {
    let row = conn
        .query_row(
            "SELECT group_name, pcn, usual_venue, meeting_every, meeting_every_unit, text_size, default_profile, quorum, member_items_deadline_days, splw_meet_months, directory_check_months, check_warning_days, travel_buffer_minutes, waiting_contact_days, befriending_retention_months, driver_retention_months, idle_lock_minutes, year_starts_month, agm_notice_days FROM settings WHERE id = 1",
            [],
            |row| {
                Ok(Settings {
                    group_name: row.get("group_name")?,
                    practices: Vec::new(),
                    pcn: row.get("pcn")?,
                    usual_venue: row.get("usual_venue")?,
                    meeting_every: row.get("meeting_every")?,
                    meeting_every_unit: stored(row, 4, &[("weeks", IntervalUnit::Weeks), ("months", IntervalUnit::Months)])?,
                    text_size: stored(
                        row,
                        5,
                        &[("normal", TextSize::Normal), ("large", TextSize::Large), ("larger", TextSize::Larger)],
                    )?,
                    default_profile: stored(
                        row,
                        6,
                        &[("standard", Profile::Standard), ("large_print", Profile::LargePrint)],
                    )?,
                    quorum: row.get("quorum")?,
                    member_items_deadline_days: row.get("member_items_deadline_days")?,
                    splw_meet_months: row.get("splw_meet_months")?,
                    directory_check_months: row.get("directory_check_months")?,
                    check_warning_days: row.get("check_warning_days")?,
                    travel_buffer_minutes: row.get("travel_buffer_minutes")?,
                    waiting_contact_days: row.get("waiting_contact_days")?,
                    befriending_retention_months: row.get("befriending_retention_months")?,
                    driver_retention_months: row.get("driver_retention_months")?,
                    idle_lock_minutes: row.get("idle_lock_minutes")?,
                    year_starts_month: row.get("year_starts_month")?,
                    agm_notice_days: row.get("agm_notice_days")?,
                })
            },
        )
        .optional()?;
    let Some(mut settings) = row else { return Ok(None) };
    let mut stmt = conn.prepare("SELECT name FROM practices ORDER BY position")?;
    settings.practices = stmt.query_map([], |row| row.get("name"))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(settings))
}

/// Saves checked settings (inside the caller's transaction).
pub fn save(conn: &Connection, settings: &Settings, now: &str) -> Result<()> {
    let unit = match settings.meeting_every_unit {
        IntervalUnit::Weeks => "weeks",
        IntervalUnit::Months => "months",
    };
    let size = match settings.text_size {
        TextSize::Normal => "normal",
        TextSize::Large => "large",
        TextSize::Larger => "larger",
    };
    let profile = match settings.default_profile {
        Profile::Standard => "standard",
        Profile::LargePrint => "large_print",
    };
    conn.execute(
        "INSERT INTO settings (id, group_name, pcn, usual_venue, meeting_every, meeting_every_unit, text_size, default_profile,
             quorum, member_items_deadline_days, splw_meet_months, directory_check_months, check_warning_days, travel_buffer_minutes,
             waiting_contact_days, befriending_retention_months, driver_retention_months, idle_lock_minutes, year_starts_month, agm_notice_days, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?7, ?7)
         ON CONFLICT (id) DO UPDATE SET group_name = ?1, pcn = ?2, usual_venue = ?3, meeting_every = ?4,
             meeting_every_unit = ?5, text_size = ?6, default_profile = ?8, quorum = ?9, member_items_deadline_days = ?10,
             splw_meet_months = ?11, directory_check_months = ?12, check_warning_days = ?13, travel_buffer_minutes = ?14,
             waiting_contact_days = ?15, befriending_retention_months = ?16, driver_retention_months = ?17, idle_lock_minutes = ?18,
             year_starts_month = ?19, agm_notice_days = ?20, updated_at = ?7",
        params![
            settings.group_name, settings.pcn, settings.usual_venue, settings.meeting_every, unit, size, now, profile,
            settings.quorum, settings.member_items_deadline_days, settings.splw_meet_months, settings.directory_check_months,
            settings.check_warning_days, settings.travel_buffer_minutes, settings.waiting_contact_days,
            settings.befriending_retention_months, settings.driver_retention_months, settings.idle_lock_minutes,
            settings.year_starts_month, settings.agm_notice_days
        ],
    )?;
    conn.execute("DELETE FROM practices", [])?;
    for (position, name) in settings.practices.iter().enumerate() {
        conn.execute(
            "INSERT INTO practices (id, name, position) VALUES (new_id(), ?1, ?2)",
            params![name, position as i64],
        )?;
    }
    Ok(())
}

/// The logo as stored (a PNG), if there is one.
pub fn load_logo(conn: &Connection) -> Result<Option<Vec<u8>>> {
    Ok(conn.query_row("SELECT logo FROM settings WHERE id = 1", [], |row| row.get("logo")).optional()?.flatten())
}

/// Sets or clears the logo (the PPG must be set up first).
pub fn save_logo(conn: &Connection, png: Option<&[u8]>, now: &str) -> Result<()> {
    let changed = conn.execute("UPDATE settings SET logo = ?1, updated_at = ?2 WHERE id = 1", params![png, now])?;
    if changed == 0 {
        return Err(crate::error::Error::Refused("Please set up your PPG before adding a logo.".into()));
    }
    Ok(())
}

/// Whether this file holds the fictional sample PPG.
pub fn is_sample(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT coalesce((SELECT is_sample FROM settings WHERE id = 1), 0)", [], |r| r.get::<_, i64>(0))?
        == 1)
}

/// Marks this file as holding the sample PPG (only the sample's loader does this).
pub fn mark_sample(conn: &Connection) -> Result<()> {
    conn.execute("UPDATE settings SET is_sample = 1 WHERE id = 1", [])?;
    Ok(())
}
