//! The same record made on two laptops at once: the same destination or driver added on two
//! laptops before they exchanged, two issues both numbered 12, two current matches for one
//! referral. Ids never collide, but a unique rule does, and the second record is refused.
//!
//! Every laptop settles it the same way, whichever record it had first: the record with the
//! smaller id is kept, the other's links (its trips, its articles, its visits) move to it and
//! the other is folded away; the other's values that differ are listed under "Changes that
//! clashed", each with "Use the other value". Links to the folded record that arrive later
//! follow it (`twice_sql::follow_aliases`). A change that breaks another rule (or a fold a lock
//! refuses) is listed as refused, with what it would have set.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::Connection;

use super::exchange::Header;
use super::twice_sql;
use super::Clash;
use crate::error::Result;

/// A change the database refused: its table, its record's id, whether it made the record,
/// and the values it sets.
pub struct Refused {
    pub table: String,
    pub row_key: String,
    /// The record's id; `None` for a table keyed otherwise (a link between two records).
    pub id: Option<i64>,
    pub insert: bool,
    pub values: Vec<(String, Value)>,
}

/// Fields that say nothing a person chose: left off the list of differing values.
const BOOKKEEPING: &[&str] = &["id", "row_version", "created_at", "updated_at"];

/// Settles each refused change (inside the caller's transaction); returns what to list.
pub fn settle(
    conn: &Connection,
    names: &HashMap<String, Vec<String>>,
    header: &Header,
    refused: &[Refused],
) -> Result<Vec<Clash>> {
    let mut list = Vec::new();
    for change in refused {
        let empty = Vec::new();
        let cols = names.get(&change.table).unwrap_or(&empty);
        twice_sql::begin(conn)?;
        match fold_twice(conn, cols, header, change) {
            Ok(Some(clashes)) => {
                twice_sql::end(conn, true)?;
                list.extend(clashes);
            }
            Ok(None) | Err(_) => {
                twice_sql::end(conn, false)?;
                list.push(refused_clash(header, change));
            }
        }
    }
    twice_sql::end_folding(conn)?;
    Ok(list)
}

/// Folds the two records, if a unique rule is what refused the change; `None` otherwise.
fn fold_twice(conn: &Connection, cols: &[String], header: &Header, change: &Refused) -> Result<Option<Vec<Clash>>> {
    let table = change.table.as_str();
    let Some(id) = change.id else { return Ok(None) };
    let here = twice_sql::row(conn, table, cols, id)?;
    let incoming: Vec<(String, Value)> = match (&here, change.insert) {
        (_, true) => change.values.clone(),
        (Some(row), false) => row
            .iter()
            .map(|(c, v)| (c.clone(), change.values.iter().find(|(n, _)| n == c).map_or(v, |(_, n)| n).clone()))
            .collect(),
        (None, false) => return Ok(None),
    };
    let mut holder = None;
    for rule in twice_sql::unique_rules(conn, table)? {
        if twice_sql::within(conn, &rule, &incoming)? {
            if let Some(id) = twice_sql::holder(conn, table, &rule, &incoming, id)? {
                holder = Some(id);
                break;
            }
        }
    }
    let Some(holder) = holder else { return Ok(None) };
    let Some(held) = twice_sql::row(conn, table, cols, holder)? else { return Ok(None) };
    let (kept, other, other_laptop) = if holder < id {
        // The record here is kept: the incoming one (and any links it brought) folds into it.
        twice_sql::fold(conn, table, id, holder)?;
        twice_sql::add_alias(conn, table, id, holder)?;
        (held, incoming, header.laptop_name.clone())
    } else {
        // The incoming record is kept: the one here folds into it.
        twice_sql::fold(conn, table, holder, id)?;
        if here.is_some() {
            super::sql::update_row(conn, table, &[("id".into(), Value::Integer(id))], &change.values)?
                .ok_or(crate::error::Error::Refused("locked".into()))?;
        } else {
            twice_sql::insert_row(conn, table, &incoming)?;
        }
        twice_sql::add_alias(conn, table, holder, id)?;
        (incoming, held, "This laptop".to_string())
    };
    let kept_id = kept.iter().find(|(c, _)| c == "id").map(|(_, v)| v.clone()).unwrap_or(Value::Null);
    let key = vec![("id".to_string(), kept_id.clone())];
    let mut clashes = Vec::new();
    for (column, kept_value) in &kept {
        let Some((_, other_value)) = other.iter().find(|(c, _)| c == column) else { continue };
        if kept_value == other_value || BOOKKEEPING.contains(&column.as_str()) {
            continue;
        }
        clashes.push(Clash {
            id: 0,
            table: table.to_string(),
            row_key: format!("id={}", text_of(&kept_id)),
            column: column.clone(),
            kept: text_of(kept_value),
            other: text_of(other_value),
            other_laptop: other_laptop.clone(),
            other_made_at: header.made_at.clone(),
            why: "made_twice".into(),
            can_use_other: true,
            other_value: Some(other_value.clone()),
            row: key.clone(),
        });
    }
    Ok(Some(clashes))
}

/// A change that broke one of the rules here: listed with what it would have set.
fn refused_clash(header: &Header, change: &Refused) -> Clash {
    let shown: Vec<&(String, Value)> =
        change.values.iter().filter(|(c, _)| !BOOKKEEPING.contains(&c.as_str())).collect();
    Clash {
        id: 0,
        table: change.table.clone(),
        row_key: change.row_key.clone(),
        column: shown.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "),
        kept: String::new(),
        other: shown.iter().map(|(_, v)| text_of(v)).collect::<Vec<_>>().join(", "),
        other_laptop: header.laptop_name.clone(),
        other_made_at: header.made_at.clone(),
        why: "refused".into(),
        can_use_other: false,
        other_value: None,
        row: Vec::new(),
    }
}

/// A stored value as a person reads it (a clash's two values).
pub fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => r.to_string(),
        Value::Text(t) => t.clone(),
        Value::Blob(b) => format!("({} bytes)", b.len()),
    }
}
