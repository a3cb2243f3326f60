//! Protecting the PPG's data: encrypting a plain store ("Protect this PPG's data"), the
//! passphrase, the recovery key and its printed sheet, "Remember on this computer", and
//! re-keying when someone leaves the committee. The keys themselves are in `db/keys.rs`.

mod protect;
mod sheet;
mod sql;

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::backups;
use crate::db::keys::{self, DataKey, KeyFile, SlotKind, Unlocked, NEXT_KEYS};
use crate::db::{self, copy, keyring, DataPaths};
use crate::error::{Error, Result};
use crate::state::AppState;

pub use crate::db::keys::{strength, Secret, Strength};
pub use protect::{protect, restore};
pub use sheet::recovery_sheet;

/// What Settings, Security and `ppg-desk security status` show.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SecurityStatus {
    pub protected: bool,
    pub locked: bool,
    /// The fictional sample PPG stays unprotected (and says so).
    pub sample: bool,
    pub has_passphrase: bool,
    pub has_recovery_key: bool,
    /// This computer remembers the key (the keyring slot exists).
    pub remembered: bool,
    /// Said when this computer has no keyring PPG Desk can use.
    pub keyring_problem: Option<String>,
    /// Said when the key file or its copy is damaged.
    pub key_file_problem: Option<String>,
    /// Backups in the backups folder that are not encrypted.
    pub plain_backups: u32,
    /// The first characters of the key's reference, as printed on the recovery sheet.
    pub key_reference: Option<String>,
}

/// What "Protect", "Make a new recovery key" and "Someone has left" hand back: the recovery
/// key, shown once and printed, and anything to tell the person.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewRecoveryKey {
    pub recovery_key: String,
    pub key_reference: String,
    /// Two groups (1-based) the person types back to show they have it.
    pub check_groups: Vec<u32>,
    pub keyring_problem: Option<String>,
    /// Plain files overwritten and removed (the old data file, plain backups).
    pub removed_plain_files: u32,
}

/// A short name for the data key, printed on the recovery sheet and shown in Settings, so a
/// sheet can be matched to its PPG: the key id's first 8 hex digits, each written with the
/// recovery key's own letters and digits (no 0, O, 1, I or L to misread).
pub fn key_reference(key_id: &str) -> String {
    const SIXTEEN: &[u8; 16] = b"23456789ABCDEFGH";
    key_id.chars().filter_map(|c| c.to_digit(16)).take(8).map(|n| SIXTEEN[n as usize] as char).collect()
}

pub fn status(state: &AppState) -> Result<SecurityStatus> {
    let paths = state.paths();
    let protected = KeyFile::protects(&paths);
    let sample = state.read(crate::settings::is_sample).unwrap_or(false);
    let file = if protected { KeyFile::load(&paths).ok() } else { None };
    let has = |kind| file.as_ref().is_some_and(|f| f.has(kind));
    let remembered = file.as_ref().is_some_and(|f| f.has(SlotKind::Keyring) && keyring::recall(&f.key_id).is_some());
    let plain_backups = backups::list(&paths)?.iter().filter(|b| !b.encrypted).count() as u32;
    Ok(SecurityStatus {
        protected,
        locked: state.is_locked(),
        sample,
        has_passphrase: has(SlotKind::Passphrase),
        has_recovery_key: has(SlotKind::RecoveryKey),
        remembered,
        keyring_problem: (!keyring::available()).then(|| keyring::NO_KEYRING.to_string()),
        key_file_problem: if protected { KeyFile::damage_report(&paths) } else { None },
        plain_backups,
        key_reference: file.map(|f| key_reference(&f.key_id)),
    })
}

/// Two different groups for the person to type back, chosen at random.
pub(crate) fn check_groups() -> Vec<u32> {
    let mut bytes = [0u8; 2];
    use chacha20poly1305::aead::rand_core::RngCore;
    chacha20poly1305::aead::OsRng.fill_bytes(&mut bytes);
    let groups = keys::RECOVERY_GROUPS as u32;
    let first = 1 + u32::from(bytes[0]) % groups;
    let second = 1 + (first + u32::from(bytes[1]) % (groups - 1)) % groups;
    let mut both = vec![first, second];
    both.sort();
    both
}

/// Remembers the key on this computer (the keyring slot), or says why it cannot.
pub(crate) fn remember(paths: &DataPaths, unlocked: &mut Unlocked) -> Option<String> {
    match keyring::remember(&unlocked.file.key_id) {
        Ok(secret) => match unlocked.file.set_keyring(&unlocked.key, &secret).and_then(|_| unlocked.file.save(paths)) {
            Ok(()) => None,
            Err(error) => Some(error.to_string()),
        },
        Err(message) => Some(message.to_string()),
    }
}

fn unlocked_or_refuse(state: &AppState) -> Result<Unlocked> {
    state.unlocked().ok_or_else(|| {
        Error::Refused("This PPG's data is not protected with a passphrase yet: protect it first.".into())
    })
}

