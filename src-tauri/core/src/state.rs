//! AppState: the one open store and the only ways to use it: `read(|conn| ..)` and
//! `write(|tx| ..)`, which runs a transaction and then announces the topics it wrote.
//! Also the clock (overridable for tests with `PPG_DESK_TODAY`) and the data-folder lock.

use std::fs::File;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Transaction};

use crate::backups;
use crate::db::keys::Unlocked;

mod indexer;
mod locking;
mod opening;
use crate::db::{self, DataPaths};
use crate::error::{Error, Result};
use opening::open_folder;

pub use crate::changes::Topic;

/// Called after every successful write with the topics it touched.
pub type Notify = Box<dyn Fn(&[Topic]) + Send + Sync>;

enum Store {
    Open(Connection),
    /// The store could not be opened; the error says why (damaged, newer, already open...).
    Unavailable(Error),
}

/// What belongs to the folder the store was opened from.
struct Folder {
    paths: DataPaths,
    /// Held while the folder is open so a second PPG Desk cannot open the same data.
    _lock: Option<File>,
    /// A problem with the automatic backup on start, to be shown to the user once.
    backup_warning: Option<String>,
    /// Set when the data folder cannot be written: the data is opened read-only, so it can
    /// still be looked at and printed, and every change is refused with this message.
    read_only: Option<String>,
}

pub struct AppState {
    /// Indexes for search, a moment later, the records each save wrote. First, so that it is
    /// dropped first: its thread may be using the store.
    indexer: indexer::Indexer,
    /// The folder the person's own PPG lives in (`--data-dir` or the usual one); the sample
    /// PPG, when someone explores it, lives beside it (`DataPaths::sample`).
    home: DataPaths,
    folder: RwLock<Folder>,
    store: Arc<Mutex<Store>>,
    notify: Notify,
    today_override: Option<NaiveDate>,
    /// The files the person chose in a dialog this session: the only paths the window may use.
    pub chosen: crate::files::Chosen,
    /// Who hears how far long work has got (the window's progress bar, or the terminal).
    progress_report: RwLock<Option<crate::progress::Report>>,
    /// Set by Cancel; long work stops at its next step.
    cancelled: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The data key and key file while a protected store is open; forgotten (and wiped) on
    /// locking. `None` for a PPG that is not protected.
    unlocked: Mutex<Option<Unlocked>>,
    /// Wrong passphrases typed in a row: each try after the third waits longer (never a lock-out).
    failed_unlocks: std::sync::atomic::AtomicU32,
}

impl AppState {
    /// Opens the store in `paths` (or the sample beside it, while someone is exploring it),
    /// migrating it (after a backup) and taking the daily backup. Never fails: a store that
    /// cannot be used is recorded and reported by `problem()`.
    pub fn open(paths: DataPaths, notify: Notify) -> Self {
        let today_override = std::env::var("PPG_DESK_TODAY").ok().and_then(|v| crate::check::parse_date(&v).ok());
        let now = now_with(today_override);
        let start = if paths.exploring_sample() { paths.sample() } else { paths.clone() };
        let (folder, store, unlocked) = open_folder(start, now, None);
        let store = Arc::new(Mutex::new(store));
        let indexer = indexer::Indexer::start(&store);
        AppState {
            home: paths,
            folder: RwLock::new(folder),
            store,
            indexer,
            notify,
            today_override,
            chosen: Default::default(),
            progress_report: RwLock::new(None),
            cancelled: Default::default(),
            unlocked: Mutex::new(unlocked),
            failed_unlocks: Default::default(),
        }
    }

    /// Sends the progress of long work to `report` from now on.
    pub fn on_progress(&self, report: crate::progress::Report) {
        *self.progress_report.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(report);
    }

    /// Starts a piece of long work called `task` ("Printing"): its progress is reported, and
    /// Cancel (`cancel`) stops it.
    pub fn progress(&self, task: &'static str) -> crate::progress::Progress {
        self.cancelled.store(false, std::sync::atomic::Ordering::Relaxed);
        let report = self.progress_report.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        crate::progress::Progress::new(task, report, self.cancelled.clone())
    }

