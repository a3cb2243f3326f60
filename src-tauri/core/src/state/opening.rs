//! Opening the store of a folder: its lock, the key it opens with, migrating after a backup,
//! the start-up tidy-ups and the daily backup; or, in a folder PPG Desk may not write to, the
//! data opened to look at and print only.

use std::fs::File;

use chrono::NaiveDateTime;
use rusqlite::Connection;

use super::locking::key_for_folder;
use super::{Folder, Store};
use crate::backups::{self, BackupReason};
use crate::db::keys::Unlocked;
use crate::db::{self, DataPaths};
use crate::error::{Error, Result};

/// Opens the store in the folder `paths`: takes its lock, clears documents left by a crash,
/// backs up before migrating, migrates, runs the start-up tidy-ups and the daily backup.
pub(super) fn open_folder(
    paths: DataPaths,
    now: NaiveDateTime,
    unlocked: Option<Unlocked>,
) -> (Folder, Store, Option<Unlocked>) {
    let mut folder = Folder { paths, _lock: None, backup_warning: None, read_only: None };
    let mut unlocked = unlocked;
    let store = match open_store(&mut folder, now, &mut unlocked) {
        Ok(conn) => Store::Open(conn),
        Err(error) => {
            // A damaged store keeps its key: recovering from a backup needs it.
            if matches!(error, Error::Locked) {
                unlocked = None;
            }
            Store::Unavailable(error)
        }
    };
    (folder, store, unlocked)
}

fn open_store(folder: &mut Folder, now: NaiveDateTime, unlocked: &mut Option<Unlocked>) -> Result<Connection> {
    let paths = folder.paths.clone();
    let writable = db::create_private_dir(&paths.backups_dir())
        .and_then(|_| Ok(File::options().create(true).truncate(false).write(true).open(paths.lock_file())?));
    let lock = match writable {
        Ok(lock) => lock,
        Err(Error::Io(e)) if is_not_allowed(&e) && paths.db_file().is_file() => {
            key_for_folder(&paths, unlocked)?;
            return open_read_only(folder, unlocked.as_ref());
        }
        Err(error) => return Err(error),
    };
    // A window that was just closed may still be letting go of the folder: wait a little.
    let mut attempts = 0;
    while lock.try_lock().is_err() {
        attempts += 1;
        if attempts > 30 {
            return Err(Error::AlreadyOpen);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    folder._lock = Some(lock);
    // Documents left from a session that crashed may show someone's details.
    paths.clear_exports();
    key_for_folder(&paths, unlocked)?;
    let unlocked = unlocked.as_ref();
    let mut conn = db::open(&paths.db_file(), unlocked.map(|u| &u.key))?;
    let version = db::schema_version(&conn)?;
    if version > 0 && version < db::migrate::LATEST_VERSION {
        backups::take(&conn, &paths, unlocked, now, BackupReason::BeforeUpgrade)?;
    }
    db::migrate::migrate(&mut conn)?;
    // The features' tidy-ups (`crate::ON_OPEN`); one that fails runs again next time.
    for tidy_up in crate::ON_OPEN {
        let _ = tidy_up(&conn, now.date());
    }
    if version > 0 {
        if let Err(error) = backups::take_daily_if_due(&conn, &paths, unlocked, now) {
            folder.backup_warning = Some(format!("Today's automatic backup could not be made: {error}"));
        }
    }
    Ok(conn)
}

/// Opens the data of a folder PPG Desk may not write to, for looking and printing only.
fn open_read_only(folder: &mut Folder, unlocked: Option<&Unlocked>) -> Result<Connection> {
    let message = format!(
        "PPG Desk is not allowed to write to the folder {}, so it has opened your data to look at and print only: changes cannot be saved. Ask whoever looks after this computer to let your user write to that folder.",
        folder.paths.dir.display()
    );
    let conn = db::open_snapshot(&folder.paths.db_file(), unlocked.map(|u| &u.key))?;
    folder.backup_warning = Some(message.clone());
    folder.read_only = Some(message);
    Ok(conn)
}

/// Whether a file error means "not allowed to write here" (permissions, a read-only disk).
fn is_not_allowed(error: &std::io::Error) -> bool {
    matches!(error.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem)
}
