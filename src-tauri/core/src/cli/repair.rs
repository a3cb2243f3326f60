//! The commands that must still work when the data file is damaged: `check` says so, `backup`
//! copies what can be read, and `restore` moves the damaged file aside (as the window's
//! recovery screen does) and puts the chosen backup in its place.

use super::Command;
use crate::backups;
use crate::db::{self, copy, DataPaths};
use crate::error::{Error, Result};
use crate::state::AppState;

/// Runs `command` on a folder whose data file failed its integrity check.
pub fn on_damaged(state: AppState, command: Command) -> Result<String> {
    let paths = state.paths().clone();
    let now = state.now();
    match command {
        Command::Check { .. } => Err(Error::Refused(damaged_report(&paths))),
        Command::Backup { out } => {
            let unlocked = state.unlocked();
            copy::write_damaged_copy(&paths.db_file(), &out, unlocked.as_ref())?;
            Ok(format!(
                "The data file is damaged. What could be read, damage included, was copied to {}.\nTo get back to a sound state, restore a backup: ppg-desk restore FILE",
                out.display()
            ))
        }
        Command::Restore { file } => {
            let unlocked = state.unlocked();
            let aside = backups::replace_damaged(&paths, &file, copy::Opening::with(unlocked.as_ref()), now)?;
            // Let go of the folder, then open the restored data the usual way (migrating it).
            drop(state);
            let reopened = AppState::open(paths.clone(), Box::new(|_: &[crate::state::Topic]| {}));
            if let Some(problem) = reopened.problem() {
                return Err(problem);
            }
            Ok(format!("Restored from {}. The damaged file was kept beside it as {aside}.", file.display()))
        }
        _ => Err(Error::Refused(format!("{}\n{}", Error::Damaged, restore_hint(&paths)))),
    }
}

fn restore_hint(paths: &DataPaths) -> String {
    match backups::latest(paths) {
        Some(latest) => format!(
            "To restore the newest backup ({}), run: ppg-desk restore {}",
            latest.taken_at.replace('T', " "),
            paths.backups_dir().join(latest.file_name).display()
        ),
        None => {
            "There is no backup in this data folder. If you have a backup file elsewhere, run: ppg-desk restore FILE"
                .into()
        }
    }
}

fn damaged_report(paths: &DataPaths) -> String {
    format!(
        "Data folder: {}\nIntegrity: damaged (the data file failed its check)\n{}",
        paths.dir.display(),
        restore_hint(paths)
    )
}

/// The report of `check` on a sound data file: integrity, that its tables are PPG Desk's
/// own, the version, the search index (rebuilt with `repair` when out of step), and the
/// backups (a warning when today's could not be made).
pub fn check(state: &AppState, repair: bool) -> Result<String> {
    let index = if state.read(crate::search::is_consistent)? {
        "Search index: ok"
    } else if repair {
        state.write(|tx| crate::search::rebuild(tx))?;
        "Search index: was out of step, rebuilt from every record"
    } else {
        "Search index: out of step (run ppg-desk check --repair to rebuild it)"
    };
    state.read(|conn| {
        if !db::is_intact(conn) {
            return Err(Error::Damaged);
        }
        db::schema::verify(conn)?;
        let version = db::schema_version(conn)?;
        let backups = backups::list(&state.paths())?;
        let newest = backups.first().map(|b| b.taken_at.replace('T', " ")).unwrap_or_else(|| "none yet".into());
        let report = format!(
            "Data folder: {}\nIntegrity: ok\nTables: PPG Desk's own\nData version: {version} (this PPG Desk writes version {})\nBackups: {} (newest: {newest})",
            state.paths().dir.display(),
            db::migrate::LATEST_VERSION,
            backups.len(),
        );
        // A protected folder's key file is checked too: a damaged one is a failure to fix.
        let paths = state.paths();
        let protection = if db::keys::KeyFile::protects(&paths) {
            match db::keys::KeyFile::damage_report(&paths) {
                Some(problem) => return Err(Error::Refused(format!("{report}\nProtected: yes\nKey file: {problem}"))),
                None => "Protected: yes (encrypted; key file and its copy are sound)",
            }
        } else {
            "Protected: no"
        };
        let report = format!("{report}\n{protection}\n{index}");
        // A data folder inside OneDrive and the like is said, but is not a failure of the check.
        let report = match crate::cloud::data_folder_warning(&state.paths().dir) {
            Some(warning) => format!("{report}\nWarning: {warning}"),
            None => report,
        };
        match &state.backup_warning() {
            Some(warning) => Err(Error::Refused(format!("{report}\nWarning: {warning}"))),
            None => Ok(report),
        }
    })
}
