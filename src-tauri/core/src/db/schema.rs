//! Whether a database file has exactly the tables, columns, indexes, triggers and views that
//! PPG Desk's migrations give its data version: nothing missing, nothing added. A file that
//! merely has a `people` table, or a real backup with an extra trigger (one that copies
//! erased people elsewhere), is not ours and is refused.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// One line of `sqlite_schema`: what kind of object, its name, its table and its SQL.
type Entry = (String, String, String, Option<String>);

fn entries(conn: &Connection) -> Result<Vec<Entry>> {
    // sqlite_stat tables appear after ANALYZE and hold only statistics.
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get("type")?, r.get("name")?, r.get("tbl_name")?, r.get("sql")?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The schema PPG Desk's own migrations build for `version`, in a throwaway in-memory database.
fn expected(version: i64) -> Result<Vec<Entry>> {
    let mut conn = Connection::open_in_memory()?;
    super::migrate::migrate_to(&mut conn, version)?;
    entries(&conn)
}

/// Refuses a database whose schema is not exactly the one its data version should have.
pub fn verify(conn: &Connection) -> Result<()> {
    let version = super::schema_version(conn)?;
    let foreign = || {
        Error::File("That file is a database, but not PPG Desk's data: its tables are not the ones PPG Desk makes. Nothing was changed.".into())
    };
    if !(1..=super::migrate::LATEST_VERSION).contains(&version) {
        return Err(foreign());
    }
    if entries(conn)? != expected(version)? {
        return Err(foreign());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrate::migrate(&mut conn).unwrap();
        conn
    }

    #[test]
    fn our_own_schema_passes_at_every_version() {
        for version in 1..=super::super::migrate::LATEST_VERSION {
            let mut conn = Connection::open_in_memory().unwrap();
            super::super::migrate::migrate_to(&mut conn, version).unwrap();
            assert!(verify(&conn).is_ok(), "version {version} is ours");
        }
    }

    #[test]
    fn an_extra_trigger_table_or_column_is_refused() {
        for extra in [
            "CREATE TABLE hidden(x); CREATE TRIGGER keep AFTER DELETE ON people BEGIN INSERT INTO hidden VALUES (old.full_name); END;",
            "CREATE VIEW everyone AS SELECT * FROM people;",
            "ALTER TABLE people ADD COLUMN secret TEXT;",
            "CREATE INDEX people_extra ON people(notes);",
            "DROP TRIGGER IF EXISTS (SELECT 1);",
        ] {
            let conn = ours();
            if conn.execute_batch(extra).is_ok() {
                assert!(verify(&conn).is_err(), "refused after: {extra}");
            }
        }
    }

    #[test]
    fn a_bare_people_table_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE people(x); PRAGMA user_version = 11;").unwrap();
        assert!(verify(&conn).is_err());
    }
}
