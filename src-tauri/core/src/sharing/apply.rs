//! Applying another laptop's changeset, deciding each clash the same way on every laptop so
//! they all end with the same records, and keeping the value not kept under "Changes that
//! clashed".
//!
//! - A field changed on one side only merges (a changeset's update names only what changed).
//! - The same field changed on both sides: the later change is kept (`updated_at` against the
//!   change's time; a tie goes to the higher laptop id, the same answer everywhere).
//! - A change to a row deleted here is dropped: a deletion (an erasure above all) wins.
//! - A change a lock refuses (approved minutes, a published bulletin) is refused and reported.
//! - Links left pointing at a deleted record follow the schema's own rule (cascade or NULL).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rusqlite::session::{ChangesetItem, ConflictAction, ConflictType};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use super::exchange::Header;
use super::Clash;
use crate::error::Result;

/// Each table's column names, read once per "Send and receive" and shared by every file.
pub type Columns = Arc<HashMap<String, Vec<String>>>;

pub fn columns(conn: &Connection) -> Result<Columns> {
    let mut map = HashMap::new();
    for table in super::sql::tables(conn)? {
        let names = super::sql::column_names(conn, &table)?;
        map.insert(table, names);
    }
    Ok(Arc::new(map))
}

/// Whether the incoming change is the later one for this row: the row's own `updated_at`
/// on each side when both have one and they differ, else the higher laptop id. Each laptop
/// asks the same question the other way round, so both come to the same answer.
fn incoming_is_later(item: &ChangesetItem, names: &[String], from: &str, me: &str) -> bool {
    let at = names.iter().position(|n| n == "updated_at");
    let theirs = at.and_then(|i| item.new_value(i).ok()).map(|v| text_of(&owned(v)));
    let ours = at.and_then(|i| item.conflict(i).ok()).map(|v| text_of(&owned(v)));
    match (theirs, ours) {
        (Some(theirs), Some(ours)) if theirs != ours => theirs > ours,
        _ => from > me,
    }
}

fn row_key(item: &ChangesetItem, names: &[String]) -> String {
    pk_values(item)
        .iter()
        .map(|(i, value)| format!("{}={}", names.get(*i).map(String::as_str).unwrap_or("?"), text_of(value)))
        .collect::<Vec<_>>()
        .join(",")
}

fn owned(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => r.to_string(),
        Value::Text(t) => t.clone(),
        Value::Blob(b) => format!("({} bytes)", b.len()),
    }
}

/// The primary key's columns and values of the row a change is about.
fn pk_values(item: &ChangesetItem) -> Vec<(usize, Value)> {
    let pk = item.pk().map(<[u8]>::to_vec).unwrap_or_default();
    pk.iter()
        .enumerate()
        .filter(|(_, is_pk)| **is_pk != 0)
        .filter_map(|(i, _)| item.old_value(i).or_else(|_| item.new_value(i)).ok().map(|v| (i, owned(v))))
        .collect()
}

/// A row changed here and in the change: the fields to set once the changeset is applied.
struct Merge {
    table: String,
    key: Vec<(String, Value)>,
    set: Vec<(String, Value)>,
}

/// Field by field: a field only the other laptop changed is taken; a field both changed
/// keeps the later change and the other value goes on the clash list.
fn merge(
    item: &ChangesetItem,
    names: &[String],
    later: bool,
    clash: &dyn Fn(String, &Value, &Value) -> Clash,
    list: &mut Vec<Clash>,
) -> Vec<(String, Value)> {
    let mut set = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Ok(theirs) = item.new_value(i).map(owned) else { continue };
        let Ok(ours) = item.conflict(i).map(owned) else { continue };
        if theirs == ours {
            continue;
        }
        // An insert has no "before": every differing field counts as changed on both sides.
        let before = item.old_value(i).ok().map(owned);
        let only_theirs = before.as_ref() == Some(&ours);
        if only_theirs || later {
            set.push((name.clone(), theirs.clone()));
        }
        if !only_theirs && name != "updated_at" {
            list.push(if later {
                Clash { other_laptop: "This laptop".into(), ..clash(name.clone(), &theirs, &ours) }
            } else {
                clash(name.clone(), &ours, &theirs)
            });
        }
    }
    set
}

