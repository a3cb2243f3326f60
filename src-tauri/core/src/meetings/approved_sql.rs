//! Approved minutes as they were approved. The approval keeps the records it locks as one
//! JSON record (`minutes_approvals`); it travels with the approval to the committee's other
//! laptops, and a laptop where the minutes were changed at the same time (before it heard of
//! the approval) puts them back exactly as approved, so every laptop holds the same minutes.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use serde_json::{Map, Value as Json};

use crate::error::Result;

/// The records approved minutes lock, each with how a row belongs to meeting `?1`.
const LOCKED: &[(&str, &str)] = &[
    ("agenda_items", "meeting_id = ?1"),
    ("decisions", "agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?1)"),
    ("attendance", "meeting_id = ?1"),
    ("meeting_guests", "meeting_id = ?1"),
    ("action_updates", "meeting_id = ?1"),
];

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

/// The locked records of one table for `meeting`, by primary key.
fn rows(conn: &Connection, table: &str, belongs: &str, meeting: i64) -> Result<BTreeMap<String, Map<String, Json>>> {
    let cols = columns(conn, table)?;
    let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" WHERE {belongs}"))?;
    let mut out = BTreeMap::new();
    let mut found = stmt.query([meeting])?;
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

/// Every locked record of `meeting` as it is now.
fn content(conn: &Connection, meeting: i64) -> Result<Json> {
    let mut all = Map::new();
    for (table, belongs) in LOCKED {
        let records: Vec<Json> = rows(conn, table, belongs, meeting)?.into_values().map(Json::Object).collect();
        all.insert((*table).to_string(), Json::Array(records));
    }
    Ok(Json::Object(all))
}

/// Keeps the minutes of `meeting` as approved now (called in the approval's transaction).
pub fn capture(conn: &Connection, meeting: i64, now: &str) -> Result<()> {
    let content = content(conn, meeting)?.to_string();
    conn.execute(
        "INSERT INTO minutes_approvals (meeting_id, content, approved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (meeting_id) DO UPDATE SET content = excluded.content, approved_at = excluded.approved_at",
        params![meeting, content, now],
    )?;
    Ok(())
}

/// Puts back, as approved, the minutes of every approved meeting whose locked records differ
/// from their approval (changed on another laptop before it heard of the approval). The lock
/// triggers stand aside for this one correction, inside the caller's transaction. Returns the
/// meetings put back.
pub fn keep_as_approved(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT a.meeting_id AS meeting, a.content AS content FROM minutes_approvals a
           JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'minutes_approved'",
    )?;
    let approvals: Vec<(i64, String)> =
        stmt.query_map([], |r| Ok((r.get("meeting")?, r.get("content")?)))?.collect::<rusqlite::Result<_>>()?;
    let mut changed = Vec::new();
    for (meeting, text) in approvals {
        let Ok(approved) = serde_json::from_str::<Json>(&text) else { continue };
        let before = content(conn, meeting)?;
        if before != approved {
            put_back(conn, meeting, &approved)?;
            // Nothing to report when only a record of an erased person stays out.
            if content(conn, meeting)? != before {
                changed.push(meeting);
            }
        }
    }
    Ok(changed)
}

fn put_back(conn: &Connection, meeting: i64, approved: &Json) -> Result<()> {
    let names: Vec<&str> = LOCKED.iter().map(|(t, _)| *t).collect();
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
        for (table, belongs) in LOCKED {
            let cols = columns(conn, table)?;
            let now = rows(conn, table, belongs, meeting)?;
            let wanted: BTreeMap<String, &Map<String, Json>> = approved
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
            // Rows added at the same time go; rows changed or removed come back as approved.
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
