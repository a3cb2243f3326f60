//! Writing files the user asked for (exports) so that a crash never leaves half a file.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

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
    String::from_utf8(bytes).map_err(|_| Error::File(format!("That file is not {what} PPG Desk can read (it is not UTF-8 text).")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_folders_and_large_files_are_refused_without_reading_them_whole() {
        #[cfg(unix)]
        assert!(read_capped(Path::new("/dev/zero"), "a list of contacts", 1024).unwrap_err().to_string().contains("not a file"));
        let dir = tempfile::tempdir().unwrap();
        assert!(read_capped(dir.path(), "a picture", 1024).is_err());
        let big = dir.path().join("big.csv");
        fs::write(&big, vec![b'a'; 2048]).unwrap();
        assert!(read_capped(&big, "a list", 1024).unwrap_err().to_string().contains("too large"));
        assert_eq!(read_capped(&big, "a list", 4096).unwrap().len(), 2048);
    }
}
