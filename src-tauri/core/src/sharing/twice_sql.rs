//! The SQL of a record made on two laptops at once: the unique rules a table keeps, the
//! record already holding a value, and folding one record into another (links first).
//! Table and column names come from the schema itself, never from a file or a person.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use crate::error::Result;

/// One unique rule of a table: its columns, and the condition of a partial index ("one
/// current match per referral": `ended_on IS NULL`).
pub struct UniqueRule {
    pub columns: Vec<String>,
    pub only_where: Option<String>,
}

/// Every unique rule of `table` beyond its primary key, read from the schema.
pub fn unique_rules(conn: &Connection, table: &str) -> Result<Vec<UniqueRule>> {
    let mut stmt = conn.prepare(
        "SELECT l.name AS name, l.partial AS partial, m.sql AS sql
           FROM pragma_index_list(?1) l LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name
          WHERE l.\"unique\" = 1 AND l.origin <> 'pk'",
    )?;
    let found: Vec<(String, bool, Option<String>)> = stmt
        .query_map([table], |r| Ok((r.get("name")?, r.get("partial")?, r.get("sql")?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rules = Vec::new();
    for (index, partial, sql) in found {
        let mut cols = conn.prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")?;
        let columns: Vec<String> = cols
            .query_map([&index], |r| r.get::<_, Option<String>>("name"))?
            .filter_map(|c| c.ok().flatten())
            .collect();
        // The schema's own text: "CREATE UNIQUE INDEX … ON t (c) WHERE condition".
        let only_where =
            if partial { sql.and_then(|s| s.rsplit_once(" WHERE ").map(|(_, w)| w.to_string())) } else { None };
        if !columns.is_empty() && (!partial || only_where.is_some()) {
            rules.push(UniqueRule { columns, only_where });
        }
    }
    Ok(rules)
}

fn value_of<'a>(row: &'a [(String, Value)], column: &str) -> Option<&'a Value> {
    row.iter().find(|(c, _)| c == column).map(|(_, v)| v)
}

/// Whether `row` (every column's value) falls under `rule`'s condition.
pub fn within(conn: &Connection, rule: &UniqueRule, row: &[(String, Value)]) -> Result<bool> {
    let Some(condition) = &rule.only_where else { return Ok(true) };
    let columns: Vec<String> = row.iter().enumerate().map(|(i, (c, _))| format!("?{} AS \"{c}\"", i + 1)).collect();
    let sql = format!("SELECT EXISTS (SELECT 1 FROM (SELECT {}) WHERE {condition})", columns.join(", "));
    Ok(conn.query_row(&sql, params_from_iter(row.iter().map(|(_, v)| v)), |r| r.get(0))?)
}

/// The record of `table`, other than `not_id`, already holding `row`'s values under `rule`.
pub fn holder(
    conn: &Connection,
    table: &str,
    rule: &UniqueRule,
    row: &[(String, Value)],
    not_id: i64,
) -> Result<Option<i64>> {
    let mut values = Vec::new();
    let mut conditions = Vec::new();
    for column in &rule.columns {
        let Some(value) = value_of(row, column) else { return Ok(None) };
        values.push(value.clone());
        conditions.push(format!("\"{column}\" = ?{}", values.len()));
    }
    if let Some(condition) = &rule.only_where {
        conditions.push(format!("({condition})"));
    }
    values.push(Value::Integer(not_id));
    let sql = format!(
        "SELECT id FROM \"{table}\" WHERE {} AND id <> ?{} ORDER BY id LIMIT 1",
        conditions.join(" AND "),
        values.len()
    );
    Ok(conn.query_row(&sql, params_from_iter(values), |r| r.get("id")).optional()?)
}

/// Every column's value of the record `id` of `table`, by name.
pub fn row(conn: &Connection, table: &str, names: &[String], id: i64) -> Result<Option<Vec<(String, Value)>>> {
    let sql = format!("SELECT * FROM \"{table}\" WHERE id = ?1");
    Ok(conn
        .query_row(&sql, [id], |r| {
            names.iter().map(|n| Ok((n.clone(), r.get::<_, Value>(n.as_str())?))).collect::<rusqlite::Result<Vec<_>>>()
        })
        .optional()?)
}

pub fn insert_row(conn: &Connection, table: &str, row: &[(String, Value)]) -> Result<()> {
    let columns: Vec<String> = row.iter().map(|(c, _)| format!("\"{c}\"")).collect();
    let marks: Vec<String> = (1..=row.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO \"{table}\" ({}) VALUES ({})", columns.join(", "), marks.join(", "));
    conn.execute(&sql, params_from_iter(row.iter().map(|(_, v)| v)))?;
    Ok(())
}

/// Moves every link to record `from` of `table` onto record `to`, then deletes `from`.
/// A link that would repeat one `to` already has (a category listed twice) is dropped.
pub fn fold(conn: &Connection, table: &str, from: i64, to: i64) -> Result<()> {
    // Links move before the record they point at exists when `to` arrives afterwards.
    conn.pragma_update(None, "defer_foreign_keys", true)?;
    for (child, link, _) in crate::db::global_ids::links(conn)?.into_iter().filter(|(_, _, parent)| parent == table) {
        conn.execute(
            &format!("UPDATE OR IGNORE \"{child}\" SET \"{link}\" = ?1 WHERE \"{link}\" = ?2"),
            params![to, from],
        )?;
        conn.execute(&format!("DELETE FROM \"{child}\" WHERE \"{link}\" = ?1"), [from])?;
    }
    conn.execute(&format!("DELETE FROM \"{table}\" WHERE id = ?1"), [from])?;
    Ok(())
}

/// Remembers that `from` of `table` is now `to`, everywhere it was named before.
pub fn add_alias(conn: &Connection, table: &str, from: i64, to: i64) -> Result<()> {
    conn.execute(
        "UPDATE sharing_aliases SET to_id = ?3 WHERE table_name = ?1 AND to_id = ?2",
        params![table, from, to],
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO sharing_aliases (table_name, from_id, to_id) VALUES (?1, ?2, ?3)",
        params![table, from, to],
    )?;
    Ok(())
}

/// Links that arrived to a record folded away follow it to the record it became.
pub fn follow_aliases(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT table_name, from_id, to_id FROM sharing_aliases")?;
    let aliases: Vec<(String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get("table_name")?, r.get("from_id")?, r.get("to_id")?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (table, from, to) in aliases {
        let exists = format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE id = ?1)");
        if conn.query_row(&exists, [to], |r| r.get::<_, bool>(0))? {
            fold(conn, &table, from, to)?;
        }
    }
    Ok(())
}

/// After folding: links are checked statement by statement again. The links themselves are
/// checked by the caller (`sql::tidy_links`), which SQLite's running count of deferred links
/// does not follow once the changeset's own apply has reset it.
pub fn end_folding(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "defer_foreign_keys", false)?;
    Ok(())
}

