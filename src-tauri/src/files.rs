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

/// Reads a text file someone chose to import, refusing anything over `max_mb` megabytes;
/// `what` names what it should hold ("a list of contacts").
pub fn read_import(path: &Path, what: &str, max_mb: u64) -> Result<String> {
    let size = fs::metadata(path).map_err(|_| Error::File("That file could not be opened.".into()))?.len();
    if size > max_mb * 1024 * 1024 {
        return Err(Error::File(format!("That file is too large to be {what} (over {max_mb} MB).")));
    }
    let bytes = fs::read(path)?;
    String::from_utf8(bytes).map_err(|_| Error::File(format!("That file is not {what} PPG Desk can read (it is not UTF-8 text).")))
}
