//! Locked records as they were locked: approved minutes as approved, a published bulletin as
//! published. The approval (or publication) keeps the records it locks as one JSON record
//! (`minutes_approvals`, `bulletin_publications`); it travels with it to the committee's
//! other laptops, and a laptop where they were changed at the same time (before it heard of
//! the lock) puts them back exactly as locked, so every laptop holds the same records.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use serde_json::{Map, Value as Json};

use crate::error::Result;

/// One kind of lock: where its JSON record is kept, which owners are locked now, and the
/// records it locks, each with how a row belongs to owner `?1`.
pub struct Lock {
    /// The table of JSON records, and its owner and time columns.
    pub record: &'static str,
    pub owner: &'static str,
    pub stamp: &'static str,
    /// The owners locked now (their ids), among those with a record.
    pub locked_now: &'static str,
    pub tables: &'static [(&'static str, &'static str)],
    /// What "Changes that clashed" names: the owner's table and the lock.
    pub shown_as: (&'static str, &'static str),
}

pub const MINUTES: Lock = Lock {
    record: "minutes_approvals",
    owner: "meeting_id",
    stamp: "approved_at",
    locked_now: "SELECT a.meeting_id AS owner, a.content AS content FROM minutes_approvals a
                   JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'minutes_approved'",
    tables: &[
        ("agenda_items", "meeting_id = ?1"),
        ("decisions", "agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)"),
        ("attendance", "meeting_id = ?1"),
        ("meeting_guests", "meeting_id = ?1"),
        ("action_updates", "meeting_id = ?1"),
    ],
    shown_as: ("meetings", "approved"),
};

pub const BULLETINS: Lock = Lock {
    record: "bulletin_publications",
    owner: "bulletin_id",
    stamp: "published_at",
    locked_now: "SELECT p.bulletin_id AS owner, p.content AS content FROM bulletin_publications p
                   JOIN bulletins b ON b.id = p.bulletin_id WHERE b.published_on IS NOT NULL",
    tables: &[("bulletin_articles", "bulletin_id = ?1")],
    shown_as: ("bulletins", "published"),
};

const LOCKS: &[&Lock] = &[&MINUTES, &BULLETINS];

/// A table's columns and which of them make its primary key.
fn columns(conn: &Connection, table: &str) -> Result<Vec<(String, bool)>> {
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let cols = stmt.query_map([table], |r| Ok((r.get("name")?, r.get::<_, i64>("pk")? > 0)))?;
    Ok(cols.collect::<rusqlite::Result<_>>()?)
}

fn to_json(value: Value) -> Json {
    match value {
        Value::Null | Value::Blob(_) => Json::Null,
        Value::Integer(i) => Json::from(i),
        Value::Real(r) => Json::from(r),
        Value::Text(t) => Json::from(t),
    }
}

fn to_value(json: &Json) -> Value {
    match json {
        Json::Number(n) if n.is_i64() => Value::Integer(n.as_i64().unwrap_or_default()),
        Json::Number(n) => Value::Real(n.as_f64().unwrap_or_default()),
        Json::String(t) => Value::Text(t.clone()),
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        _ => Value::Null,
    }
}

/// The locked records of one table for `owner`, by primary key.
fn rows(conn: &Connection, table: &str, belongs: &str, owner: i64) -> Result<BTreeMap<String, Map<String, Json>>> {
    let cols = columns(conn, table)?;
    let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" WHERE {belongs}"))?;
    let mut out = BTreeMap::new();
    let mut found = stmt.query([owner])?;
    while let Some(row) = found.next()? {
        let mut record = Map::new();
        for (name, _) in &cols {
            record.insert(name.clone(), to_json(row.get::<_, Value>(name.as_str())?));
        }
        out.insert(key_of(&cols, &record), record);
    }
    Ok(out)
}

