//! Backups that happen without being asked: one a day on start and one before every upgrade
//! or restore, kept in `backups/` beside the database and thinned by calendar age to the last
//! 7 days, 4 weeks and 12 months. Also backing up to a chosen file and restoring from one.

mod rotation;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::db::copy::{self, Opening};
use crate::db::keys::Unlocked;
use crate::db::{self, DataPaths};
use crate::error::{Error, Result};

pub use rotation::backups_to_keep;

/// Why an automatic backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupReason {
    Daily,
    BeforeUpgrade,
    BeforeRestore,
    /// The plain copy taken just before the PPG's data was first encrypted.
    BeforeProtecting,
}

impl BackupReason {
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeUpgrade => "before-upgrade",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeProtecting => "before-protecting",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        [BackupReason::Daily, BackupReason::BeforeUpgrade, BackupReason::BeforeRestore, BackupReason::BeforeProtecting]
            .into_iter()
            .find(|r| r.slug() == slug)
    }
}

/// One backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub file_name: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM:SS`.
    pub taken_at: String,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// Encrypted with the PPG's key (a protected PPG's backups all are).
    pub encrypted: bool,
}

/// What a backup file holds, shown before it is restored.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupCheck {
    pub group_name: Option<String>,
    #[ts(type = "number")]
    pub people: i64,
    /// Encrypted: only the passphrase or the recovery sheet opens it.
    pub encrypted: bool,
    /// Said when the copy was written into a folder a syncing service uploads (OneDrive...).
    pub cloud_warning: Option<String>,
}

const STAMP: &str = "%Y-%m-%d-%H%M%S";

/// `ppg-desk-STAMP-REASON.sqlite3` for a plain backup, `.ppgdesk` for an encrypted one.
fn file_name(taken_at: NaiveDateTime, reason: BackupReason, encrypted: bool) -> String {
    let extension = if encrypted { copy::ENCRYPTED_EXTENSION } else { "sqlite3" };
    format!("ppg-desk-{}-{}.{extension}", taken_at.format(STAMP), reason.slug())
}

fn parse_file_name(name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let rest = name.strip_prefix("ppg-desk-")?;
    let rest =
        rest.strip_suffix(".sqlite3").or_else(|| rest.strip_suffix(&format!(".{}", copy::ENCRYPTED_EXTENSION)))?;
    let (stamp, slug) = (rest.get(..17)?, rest.get(18..)?);
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((taken_at, BackupReason::from_slug(slug)?))
}

/// Takes a verified backup into the backups folder. Daily backups then thin old ones; safety
/// backups do not, so the backup being restored is never thinned away mid-restore.
pub fn take(
    conn: &Connection,
    paths: &DataPaths,
    unlocked: Option<&Unlocked>,
    now: NaiveDateTime,
    reason: BackupReason,
) -> Result<BackupInfo> {
    let dir = paths.backups_dir();
    db::create_private_dir(&dir)?;
    let name = file_name(now, reason, unlocked.is_some());
    copy::write_copy(conn, &dir.join(&name), unlocked)?;
    if reason == BackupReason::Daily {
        rotate(paths, now)?;
    }
    list(paths)?
        .into_iter()
        .find(|b| b.file_name == name)
        .ok_or_else(|| Error::File("The backup was made but then could not be found.".into()))
}

/// Takes the daily backup unless one was already taken today. Returns it when taken.
pub fn take_daily_if_due(
    conn: &Connection,
    paths: &DataPaths,
    unlocked: Option<&Unlocked>,
    now: NaiveDateTime,
) -> Result<Option<BackupInfo>> {
    let today = now.date();
    let done_today = list(paths)?.iter().any(|b| {
        b.reason == BackupReason::Daily && parse_file_name(&b.file_name).is_some_and(|(t, _)| t.date() == today)
    });
    if done_today {
        return Ok(None);
    }
    take(conn, paths, unlocked, now, BackupReason::Daily).map(Some)
}

/// The backups in the folder, newest first. Files that are not ours are ignored.
pub fn list(paths: &DataPaths) -> Result<Vec<BackupInfo>> {
    let dir = paths.backups_dir();
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((taken_at, reason)) = parse_file_name(&name) {
            found.push(BackupInfo {
                encrypted: name.ends_with(copy::ENCRYPTED_EXTENSION),
                file_name: name,
                taken_at: taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                reason,
                size_bytes: entry.metadata()?.len(),
            });
        }
    }
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at));
    Ok(found)
}

/// Deletes the backups the rotation policy no longer keeps.
pub fn rotate(paths: &DataPaths, now: NaiveDateTime) -> Result<()> {
    let all = list(paths)?;
    let stamped: Vec<(NaiveDateTime, BackupReason)> =
        all.iter().filter_map(|b| parse_file_name(&b.file_name)).collect();
    let keep = backups_to_keep(&stamped, now);
    for (index, backup) in all.iter().enumerate() {
        if !keep.contains(&index) {
            fs::remove_file(paths.backups_dir().join(&backup.file_name))?;
        }
    }
    Ok(())
}

