//! Where the key file lives: `ppg-desk.keys` and its identical copy beside the database,
//! read (the copy stands in for a damaged first file), checked and written atomically.

use std::path::{Path, PathBuf};

use super::keys::{damaged_keys, KeyFile, NEXT_KEYS};
use super::DataPaths;
use crate::error::Result;

impl KeyFile {
    /// Whether the folder's data is protected: its key file exists and the database is not a
    /// plain SQLite file (a key file left by a protection that never finished counts for nothing).
    pub fn protects(paths: &DataPaths) -> bool {
        (paths.keys_file().is_file() || paths.keys_copy().is_file())
            && paths.db_file().is_file()
            && !super::is_plain_database(&paths.db_file())
    }

    /// Reads the folder's key file, or its copy when the first is damaged or missing. A key
    /// file whose slots are damaged is still returned: its other slots may open it.
    pub fn load(paths: &DataPaths) -> Result<KeyFile> {
        let read = |path: PathBuf| std::fs::read_to_string(path).ok().and_then(|t| KeyFile::from_json(&t));
        match (read(paths.keys_file()), read(paths.keys_copy())) {
            (Some(main), _) if main.intact() => Ok(main),
            (_, Some(copy)) if copy.intact() => Ok(copy),
            (Some(main), _) => Ok(main),
            (None, Some(copy)) => Ok(copy),
            (None, None) => Err(damaged_keys()),
        }
    }

    /// The key file of a re-key that was interrupted, if one was.
    pub fn load_next(paths: &DataPaths) -> Option<KeyFile> {
        std::fs::read_to_string(paths.dir.join(NEXT_KEYS)).ok().and_then(|t| KeyFile::from_json(&t))
    }

    /// Both damaged: whether the main file and its copy could be read as written.
    pub fn damage_report(paths: &DataPaths) -> Option<String> {
        let read = |path: PathBuf| std::fs::read_to_string(path).ok().and_then(|t| KeyFile::from_json(&t));
        let main = read(paths.keys_file()).is_some_and(|k| k.intact());
        let copy = read(paths.keys_copy()).is_some_and(|k| k.intact());
        match (main, copy) {
            (true, true) => None,
            (false, true) => Some("The key file is damaged; its second copy is fine and was used. PPG Desk rewrites the key file the next time the data is opened.".into()),
            (true, false) => Some("The second copy of the key file is damaged; the key file itself is fine. PPG Desk rewrites the copy the next time the data is opened.".into()),
            (false, false) => Some("Both copies of the key file are damaged: the passphrase may not open the data. Use the recovery key from the printed sheet; PPG Desk then writes a new key file.".into()),
        }
    }

    /// Writes the key file and its copy, each to a temporary name, synced, then renamed into
    /// place: a crash leaves the old file or the new one, never half of one.
    pub fn save(&self, paths: &DataPaths) -> Result<()> {
        for target in [paths.keys_file(), paths.keys_copy()] {
            write_atomically(&target, self.to_json().as_bytes())?;
        }
        Ok(())
    }
}

pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let partial = target.with_extension("partial-keys");
    std::fs::write(&partial, bytes)?;
    super::make_private(&partial);
    crate::files::sync_file(&partial)?;
    std::fs::rename(&partial, target)?;
    if let Some(parent) = target.parent() {
        let _ = std::fs::File::open(parent).and_then(|dir| dir.sync_all());
    }
    Ok(())
}
