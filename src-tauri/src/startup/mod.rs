//! What the window shows first: the app ready (and whether the PPG still needs setting up),
//! or a problem with the data (damaged, from a newer version, already open) and what to do.

pub mod commands;

use serde::Serialize;
use ts_rs::TS;

use crate::backups::{self, BackupInfo};
use crate::error::Result;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "status")]
#[ts(export)]
pub enum Startup {
    #[serde(rename_all = "camelCase")]
    Ready {
        needs_setup: bool,
        data_dir: String,
        backup_warning: Option<String>,
        app_version: String,
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

pub fn describe(state: &AppState) -> Result<Startup> {
    let data_dir = state.paths.dir.display().to_string();
    if let Some(problem) = state.problem() {
        let latest_backup = if problem.code() == "damaged" { backups::latest(&state.paths) } else { None };
        return Ok(Startup::Problem { code: problem.code().into(), message: problem.to_string(), data_dir, latest_backup });
    }
    Ok(Startup::Ready {
        needs_setup: state.read(crate::settings::needs_setup)?,
        data_dir,
        backup_warning: state.backup_warning.clone(),
        app_version: env!("CARGO_PKG_VERSION").into(),
    })
}