/// Checks the current passphrase again before a change (someone at an unlocked laptop may
/// not be its owner).
fn confirm(unlocked: &Unlocked, current: &Secret) -> Result<()> {
    unlocked.file.open(current).map(|_| ()).map_err(|error| match error {
        Error::WrongKey(_) => Error::invalid("currentPassphrase", "That is not the current passphrase."),
        other => other,
    })
}

/// Re-wraps the data key under a new passphrase (instant; the data file is not touched).
pub fn change_passphrase(state: &AppState, current: &Secret, new: &str) -> Result<()> {
    let mut unlocked = unlocked_or_refuse(state)?;
    confirm(&unlocked, current)?;
    unlocked.file.set_passphrase(&unlocked.key, new)?;
    unlocked.file.save(&state.paths())?;
    state.set_unlocked(unlocked);
    Ok(())
}

/// Replaces the recovery key (the old sheet stops working): for a lost or copied sheet.
pub fn new_recovery_key(state: &AppState, current: &Secret) -> Result<NewRecoveryKey> {
    let mut unlocked = unlocked_or_refuse(state)?;
    confirm(&unlocked, current)?;
    let recovery_key = keys::new_recovery_key();
    unlocked.file.set_recovery_key(&unlocked.key, &recovery_key)?;
    unlocked.file.save(&state.paths())?;
    let key_reference = key_reference(&unlocked.file.key_id);
    state.set_unlocked(unlocked);
    Ok(NewRecoveryKey {
        recovery_key: recovery_key.to_string(),
        key_reference,
        check_groups: check_groups(),
        keyring_problem: None,
        removed_plain_files: 0,
    })
}

/// Turns "Remember on this computer" on or off.
pub fn set_remembered(state: &AppState, remember_here: bool) -> Result<Option<String>> {
    let mut unlocked = unlocked_or_refuse(state)?;
    let paths = state.paths();
    let problem = if remember_here {
        remember(&paths, &mut unlocked)
    } else {
        keyring::forget(&unlocked.file.key_id);
        unlocked.file.remove_keyring();
        unlocked.file.save(&paths)?;
        None
    };
    state.set_unlocked(unlocked);
    Ok(problem)
}

/// "Someone has left the committee": a new data key for the whole database (`PRAGMA rekey`),
/// a new passphrase and a new recovery key, so the old key file, passphrase and sheet open
/// nothing written from now on. Old backups still restore here (their keys are kept, wrapped
/// under the new one).
///
/// Crash-safe in three steps: the new key file is written as `ppg-desk.keys.next`, the
/// database is re-keyed, then the new file replaces the old; an interrupted re-key is
/// finished (or undone) the next time the data is unlocked (`finish_rekey`).
pub fn rekey(state: &AppState, current: &Secret, new_passphrase: &str, remember_here: bool) -> Result<NewRecoveryKey> {
    let old = unlocked_or_refuse(state)?;
    confirm(&old, current)?;
    let paths = state.paths();
    let key = DataKey::random();
    let recovery_key = keys::new_recovery_key();
    let file = old.file.rekeyed(&old.key, &key, new_passphrase, &recovery_key)?;
    db::key_files::write_atomically(&paths.dir.join(NEXT_KEYS), file.to_json().as_bytes())?;
    state.replace_all(|conn| {
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        let rekeyed = conn.execute_batch(&key.rekey_pragma());
        conn.pragma_update(None, "journal_mode", "WAL")?;
        rekeyed?;
        Ok(())
    })?;
    file.save(&paths)?;
    let _ = std::fs::remove_file(paths.dir.join(NEXT_KEYS));
    keyring::forget(&old.file.key_id);
    let mut unlocked = Unlocked { key, file };
    let keyring_problem = if remember_here { remember(&paths, &mut unlocked) } else { None };
    let key_reference = key_reference(&unlocked.file.key_id);
    state.reopen(Some(unlocked))?;
    Ok(NewRecoveryKey {
        recovery_key: recovery_key.to_string(),
        key_reference,
        check_groups: check_groups(),
        keyring_problem,
        removed_plain_files: 0,
    })
}

/// The passphrase or recovery key a backup was made with, when it is not this PPG's key (the
/// window asks for it when a check says `backup_needs_key`).
#[derive(Debug, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupSecret {
    pub passphrase: String,
    pub recovery_key: Option<String>,
}

/// The secret a form sends: the recovery key when one is given, else the passphrase.
pub fn secret(passphrase: String, recovery_key: Option<String>) -> Secret {
    match recovery_key.filter(|k| !k.trim().is_empty()) {
        Some(key) => Secret::RecoveryKey(zeroize::Zeroizing::new(key)),
        None => Secret::Passphrase(zeroize::Zeroizing::new(passphrase)),
    }
}

/// Checks a backup file before restoring it (see `restore` for how its key is found).
pub fn check_backup(state: &AppState, file: &Path, secret: Option<&Secret>) -> Result<backups::BackupCheck> {
    let unlocked = state.unlocked();
    backups::check(file, copy::Opening { unlocked: unlocked.as_ref(), secret })
}
