//! Consistent copies of the live database: SQLite's online backup into a temporary file,
//! made a plain single file, fsynced, checked, then renamed into place; and the reverse,
//! restoring a checked copy into the live connection.
//!
//! A protected store's copies are encrypted with its data key and carry its key file, so a
//! backup restores on another laptop with the passphrase or the recovery sheet alone:
//!
//! ```text
//! "PPG Desk encrypted backup\n"   (the magic line)
//! u32, little-endian               length of the key file's JSON
//! the key file's JSON              (wrapped keys only, as ppg-desk.keys)
//! the SQLCipher database           (every byte encrypted)
//! ```

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::backup::Backup;
use rusqlite::Connection;

use super::keys::{DataKey, KeyFile, Secret, Unlocked};
use crate::error::{Error, Result};

/// The first line of an encrypted backup.
pub const MAGIC: &[u8] = b"PPG Desk encrypted backup\n";
/// The file extension of encrypted backups (plain ones keep `.sqlite3`).
pub const ENCRYPTED_EXTENSION: &str = "ppgdesk";

/// What a readable backup file contains, shown before anyone restores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopySummary {
    pub schema_version: i64,
    pub group_name: Option<String>,
    pub people: i64,
    pub encrypted: bool,
}

/// The keys a copy may be opened with: the open store's (and its earlier ones), or a
/// passphrase or recovery key typed for this copy.
#[derive(Default, Clone, Copy)]
pub struct Opening<'a> {
    pub unlocked: Option<&'a Unlocked>,
    pub secret: Option<&'a Secret>,
}

impl<'a> Opening<'a> {
    pub fn with(unlocked: Option<&'a Unlocked>) -> Self {
        Opening { unlocked, secret: None }
    }
}

/// A file that is deleted when this goes out of scope (temporary copies; never plain text of
/// a protected store: they hold encrypted bytes only).
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
        let _ = fs::remove_file(format!("{}-journal", self.0.display()));
    }
}

fn scratch_beside(path: &Path, what: &str) -> Scratch {
    let name = format!(".ppg-desk-{what}-{}", uuid::Uuid::new_v4().simple());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| ".".into());
    Scratch(dir.join(name))
}

