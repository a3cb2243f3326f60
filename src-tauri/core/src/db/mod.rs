//! The SQLite store: where the file lives, how it is opened (pragmas, integrity check,
//! version check) and migrated. The only module besides `*/sql.rs` that speaks SQL.

pub mod copy;
mod data_key;
pub mod global_ids;
pub mod ids;
pub mod key_files;
pub mod keyring;
pub mod keys;
pub mod migrate;
pub mod recovery;
pub mod row_versions;
pub mod schema;
pub mod search_index;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use keys::DataKey;

/// The file name of the database inside the data folder.
pub const DB_FILE: &str = "ppg-desk.sqlite3";
/// The folder, beside the database, that holds automatic and manual backups.
pub const BACKUPS_DIR: &str = "backups";

/// Where one PPG's data lives: the database file and its backups folder.
#[derive(Debug, Clone)]
pub struct DataPaths {
    pub dir: PathBuf,
}

/// The operating system's place for PPG Desk's data: `~/.local/share/ppgdesk/data` on Linux,
/// `%APPDATA%\PPG Desk\data` on Windows, `~/Library/Application Support/uk.org.ppg.PPG-Desk/data`
/// on a Mac. The database sits in a `data` subfolder of the app's own because the window's
/// web engine keeps its caches in the app's folder (WebKitGTK; WebView2 keeps them in
/// `%LOCALAPPDATA%` instead, but the layout stays the same everywhere).
pub fn usual_folder() -> Option<PathBuf> {
    if cfg!(windows) {
        // `ProjectDirs` would give `%APPDATA%\ppg\PPG Desk\data\data` on Windows.
        directories::BaseDirs::new().map(|dirs| dirs.data_dir().join("PPG Desk").join("data"))
    } else {
        directories::ProjectDirs::from("uk.org", "ppg", "PPG Desk").map(|dirs| dirs.data_dir().join("data"))
    }
}

impl DataPaths {
    /// Chooses the data folder: an explicit `--data-dir`, else `PPG_DESK_DATA_DIR`, else the
    /// operating system's usual place (`usual_folder`).
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self> {
        let from_env = std::env::var_os("PPG_DESK_DATA_DIR").filter(|v| !v.is_empty()).map(PathBuf::from);
        let dir = match explicit.or(from_env) {
            Some(dir) => dir,
            None => usual_folder()
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

    /// The key-slot file of a protected folder, and its identical second copy (`db/keys.rs`).
    pub fn keys_file(&self) -> PathBuf {
        self.dir.join(keys::KEYS_FILE)
    }

    pub fn keys_copy(&self) -> PathBuf {
        self.dir.join(keys::KEYS_COPY)
    }

    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(".ppg-desk.lock")
    }

    /// The folder the sample PPG lives in while someone explores it: beside this one, never
    /// inside it, so the sample and the real PPG never share a file or a backup.
    pub fn sample(&self) -> DataPaths {
        let name = self.dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "data".into());
        DataPaths { dir: self.dir.with_file_name(format!("{name}-sample")) }
    }

    /// The file whose presence says "open the sample, not this folder" (set by "Explore the
    /// sample PPG", removed by "Leave the sample").
    pub fn sample_marker(&self) -> PathBuf {
        self.dir.join(".exploring-sample")
    }

    pub fn exploring_sample(&self) -> bool {
        self.sample_marker().is_file()
    }

    /// Where documents are written to be opened in a PDF viewer or sent to a printer: they are
    /// only for this session, and `clear_exports` deletes them.
    pub fn exports_dir(&self) -> PathBuf {
        self.dir.join("exports")
    }

    /// Deletes every document in `exports/` (on start, on closing and after an erasure). A file
    /// a viewer still holds open on Windows is left for next time; nothing here may fail.
    pub fn clear_exports(&self) {
        let Ok(entries) = std::fs::read_dir(self.exports_dir()) else { return };
        for entry in entries.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A `LIKE ... ESCAPE '\'` pattern that finds `text` anywhere: `%` and `_` typed by a person
/// are letters to look for, not wildcards.
pub fn contains_pattern(text: &str) -> String {
    format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// Creates `dir` and its parents readable by the user alone (0700 on Linux and macOS): the
/// data is about vulnerable people, and a laptop may be shared with family.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    Ok(())
}

/// Makes a file PPG Desk wrote readable by the user alone (0600 on Linux and macOS).
pub fn make_private(file: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// Whether the file at `path` is a plain (unencrypted) SQLite database: its first 16 bytes
/// are SQLite's own header. An encrypted file starts with random bytes instead.
pub fn is_plain_database(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok() && &header == b"SQLite format 3\0"
}

/// Gives a fresh connection its key (when the data is protected) before anything is read, and
/// keeps SQLCipher from writing to the terminal (its messages say nothing a volunteer needs).
pub(crate) fn apply_key(conn: &Connection, key: Option<&DataKey>) -> Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    ids::register(conn)?;
    if let Some(key) = key {
        conn.execute_batch(&key.pragmas())?;
    }
    Ok(())
}

/// Opens (creating if needed) the database at `path` for reading and writing, with `key`
/// when the data is protected.
///
/// Refuses, without modifying the file, a database that fails `quick_check` (`Error::Damaged`)
/// or was written by a newer version (`Error::NewerDatabase`). Migrations are not run here.
pub fn open(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    let conn = Connection::open(path)?;
    apply_key(&conn, key)?;
    make_private(path);
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    inspect(&conn)?;
    // Durable commits: WAL with synchronous=FULL loses nothing that was reported saved.
    // secure_delete overwrites erased personal data instead of leaving it in free pages.
    // Sorts and temporary tables stay in memory: no temporary file ever holds records.
    // A 16 MiB page cache keeps a decade of records decrypted in memory once read, so an
    // encrypted store's lists do not decrypt the same pages again on every search.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -16384;",
    )?;
    Ok(conn)
}

/// Whether `key` opens the database at `path` (read-only; nothing is written).
pub fn key_opens(path: &Path, key: &DataKey) -> bool {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .ok()
        .is_some_and(|conn| apply_key(&conn, Some(key)).is_ok() && schema_version(&conn).is_ok())
}

/// Opens a database file read-only, for checking a backup before it is trusted.
pub fn open_read_only(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::File("That file could not be found.".into()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    apply_key(&conn, key)?;
    inspect(&conn)?;
    Ok(conn)
}

/// Opens the data file of a folder PPG Desk may not write to, as it stands, for reading only.
/// `immutable` lets SQLite read a WAL-mode file without creating its `-shm` beside it.
pub fn open_snapshot(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    let uri = format!(
        "file:{}?immutable=1",
        path.display().to_string().replace('%', "%25").replace('?', "%3f").replace('#', "%23")
    );
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    apply_key(&conn, key)?;
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

/// Merges the search index (FTS5 keeps an erased record's words in older index segments,
/// marked deleted, until they are merged; the caller has let the index catch up first, see
/// `AppState::erase`), then writes the WAL back into the database and
/// empties it, so that erased personal data (already overwritten in the database by
/// `secure_delete`) leaves no copy in the index or the WAL file.
pub fn flush_erased(conn: &Connection) -> Result<()> {
    conn.execute_batch(include_str!("migrations/0043_search_merge.sql"))?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Runs `PRAGMA quick_check` on an open connection and says whether it passed.
pub fn is_intact(conn: &Connection) -> bool {
    conn.query_row("PRAGMA quick_check", [], |row| row.get::<_, String>(0)).map(|v| v == "ok").unwrap_or(false)
}
