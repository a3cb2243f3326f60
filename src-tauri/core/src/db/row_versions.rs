//! Migration 19: every table whose rows travel between laptops gains `row_version`: for each
//! field, the version of its last recorded write, as JSON (`{"title": "001796604136812-1a2b3c4d"}`:
//! milliseconds, then the id of the laptop that wrote it), set by the outbox as each write is
//! recorded. Empty until the first write while sharing.
//!
//! Why: merging two laptops' changes needs to know which of two changes to one row is the
//! later, and a change must be seen to clash whenever the row has moved on since it was
//! made. A row's own `updated_at` cannot do this: many tables have none, and two writes in
//! one second share one. With versions that every recorded write changes, a change applies
//! cleanly only to the row it was made on; anything else is merged field by field, the later
//! write of each field kept (a last-writer-wins map), the same way on every laptop, so all
//! the laptops end with the same records whatever order the changes arrive in.

use rusqlite::Connection;

use crate::changes::{topic_of, Topic};
use crate::error::Result;

/// Whether `table`'s rows travel between laptops (settings, backups, sharing's own
/// bookkeeping and members' equality answers stay on each laptop).
pub fn travels(table: &str) -> bool {
    topic_of(table).is_some_and(|t| {
        !matches!(t, Topic::Settings | Topic::Backups | Topic::Sharing | Topic::Profiles | Topic::Search)
    })
}

pub fn add(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let tables: Vec<String> = stmt.query_map([], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    for table in tables.iter().filter(|t| travels(t)) {
        let has: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = 'row_version')",
            [table],
            |r| r.get(0),
        )?;
        if !has {
            conn.execute_batch(&format!("ALTER TABLE \"{table}\" ADD COLUMN row_version TEXT NOT NULL DEFAULT '';"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Why: a table whose rows travel without field versions cannot be merged the same way
    /// on every laptop; a table added later must get `row_version` in its own migration.
    #[test]
    fn every_table_that_travels_has_field_versions() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate::migrate(&mut conn).unwrap();
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
        let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        let travelling: Vec<&String> = tables.iter().filter(|t| travels(t)).collect();
        assert!(travelling.len() > 30, "the committee's and the schemes' tables: {travelling:?}");
        for table in travelling {
            let has: bool = conn
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = 'row_version')",
                    [table],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(has, "{table} travels between laptops but has no row_version");
        }
    }
}
