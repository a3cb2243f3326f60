//! The SQL of sharing: this laptop's settings, its outbox, what it has applied, its clashes.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use super::Keys;
use super::{Area, Sharing};
use crate::db::keys::DataKey;
use crate::error::Result;
pub use crate::outbox::{is_sharing, tables};

pub fn get(conn: &Connection) -> Result<Option<(Sharing, Keys)>> {
    type Blobs = (Vec<u8>, Option<Vec<u8>>, Option<Vec<u8>>);
    let row = conn
        .query_row(
            "SELECT laptop_id, laptop_name, folder, committee_key, drivers_key, befriending_key, drivers, befriending,
                    started_at, last_sent_at, last_received_at, last_received_from FROM sharing WHERE id = 1",
            [],
            |r| {
                let keys: Blobs = (r.get("committee_key")?, r.get("drivers_key")?, r.get("befriending_key")?);
                Ok((
                    Sharing {
                        laptop_id: r.get("laptop_id")?,
                        laptop_name: r.get("laptop_name")?,
                        folder: r.get("folder")?,
                        drivers: r.get("drivers")?,
                        befriending: r.get("befriending")?,
                        started_at: r.get("started_at")?,
                        last_sent_at: r.get("last_sent_at")?,
                        last_received_at: r.get("last_received_at")?,
                        last_received_from: r.get("last_received_from")?,
                    },
                    zeroize::Zeroizing::new(keys),
                ))
            },
        )
        .optional()?;
    let Some((sharing, blobs)) = row else { return Ok(None) };
    let (committee, drivers, befriending) = &*blobs;
    let Some(committee) = DataKey::from_bytes(committee) else { return Ok(None) };
    let generation: u32 = conn.query_row("SELECT generation FROM sharing WHERE id = 1", [], |r| r.get("generation"))?;
    let mut stmt = conn.prepare("SELECT area, generation, key FROM sharing_old_keys ORDER BY generation DESC, area")?;
    let older: Vec<(String, u32, zeroize::Zeroizing<Vec<u8>>)> = stmt
        .query_map([], |r| Ok((r.get("area")?, r.get("generation")?, zeroize::Zeroizing::new(r.get("key")?))))?
        .collect::<rusqlite::Result<_>>()?;
    let keys = Keys {
        committee,
        drivers: drivers.as_deref().and_then(DataKey::from_bytes),
        befriending: befriending.as_deref().and_then(DataKey::from_bytes),
        generation,
        older: older
            .iter()
            .filter_map(|(area, g, key)| Some((Area::parse(area)?, *g, DataKey::from_bytes(key)?)))
            .collect(),
    };
    Ok(Some((sharing, keys)))
}

pub fn start(conn: &Connection, s: &Sharing, keys: &Keys, secret: &[u8; 32]) -> Result<()> {
    let blob = |key: Option<&DataKey>| key.map(|k| k.bytes().to_vec());
    conn.execute(
        "INSERT INTO sharing (id, laptop_id, laptop_name, folder, committee_key, drivers_key, befriending_key,
                              drivers, befriending, started_at, last_tidied_at, laptop_secret, generation)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)",
        params![
            s.laptop_id,
            s.laptop_name,
            s.folder,
            &keys.committee.bytes()[..],
            blob(keys.drivers.as_ref()),
            blob(keys.befriending.as_ref()),
            keys.drivers.is_some(),
            keys.befriending.is_some(),
            s.started_at,
            &secret[..],
            keys.generation
        ],
    )?;
    super::keys_sql::keep_older(conn, keys)
}

/// A change of this laptop's, in its outbox.
pub struct Outgoing {
    pub seq: i64,
    /// Its number in its area's stream: the number of its file.
    pub area_seq: i64,
    pub area: String,
    pub changeset: Vec<u8>,
    pub made_at: String,
    /// A scheme's snapshot: what it holds (JSON), sent as its `seen`.
    pub covers: Option<String>,
}

