//! The search index's catching up, off the save's path. A save's triggers only note which
//! records changed (`search_pending`, in the save's own transaction); this thread indexes
//! them a moment after the last of a run of saves (typing, autosave, an import), in one
//! transaction of its own, so the person saving never waits for the index. A search that
//! finds records still waiting indexes them first (`search::everything`), so it never misses
//! a word saved.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

use super::Store;
use crate::error::Result;

/// How long after the last save of a run the index catches up.
const QUIET: Duration = Duration::from_millis(300);

/// Wakes the catching-up thread. Dropped (first of its `AppState`'s fields), it has the thread
/// index whatever is still waiting and waits for it, so the store is closed caught up (the
/// next start has nothing to index) and when its `AppState` is.
pub(super) struct Indexer {
    /// `false`: records were saved; `true`: the store is closing.
    wake: Mutex<Option<Sender<bool>>>,
    thread: Option<JoinHandle<()>>,
}

impl Indexer {
    /// Starts the thread for `store`; it holds only a weak link, so the store closes with
    /// its `AppState` whatever the thread is doing.
    pub(super) fn start(store: &Arc<Mutex<Store>>) -> Indexer {
        let (wake, woken) = mpsc::channel::<bool>();
        let weak: Weak<Mutex<Store>> = Arc::downgrade(store);
        // Were no thread to start, every search would still catch up first.
        let thread = std::thread::Builder::new().name("search-index".into()).spawn(move || {
            while let Ok(mut closing) = woken.recv() {
                // Saves keep coming (typing, autosave, an import): wait until they stop.
                while !closing {
                    match woken.recv_timeout(QUIET) {
                        Ok(now_closing) => closing = now_closing,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => closing = true,
                    }
                }
                let Some(store) = weak.upgrade() else { return };
                let mut store = store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if let Store::Open(conn) = &mut *store {
                    // A failure is rolled back and left waiting: the next search catches up
                    // (and says what went wrong), as does `ppg-desk check --repair`.
                    let _ = catch_up(conn);
                }
                if closing {
                    return;
                }
            }
        });
        let indexer = Indexer { wake: Mutex::new(Some(wake)), thread: thread.ok() };
        // Records left waiting by a session that ended without closing are indexed now.
        if let Store::Open(conn) = &*store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) {
            if crate::db::search_index::behind(conn).unwrap_or(false) {
                indexer.wake();
            }
        }
        indexer
    }

    /// Asks for the records saved to be indexed once the saving stops.
    pub(super) fn wake(&self) {
        if let Some(wake) = &*self.wake.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) {
            let _ = wake.send(false);
        }
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        if let Some(wake) = self.wake.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take() {
            let _ = wake.send(true);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Indexes whatever is waiting, in one transaction of its own.
fn catch_up(conn: &mut Connection) -> Result<()> {
    if !crate::db::search_index::behind(conn)? {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    crate::db::search_index::catch_up(&tx)?;
    tx.commit()?;
    Ok(())
}