    /// Asks the long work under way to stop; what it was writing is rolled back.
    pub fn cancel(&self) {
        self.cancelled.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// The folder whose data is open now (the sample's while exploring it).
    pub fn paths(&self) -> DataPaths {
        self.folder().paths.clone()
    }

    /// The folder of the person's own PPG.
    pub fn home(&self) -> &DataPaths {
        &self.home
    }

    /// A problem with the automatic backup (or a read-only folder) found on opening.
    pub fn backup_warning(&self) -> Option<String> {
        self.folder().backup_warning.clone()
    }

    fn folder(&self) -> std::sync::RwLockReadGuard<'_, Folder> {
        self.folder.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Closes the open data and opens the folder `paths` instead (the sample, or back home),
    /// then tells every view that everything changed.
    pub fn switch_to(&self, paths: DataPaths) -> Result<()> {
        {
            let mut store = self.lock();
            // Dropping the connection closes the old file; then its folder lock is let go.
            *store = Store::Unavailable(Error::Damaged);
            let mut folder = self.folder.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            folder._lock = None;
            let (opened, new_store, unlocked) = open_folder(paths, self.now(), None);
            *folder = opened;
            *store = new_store;
            *self.unlocked.lock().unwrap_or_else(|p| p.into_inner()) = unlocked;
        }
        (self.notify)(Topic::ALL);
        self.problem().map_or(Ok(()), Err)
    }

    /// Whether the data was opened to look at and print only (its folder cannot be written).
    pub fn is_read_only(&self) -> bool {
        self.folder().read_only.is_some()
    }

    fn refuse_if_read_only(&self) -> Result<()> {
        match &self.folder().read_only {
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

    /// Runs `f` in one transaction; commits only if it succeeds, then announces the topics of
    /// the tables it wrote (found by `changes::Written`, never listed by the caller).
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.write_with(true, f)
    }

    /// A write that is not this laptop's own change to share: applying another laptop's
    /// changes, or sharing's own bookkeeping (see `sharing`).
    pub fn write_unrecorded<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.write_with(false, f)
    }

    fn write_with<T>(&self, record: bool, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.refuse_if_read_only()?;
        let stamp = record.then(|| self.stamp());
        let (out, topics) = {
            let mut store = self.lock();
            let Store::Open(conn) = &mut *store else {
                let Store::Unavailable(error) = &*store else { unreachable!() };
                return Err(clone_problem(error));
            };
            let written = crate::changes::Written::start(conn)?;
            let result = run_in_transaction(conn, stamp.as_deref(), f);
            crate::changes::Written::stop(conn);
            (result?, written.topics())
        };
        // The search index follows every write by trigger: it catches up a moment later, and
        // announcing it would say only that something was written.
        if topics.contains(&Topic::Search) {
            self.indexer.wake();
        }
        let topics: Vec<Topic> = topics.into_iter().filter(|t| *t != Topic::Search).collect();
        if !topics.is_empty() {
            (self.notify)(&topics);
        }
        Ok(out)
    }

    /// Tells every open view of `topics` to reload, for changes that are not rows in the
    /// store (a backup file made or removed).
    pub fn announce(&self, topics: &[Topic]) {
        (self.notify)(topics);
    }

    /// Erases personal data for good: one transaction like `write`, then the write-ahead log
    /// is flushed (no copy of the erased rows stays in the WAL) and the documents opened or
    /// printed this session are deleted (they may show the erased person).
    pub fn erase<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let out = self.write(f)?;
        // Words of records changed rather than deleted leave the index as it catches up.
        self.write_unrecorded(|tx| crate::db::search_index::catch_up(tx))?;
        self.read(db::flush_erased)?;
        self.paths().clear_exports();
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
        (self.notify)(Topic::ALL);
        Ok(out)
    }

    /// Replaces a damaged database with the newest backup and opens it.
    pub fn recover_from_latest_backup(&self) -> Result<()> {
        let mut store = self.lock();
        if let Store::Unavailable(Error::Damaged) = &*store {
            let paths = self.paths();
            let unlocked = self.unlocked();
            backups::replace_damaged_with_latest(&paths, unlocked.as_ref(), self.now())?;
            let mut conn = db::open(&paths.db_file(), unlocked.as_ref().map(|u| &u.key))?;
            db::migrate::migrate(&mut conn)?;
            *store = Store::Open(conn);
            drop(store);
            (self.notify)(Topic::ALL);
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
        now_with(self.today_override)
    }

    /// Now, as timestamps are written into the database (`calendar::stamp`).
    pub fn stamp(&self) -> String {
        crate::calendar::stamp(self.now())
    }
}

/// Runs `f` in one transaction. With `record` (the time of the write), a laptop that shares
/// its PPG also adds what `f` changed to its outbox, in the same transaction.
fn run_in_transaction<T>(
    conn: &mut Connection,
    record: Option<&str>,
    f: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    let tx = conn.transaction()?;
    let recorder = match record {
        Some(_) => crate::outbox::Recorder::start(&tx)?,
        None => None,
    };
    let out = f(&tx)?;
    if let (Some(recorder), Some(now)) = (recorder, record) {
        recorder.finish(&tx, now)?;
    }
    tx.commit()?;
    Ok(out)
}

fn now_with(today_override: Option<NaiveDate>) -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    match today_override {
        Some(day) => day.and_time(now.time()),
        None => now,
    }
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
        Error::Locked => Error::Locked,
        other => Error::File(other.to_string()),
    }
}