/// Applies `changeset` (from `header`'s laptop) on `conn`, inside the caller's transaction.
/// Returns the clashes found, already saved.
pub fn apply(
    conn: &Connection,
    names: &Columns,
    me: &str,
    header: &Header,
    changeset: &[u8],
    now: &str,
) -> Result<usize> {
    let names = names.clone();
    let links_broken = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let broken = links_broken.clone();
    type Found = (Vec<Clash>, Vec<Merge>, Vec<(String, Vec<(String, Value)>)>);
    let found: Arc<Mutex<Found>> = Arc::default();
    let noted = found.clone();
    let from = header.clone();
    let me_owned = me.to_string();
    let handler = move |kind: ConflictType, item: &ChangesetItem| -> ConflictAction {
        let Ok(op) = item.op() else { return ConflictAction::SQLITE_CHANGESET_OMIT };
        let table = op.table_name().to_string();
        let code = op.code();
        let empty = Vec::new();
        let cols = names.get(&table).unwrap_or(&empty);
        let key = || pk_values(item).into_iter().filter_map(|(i, v)| Some((cols.get(i)?.clone(), v))).collect();
        let clash = |column: String, kept: &Value, other: &Value| Clash {
            id: 0,
            table: table.clone(),
            row_key: row_key(item, cols),
            column,
            kept: text_of(kept),
            other: text_of(other),
            other_laptop: from.laptop_name.clone(),
            other_made_at: from.made_at.clone(),
            why: "both_changed".into(),
            can_use_other: true,
            other_value: Some(other.clone()),
            row: key(),
        };
        let mut guard = noted.lock().unwrap_or_else(|p| p.into_inner());
        let (list, merges, deleted) = &mut *guard;
        match kind {
            // Deleted there, changed here: the deletion (an erasure above all) wins.
            ConflictType::SQLITE_CHANGESET_DATA if code == rusqlite::hooks::Action::SQLITE_DELETE => {
                ConflictAction::SQLITE_CHANGESET_REPLACE
            }
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                let later = incoming_is_later(item, cols, &from.laptop_id, &me_owned);
                let set = merge(item, cols, later, &clash, list);
                if !set.is_empty() {
                    merges.push(Merge { table: table.clone(), key: key(), set });
                }
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            ConflictType::SQLITE_CHANGESET_CONSTRAINT => {
                let none = Value::Null;
                list.push(Clash {
                    why: "refused".into(),
                    can_use_other: false,
                    other_value: None,
                    ..clash(String::new(), &none, &none)
                });
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // Deleted there before this laptop had the row: remembered, so that the row is
            // deleted again if it arrives later from a laptop that had not seen the deletion.
            ConflictType::SQLITE_CHANGESET_NOTFOUND if code == rusqlite::hooks::Action::SQLITE_DELETE => {
                deleted.push((table.clone(), key()));
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // A link to a record deleted here: tidied below, as the schema says.
            ConflictType::SQLITE_CHANGESET_FOREIGN_KEY => {
                broken.store(true, std::sync::atomic::Ordering::Relaxed);
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // Not found (deleted here: the deletion wins), a link to a record deleted here
            // (tidied below), or anything SQLite adds later: leave this row as it is.
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        }
    };
    let mut input: &[u8] = changeset;
    conn.apply_strm(&mut input, None::<fn(&str) -> bool>, handler)?;
    let (mut clashes, merges, deleted) = std::mem::take(&mut *found.lock().unwrap_or_else(|p| p.into_inner()));
    for (table, key) in &deleted {
        super::sql::note_deleted(conn, table, key)?;
    }
    for m in &merges {
        if !super::sql::merge_fields(conn, &m.table, &m.key, &m.set)? {
            // A lock (approved minutes, a published bulletin) refuses it: reported, not applied.
            clashes.push(Clash {
                id: 0,
                table: m.table.clone(),
                row_key: m.key.iter().map(|(c, v)| format!("{c}={}", text_of(v))).collect::<Vec<_>>().join(","),
                column: m.set.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "),
                kept: String::new(),
                other: m.set.iter().map(|(_, v)| text_of(v)).collect::<Vec<_>>().join(", "),
                other_laptop: header.laptop_name.clone(),
                other_made_at: header.made_at.clone(),
                why: "locked".into(),
                can_use_other: false,
                other_value: None,
                row: Vec::new(),
            });
        }
    }
    super::sql::delete_again(conn)?;
    if links_broken.load(std::sync::atomic::Ordering::Relaxed) {
        super::sql::tidy_links(conn)?;
    }
    for clash in &clashes {
        super::clash_sql::add_clash(conn, clash, now)?;
    }
    Ok(clashes.len())
}