/// Writes a consistent, verified copy of `conn`'s database to `dest` (replacing it): plain
/// when the store is, encrypted with the store's key (and carrying its key file) when protected.
pub fn write_copy(conn: &Connection, dest: &Path, unlocked: Option<&Unlocked>) -> Result<CopySummary> {
    let partial = dest.with_extension("partial");
    let _ = fs::remove_file(&partial);
    let result = (|| {
        let key = unlocked.map(|u| &u.key);
        {
            let mut copy = Connection::open(&partial)?;
            super::apply_key(&copy, key)?;
            Backup::new(conn, &mut copy)?.run_to_completion(256, std::time::Duration::ZERO, None)?;
            // The copy inherits WAL mode; switch it back so the backup is one self-contained file.
            copy.pragma_update(None, "journal_mode", "DELETE")?;
        }
        crate::files::sync_file(&partial)?;
        super::make_private(&partial);
        let summary = check_plain_or_keyed(&partial, key)?;
        match unlocked {
            None => fs::rename(&partial, dest)?,
            Some(unlocked) => {
                seal_container(&partial, dest, &unlocked.file)?;
                fs::remove_file(&partial)?;
            }
        }
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

/// Wraps the encrypted database at `db` with its key file into the backup format at `dest`.
fn seal_container(db: &Path, dest: &Path, keys: &KeyFile) -> Result<()> {
    let sealed = dest.with_extension("partial-sealed");
    let result = (|| {
        let json = keys.to_json();
        let mut out = File::create(&sealed)?;
        out.write_all(MAGIC)?;
        out.write_all(&(json.len() as u32).to_le_bytes())?;
        out.write_all(json.as_bytes())?;
        std::io::copy(&mut File::open(db)?, &mut out)?;
        out.sync_all()?;
        drop(out);
        super::make_private(&sealed);
        fs::rename(&sealed, dest)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&sealed);
    }
    result
}

/// Reads an encrypted backup's key file, if `path` is one.
pub fn container_keys(path: &Path) -> Result<Option<KeyFile>> {
    let mut file = File::open(path).map_err(|_| Error::File("That file could not be found.".into()))?;
    let mut magic = vec![0u8; MAGIC.len()];
    if file.read_exact(&mut magic).is_err() || magic != MAGIC {
        return Ok(None);
    }
    let mut length = [0u8; 4];
    file.read_exact(&mut length).map_err(|_| not_a_backup())?;
    let length = u32::from_le_bytes(length) as usize;
    if length > 1 << 20 {
        return Err(not_a_backup());
    }
    let mut json = vec![0u8; length];
    file.read_exact(&mut json).map_err(|_| not_a_backup())?;
    let keys = std::str::from_utf8(&json).ok().and_then(KeyFile::from_json).ok_or_else(not_a_backup)?;
    Ok(Some(keys))
}

fn not_a_backup() -> Error {
    Error::File("That file is not a readable PPG Desk backup: it is damaged or is a different kind of file.".into())
}

/// Whether `path` is an encrypted PPG Desk backup.
pub fn is_encrypted_backup(path: &Path) -> bool {
    container_keys(path).ok().flatten().is_some()
}

/// The data key that opens a backup made with `keys`, from what `opening` offers.
fn key_for(keys: &KeyFile, opening: Opening) -> Result<DataKey> {
    if let Some(unlocked) = opening.unlocked {
        if unlocked.file.key_id == keys.key_id {
            return Ok(unlocked.key.clone());
        }
        if let Some((_, key)) = unlocked.file.earlier_keys(&unlocked.key).into_iter().find(|(id, _)| *id == keys.key_id)
        {
            return Ok(key);
        }
    }
    match opening.secret {
        Some(secret) => keys.open(secret),
        None => Err(Error::BackupNeedsKey),
    }
}

/// A copy opened for reading: an encrypted backup's database sits in a scratch file (deleted
/// when this is dropped), opened with `key`.
struct OpenCopy {
    conn: Connection,
    scratch: Option<Scratch>,
    key: Option<DataKey>,
}

impl OpenCopy {
    /// The database file itself (the scratch file for an encrypted backup).
    fn db_path(&self, original: &Path) -> PathBuf {
        self.scratch.as_ref().map(|s| s.0.clone()).unwrap_or_else(|| original.to_path_buf())
    }
}

/// Opens a copy (plain, or an encrypted backup) for reading.
fn open_copy(path: &Path, opening: Opening) -> Result<OpenCopy> {
    match container_keys(path)? {
        None => Ok(OpenCopy { conn: open_checked(path, None)?, scratch: None, key: None }),
        Some(keys) => {
            let key = key_for(&keys, opening)?;
            let scratch = scratch_beside(path, "opening");
            let scratch = if File::create(&scratch.0).is_ok() {
                scratch
            } else {
                // A backup on a read-only stick: open its database from the temp folder (its
                // bytes stay encrypted there, and are deleted when done).
                Scratch(std::env::temp_dir().join(scratch.0.file_name().unwrap_or_default()))
            };
            let mut source = File::open(path)?;
            let skip = MAGIC.len() as u64 + 4 + keys.to_json().len() as u64;
            std::io::copy(&mut (&mut source).take(skip), &mut std::io::sink())?;
            let mut out = File::create(&scratch.0)?;
            std::io::copy(&mut source, &mut out)?;
            out.sync_all()?;
            drop(out);
            let conn = open_checked(&scratch.0, Some(&key))?;
            Ok(OpenCopy { conn, scratch: Some(scratch), key: Some(key) })
        }
    }
}

fn open_checked(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    super::open_read_only(path, key).map_err(|error| match error {
        Error::Damaged => not_a_backup(),
        other => other,
    })
}

fn summarise(conn: &Connection, encrypted: bool) -> Result<CopySummary> {
    let schema_version = super::schema_version(conn)?;
    super::schema::verify(conn)?;
    let people = conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0))?;
    let group_name =
        conn.query_row("SELECT group_name FROM settings WHERE id = 1", [], |row| row.get("group_name")).ok();
    Ok(CopySummary { schema_version, group_name, people, encrypted })
}

fn check_plain_or_keyed(path: &Path, key: Option<&DataKey>) -> Result<CopySummary> {
    summarise(&open_checked(path, key)?, key.is_some())
}

/// Opens a copy read-only, checks it, and says what it holds. Refuses anything that is not a
/// PPG Desk database this version can read; an encrypted backup whose key is not known here
/// is `BackupNeedsKey` until its passphrase or recovery key is given.
pub fn check_copy(path: &Path, opening: Opening) -> Result<CopySummary> {
    let copy = open_copy(path, opening)?;
    summarise(&copy.conn, copy.key.is_some())
}

/// Copies a damaged database page by page to `dest`, as far as SQLite can read it, without
/// checking the copy (it is as damaged as the original): a last resort before repairs. A
/// protected store's copy stays encrypted, in the backup format.
pub fn write_damaged_copy(source: &Path, dest: &Path, unlocked: Option<&Unlocked>) -> Result<()> {
    let key = unlocked.map(|u| &u.key);
    let conn = Connection::open_with_flags(source, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    super::apply_key(&conn, key)?;
    let partial = dest.with_extension("partial");
    let result = (|| {
        {
            let mut copy = Connection::open(&partial)?;
            super::apply_key(&copy, key)?;
            Backup::new(&conn, &mut copy)?.run_to_completion(256, std::time::Duration::ZERO, None)?;
        }
        crate::files::sync_file(&partial)?;
        match unlocked {
            None => fs::rename(&partial, dest)?,
            Some(unlocked) => {
                seal_container(&partial, dest, &unlocked.file)?;
                fs::remove_file(&partial)?;
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// Writes the content of the copy at `source` into a new database file `dest`, encrypted with
/// `dest_key` (or plain), through SQLCipher's `sqlcipher_export`: how a plain store becomes a
/// protected one, and how a backup taken under another key (or none) joins this store.
pub fn export_into(source: &Path, opening: Opening, dest: &Path, dest_key: Option<&DataKey>) -> Result<CopySummary> {
    let copy = open_copy(source, opening)?;
    let version = super::schema_version(&copy.conn)?;
    export_file(&copy.db_path(source), copy.key.as_ref(), version, dest, dest_key)
}

/// `sqlcipher_export` from the database file `source` (keyed or plain) into a new file `dest`.
pub(crate) fn export_file(
    source: &Path,
    source_key: Option<&DataKey>,
    version: i64,
    dest: &Path,
    dest_key: Option<&DataKey>,
) -> Result<CopySummary> {
    let _ = fs::remove_file(dest);
    {
        let out = Connection::open(dest)?;
        super::apply_key(&out, dest_key)?;
        let source_path = source.to_string_lossy().into_owned();
        let clause = match source_key {
            Some(key) => key.attach_clause(),
            None => zeroize::Zeroizing::new("KEY ''".to_string()),
        };
        out.execute(&format!("ATTACH DATABASE ?1 AS source {}", clause.as_str()), [source_path])?;
        out.query_row("SELECT sqlcipher_export('main', 'source')", [], |_| Ok(()))?;
        out.execute_batch("DETACH DATABASE source;")?;
        out.pragma_update(None, "user_version", version)?;
        out.pragma_update(None, "journal_mode", "DELETE")?;
    }
    crate::files::sync_file(dest)?;
    super::make_private(dest);
    check_plain_or_keyed(dest, dest_key)
}

/// Writes the database file `source` (keyed with `source_key`, or plain) as an encrypted
/// backup at `dest` under another key and its key file: a shared PPG's starting copy, which
/// opens with the committee's invitation code like a backup with its recovery key.
/// `prepare` runs on the copy before it is sealed (sharing leaves out the schemes' records
/// there); it runs with secure deletion on and the copy is vacuumed after, so nothing it
/// deletes stays in the file's free pages.
pub fn write_sealed_copy(
    source: &Path,
    source_key: Option<&DataKey>,
    dest: &Path,
    key: &DataKey,
    keys: &KeyFile,
    prepare: &mut dyn FnMut(&Connection) -> Result<()>,
) -> Result<()> {
    let scratch = scratch_beside(dest, "sealing");
    let version = {
        let conn = super::open_read_only(source, source_key)?;
        super::schema_version(&conn)?
    };
    export_file(source, source_key, version, &scratch.0, Some(key))?;
    {
        let conn = Connection::open(&scratch.0)?;
        super::apply_key(&conn, Some(key))?;
        conn.execute_batch("PRAGMA secure_delete = ON; PRAGMA foreign_keys = OFF;")?;
        prepare(&conn)?;
        conn.execute_batch("VACUUM;")?;
    }
    seal_container(&scratch.0, dest, keys)
}

/// Replaces the live database's content with the checked copy at `source`, page by page,
/// through the online backup API (so the open connection stays valid). The copy is first
/// written, in the live store's own key, to a scratch file beside it.
///
/// The live file leaves WAL mode while the pages are copied: SQLite cannot change a WAL
/// database's page size, so a backup made with another page size would fail ("readonly").
pub fn restore_copy(conn: &mut Connection, source: &Path, opening: Opening, live: Option<&DataKey>) -> Result<()> {
    let live_path =
        conn.path().map(PathBuf::from).ok_or_else(|| Error::File("The data file could not be found.".into()))?;
    let scratch = scratch_beside(&live_path, "restoring");
    export_into(source, opening, &scratch.0, live)?;
    let copy = Connection::open(&scratch.0)?;
    super::apply_key(&copy, live)?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    let restored = Backup::new(&copy, conn).and_then(|b| b.run_to_completion(256, std::time::Duration::ZERO, None));
    conn.pragma_update(None, "journal_mode", "WAL")?;
    restored?;
    Ok(())
}
