//! The kinds of file people open and save, with the names and endings the system's file
//! dialogs show, and where the dialogs start. The files chosen are remembered by
//! `files::Chosen`, the only paths a command from the window may use.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use ts_rs::TS;

/// What a file holds, which sets the dialog's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FileKind {
    Csv,
    /// A spreadsheet as published (Excel's .xlsx, or CSV).
    Spreadsheet,
    Backup,
    Pdf,
    Picture,
    Calendar,
    Vcard,
    Oruk,
    /// A person's whole record as JSON (subject access).
    Json,
    /// A PDF about people that is sensitive (subject access, befriending, passengers).
    RecordPdf,
}

impl FileKind {
    /// The filter's name and the endings it shows.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Csv => ("Spreadsheet (CSV)", &["csv"]),
            FileKind::Spreadsheet => ("Spreadsheet (Excel or CSV)", &["xlsx", "csv"]),
            FileKind::Backup => ("PPG Desk backup", &["sqlite3", "ppgdesk", "db"]),
            FileKind::Pdf => ("PDF document", &["pdf"]),
            FileKind::Picture => ("Picture (PNG or JPEG)", &["png", "jpg", "jpeg"]),
            FileKind::Calendar => ("Calendar file", &["ics"]),
            FileKind::Vcard => ("Contact cards (vCard)", &["vcf", "vcard"]),
            FileKind::Oruk => ("Open Referral UK directory (JSON)", &["json"]),
            FileKind::Json => ("Record (JSON)", &["json"]),
            FileKind::RecordPdf => ("PDF document", &["pdf"]),
        }
    }

    /// The save dialog's title: for sensitive records it says the saved copy is not
    /// protected by the passphrase (the PPG's own file and backups are; exports are not).
    pub fn save_title(self) -> Option<&'static str> {
        match self {
            FileKind::Json | FileKind::RecordPdf => {
                Some("Save a copy: this file will NOT be protected by your passphrase, so keep it safe and delete it when done")
            }
            _ => None,
        }
    }
}

/// Where a dialog starts: the person's Documents folder (not the folder PPG Desk started in).
pub fn start_folder() -> Option<PathBuf> {
    directories::UserDirs::new().and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
}
