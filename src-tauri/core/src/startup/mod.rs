//! What the window shows first: the app ready (and whether the PPG still needs setting up),
//! or a problem with the data (damaged, from a newer version, already open) and what to do.

use serde::Serialize;
use ts_rs::TS;

use crate::backups::{self, BackupInfo};
use crate::dashboard::Dashboard;
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "status")]
#[ts(export)]
pub enum Startup {
    #[serde(rename_all = "camelCase")]
    Ready {
        needs_setup: bool,
        /// The open data is the fictional sample PPG: every screen says so.
        sample: bool,
        data_dir: String,
        backup_warning: Option<String>,
        /// Said when the data folder is inside a syncing folder (OneDrive...).
        folder_warning: Option<String>,
        app_version: String,
        /// The data is encrypted (the menu offers "Lock now").
        protected: bool,
        /// A protected PPG locks itself after this many seconds without use (0 = never):
        /// the setting in minutes, or `PPG_DESK_IDLE_LOCK_SECONDS` when a test sets it.
        idle_lock_seconds: u32,
    },
    #[serde(rename_all = "camelCase")]
    Problem {
        code: String,
        message: String,
        data_dir: String,
        /// Offered when the data is damaged.
        latest_backup: Option<BackupInfo>,
    },
}

/// Everything the window's first screen shows, in one call: how the data opened, and when
/// it is ready and set up, the PPG's settings and the Home screen's cards.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FirstScreen {
    pub startup: Startup,
    pub settings: Option<Settings>,
    pub dashboard: Option<Dashboard>,
}

pub fn first_screen(state: &AppState) -> Result<FirstScreen> {
    let startup = describe(state)?;
    let ready = matches!(startup, Startup::Ready { needs_setup: false, .. });
    let (settings, dashboard) = if ready {
        let today = state.today();
        state.read(|conn| Ok((crate::settings::load(conn)?, Some(crate::dashboard::dashboard(conn, today)?))))?
    } else {
        (None, None)
    };
    Ok(FirstScreen { startup, settings, dashboard })
}

pub fn describe(state: &AppState) -> Result<Startup> {
    let data_dir = state.paths().dir.display().to_string();
    if let Some(problem) = state.problem() {
        let latest_backup = if problem.code() == "damaged" { backups::latest(&state.paths()) } else { None };
        return Ok(Startup::Problem {
            code: problem.code().into(),
            message: problem.to_string(),
            data_dir,
            latest_backup,
        });
    }
    let protected = state.unlocked().is_some();
    let minutes = state.read(crate::settings::load)?.map_or(15, |s| s.idle_lock_minutes);
    let idle_lock_seconds =
        std::env::var("PPG_DESK_IDLE_LOCK_SECONDS").ok().and_then(|v| v.parse().ok()).unwrap_or(minutes * 60);
    Ok(Startup::Ready {
        protected,
        idle_lock_seconds: if protected { idle_lock_seconds } else { 0 },
        needs_setup: state.read(crate::settings::needs_setup)?,
        sample: state.read(crate::settings::is_sample)?,
        data_dir,
        backup_warning: state.backup_warning(),
        folder_warning: crate::cloud::data_folder_warning(&state.paths().dir),
        app_version: env!("CARGO_PKG_VERSION").into(),
    })
}

/// "Explore the sample PPG": the sample is made afresh in its own folder beside the person's
/// (never in it), and opened; the person's own folder remembers that the sample is being
/// explored, so the next start opens it again until they leave it.
pub fn explore_sample(state: &AppState) -> Result<()> {
    if !state.read(crate::settings::needs_setup)? {
        return Err(Error::Refused(
            "Your PPG is already set up, so the sample cannot be opened here: nothing of it may mix with your records."
                .into(),
        ));
    }
    let home = state.home().clone();
    let sample = home.sample();
    if sample.dir.exists() {
        std::fs::remove_dir_all(&sample.dir)?;
    }
    crate::db::create_private_dir(&home.dir)?;
    std::fs::write(home.sample_marker(), b"")?;
    let loaded = state.switch_to(sample).and_then(|_| {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| crate::sample::load(tx, today, &now))
    });
    if loaded.is_err() {
        let _ = std::fs::remove_file(home.sample_marker());
        let _ = state.switch_to(home);
    }
    loaded
}

/// "Leave the sample and set up our PPG": the sample is deleted (it is made up, and the
/// person confirmed) and the person's own folder opens, ready to be set up. A sample that was
/// loaded into the person's own folder (by `ppg-desk demo`, or before the sample had a folder
/// of its own) is deleted from it in the same way.
pub fn leave_sample(state: &AppState) -> Result<()> {
    if !state.read(crate::settings::is_sample)? {
        return Err(Error::Refused("This is your own PPG, not the sample, so there is nothing to leave.".into()));
    }
    let home = state.home().clone();
    let sample = home.sample();
    if state.paths().dir != sample.dir {
        // Close the sample that sits in the person's own folder, then delete its files there.
        std::fs::create_dir_all(&sample.dir)?;
        state.switch_to(sample.clone())?;
        delete_data_files(&home)?;
    }
    let _ = std::fs::remove_file(home.sample_marker());
    state.switch_to(home)?;
    std::fs::remove_dir_all(&sample.dir)?;
    Ok(())
}

/// Deletes a folder's data file (with its journal files), backups and session documents.
fn delete_data_files(paths: &crate::db::DataPaths) -> Result<()> {
    let db = paths.db_file();
    for file in [db.clone(), db.with_extension("sqlite3-wal"), db.with_extension("sqlite3-shm")] {
        if file.exists() {
            std::fs::remove_file(file)?;
        }
    }
    for dir in [paths.backups_dir(), paths.exports_dir()] {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
    }
    Ok(())
}
