//! The SQL of "Changes that clashed": listing them, keeping one, putting the other back.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use super::sql::{key_from_json, key_json};
use super::Clash;
use crate::error::Result;

pub fn add_clash(conn: &Connection, c: &Clash, now: &str) -> Result<()> {
    let row = (!c.row.is_empty()).then(|| key_json(&c.row));
    conn.execute(
        "INSERT INTO sharing_clashes (id, table_name, row_key, column_name, kept, other, other_laptop, other_made_at, why,
                                      noticed_at, other_value, row_json)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            c.table,
            c.row_key,
            c.column,
            c.kept,
            c.other,
            c.other_laptop,
            c.other_made_at,
            c.why,
            now,
            c.other_value.clone().unwrap_or(Value::Null),
            row
        ],
    )?;
    Ok(())
}

pub fn clashes(conn: &Connection) -> Result<Vec<Clash>> {
    let mut stmt = conn.prepare(
        "SELECT id, table_name, row_key, column_name, kept, other, other_laptop, other_made_at, why,
                why IN ('both_changed', 'made_twice') AND row_json IS NOT NULL AS can_use_other
           FROM sharing_clashes WHERE settled = 0 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Clash {
                id: r.get("id")?,
                table: r.get("table_name")?,
                row_key: r.get("row_key")?,
                column: r.get("column_name")?,
                kept: r.get("kept")?,
                other: r.get("other")?,
                other_laptop: r.get("other_laptop")?,
                other_made_at: r.get("other_made_at")?,
                why: r.get("why")?,
                can_use_other: r.get("can_use_other")?,
                other_value: None,
                row: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A listed clash's table, field, record key and the value not kept, for "Use the other value".
pub type ToUndo = (String, String, Vec<(String, Value)>, Value);

pub fn clash_to_undo(conn: &Connection, id: i64) -> Result<Option<ToUndo>> {
    let found: Option<(String, String, Option<String>, Value)> = conn
        .query_row(
            "SELECT table_name, column_name, row_json, other_value FROM sharing_clashes
              WHERE id = ?1 AND settled = 0 AND why IN ('both_changed', 'made_twice')",
            [id],
            |r| Ok((r.get("table_name")?, r.get("column_name")?, r.get("row_json")?, r.get("other_value")?)),
        )
        .optional()?;
    Ok(found.and_then(|(table, column, row, other)| Some((table, column, key_from_json(&row?)?, other))))
}

pub fn settle_clash(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("UPDATE sharing_clashes SET settled = 1 WHERE id = ?1", [id])? == 0 {
        return Err(crate::error::Error::NotFound("That clash is no longer listed."));
    }
    Ok(())
}