fn key_of(cols: &[(String, bool)], record: &Map<String, Json>) -> String {
    cols.iter()
        .filter(|(_, pk)| *pk)
        .map(|(n, _)| record.get(n).map(Json::to_string).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("|")
}

/// Every record `lock` locks for `owner`, as it is now.
fn content(conn: &Connection, lock: &Lock, owner: i64) -> Result<Json> {
    let mut all = Map::new();
    for (table, belongs) in lock.tables {
        let records: Vec<Json> = rows(conn, table, belongs, owner)?.into_values().map(Json::Object).collect();
        all.insert((*table).to_string(), Json::Array(records));
    }
    Ok(Json::Object(all))
}

/// Keeps the records `lock` locks for `owner` as they are now (in the locking transaction).
pub fn capture(conn: &Connection, lock: &Lock, owner: i64, now: &str) -> Result<()> {
    let content = content(conn, lock, owner)?.to_string();
    conn.execute(
        &format!(
            "INSERT INTO {record} ({owner}, content, {stamp}) VALUES (?1, ?2, ?3)
             ON CONFLICT ({owner}) DO UPDATE SET content = excluded.content, {stamp} = excluded.{stamp}",
            record = lock.record,
            owner = lock.owner,
            stamp = lock.stamp
        ),
        params![owner, content, now],
    )?;
    Ok(())
}

/// Puts back, as locked, every locked record changed on another laptop at the same time as
/// the lock. The lock triggers stand aside for this one correction, inside the caller's
/// transaction. Returns what was put back: (the owner's table, the lock, the owner's id).
pub fn keep_as_locked(conn: &Connection) -> Result<Vec<(&'static str, &'static str, i64)>> {
    let mut changed = Vec::new();
    for lock in LOCKS {
        let mut stmt = conn.prepare(lock.locked_now)?;
        let locked: Vec<(i64, String)> =
            stmt.query_map([], |r| Ok((r.get("owner")?, r.get("content")?)))?.collect::<rusqlite::Result<_>>()?;
        for (owner, text) in locked {
            let Ok(wanted) = serde_json::from_str::<Json>(&text) else { continue };
            let before = content(conn, lock, owner)?;
            if before != wanted {
                put_back(conn, lock, owner, &wanted)?;
                // Nothing to report when only a record of an erased person stays out.
                if content(conn, lock, owner)? != before {
                    changed.push((lock.shown_as.0, lock.shown_as.1, owner));
                }
            }
        }
    }
    Ok(changed)
}

fn put_back(conn: &Connection, lock: &Lock, owner: i64, wanted_all: &Json) -> Result<()> {
    let names: Vec<&str> = lock.tables.iter().map(|(t, _)| *t).collect();
    let triggers: Vec<(String, String)> = {
        let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")?;
        let mut all = Vec::new();
        for table in &names {
            all.extend(
                stmt.query_map([table], |r| Ok((r.get("name")?, r.get("sql")?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            );
        }
        all
    };
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))?;
    }
    let result = (|| -> Result<()> {
        for (table, belongs) in lock.tables {
            let cols = columns(conn, table)?;
            let now = rows(conn, table, belongs, owner)?;
            let wanted: BTreeMap<String, &Map<String, Json>> = wanted_all
                .get(*table)
                .and_then(Json::as_array)
                .map(|rows| rows.iter().filter_map(Json::as_object).map(|r| (key_of(&cols, r), r)).collect())
                .unwrap_or_default();
            let key_clause = |from: usize| {
                cols.iter()
                    .filter(|(_, pk)| *pk)
                    .enumerate()
                    .map(|(i, (n, _))| format!("\"{n}\" = ?{}", from + i))
                    .collect::<Vec<_>>()
                    .join(" AND ")
            };
            let key_values = |r: &Map<String, Json>| -> Vec<Value> {
                cols.iter().filter(|(_, pk)| *pk).map(|(n, _)| to_value(r.get(n).unwrap_or(&Json::Null))).collect()
            };
            // Rows added at the same time go; rows changed or removed come back as locked.
            for (key, record) in &now {
                if !wanted.contains_key(key) {
                    let sql = format!("DELETE FROM \"{table}\" WHERE {}", key_clause(1));
                    let _ = conn.execute(&sql, rusqlite::params_from_iter(key_values(record)));
                }
            }
            for (key, record) in &wanted {
                if now.get(key) == Some(*record) {
                    continue;
                }
                let values: Vec<Value> =
                    cols.iter().map(|(n, _)| to_value(record.get(n).unwrap_or(&Json::Null))).collect();
                // Updated in place when it is still here (its links stay), else added back;
                // a record whose person has since been erased stays out (erasure wins).
                let _ = if now.contains_key(key) {
                    let set = cols
                        .iter()
                        .enumerate()
                        .map(|(i, (n, _))| format!("\"{n}\" = ?{}", i + 1))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let sql = format!("UPDATE \"{table}\" SET {set} WHERE {}", key_clause(cols.len() + 1));
                    conn.execute(&sql, rusqlite::params_from_iter(values.into_iter().chain(key_values(record))))
                } else {
                    let list = cols.iter().map(|(n, _)| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
                    let marks = (1..=cols.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
                    conn.execute(
                        &format!("INSERT INTO \"{table}\" ({list}) VALUES ({marks})"),
                        rusqlite::params_from_iter(values),
                    )
                };
            }
        }
        Ok(())
    })();
    for (_, sql) in &triggers {
        conn.execute_batch(&format!("{sql};"))?;
    }
    result
}
