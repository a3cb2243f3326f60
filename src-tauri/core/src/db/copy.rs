//! Consistent copies of the live database: SQLite's online backup into a temporary file,
//! made a plain single file, fsynced, checked, then renamed into place; and the reverse,
//! restoring a checked copy into the live connection.

use std::fs::{self, File};
use std::path::Path;

use rusqlite::{Connection, MAIN_DB};

use crate::error::{Error, Result};

/// What a readable backup file contains, shown before anyone restores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopySummary {
    pub schema_version: i64,
    pub group_name: Option<String>,
    pub people: i64,
}

/// Writes a consistent, verified copy of `conn`'s database to `dest` (replacing it).
pub fn write_copy(conn: &Connection, dest: &Path) -> Result<CopySummary> {
    let partial = dest.with_extension("partial");
    let _ = fs::remove_file(&partial);
    let result = (|| {
        conn.backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>)?;
        {
            // The copy inherits WAL mode; switch it back so the backup is one self-contained file.
            let copy = Connection::open(&partial)?;
            copy.pragma_update(None, "journal_mode", "DELETE")?;
        }
        crate::files::sync_file(&partial)?;
        super::make_private(&partial);
        let summary = check_copy(&partial)?;
        fs::rename(&partial, dest)?;
        if let Some(parent) = dest.parent() {
            // Makes the rename itself durable; not every filesystem supports it, which is harmless.
            let _ = File::open(parent).and_then(|dir| dir.sync_all());
        }
        Ok(summary)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// Copies a damaged database page by page to `dest`, as far as SQLite can read it, without
/// checking the copy (it is as damaged as the original): a last resort before repairs.
pub fn write_damaged_copy(source: &Path, dest: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(source, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let partial = dest.with_extension("partial");
    let result = (|| {
        conn.backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>)?;
        crate::files::sync_file(&partial)?;
        fs::rename(&partial, dest)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// Opens a database file read-only, checks it, and says what it holds. Refuses anything that
/// is not a PPG Desk database this version can read.
pub fn check_copy(path: &Path) -> Result<CopySummary> {
    let conn = super::open_read_only(path).map_err(|error| match error {
        Error::Damaged => Error::File(
            "That file is not a readable PPG Desk backup: it is damaged or is a different kind of file.".into(),
        ),
        other => other,
    })?;
    let schema_version = super::schema_version(&conn)?;
    super::schema::verify(&conn)?;
    let people = conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0))?;
    let group_name =
        conn.query_row("SELECT group_name FROM settings WHERE id = 1", [], |row| row.get("group_name")).ok();
    Ok(CopySummary { schema_version, group_name, people })
}

/// Replaces the live database's content with the checked copy at `source`, page by page,
/// through the online backup API (so the open connection stays valid).
///
/// The live file leaves WAL mode while the pages are copied: SQLite cannot change a WAL
/// database's page size, so a backup made with another page size would fail ("readonly").
pub fn restore_copy(conn: &mut Connection, source: &Path) -> Result<()> {
    check_copy(source)?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    let restored = conn.restore(MAIN_DB, source, None::<fn(rusqlite::backup::Progress)>);
    conn.pragma_update(None, "journal_mode", "WAL")?;
    restored?;
    Ok(())
}