/// Changes not yet written to the folder.
pub fn unsent(conn: &Connection) -> Result<Vec<Outgoing>> {
    let mut stmt = conn.prepare(
        "SELECT seq, area_seq, area, changeset, made_at, covers FROM sharing_outbox WHERE sent = 0 ORDER BY seq",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Outgoing {
                seq: r.get("seq")?,
                area_seq: r.get("area_seq")?,
                area: r.get("area")?,
                changeset: r.get("changeset")?,
                made_at: r.get("made_at")?,
                covers: r.get("covers")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn mark_sent(conn: &Connection, seq: i64, now: &str) -> Result<()> {
    conn.execute("UPDATE sharing_outbox SET sent = 1 WHERE seq = ?1", [seq])?;
    conn.execute("UPDATE sharing SET last_sent_at = ?1 WHERE id = 1", [now])?;
    Ok(())
}

/// The last number of each area's stream in this laptop's outbox: (area, area_seq).
pub fn last_seqs(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt =
        conn.prepare("SELECT area, max(area_seq) AS area_seq FROM sharing_outbox GROUP BY area ORDER BY area")?;
    let rows = stmt.query_map([], |r| Ok((r.get("area")?, r.get("area_seq")?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A joining laptop: forgets the starting copy's own sharing (its laptop, outbox and
/// clashes) and counts each of the sender's streams up to where the copy was made as applied
/// (the copy holds those changes; a scheme's come in the scheme's snapshot that follows).
/// The schemes' records never come in a starting copy: what the copy's laptop had applied of
/// them is forgotten too, so a laptop holding a scheme starts from its newest snapshot.
pub fn take_over(conn: &Connection, streams: &[(String, i64)], sender_name: &str, now: &str) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM sharing; DELETE FROM sharing_outbox; DELETE FROM sharing_clashes;
         DELETE FROM sharing_received WHERE laptop_id LIKE '%-drivers' OR laptop_id LIKE '%-befriending';",
    )?;
    for (stream, last) in streams {
        note_applied_up_to(conn, stream, *last, sender_name, now)?;
    }
    Ok(())
}

pub fn was_applied(conn: &Connection, laptop: &str, seq: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sharing_received WHERE laptop_id = ?1 AND seq = ?2)",
        params![laptop, seq],
        |r| r.get(0),
    )?)
}

pub fn note_applied(conn: &Connection, laptop: &str, seq: i64, name: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO sharing_received (laptop_id, seq, laptop_name, applied_at) VALUES (?1, ?2, ?3, ?4)",
        params![laptop, seq, name, now],
    )?;
    conn.execute(
        "UPDATE sharing SET last_received_at = ?1, last_received_from = substr(?2, 1, 60) WHERE id = 1",
        params![now, name],
    )?;
    Ok(())
}

/// Laptops heard from (and not removed), latest first.
pub fn heard_from(conn: &Connection) -> Result<Vec<super::HeardFrom>> {
    let mut stmt = conn.prepare(
        "SELECT substr(laptop_id, 1, 32) AS laptop, laptop_name AS name, max(applied_at) AS at FROM sharing_received
          WHERE laptop_name <> '' AND substr(laptop_id, 1, 32) NOT IN (SELECT laptop_id FROM sharing_removed)
          GROUP BY substr(laptop_id, 1, 32) ORDER BY at DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(super::HeardFrom {
                laptop_id: r.get("laptop")?,
                laptop_name: r.get("name")?,
                last_applied_at: r.get("at")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn column_names(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt.query_map([table], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// After applying: a link left pointing at a record deleted on this laptop follows the
/// schema's own rule for a deletion (the row goes, or the link is emptied), until none is left.
pub fn tidy_links(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT m.name AS child, f.\"from\" AS link, f.\"table\" AS parent, f.on_delete AS on_delete
           FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    )?;
    let links: Vec<(String, String, String, String)> = stmt
        .query_map([], |r| Ok((r.get("child")?, r.get("link")?, r.get("parent")?, r.get("on_delete")?)))?
        .collect::<rusqlite::Result<_>>()?;
    for _ in 0..8 {
        let mut changed = 0;
        for (child, link, parent, on_delete) in &links {
            let orphans = format!("\"{link}\" IS NOT NULL AND \"{link}\" NOT IN (SELECT id FROM \"{parent}\")");
            changed += if on_delete == "SET NULL" {
                conn.execute(&format!("UPDATE \"{child}\" SET \"{link}\" = NULL WHERE {orphans}"), [])?
            } else {
                conn.execute(&format!("DELETE FROM \"{child}\" WHERE {orphans}"), [])?
            };
        }
        if changed == 0 {
            break;
        }
    }
    Ok(())
}

/// Sets `set` on the row of `table` whose primary key is `key` (a field-by-field merge).
/// A change a lock refuses (approved minutes) is left out and reported by the caller.
pub fn merge_fields(conn: &Connection, table: &str, key: &[(String, Value)], set: &[(String, Value)]) -> Result<bool> {
    Ok(update_row(conn, table, key, set)?.is_some())
}

/// Sets `set` on the row of `table` whose primary key is `key`: the rows changed, or `None`
/// when a lock (approved minutes, a published bulletin) refuses it.
pub fn update_row(
    conn: &Connection,
    table: &str,
    key: &[(String, Value)],
    set: &[(String, Value)],
) -> Result<Option<usize>> {
    let assignments: Vec<String> = set.iter().enumerate().map(|(i, (c, _))| format!("\"{c}\" = ?{}", i + 1)).collect();
    let conditions: Vec<String> =
        key.iter().enumerate().map(|(i, (c, _))| format!("\"{c}\" = ?{}", set.len() + i + 1)).collect();
    let sql = format!("UPDATE \"{table}\" SET {} WHERE {}", assignments.join(", "), conditions.join(" AND "));
    let values: Vec<&Value> = set.iter().map(|(_, v)| v).chain(key.iter().map(|(_, v)| v)).collect();
    match conn.execute(&sql, rusqlite::params_from_iter(values)) {
        Ok(n) => Ok(Some(n)),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Notes that the row of `table` with primary key `key` was deleted elsewhere.
pub fn note_deleted(conn: &Connection, table: &str, key: &[(String, Value)]) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO sharing_deleted (table_name, row_key) VALUES (?1, ?2)",
        params![table, key_json(key)],
    )?;
    Ok(())
}

pub(super) fn key_json(key: &[(String, Value)]) -> String {
    let parts: Vec<serde_json::Value> = key
        .iter()
        .map(|(c, v)| {
            let v = match v {
                Value::Integer(i) => serde_json::Value::from(*i),
                Value::Text(t) => serde_json::Value::from(t.as_str()),
                Value::Real(r) => serde_json::Value::from(*r),
                _ => serde_json::Value::Null,
            };
            serde_json::json!([c, v])
        })
        .collect();
    serde_json::Value::Array(parts).to_string()
}

/// Deletes again every row deleted elsewhere that has since arrived from another laptop.
pub fn delete_again(conn: &Connection) -> Result<()> {
    if !conn.query_row("SELECT EXISTS (SELECT 1 FROM sharing_deleted)", [], |r| r.get::<_, bool>(0))? {
        return Ok(());
    }
    let mut stmt = conn.prepare("SELECT table_name, row_key FROM sharing_deleted")?;
    let rows: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get("table_name")?, r.get("row_key")?)))?.collect::<rusqlite::Result<_>>()?;
    let known = tables(conn)?;
    for (table, key) in rows {
        let Some(key) = key_from_json(&key).filter(|k| !k.is_empty()) else { continue };
        if !known.contains(&table) {
            continue;
        }
        let conditions: Vec<String> =
            key.iter().enumerate().map(|(i, (column, _))| format!("\"{column}\" = ?{}", i + 1)).collect();
        conn.execute(
            &format!("DELETE FROM \"{table}\" WHERE {}", conditions.join(" AND ")),
            rusqlite::params_from_iter(key.iter().map(|(_, v)| v)),
        )?;
    }
    Ok(())
}

/// A record's key written by `key_json`; `None` if it is not one (only plain column names).
pub(super) fn key_from_json(text: &str) -> Option<Vec<(String, Value)>> {
    let Ok(serde_json::Value::Array(parts)) = serde_json::from_str::<serde_json::Value>(text) else { return None };
    let mut key = Vec::new();
    for part in parts {
        let [column, value] = part.as_array().map(Vec::as_slice)? else { return None };
        let column = column.as_str().filter(|c| c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))?;
        key.push((
            column.to_string(),
            match value {
                serde_json::Value::Number(n) if n.is_i64() => Value::Integer(n.as_i64().unwrap_or_default()),
                serde_json::Value::Number(n) => Value::Real(n.as_f64().unwrap_or_default()),
                serde_json::Value::String(t) => Value::Text(t.clone()),
                _ => Value::Null,
            },
        ));
    }
    Some(key)
}

/// The last change applied here from each other laptop: (laptop, seq).
pub fn seen(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT laptop_id AS laptop, max(seq) AS seq FROM sharing_received GROUP BY laptop_id ORDER BY laptop_id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get("laptop")?, r.get("seq")?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Whether this laptop has applied anything of `area`'s streams, or holds any of its records.
pub fn has_any_of(conn: &Connection, area: super::Area) -> Result<bool> {
    let pattern = format!("%-{}", area.key());
    if conn.query_row("SELECT EXISTS (SELECT 1 FROM sharing_received WHERE laptop_id LIKE ?1)", [&pattern], |r| {
        r.get::<_, bool>(0)
    })? {
        return Ok(true);
    }
    for table in tables(conn)?.into_iter().filter(|t| super::Area::of_table(t) == Some(area)) {
        if conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM \"{table}\")"), [], |r| r.get::<_, bool>(0))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Counts every change of `stream` up to `last` as applied (what a snapshot holds).
pub fn note_applied_up_to(conn: &Connection, stream: &str, last: i64, name: &str, now: &str) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT OR IGNORE INTO sharing_received (laptop_id, seq, laptop_name, applied_at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for n in 1..=last {
        stmt.execute(params![stream, n, name, now])?;
    }
    Ok(())
}

pub fn last_tidied(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT last_tidied_at FROM sharing WHERE id = 1", [], |r| r.get("last_tidied_at"))?)
}

pub fn note_tidied(conn: &Connection, now: &str) -> Result<()> {
    conn.execute("UPDATE sharing SET last_tidied_at = ?1 WHERE id = 1", [now])?;
    Ok(())
}
