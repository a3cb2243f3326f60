//! Files the person chose: remembering which (`Chosen`), writing exports so that a crash never
//! leaves half a file, and reading imports with their size capped.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// Makes a finished file durable on disk. Opened for writing because Windows refuses to flush
/// a file opened only for reading (a backup failed there with "not allowed to write").
pub fn sync_file(path: &Path) -> std::io::Result<()> {
    fs::OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::File("The folder to save into does not exist.".into()));
    }
    let partial = path.with_extension("partial");
    let result = (|| {
        let mut file = File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&partial, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// Reads at most `max_bytes` of a file someone chose, refusing anything that is not a regular
/// file (a folder, a device such as /dev/zero, a pipe that may never end) and anything larger.
/// The size is checked while reading, not from `metadata().len()`, which is 0 for devices and
/// pipes; `what` names what the file should hold ("a list of contacts").
pub fn read_capped(path: &Path, what: &str, max_bytes: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let not_a_file = || Error::File(format!("That is not a file PPG Desk can read as {what}."));
    let metadata = fs::metadata(path).map_err(|_| Error::File("That file could not be opened.".into()))?;
    if !metadata.is_file() {
        return Err(not_a_file());
    }
    let file = File::open(path).map_err(|_| Error::File("That file could not be opened.".into()))?;
    let mut bytes = Vec::new();
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|_| Error::File("That file could not be read.".into()))?;
    if bytes.len() as u64 > max_bytes {
        let mb = max_bytes.div_ceil(1024 * 1024);
        return Err(Error::File(format!("That file is too large to be {what} (over {mb} MB).")));
    }
    Ok(bytes)
}

/// Reads a text file someone chose to import, refusing anything over `max_mb` megabytes;
/// `what` names what it should hold ("a list of contacts").
pub fn read_import(path: &Path, what: &str, max_mb: u64) -> Result<String> {
    let bytes = read_capped(path, what, max_mb * 1024 * 1024)?;
    String::from_utf8(bytes)
        .map_err(|_| Error::File(format!("That file is not {what} PPG Desk can read (it is not UTF-8 text).")))
}

/// The files the person chose in a dialog during this session: the only paths a command
/// from the window may use (so a page that went wrong cannot read or write anywhere else).
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
            Err(Error::File(
                "PPG Desk only opens or saves files you choose in its file window. Please choose the file again."
                    .into(),
            ))
        }
    }
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

    #[test]
    fn devices_folders_and_large_files_are_refused_without_reading_them_whole() {
        #[cfg(unix)]
        assert!(read_capped(Path::new("/dev/zero"), "a list of contacts", 1024)
            .unwrap_err()
            .to_string()
            .contains("not a file"));
        let dir = tempfile::tempdir().unwrap();
        assert!(read_capped(dir.path(), "a picture", 1024).is_err());
        let big = dir.path().join("big.csv");
        fs::write(&big, vec![b'a'; 2048]).unwrap();
        assert!(read_capped(&big, "a list", 1024).unwrap_err().to_string().contains("too large"));
        assert_eq!(read_capped(&big, "a list", 4096).unwrap().len(), 2048);
    }
}
