//! AppState: the one open store and the only ways to use it: `read(|conn| ..)` and
//! `write(topics, |tx| ..)`, which runs a transaction and then announces what changed.
//! Also the clock (overridable for tests with `PPG_DESK_TODAY`) and the data-folder lock.

use std::fs::File;
use std::sync::{Mutex, MutexGuard};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::backups::{self, BackupReason};
use crate::db::{self, DataPaths};
use crate::error::{Error, Result};

/// A part of the data that changed; every open view of it reloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Topic {
    Settings,
    People,
    Backups,
    Meetings,
    Actions,
    Contacts,
    Directory,
    Drivers,
    Befriending,
    Bulletins,
}

/// Called after every successful write with the topics it touched.
pub type Notify = Box<dyn Fn(&[Topic]) + Send + Sync>;

enum Store {
    Open(Connection),
    /// The store could not be opened; the error says why (damaged, newer, already open...).
    Unavailable(Error),
}

pub struct AppState {
    pub paths: DataPaths,
    store: Mutex<Store>,
    notify: Notify,
    today_override: Option<NaiveDate>,
    /// Held for the life of the process so a second PPG Desk cannot open the same data.
    _lock: Option<File>,
    /// A problem with the automatic backup on start, to be shown to the user once.
    pub backup_warning: Option<String>,
    /// The files the person chose in a dialog this session: the only paths the window may use.
    pub chosen: crate::dialogs::Chosen,
    /// Set when the data folder cannot be written: the data is opened read-only, so it can
    /// still be looked at and printed, and every change is refused with this message.
    read_only: Option<String>,
}

impl AppState {
    /// Opens the store in `paths`, migrating it (after a backup) and taking the daily backup.
    /// Never fails: a store that cannot be used is recorded and reported by `problem()`.
    pub fn open(paths: DataPaths, notify: Notify) -> Self {
        let today_override = std::env::var("PPG_DESK_TODAY").ok().and_then(|v| crate::check::parse_date(&v).ok());
        let mut state = AppState {
            paths,
            store: Mutex::new(Store::Unavailable(Error::Damaged)),
            notify,
            today_override,
            _lock: None,
            backup_warning: None,
            chosen: Default::default(),
            read_only: None,
        };
        let store = match state.open_store() {
            Ok(conn) => Store::Open(conn),
            Err(error) => Store::Unavailable(error),
        };
        *state.store.get_mut().unwrap_or_else(|e| e.into_inner()) = store;
        state
    }

