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
