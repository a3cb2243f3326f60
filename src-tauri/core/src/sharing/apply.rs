//! Applying another laptop's changeset, deciding each clash the same way on every laptop so
//! they all end with the same records, and keeping the value not kept under "Changes that
//! clashed".
//!
//! - A field changed on one side only merges (a changeset's update names only what changed).
//! - The same field changed on both sides: the later change is kept (`updated_at` against the
//!   change's time; a tie, or a record without one, keeps the greater value: the same answer
//!   everywhere, whichever laptop asks and in whatever order the changes arrive).
//! - A change to a row deleted here is dropped: a deletion (an erasure above all) wins.
//! - A change a lock refuses (approved minutes, a published bulletin) is refused and reported.
//! - Links left pointing at a deleted record follow the schema's own rule (cascade or NULL).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use rusqlite::session::{ChangesetItem, ConflictAction, ConflictType};
use rusqlite::types::Value;
use rusqlite::Connection;

use super::exchange::Header;
use super::twice::{text_of, Refused};
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

/// Each field's version on one side of a clash: `row_version` holds, as JSON, the version of
/// the last recorded write of each field (see `db::row_versions`); none before sharing began.
fn versions(value: Option<Value>) -> BTreeMap<String, String> {
    match value {
        Some(Value::Text(text)) => serde_json::from_str(&text).unwrap_or_default(),
        _ => BTreeMap::new(),
    }
}

/// A total order over stored values (NULL, numbers, text, bytes), for a tie.
fn greater(a: &Value, b: &Value) -> bool {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    let number = |v: &Value| match v {
        Value::Integer(i) => *i as f64,
        Value::Real(r) => *r,
        _ => 0.0,
    };
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => x > y,
        (Value::Blob(x), Value::Blob(y)) => x > y,
        (Value::Integer(x), Value::Integer(y)) => x > y,
        _ if rank(a) == rank(b) && rank(a) == 1 => number(a) > number(b),
        _ => rank(a) > rank(b),
    }
}

fn row_key(item: &ChangesetItem, names: &[String]) -> String {
    pk_values(item)
        .iter()
        .map(|(i, value)| format!("{}={}", names.get(*i).map(String::as_str).unwrap_or("?"), text_of(value)))
        .collect::<Vec<_>>()
        .join(",")
}

use crate::outbox::owned;

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

/// Field by field, by each field's version: the later write of a field is kept, wherever it
/// was made, and the other value goes on the clash list when the two laptops really wrote
/// different values at the same time. A field only one laptop changed is simply the later.
/// The versions kept are, field by field, the later of the two, so every laptop comes to the
/// same record whatever order the changes arrive in. Fields without versions (written before
/// sharing began) fall back to keeping the greater value, the same answer everywhere.
fn merge(
    item: &ChangesetItem,
    names: &[String],
    clash: &dyn Fn(String, &Value, &Value) -> Clash,
    list: &mut Vec<Clash>,
) -> Vec<(String, Value)> {
    let at = names.iter().position(|n| n == "row_version");
    let theirs_v = versions(at.and_then(|i| item.new_value(i).ok()).map(owned));
    let ours_v = versions(at.and_then(|i| item.conflict(i).ok()).map(owned));
    let mut set = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if Some(i) == at {
            continue;
        }
        let Ok(theirs) = item.new_value(i).map(owned) else { continue };
        let Ok(ours) = item.conflict(i).map(owned) else { continue };
        if theirs == ours {
            continue;
        }
        let (tv, ov) = (theirs_v.get(name), ours_v.get(name));
        let later = match (tv, ov) {
            (Some(tv), Some(ov)) if tv != ov => tv > ov,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            _ => greater(&theirs, &ours),
        };
        if later {
            set.push((name.clone(), theirs.clone()));
        }
        // Both wrote this field since the change's own starting point: a real clash.
        let before = item.old_value(i).ok().map(owned);
        let both = before.as_ref() != Some(&ours) && name != "updated_at";
        if both {
            list.push(if later {
                Clash { other_laptop: "This laptop".into(), ..clash(name.clone(), &theirs, &ours) }
            } else {
                clash(name.clone(), &ours, &theirs)
            });
        }
    }
    if let Some(i) = at {
        let mut merged = ours_v.clone();
        for (field, version) in theirs_v {
            if merged.get(&field).is_none_or(|v| *v < version) {
                merged.insert(field, version);
            }
        }
        if merged != ours_v {
            let text = serde_json::to_string(&merged).unwrap_or_default();
            set.push((names[i].clone(), Value::Text(text)));
        }
    }
    set
}

/// A change a lock refused (or, with column "approved" or "published", locked records put
/// back as locked), from `header`'s laptop.
fn locked(header: &Header, table: String, row_key: String, column: String, other: String) -> Clash {
    Clash {
        id: 0,
        table,
        row_key,
        column,
        kept: String::new(),
        other,
        other_laptop: header.laptop_name.clone(),
        other_made_at: header.made_at.clone(),
        why: "locked".into(),
        can_use_other: false,
        other_value: None,
        row: Vec::new(),
    }
}