    fn open_store(&mut self) -> Result<Connection> {
        let writable = db::create_private_dir(&self.paths.backups_dir())
            .and_then(|_| Ok(File::options().create(true).truncate(false).write(true).open(self.paths.lock_file())?));
        let lock = match writable {
            Ok(lock) => lock,
            Err(Error::Io(e)) if is_not_allowed(&e) && self.paths.db_file().is_file() => return self.open_read_only(),
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
        self._lock = Some(lock);
        // Documents left from a session that crashed may show someone's details.
        self.paths.clear_exports();
        let now = self.now();
        let mut conn = db::open(&self.paths.db_file())?;
        let version = db::schema_version(&conn)?;
        if version > 0 && version < db::migrate::LATEST_VERSION {
            backups::take(&conn, &self.paths, now, BackupReason::BeforeUpgrade)?;
        }
        db::migrate::migrate(&mut conn)?;
        // A tidy-up that must never stop PPG Desk opening; it runs again next time.
        let _ = crate::drivers::sql::forget_old_dbs_details(&conn, now.date());
        let _ = crate::befriending::forget_old_dbs_references(&conn, now.date());
        if version > 0 {
            if let Err(error) = backups::take_daily_if_due(&conn, &self.paths, now) {
                self.backup_warning = Some(format!("Today's automatic backup could not be made: {error}"));
            }
        }
        Ok(conn)
    }

    /// Opens the data of a folder PPG Desk may not write to, for looking and printing only.
    fn open_read_only(&mut self) -> Result<Connection> {
        let message = format!(
            "PPG Desk is not allowed to write to the folder {}, so it has opened your data to look at and print only: changes cannot be saved. Ask whoever looks after this computer to let your user write to that folder.",
            self.paths.dir.display()
        );
        let conn = db::open_snapshot(&self.paths.db_file())?;
        self.backup_warning = Some(message.clone());
        self.read_only = Some(message);
        Ok(conn)
    }

    fn refuse_if_read_only(&self) -> Result<()> {
        match &self.read_only {
            Some(message) => Err(Error::Refused(message.clone())),
            None => Ok(()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Why the store cannot be used, if it cannot.
    pub fn problem(&self) -> Option<Error> {
        match &*self.lock() {
            Store::Open(_) => None,
            Store::Unavailable(error) => Some(clone_problem(error)),
        }
    }

    /// Runs `f` against the open store.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        match &*self.lock() {
            Store::Open(conn) => f(conn),
            Store::Unavailable(error) => Err(clone_problem(error)),
        }
    }

    /// Runs `f` in one transaction; commits only if it succeeds, then announces `topics`.
    pub fn write<T>(&self, topics: &[Topic], f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.refuse_if_read_only()?;
        let out = {
            let mut store = self.lock();
            let Store::Open(conn) = &mut *store else {
                let Store::Unavailable(error) = &*store else { unreachable!() };
                return Err(clone_problem(error));
            };
            let tx = conn.transaction()?;
            let out = f(&tx)?;
            tx.commit()?;
            out
        };
        (self.notify)(topics);
        Ok(out)
    }

    /// Erases personal data for good: one transaction like `write`, then the write-ahead log
    /// is flushed (no copy of the erased rows stays in the WAL) and the documents opened or
    /// printed this session are deleted (they may show the erased person).
    pub fn erase<T>(&self, topics: &[Topic], f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let out = self.write(topics, f)?;
        self.read(db::flush_erased)?;
        self.paths.clear_exports();
        Ok(out)
    }

    /// Gives `f` the whole connection (for restoring a backup), then announces every topic.
    pub fn replace_all<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        self.refuse_if_read_only()?;
        let out = {
            let mut store = self.lock();
            match &mut *store {
                Store::Open(conn) => f(conn)?,
                Store::Unavailable(error) => return Err(clone_problem(error)),
            }
        };
        (self.notify)(&[Topic::Settings, Topic::People, Topic::Backups, Topic::Meetings]);
        Ok(out)
    }

    /// Replaces a damaged database with the newest backup and opens it.
    pub fn recover_from_latest_backup(&self) -> Result<()> {
        let mut store = self.lock();
        if let Store::Unavailable(Error::Damaged) = &*store {
            backups::replace_damaged_with_latest(&self.paths, self.now())?;
            let mut conn = db::open(&self.paths.db_file())?;
            db::migrate::migrate(&mut conn)?;
            *store = Store::Open(conn);
            drop(store);
            (self.notify)(&[Topic::Settings, Topic::People, Topic::Backups, Topic::Meetings]);
            Ok(())
        } else {
            Err(Error::Refused("The data is not damaged, so there is nothing to recover.".into()))
        }
    }

    /// Today's date (the local calendar date, or `PPG_DESK_TODAY` when a test sets it).
    pub fn today(&self) -> NaiveDate {
        self.today_override.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    pub fn now(&self) -> NaiveDateTime {
        let now = chrono::Local::now().naive_local();
        match self.today_override {
            Some(day) => day.and_time(now.time()),
            None => now,
        }
    }
}

/// Whether a file error means "not allowed to write here" (permissions, a read-only disk).
fn is_not_allowed(error: &std::io::Error) -> bool {
    matches!(error.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem)
}

/// Runs a command's body, turning a panic (a bug) into a plain error for the window instead
/// of a stuck or closed window. Any transaction it had open is rolled back as it unwinds,
/// so nothing half-done is saved; the panic's own text (which could quote someone's data)
/// never reaches the window.
pub fn guard<T>(body: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or(Err(Error::Unexpected))
}

/// Problems are reported again on every use, so they are cloned by meaning.
fn clone_problem(error: &Error) -> Error {
    match error {
        Error::NewerDatabase { found, supported } => Error::NewerDatabase { found: *found, supported: *supported },
        Error::AlreadyOpen => Error::AlreadyOpen,
        Error::Damaged => Error::Damaged,
        other => Error::File(other.to_string()),
    }
}
