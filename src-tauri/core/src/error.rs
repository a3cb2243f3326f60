//! The one error type of PPG Desk, and how it crosses to the UI as `{code, message, fields}`.
//!
//! Messages are written for a volunteer, never for a developer, and never contain
//! personal data (names, addresses, notes): they may end up on screen in a meeting.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use ts_rs::TS;

/// A problem with one field of a form, shown beside that field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldError {
    /// The camelCase name of the field, as the UI knows it.
    pub field: String,
    pub message: String,
}

/// Everything that can go wrong, as the UI needs to tell it apart.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more fields are wrong; nothing was saved.
    #[error("Please correct the {} marked below. Nothing has been saved yet.", if .0.len() == 1 { "entry" } else { "entries" })]
    Invalid(Vec<FieldError>),
    /// The record asked for does not exist (any more).
    #[error("{0}")]
    NotFound(&'static str),
    /// A rule refuses the change; the message says which rule.
    #[error("{0}")]
    Refused(String),
    /// The database file was written by a newer PPG Desk.
    #[error("This PPG Desk data was saved by a newer version of PPG Desk (data version {found}; this copy understands up to {supported}). Please install the newer version. Your data has not been changed.")]
    NewerDatabase { found: i64, supported: i64 },
    /// The database file failed its integrity check or is not a database.
    #[error("The PPG Desk data file is damaged and cannot be opened safely. You can restore the latest backup.")]
    Damaged,
    /// A file chosen by the user could not be used; the message says why.
    #[error("{0}")]
    File(String),
    /// Another PPG Desk window is using the same data folder.
    #[error("PPG Desk is already open in another window using the same data. Please use that window.")]
    AlreadyOpen,
    /// SQLite refused or failed; the message says what it means for the volunteer, never
    /// SQL text or values (which could hold personal data).
    #[error("{}", database_words(.0))]
    Database(#[from] rusqlite::Error),
    #[error("{}", io_words(.0))]
    Io(#[from] std::io::Error),
    /// The data is protected and its key is not in memory: the passphrase (or recovery key,
    /// or this computer's keyring) is needed to open it.
    #[error("Your PPG's data is locked. Type your passphrase to open it.")]
    Locked,
    /// The passphrase or recovery key typed is not this PPG's; nothing was changed.
    #[error("{0}")]
    WrongKey(&'static str),
    /// An encrypted backup made under another key (another laptop, or before a re-key).
    #[error("This backup was protected with a different passphrase (on another laptop, or before someone left the committee). Type the passphrase or recovery key it was made with to open it.")]
    BackupNeedsKey,
    /// The person pressed Cancel during long work; what it was writing was rolled back.
    #[error("Stopped, as you asked. Nothing was changed.")]
    Cancelled,
    /// A command failed in a way the code did not expect (a bug); nothing was changed.
    #[error("Something went wrong, so nothing was changed. Please try again; if it happens again, restart PPG Desk.")]
    Unexpected,
}

const DISK_FULL: &str = "The disk is full, so nothing was changed. Free some space (empty the recycle bin, delete old downloads) and try again.";
const READ_ONLY: &str = "PPG Desk is not allowed to write to this folder, so nothing was changed.";

/// What a database failure means, in a volunteer's words. The extended SQLite code is kept
/// (it names no data) so a helper can tell failures apart.
fn database_words(error: &rusqlite::Error) -> String {
    use rusqlite::ffi::ErrorCode;
    let Some(code) = error.sqlite_error_code() else {
        return "The data could not be read as expected, so nothing was changed.".into();
    };
    let extended = match error {
        rusqlite::Error::SqliteFailure(e, _) => e.extended_code,
        _ => 0,
    };
    match code {
        ErrorCode::DiskFull => DISK_FULL.into(),
        ErrorCode::ReadOnly | ErrorCode::PermissionDenied => READ_ONLY.into(),
        ErrorCode::CannotOpen => {
            "The data file could not be opened: its folder may be missing or not allowed to be written.".into()
        }
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "The data is busy (another PPG Desk may be saving). Nothing was changed: please try again.".into()
        }
        ErrorCode::ConstraintViolation => {
            "That change breaks one of PPG Desk's rules for the data, so nothing was changed.".into()
        }
        ErrorCode::SystemIoFailure => {
            "The disk could not be read or written (it may be full, removed or failing), so nothing was changed.".into()
        }
        ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
            "The data file is damaged, so nothing was changed. You can restore the latest backup.".into()
        }
        _ => format!("The data could not be saved or read, so nothing was changed. (Code {extended}.)"),
    }
}

/// What a file failure means, in a volunteer's words (never the path: it may hold a name).
fn io_words(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => DISK_FULL.into(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => READ_ONLY.into(),
        ErrorKind::NotFound => "A file or folder PPG Desk needed could not be found.".into(),
        _ => "A file could not be read or written, so nothing was changed.".into(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable code the UI can act on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid",
            Error::NotFound(_) => "not_found",
            Error::Refused(_) => "refused",
            Error::NewerDatabase { .. } => "newer_database",
            Error::Damaged => "damaged",
            Error::File(_) => "file",
            Error::AlreadyOpen => "already_open",
            Error::Database(_) => "database",
            Error::Io(_) => "io",
            Error::Unexpected => "unexpected",
            Error::Cancelled => "cancelled",
            Error::Locked => "locked",
            Error::BackupNeedsKey => "backup_needs_key",
            Error::WrongKey(_) => "wrong_key",
        }
    }

    /// A single-field validation error.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldError { field: field.to_string(), message: message.into() }])
    }
}

/// The shape of an error as the UI receives it (see `ui/src/lib/api/invoke.ts`).
#[derive(serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let fields: &[FieldError] = match self {
            Error::Invalid(fields) => fields,
            _ => &[],
        };
        let mut out = serializer.serialize_struct("Error", 3)?;
        out.serialize_field("code", self.code())?;
        out.serialize_field("message", &self.to_string())?;
        out.serialize_field("fields", fields)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_serialises_with_code_message_and_fields() {
        let json = serde_json::to_value(Error::invalid("email", "An email address needs an @")).unwrap();
        assert_eq!(json["code"], "invalid");
        assert_eq!(json["fields"][0]["field"], "email");
        assert!(json["message"].as_str().unwrap().contains("Nothing has been saved"));
    }

    #[test]
    fn a_full_disk_is_said_in_plain_words() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            Some("database or disk is full".into()),
        );
        assert_eq!(Error::Database(full).to_string(), DISK_FULL);
        let io = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(Error::Io(io).to_string(), DISK_FULL);
    }

    #[test]
    fn sql_text_never_reaches_the_message() {
        let failure = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_CHECK),
            Some("CHECK constraint failed: full_name <> 'Zoë'".into()),
        );
        let words = Error::Database(failure).to_string();
        assert!(!words.contains("CHECK") && !words.contains("Zoë"), "{words}");
    }

    #[test]
    fn plural_message_for_several_fields() {
        let two = Error::Invalid(vec![
            FieldError { field: "a".into(), message: "x".into() },
            FieldError { field: "b".into(), message: "y".into() },
        ]);
        assert!(two.to_string().contains("entries"));
    }
}
