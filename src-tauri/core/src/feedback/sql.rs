//! The only SQL of feedback: the log, its themes and the links from improvements.

use rusqlite::{params, Connection};

use super::{CheckedFeedback, Feedback, FeedbackSource, Theme};
use crate::error::{Error, Result};

fn ids(text: String) -> Vec<i64> {
    text.split_whitespace().filter_map(|id| id.parse().ok()).collect()
}

pub fn list(conn: &Connection) -> Result<Vec<Feedback>> {
    let mut stmt = conn.prepare(
        "SELECT f.id, f.received_on, f.source, f.patients, f.words,
                coalesce((SELECT group_concat(theme_id, ' ') FROM feedback_item_themes WHERE feedback_id = f.id), '') AS themes,
                coalesce((SELECT group_concat(action_id, ' ') FROM action_feedback WHERE feedback_id = f.id), '') AS answered_by
           FROM feedback f ORDER BY f.received_on DESC, f.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let source: String = r.get("source")?;
        Ok(Feedback {
            id: r.get("id")?,
            received_on: r.get("received_on")?,
            source: FeedbackSource::from_key(&source).unwrap_or(FeedbackSource::Other),
            patients: r.get("patients")?,
            words: r.get("words")?,
            themes: ids(r.get("themes")?),
            answered_by: ids(r.get("answered_by")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert(conn: &Connection, f: &CheckedFeedback, now: &str) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO feedback (id, received_on, source, patients, words, created_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![f.received_on.to_string(), f.source.key(), f.patients, f.words, now],
        |r| r.get("id"),
    )?)
}

pub fn update(conn: &Connection, id: i64, f: &CheckedFeedback) -> Result<()> {
    let changed = conn.execute(
        "UPDATE feedback SET received_on = ?2, source = ?3, patients = ?4, words = ?5 WHERE id = ?1",
        params![id, f.received_on.to_string(), f.source.key(), f.patients, f.words],
    )?;
    if changed == 0 {
        return Err(Error::NotFound("That feedback has been deleted."));
    }
    Ok(())
}

/// Makes `themes` the item's themes, touching only those added or taken off.
pub fn set_themes(conn: &Connection, id: i64, themes: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare("SELECT theme_id FROM feedback_item_themes WHERE feedback_id = ?1")?;
    let now: Vec<i64> = stmt.query_map([id], |r| r.get("theme_id"))?.collect::<rusqlite::Result<_>>()?;
    for gone in now.iter().filter(|t| !themes.contains(t)) {
        conn.execute("DELETE FROM feedback_item_themes WHERE feedback_id = ?1 AND theme_id = ?2", [id, *gone])?;
    }
    for added in themes.iter().filter(|t| !now.contains(t)) {
        conn.execute("INSERT INTO feedback_item_themes (feedback_id, theme_id) VALUES (?1, ?2)", [id, *added])?;
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM feedback WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound("That feedback has already been deleted."));
    }
    Ok(())
}

pub fn themes(conn: &Connection) -> Result<Vec<Theme>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.name, (SELECT count(*) FROM feedback_item_themes i WHERE i.theme_id = t.id) AS uses
           FROM feedback_themes t ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| Ok(Theme { id: r.get("id")?, name: r.get("name")?, uses: r.get("uses")? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_theme(conn: &Connection, name: &str) -> Result<i64> {
    Ok(conn.query_row("INSERT INTO feedback_themes (id, name) VALUES (new_id(), ?1) RETURNING id", [name], |r| {
        r.get("id")
    })?)
}

pub fn rename_theme(conn: &Connection, id: i64, name: &str) -> Result<()> {
    conn.execute("UPDATE feedback_themes SET name = ?2 WHERE id = ?1 AND name IS NOT ?2", params![id, name])?;
    Ok(())
}

pub fn delete_theme(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM feedback_themes WHERE id = ?1", [id])?;
    Ok(())
}

pub fn link(conn: &Connection, action_id: i64, feedback_id: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO action_feedback (action_id, feedback_id) VALUES (?1, ?2)",
        [action_id, feedback_id],
    )?;
    Ok(())
}

pub fn set_outcome(conn: &Connection, action_id: i64, outcome: &str) -> Result<()> {
    conn.execute("UPDATE actions SET outcome = ?2 WHERE id = ?1 AND outcome IS NOT ?2", params![action_id, outcome])?;
    Ok(())
}

/// The actions that answer feedback, each with its outcome.
pub fn improvement_actions(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.outcome FROM actions a WHERE EXISTS (SELECT 1 FROM action_feedback l WHERE l.action_id = a.id)
          ORDER BY a.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get("id")?, r.get("outcome")?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
