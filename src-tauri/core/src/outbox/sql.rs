//! The SQL of the outbox: whether this laptop shares, in which areas, and its changes.

use rusqlite::{params, Connection};

use super::Area;
use crate::error::Result;

pub fn is_sharing(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM sharing)", [], |r| r.get(0))?)
}

/// The areas this laptop shares, from its settings (committee business always).
pub fn areas(conn: &Connection) -> Result<Vec<Area>> {
    let (drivers, befriending): (bool, bool) =
        conn.query_row("SELECT drivers, befriending FROM sharing WHERE id = 1", [], |r| {
            Ok((r.get("drivers")?, r.get("befriending")?))
        })?;
    let mut areas = vec![Area::Committee];
    if drivers {
        areas.push(Area::Drivers);
    }
    if befriending {
        areas.push(Area::Befriending);
    }
    Ok(areas)
}

/// Every table of the store with the area it travels in, from `changes::topic_of`.
pub fn tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let names = stmt.query_map([], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

pub fn add_to_outbox(conn: &Connection, area: Area, changeset: &[u8], now: &str) -> Result<()> {
    add(conn, area, changeset, now, None)
}

/// A scheme's snapshot, with what it holds (JSON), to go out like a change.
pub fn add_snapshot(conn: &Connection, area: Area, changeset: &[u8], now: &str, covers: &str) -> Result<()> {
    add(conn, area, changeset, now, Some(covers))
}

fn add(conn: &Connection, area: Area, changeset: &[u8], now: &str, covers: Option<&str>) -> Result<()> {
    conn.execute(
        "INSERT INTO sharing_outbox (seq, area, area_seq, changeset, made_at, snapshot, covers)
         VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sharing_outbox), ?1,
                 (SELECT coalesce(max(area_seq), 0) + 1 FROM sharing_outbox WHERE area = ?1), ?2, ?3, ?4, ?5)",
        params![area.key(), changeset, now, covers.is_some(), covers],
    )?;
    Ok(())
}

pub fn laptop_id(conn: &Connection) -> Result<String> {
    Ok(conn.query_row("SELECT laptop_id FROM sharing WHERE id = 1", [], |r| r.get("laptop_id"))?)
}

/// Records `version` as the version of each of `fields` (by position) of the row of `table`
/// whose primary key columns (by position) are `key`, in its `row_version` JSON.
pub fn set_field_versions(
    conn: &Connection,
    table: &str,
    key: &[(usize, rusqlite::types::Value)],
    fields: &[usize],
    version: &str,
) -> Result<()> {
    let names: Vec<String> = {
        let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
        let names = stmt.query_map([table], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
        names
    };
    let written: Vec<&String> = fields.iter().filter_map(|i| names.get(*i)).filter(|n| *n != "row_version").collect();
    if !names.iter().any(|n| n == "row_version") || written.is_empty() || key.is_empty() {
        return Ok(());
    }
    let conditions = |from: usize| -> Vec<String> {
        key.iter()
            .enumerate()
            .filter_map(|(i, (column, _))| Some(format!("\"{}\" = ?{}", names.get(*column)?, i + from)))
            .collect()
    };
    if conditions(1).len() != key.len() {
        return Ok(());
    }
    let key_values = || key.iter().map(|(_, v)| v.clone());
    let current: Option<String> = conn
        .query_row(
            &format!("SELECT row_version FROM \"{table}\" WHERE {}", conditions(1).join(" AND ")),
            rusqlite::params_from_iter(key_values()),
            |r| r.get("row_version"),
        )
        .ok();
    // Kept as JSON with its fields in order, the same text on every laptop for the same versions.
    let mut versions: std::collections::BTreeMap<String, String> =
        current.and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default();
    for field in written {
        versions.insert(field.clone(), version.to_string());
    }
    let text = serde_json::to_string(&versions).unwrap_or_default();
    let sql = format!("UPDATE \"{table}\" SET row_version = ?1 WHERE {}", conditions(2).join(" AND "));
    conn.execute(
        &sql,
        rusqlite::params_from_iter(std::iter::once(rusqlite::types::Value::Text(text)).chain(key_values())),
    )?;
    Ok(())
}