/// Applies `changeset` (from `header`'s laptop) on `conn`, inside the caller's transaction.
/// Returns the clashes found, already saved.
pub fn apply(conn: &Connection, names: &Columns, header: &Header, changeset: &[u8], now: &str) -> Result<usize> {
    // The conflict handler keeps its own handle on the column names.
    let handler_names = names.clone();
    let links_broken = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let broken = links_broken.clone();
    type Found = (Vec<Clash>, Vec<Merge>, Vec<(String, Vec<(String, Value)>)>, Vec<Refused>);
    let found: Arc<Mutex<Found>> = Arc::default();
    let noted = found.clone();
    let from = header.clone();
    let handler = move |kind: ConflictType, item: &ChangesetItem| -> ConflictAction {
        // Links left pointing at a record deleted here (or folded away): tidied below, as the
        // schema says. Asked first: at this point the change has no table to ask about
        // (SQLite's iterator then answers only how many links broke).
        if kind == ConflictType::SQLITE_CHANGESET_FOREIGN_KEY {
            broken.store(true, std::sync::atomic::Ordering::Relaxed);
            return ConflictAction::SQLITE_CHANGESET_OMIT;
        }
        let Ok(op) = item.op() else { return ConflictAction::SQLITE_CHANGESET_OMIT };
        let table = op.table_name().to_string();
        let code = op.code();
        let empty = Vec::new();
        let cols = handler_names.get(&table).unwrap_or(&empty);
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
        let (list, merges, deleted, refused) = &mut *guard;
        match kind {
            // Deleted there, changed here: the deletion (an erasure above all) wins.
            ConflictType::SQLITE_CHANGESET_DATA if code == rusqlite::hooks::Action::SQLITE_DELETE => {
                ConflictAction::SQLITE_CHANGESET_REPLACE
            }
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                let set = merge(item, cols, &clash, list);
                if !set.is_empty() {
                    merges.push(Merge { table: table.clone(), key: key(), set });
                }
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // A rule beyond the id refused it (the same record made on two laptops at once, or
            // another rule): settled below, the same way on every laptop.
            ConflictType::SQLITE_CHANGESET_CONSTRAINT => {
                let values =
                    cols.iter().enumerate().filter_map(|(i, c)| Some((c.clone(), owned(item.new_value(i).ok()?))));
                let id = key().into_iter().find(|(c, _)| c == "id").and_then(|(_, v)| match v {
                    Value::Integer(id) => Some(id),
                    _ => None,
                });
                refused.push(Refused {
                    table: table.clone(),
                    row_key: row_key(item, cols),
                    id,
                    insert: code == rusqlite::hooks::Action::SQLITE_INSERT,
                    values: values.collect(),
                });
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // Deleted there before this laptop had the row: remembered, so that the row is
            // deleted again if it arrives later from a laptop that had not seen the deletion.
            ConflictType::SQLITE_CHANGESET_NOTFOUND if code == rusqlite::hooks::Action::SQLITE_DELETE => {
                deleted.push((table.clone(), key()));
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            // Not found (deleted here: the deletion wins), a link to a record deleted here
            // (tidied below), or anything SQLite adds later: leave this row as it is.
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        }
    };
    let mut input: &[u8] = changeset;
    let touched = Arc::new(Mutex::new(Vec::<String>::new()));
    let noting = touched.clone();
    let note_table = move |table: &str| {
        noting.lock().unwrap_or_else(|p| p.into_inner()).push(table.to_string());
        true
    };
    conn.apply_strm(&mut input, Some(note_table), handler)?;
    let locked_touched = touched.lock().unwrap_or_else(|p| p.into_inner()).iter().any(|t| {
        matches!(crate::changes::topic_of(t), Some(crate::changes::Topic::Meetings | crate::changes::Topic::Bulletins))
            || t == "action_updates"
    });
    let (mut clashes, merges, deleted, refused) = std::mem::take(&mut *found.lock().unwrap_or_else(|p| p.into_inner()));
    for (table, key) in &deleted {
        super::sql::note_deleted(conn, table, key)?;
    }
    for m in &merges {
        if !super::sql::merge_fields(conn, &m.table, &m.key, &m.set)? {
            // A lock (approved minutes, a published bulletin) refuses it: reported, not applied.
            clashes.push(locked(
                header,
                m.table.clone(),
                m.key.iter().map(|(c, v)| format!("{c}={}", text_of(v))).collect::<Vec<_>>().join(","),
                m.set.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "),
                m.set.iter().map(|(_, v)| text_of(v)).collect::<Vec<_>>().join(", "),
            ));
        }
    }
    if !refused.is_empty() {
        clashes.extend(super::twice::settle(conn, names, header, &refused)?);
        links_broken.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    super::sql::delete_again(conn)?;
    if links_broken.load(std::sync::atomic::Ordering::Relaxed) {
        // Links to a record folded away (made on two laptops at once) follow it first.
        super::twice_sql::follow_aliases(conn)?;
        super::sql::tidy_links(conn)?;
    }
    // Minutes approved (a bulletin published) elsewhere and changed here at the same time:
    // put back as locked.
    if locked_touched {
        for (table, lock, owner) in crate::locked_sql::keep_as_locked(conn)? {
            clashes.push(locked(header, table.into(), format!("id={owner}"), lock.into(), String::new()));
        }
    }
    for clash in &clashes {
        super::clash_sql::add_clash(conn, clash, now)?;
    }
    Ok(clashes.len())
}
