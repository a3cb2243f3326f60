//! Migration 15: every record's counted id (1, 2, 3…) becomes a committee-wide id
//! (`ids::new_id`), and every link to it follows, so the PPG can be shared between laptops.
//!
//! It reads the tables and their links from the schema itself (`pragma_foreign_key_list`),
//! so no table is forgotten. Ids are given out in the old order, so lists sorted "in the
//! order added" do not change. The lock triggers (approved minutes, published bulletins)
//! would refuse the rewrite, so they are set aside for its length and put back unchanged;
//! the links are checked before the transaction commits (`defer_foreign_keys`).

use rusqlite::Connection;

use crate::error::Result;

/// Columns that hold an id without a declared link: (table, column, the table whose ids it holds).
/// A repeating trip's `series_id` is shared by the trips of one series and names no table;
/// it gets ids of its own.
pub const UNDECLARED: &[(&str, &str)] = &[("trips", "series_id")];

/// The tables whose rows have their own `id` (the settings row, always 1, is not one of them,
/// nor are the tables a full-text index keeps for itself, such as `search_data`).
pub fn tables_with_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'settings'
            AND c.name = 'id' AND c.pk = 1 AND upper(c.type) = 'INTEGER'
            AND NOT EXISTS (SELECT 1 FROM sqlite_master v
                             WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                               AND substr(m.name, 1, length(v.name) + 1) = v.name || '_')
          ORDER BY m.name",
    )?;
    let names = stmt.query_map([], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Every declared link: (child table, child column, parent table). Links all point at `id`.
pub fn links(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT m.name AS child, f.\"from\" AS link, f.\"table\" AS parent FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
          WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get("child")?, r.get("link")?, r.get("parent")?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Gives every row of every table a committee-wide id and moves every link with it.
/// Runs inside the migration's transaction; `new_id()` must be registered on `conn`.
pub(super) fn remap(conn: &Connection) -> Result<()> {
    let tables = tables_with_ids(conn)?;
    let links = links(conn)?;
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")?
        .query_map([], |r| Ok((r.get("name")?, r.get("sql")?)))?
        .collect::<rusqlite::Result<_>>()?;
    conn.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))?;
    }
    for table in &tables {
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE \"map_{table}\" (old INTEGER PRIMARY KEY, new INTEGER NOT NULL UNIQUE);
             INSERT INTO \"map_{table}\" (old, new) SELECT id, new_id() FROM \"{table}\" ORDER BY id;
             UPDATE \"{table}\" SET id = (SELECT new FROM \"map_{table}\" WHERE old = \"{table}\".id);"
        ))?;
    }
    for (child, column, parent) in &links {
        conn.execute_batch(&format!(
            "UPDATE \"{child}\" SET \"{column}\" = (SELECT new FROM \"map_{parent}\" WHERE old = \"{child}\".\"{column}\")
              WHERE \"{column}\" IS NOT NULL;"
        ))?;
    }
    for (table, column) in UNDECLARED {
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE map_undeclared (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
             INSERT INTO map_undeclared (old, new)
               SELECT old, new_id() FROM (SELECT DISTINCT \"{column}\" AS old FROM \"{table}\" WHERE \"{column}\" IS NOT NULL ORDER BY old);
             UPDATE \"{table}\" SET \"{column}\" = (SELECT new FROM map_undeclared WHERE old = \"{table}\".\"{column}\")
              WHERE \"{column}\" IS NOT NULL;
             DROP TABLE map_undeclared;"
        ))?;
    }
    for table in &tables {
        conn.execute_batch(&format!("DROP TABLE \"map_{table}\";"))?;
    }
    for (_, sql) in &triggers {
        conn.execute_batch(&format!("{sql};"))?;
    }
    Ok(())
}
