//! Locking and unlocking a protected store: the key a folder opens with (none, the one just
//! typed, or the one this computer remembers), "Lock now", and finishing a re-key that was
//! interrupted. The keys themselves are in `db/keys.rs`.

use super::{open_folder, AppState, Store};
use crate::db::keys::{KeyFile, Secret, Unlocked};
use crate::db::{self, DataPaths};
use crate::error::{Error, Result};
use crate::state::Topic;

impl AppState {
    /// The open store's key and key file (a protected PPG, unlocked), for copies and backups.
    pub fn unlocked(&self) -> Option<Unlocked> {
        self.unlocked.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Whether the data is protected and waiting for its passphrase.
    pub fn is_locked(&self) -> bool {
        matches!(&*self.lock(), Store::Unavailable(Error::Locked))
    }

    /// Opens a locked store with the passphrase or recovery key. A wrong one changes nothing;
    /// after three wrong tries in a row each try waits a little longer (up to 30 s).
    pub fn unlock(&self, secret: &Secret) -> Result<()> {
        if !self.is_locked() {
            return Ok(());
        }
        let failures = self.failed_unlocks.load(std::sync::atomic::Ordering::Relaxed);
        if failures >= 3 {
            std::thread::sleep(std::time::Duration::from_secs((1u64 << (failures - 3).min(5)).min(30)));
        }
        let paths = self.paths();
        let file = KeyFile::load(&paths)?;
        let key = match file.open(secret) {
            Ok(key) => key,
            Err(error) => {
                if error.code() == "wrong_key" {
                    self.failed_unlocks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                return Err(error);
            }
        };
        self.failed_unlocks.store(0, std::sync::atomic::Ordering::Relaxed);
        let unlocked = finish_rekey(&paths, secret, Unlocked { key, file })?;
        self.reopen(Some(unlocked))
    }

    /// Replaces the key file kept in memory (after the passphrase or a slot changed).
    pub fn set_unlocked(&self, unlocked: Unlocked) {
        *self.unlocked.lock().unwrap_or_else(|p| p.into_inner()) = Some(unlocked);
    }

    /// Closes the store (keeping the folder's lock) while `f` swaps its files; the caller
    /// then opens it again with `reopen`.
    pub fn close_for<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let mut store = self.lock();
        *store = Store::Unavailable(Error::Locked);
        f()
    }

    /// Closes the store and forgets its key ("Lock now", the idle lock). The documents opened
    /// this session are deleted (they may show someone's details). Drafts are saved by the
    /// window before it asks. Nothing happens for a PPG that is not protected.
    pub fn lock_now(&self) -> Result<()> {
        if self.unlocked.lock().unwrap_or_else(|p| p.into_inner()).is_none() {
            return Err(Error::Refused("This PPG's data is not protected with a passphrase, so it cannot be locked. Protect it first in Settings, Security.".into()));
        }
        {
            let mut store = self.lock();
            *store = Store::Unavailable(Error::Locked);
            *self.unlocked.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
        self.paths().clear_exports();
        (self.notify)(Topic::ALL);
        Ok(())
    }

    /// Closes the store and opens the same folder again with `unlocked` (after it was locked,
    /// protected, or re-keyed), then tells every view that everything changed.
    pub fn reopen(&self, unlocked: Option<Unlocked>) -> Result<()> {
        {
            let mut store = self.lock();
            *store = Store::Unavailable(Error::Damaged);
            let mut folder = self.folder.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            folder._lock = None;
            let (opened, new_store, opened_with) = open_folder(folder.paths.clone(), self.now(), unlocked);
            *folder = opened;
            *store = new_store;
            *self.unlocked.lock().unwrap_or_else(|p| p.into_inner()) = opened_with;
        }
        (self.notify)(Topic::ALL);
        self.problem().map_or(Ok(()), Err)
    }
}

/// After a re-key that was interrupted (`security::rekey`), the data may already be under the
/// new key: whichever key file's key opens the data is kept, and the other is removed.
fn finish_rekey(paths: &DataPaths, secret: &Secret, unlocked: Unlocked) -> Result<Unlocked> {
    let Some(next) = KeyFile::load_next(paths) else { return Ok(unlocked) };
    let next_path = paths.dir.join(crate::db::keys::NEXT_KEYS);
    if db::key_opens(&paths.db_file(), &unlocked.key) {
        let _ = std::fs::remove_file(next_path);
        return Ok(unlocked);
    }
    let key = next.open(secret)?;
    if !db::key_opens(&paths.db_file(), &key) {
        return Err(Error::Damaged);
    }
    next.save(paths)?;
    let _ = std::fs::remove_file(next_path);
    Ok(Unlocked { key, file: next })
}

/// The key of a protected folder that this computer remembers (its keyring slot), if any.
fn remembered(paths: &DataPaths) -> Option<Unlocked> {
    let file = KeyFile::load(paths).ok()?;
    let secret = db::keyring::recall(&file.key_id)?;
    let key = file.open_with_device_secret(&secret)?;
    Some(Unlocked { key, file })
}

/// Decides the key a folder opens with: none for a plain store; for a protected one, the key
/// given (just typed), else the one this computer remembers, else the store stays locked.
/// A key file found damaged is rewritten from the copy that opened.
pub(super) fn key_for_folder(paths: &DataPaths, given: &mut Option<Unlocked>) -> Result<()> {
    if !KeyFile::protects(paths) {
        *given = None;
        return Ok(());
    }
    if given.is_none() {
        *given = remembered(paths);
    }
    let Some(unlocked) = given.as_ref() else { return Err(Error::Locked) };
    if KeyFile::damage_report(paths).is_some() && unlocked.file.intact() {
        unlocked.file.save(paths)?;
    }
    Ok(())
}
