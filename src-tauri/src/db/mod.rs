//! The SQLite store: where the file lives, how it is opened (pragmas, integrity check,
//! version check) and migrated. The only module besides `*/sql.rs` that speaks SQL.

pub mod copy;
pub mod migrate;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// The file name of the database inside the data folder.
pub const DB_FILE: &str = "ppg-desk.sqlite3";
/// The folder, beside the database, that holds automatic and manual backups.
pub const BACKUPS_DIR: &str = "backups";

/// Where one PPG's data lives: the database file and its backups folder.
#[derive(Debug, Clone)]
pub struct DataPaths {
    pub dir: PathBuf,
}

impl DataPaths {
    /// Chooses the data folder: an explicit `--data-dir`, else `PPG_DESK_DATA_DIR`, else the
    /// operating system's data folder (on Linux `~/.local/share/ppgdesk/data`). The database
    /// sits in its own subfolder because WebKit keeps its caches in the app's folder.
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self> {
        let from_env = std::env::var_os("PPG_DESK_DATA_DIR").filter(|v| !v.is_empty()).map(PathBuf::from);
        let dir = match explicit.or(from_env) {
            Some(dir) => dir,
            None => directories::ProjectDirs::from("uk.org", "ppg", "PPG Desk")
                .map(|dirs| dirs.data_dir().join("data"))
                .ok_or_else(|| Error::File("Could not find a home folder to keep PPG Desk's data in.".into()))?,
        };
        Ok(Self { dir })
    }

    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn db_file(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.dir.join(BACKUPS_DIR)
    }

    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(".ppg-desk.lock")
    }
}

/// Opens (creating if needed) the database at `path` for reading and writing.
///
/// Refuses, without modifying the file, a database that fails `quick_check` (`Error::Damaged`)
/// or was written by a newer version (`Error::NewerDatabase`). Migrations are not run here.
pub fn open(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    inspect(&conn)?;
    // Durable commits: WAL with synchronous=FULL loses nothing that was reported saved.
    // secure_delete overwrites erased personal data instead of leaving it in free pages.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;",
    )?;
    Ok(conn)
}

/// Opens a database file read-only, for checking a backup before it is trusted.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::File("That file could not be found.".into()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    inspect(&conn)?;
    Ok(conn)
}

/// Reads the schema version and runs `quick_check`, mapping "not a database" to `Damaged`.
fn inspect(conn: &Connection) -> Result<i64> {
    let version = schema_version(conn).map_err(damaged_if_corrupt)?;
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0)).map_err(damaged_if_corrupt)?;
    if verdict != "ok" {
        return Err(Error::Damaged);
    }
    if version > migrate::LATEST_VERSION {
        return Err(Error::NewerDatabase { found: version, supported: migrate::LATEST_VERSION });
    }
    Ok(version)
}

pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

fn damaged_if_corrupt(error: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::Damaged,
        _ => Error::Database(error),
    }
}

/// Writes the WAL back into the database and empties it, so that erased personal data
/// (already overwritten in the database by `secure_delete`) leaves no copy in the WAL file.
pub fn flush_erased(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Runs `PRAGMA quick_check` on an open connection and says whether it passed.
pub fn is_intact(conn: &Connection) -> bool {
    conn.query_row("PRAGMA quick_check", [], |row| row.get::<_, String>(0)).map(|v| v == "ok").unwrap_or(false)
}
