//! The kinds of file people open and save, with the names and endings the system's file
//! dialogs show; and the session's record of the files people chose, the only paths a
//! command from the window may use (so a page that went wrong cannot read or write
//! anywhere else on the computer).

pub mod commands;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// What a file holds, which sets the dialog's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FileKind {
    Csv,
    Backup,
    Pdf,
    Picture,
    Calendar,
    Vcard,
    Oruk,
    Json,
}

impl FileKind {
    /// The filter's name and the endings it shows.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Csv => ("Spreadsheet (CSV)", &["csv"]),
            FileKind::Backup => ("PPG Desk backup", &["sqlite3", "ppgdesk", "db"]),
            FileKind::Pdf => ("PDF document", &["pdf"]),
            FileKind::Picture => ("Picture (PNG or JPEG)", &["png", "jpg", "jpeg"]),
            FileKind::Calendar => ("Calendar file", &["ics"]),
            FileKind::Vcard => ("Contact cards (vCard)", &["vcf", "vcard"]),
            FileKind::Oruk => ("Open Referral UK directory (JSON)", &["json"]),
            FileKind::Json => ("Record (JSON)", &["json"]),
        }
    }
}

/// The files chosen in a dialog during this session.
#[derive(Default)]
pub struct Chosen {
    paths: Mutex<HashSet<PathBuf>>,
}

impl Chosen {
    /// Records a file the person chose in a dialog.
    pub fn record(&self, path: &Path) {
        self.paths.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_path_buf());
    }

    /// `path` itself if the person chose it in a dialog this session; otherwise a refusal.
    pub fn check(&self, path: PathBuf) -> Result<PathBuf> {
        if self.paths.lock().unwrap_or_else(|e| e.into_inner()).contains(&path) {
            Ok(path)
        } else {
            Err(Error::File("PPG Desk only opens or saves files you choose in its file window. Please choose the file again.".into()))
        }
    }
}

/// Where a dialog starts: the person's Documents folder (not the folder PPG Desk started in).
pub fn start_folder() -> Option<PathBuf> {
    directories::UserDirs::new().and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_chosen_files_pass() {
        let chosen = Chosen::default();
        chosen.record(Path::new("/home/sec/Documents/members.csv"));
        assert!(chosen.check(PathBuf::from("/home/sec/Documents/members.csv")).is_ok());
        assert!(chosen.check(PathBuf::from("/etc/passwd")).is_err());
        assert!(chosen.check(PathBuf::from("/home/sec/Documents/../.ssh/id_rsa")).is_err());
    }
}
