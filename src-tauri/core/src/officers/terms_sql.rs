//! The SQL of the terms of reference.

use rusqlite::{params, Connection};

use crate::error::Result;

/// Every version, newest first: (id, agreed on, review on, text).
pub fn versions(conn: &Connection) -> Result<Vec<(i64, String, String, String)>> {
    let mut stmt =
        conn.prepare("SELECT id, agreed_on, review_on, text FROM terms_of_reference ORDER BY agreed_on DESC, id DESC")?;
    let rows = stmt.query_map([], |r| Ok((r.get("id")?, r.get("agreed_on")?, r.get("review_on")?, r.get("text")?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert(conn: &Connection, agreed_on: &str, review_on: &str, text: &str, now: &str) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO terms_of_reference (id, agreed_on, review_on, text, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4) RETURNING id",
        params![agreed_on, review_on, text, now],
        |r| r.get("id"),
    )?)
}