/// A step that is undone whole if any part of it fails.
pub fn begin(conn: &Connection) -> Result<()> {
    conn.execute_batch("SAVEPOINT made_twice")?;
    Ok(())
}

pub fn end(conn: &Connection, keep: bool) -> Result<()> {
    conn.execute_batch(if keep { "RELEASE made_twice" } else { "ROLLBACK TO made_twice; RELEASE made_twice" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrated() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate::migrate(&mut conn).unwrap();
        conn
    }

    /// Why: a record made on two laptops at once is folded into one by its id; a table that
    /// travels with a unique rule but no id of its own could only refuse the second record,
    /// and the laptops would then keep different records for ever.
    #[test]
    fn every_table_that_travels_with_a_unique_rule_has_an_id_to_fold_by() {
        let conn = migrated();
        let with_ids = crate::db::global_ids::tables_with_ids(&conn).unwrap();
        let mut with_rules = Vec::new();
        for table in crate::outbox::tables(&conn).unwrap() {
            if crate::outbox::Area::of_table(&table).is_none() || unique_rules(&conn, &table).unwrap().is_empty() {
                continue;
            }
            assert!(with_ids.contains(&table), "{table} has a unique rule but no id to fold two records by");
            with_rules.push(table);
        }
        for expected in ["bulletins", "destinations", "drivers", "befrienders", "matches", "directory_categories"] {
            assert!(with_rules.iter().any(|t| t == expected), "{expected} missing from {with_rules:?}");
        }
    }

    #[test]
    fn a_partial_rule_keeps_its_condition_and_a_record_outside_it_is_not_held() {
        let conn = migrated();
        let rules = unique_rules(&conn, "matches").unwrap();
        let current = rules.iter().find(|r| r.columns == ["referral_id"]).expect("one current match per referral");
        assert_eq!(current.only_where.as_deref(), Some("ended_on IS NULL"));
        let ended =
            vec![("referral_id".to_string(), Value::Integer(5)), ("ended_on".into(), Value::Text("2026-01-01".into()))];
        assert!(!within(&conn, current, &ended).unwrap());
        let open = vec![("referral_id".to_string(), Value::Integer(5)), ("ended_on".into(), Value::Null)];
        assert!(within(&conn, current, &open).unwrap());
        let bulletins = unique_rules(&conn, "bulletins").unwrap();
        assert_eq!(bulletins.len(), 1);
        assert_eq!(bulletins[0].columns, ["number"]);
        assert!(bulletins[0].only_where.is_none());
    }
}