/// Resolves a backup chosen from the list to its path, refusing anything outside the folder.
pub fn path_of(paths: &DataPaths, file_name: &str) -> Result<PathBuf> {
    if parse_file_name(file_name).is_none() || file_name.contains(['/', '\\']) {
        return Err(Error::NotFound("That backup could not be found."));
    }
    Ok(paths.backups_dir().join(file_name))
}

/// Checks a backup file and says what it holds.
/// Writes a checked copy of the data to `path` (a file the person chose), and says what it holds.
pub fn copy_to(conn: &Connection, path: &Path, unlocked: Option<&Unlocked>) -> Result<BackupCheck> {
    let summary = copy::write_copy(conn, path, unlocked)?;
    let cloud_warning = crate::cloud::copy_warning(path);
    Ok(BackupCheck {
        group_name: summary.group_name,
        people: summary.people,
        encrypted: summary.encrypted,
        cloud_warning,
    })
}

pub fn check(path: &Path, opening: Opening) -> Result<BackupCheck> {
    let summary = copy::check_copy(path, opening)?;
    Ok(BackupCheck {
        group_name: summary.group_name,
        people: summary.people,
        encrypted: summary.encrypted,
        cloud_warning: None,
    })
}

/// Restores `source` into the live database after backing up what is there now, then brings
/// it up to this version's schema. The restored data takes the live store's key: a plain
/// backup restored into a protected PPG is encrypted on the way in.
pub fn restore(
    conn: &mut Connection,
    paths: &DataPaths,
    source: &Path,
    opening: Opening,
    now: NaiveDateTime,
) -> Result<()> {
    copy::check_copy(source, opening)?;
    take(conn, paths, opening.unlocked, now, BackupReason::BeforeRestore)?;
    copy::restore_copy(conn, source, opening, opening.unlocked.map(|u| &u.key))?;
    db::migrate::migrate(conn)?;
    Ok(())
}

/// Moves a damaged database aside (never deleting it) and puts the newest readable
/// backup in its place.
pub fn replace_damaged_with_latest(paths: &DataPaths, unlocked: Option<&Unlocked>, now: NaiveDateTime) -> Result<()> {
    let opening = Opening::with(unlocked);
    let latest = list(paths)?
        .into_iter()
        .find(|b| copy::check_copy(&paths.backups_dir().join(&b.file_name), opening).is_ok())
        .ok_or_else(|| Error::File("There is no readable backup to restore.".into()))?;
    replace_damaged(paths, &paths.backups_dir().join(&latest.file_name), opening, now).map(|_| ())
}

/// Moves a damaged database aside as `damaged-STAMP.sqlite3` (never deleting it) and puts the
/// checked backup `source` in its place. Returns the name it was moved aside to.
pub fn replace_damaged(paths: &DataPaths, source: &Path, opening: Opening, now: NaiveDateTime) -> Result<String> {
    copy::check_copy(source, opening)?;
    let db_file = paths.db_file();
    let aside_name = format!("damaged-{}.sqlite3", now.format(STAMP));
    let aside = paths.dir.join(&aside_name);
    if db_file.exists() {
        fs::rename(&db_file, &aside)?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db_file.display()));
        if side.exists() {
            fs::rename(&side, PathBuf::from(format!("{}{suffix}", aside.display())))?;
        }
    }
    // The backup's content, in this folder's own key (or plain, for a PPG that is not protected).
    let partial = db_file.with_extension("partial");
    copy::export_into(source, opening, &partial, opening.unlocked.map(|u| &u.key))?;
    fs::rename(&partial, &db_file)?;
    Ok(aside_name)
}

/// The newest backup, offered when the database is damaged.
pub fn latest(paths: &DataPaths) -> Option<BackupInfo> {
    list(paths).ok()?.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_round_trip() {
        let at = NaiveDateTime::parse_from_str("2026-11-24 09:30:15", "%Y-%m-%d %H:%M:%S").unwrap();
        let name = file_name(at, BackupReason::BeforeUpgrade, false);
        assert_eq!(name, "ppg-desk-2026-11-24-093015-before-upgrade.sqlite3");
        assert_eq!(parse_file_name(&name), Some((at, BackupReason::BeforeUpgrade)));
        let encrypted = file_name(at, BackupReason::Daily, true);
        assert_eq!(encrypted, "ppg-desk-2026-11-24-093015-daily.ppgdesk");
        assert_eq!(parse_file_name(&encrypted), Some((at, BackupReason::Daily)));
        let protecting = file_name(at, BackupReason::BeforeProtecting, true);
        assert_eq!(parse_file_name(&protecting), Some((at, BackupReason::BeforeProtecting)));
        assert_eq!(parse_file_name("holiday-photo.jpg"), None);
    }

    #[test]
    fn path_of_refuses_escapes() {
        let paths = DataPaths::at("/tmp/x");
        assert!(path_of(&paths, "../ppg-desk.sqlite3").is_err());
        assert!(path_of(&paths, "ppg-desk-2026-11-24-093015-daily.sqlite3").is_ok());
    }
}
