//! "Protect this PPG's data" (a plain store becomes an encrypted one), and restoring a backup
//! whatever its key: both swap the data file under the open state, so they live together.

use std::path::Path;

use super::{remember, NewRecoveryKey};
use crate::backups;
use crate::db::keys::{self, DataKey, KeyFile, Secret, Unlocked};
use crate::db::{self, copy, DataPaths};
use crate::error::{Error, Result};
use crate::state::AppState;

/// Overwrites a file with zeros, syncs it and removes it. (An SSD may still keep the old
/// blocks elsewhere; the person is told so before they agree.)
fn shred(path: &Path) -> Result<()> {
    use std::io::Write;
    let Ok(meta) = std::fs::metadata(path) else { return Ok(()) };
    {
        let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = meta.len();
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            file.write_all(&zeros[..n])?;
            left -= n as u64;
        }
        file.sync_all()?;
    }
    std::fs::remove_file(path)?;
    Ok(())
}

/// Encrypts each plain backup in the backups folder (same date and reason, as `.ppgdesk`),
/// then overwrites and removes the plain one. Returns how many were replaced.
fn protect_plain_backups(paths: &DataPaths, unlocked: &Unlocked) -> Result<u32> {
    let mut replaced = 0;
    for backup in backups::list(paths)?.into_iter().filter(|b| !b.encrypted) {
        let plain = paths.backups_dir().join(&backup.file_name);
        let encrypted_db = plain.with_extension("protecting");
        let result =
            copy::export_into(&plain, copy::Opening::default(), &encrypted_db, Some(&unlocked.key)).and_then(|_| {
                let conn = db::open_read_only(&encrypted_db, Some(&unlocked.key))?;
                copy::write_copy(&conn, &plain.with_extension(copy::ENCRYPTED_EXTENSION), Some(unlocked))
            });
        let _ = std::fs::remove_file(&encrypted_db);
        result?;
        shred(&plain)?;
        replaced += 1;
    }
    Ok(replaced)
}

/// "Protect this PPG's data": takes a backup, encrypts the store with a new random data key
/// into a new file (`sqlcipher_export`), checks that every table holds the same rows, writes
/// the key file, switches over, and overwrites and removes the old plain file. When
/// `remove_plain_backups`, the plain backups are replaced by encrypted ones too.
pub fn protect(
    state: &AppState,
    passphrase: &str,
    remember_here: bool,
    remove_plain_backups: bool,
) -> Result<NewRecoveryKey> {
    let paths = state.paths();
    if state.read(crate::settings::is_sample)? {
        return Err(Error::Refused("The sample PPG is made up, so it is not protected: leave the sample and set up your own PPG to protect it.".into()));
    }
    if KeyFile::protects(&paths) {
        return Err(Error::Refused("This PPG's data is already protected.".into()));
    }
    let strength = keys::strength(passphrase);
    if !strength.acceptable {
        return Err(Error::invalid("passphrase", strength.advice));
    }
    let key = DataKey::random();
    let recovery_key = keys::new_recovery_key();
    let file = KeyFile::create(&key, passphrase, &recovery_key)?;
    let now = state.now();
    let db_file = paths.db_file();
    let protecting = db_file.with_extension("protecting");
    // Everything happens with the store held: nothing else can write meanwhile. Nothing is
    // announced until the protected store is open (`reopen`), so no screen sees it half-done.
    state.read(|conn| {
        backups::take(conn, &paths, None, now, backups::BackupReason::BeforeProtecting)?;
        // Flushed first: it merges the search index, which changes its own tables' rows.
        db::flush_erased(conn)?;
        let counts_before = super::sql::table_counts(conn)?;
        let version = db::schema_version(conn)?;
        copy::export_file(&db_file, None, version, &protecting, Some(&key))?;
        let check = db::open_read_only(&protecting, Some(&key))?;
        if super::sql::table_counts(&check)? != counts_before {
            drop(check);
            let _ = std::fs::remove_file(&protecting);
            return Err(Error::File(
                "The protected copy did not match your data, so nothing was changed. Please try again.".into(),
            ));
        }
        Ok(())
    })?;
    file.save(&paths)?;
    swap_in(state, &paths, &protecting)?;
    let mut unlocked = Unlocked { key, file };
    let keyring_problem = if remember_here { remember(&paths, &mut unlocked) } else { None };
    // The old plain file was shredded by the swap; then, if agreed, the plain backups.
    let mut removed = 1;
    if remove_plain_backups {
        removed += protect_plain_backups(&paths, &unlocked)?;
    }
    let key_reference = super::key_reference(&unlocked.file.key_id);
    state.reopen(Some(unlocked))?;
    Ok(NewRecoveryKey {
        recovery_key: recovery_key.to_string(),
        key_reference,
        check_groups: super::check_groups(),
        keyring_problem,
        removed_plain_files: removed,
    })
}

/// Restores a backup file into this PPG. A protected PPG takes the backup in its own key
/// (an older plain backup is encrypted on the way in). An unprotected PPG (a new laptop)
/// that restores an encrypted backup becomes protected with that backup's key: the backup's
/// passphrase and recovery sheet open it from then on. `secret` is asked for only when the
/// backup's key is not this PPG's (`Error::BackupNeedsKey`).
pub fn restore(state: &AppState, file: &Path, secret: Option<&Secret>) -> Result<()> {
    let paths = state.paths();
    let now = state.now();
    let unlocked = state.unlocked();
    let opening = copy::Opening { unlocked: unlocked.as_ref(), secret };
    let backup_keys = copy::container_keys(file)?;
    let Some(mut keys) = backup_keys.filter(|_| unlocked.is_none()) else {
        return state.replace_all(|conn| backups::restore(conn, &paths, file, opening, now));
    };
    // A plain PPG taking an encrypted backup: it becomes protected with the backup's key.
    let Some(secret) = secret else { return Err(Error::BackupNeedsKey) };
    let key = keys.open(secret)?;
    copy::check_copy(file, opening)?;
    keys.remove_keyring();
    let incoming = paths.db_file().with_extension("restoring");
    state.read(|conn| {
        backups::take(conn, &paths, None, now, backups::BackupReason::BeforeRestore)?;
        db::flush_erased(conn)?;
        copy::export_into(file, opening, &incoming, Some(&key))?;
        Ok(())
    })?;
    keys.save(&paths)?;
    swap_in(state, &paths, &incoming)?;
    // Opening migrates the restored data to this version's schema.
    state.reopen(Some(Unlocked { key, file: keys }))
}

/// Closes the plain store and puts the encrypted file `incoming` in its place: the old file is
/// renamed aside (and put back if the swap fails), then it and its WAL and shared-memory files
/// are overwritten and removed. The caller opens the store again with its key (`reopen`).
fn swap_in(state: &AppState, paths: &DataPaths, incoming: &Path) -> Result<()> {
    let db_file = paths.db_file();
    let aside = db_file.with_extension("plain-old");
    state.close_for(|| {
        std::fs::rename(&db_file, &aside)?;
        if let Err(error) = std::fs::rename(incoming, &db_file) {
            std::fs::rename(&aside, &db_file)?;
            return Err(error.into());
        }
        for suffix in ["-wal", "-shm"] {
            shred(&std::path::PathBuf::from(format!("{}{suffix}", db_file.display())))?;
        }
        Ok(())
    })?;
    shred(&aside)
}
