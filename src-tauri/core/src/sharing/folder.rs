//! What else lies in the exchange folder beside the change files, each sealed with the
//! committee key like them:
//!
//! ```text
//! FOLDER/PPG Desk shared/
//!   start/<made at>-<laptop id>.ppgstart    a starting copy (committee business only)
//!   start/<made at>-<laptop id>.ppgcovers   which changes that copy holds, for tidying
//!   laptops/<laptop id>/<n>.ppgseen          what that laptop has applied, as it last said
//! ```
//!
//! A laptop writes a new `.ppgseen` when what it has applied changes and removes its older
//! ones (its own files only). A change file every laptop has applied, and every starting
//! copy (or, for a scheme, the newest snapshot) holds, is removed from the folder, so an
//! erased person does not linger there.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::exchange::{is_laptop_id, numbered, write_once};
use super::Keys;
use crate::db::keys::DataKey;
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"PPGNOTE1";
const NONCE: usize = 24;
const SEEN_EXT: &str = "ppgseen";
const START_EXT: &str = "ppgstart";
const COVERS_EXT: &str = "ppgcovers";

/// How far each stream has been applied: stream → last change number.
pub type Applied = BTreeMap<String, i64>;

/// What one laptop has applied, as it last wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Seen {
    pub laptop_id: String,
    /// Its name ("Chair's laptop"), for the list of the committee's laptops.
    #[serde(default)]
    pub laptop_name: String,
    /// The areas it holds: only those laptops are waited for before a scheme's file goes.
    pub areas: Vec<String>,
    /// Every stream it has applied, its own included (as far as it has sent).
    pub applied: Applied,
    /// Its public key: what new keys are sealed to when a laptop is removed (`rotate.rs`).
    #[serde(default)]
    pub public_key: Option<String>,
}

pub(super) fn seal_note<T: Serialize>(key: &DataKey, place: &str, value: &T) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(value).map_err(|_| Error::File("A note could not be written.".into()))?;
    let mut nonce = [0u8; NONCE];
    OsRng.fill_bytes(&mut nonce);
    let sealed = XChaCha20Poly1305::new(key.bytes().into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: &json, aad: place.as_bytes() })
        .map_err(|_| Error::File("A note could not be sealed.".into()))?;
    Ok([MAGIC.as_slice(), &nonce, &sealed].concat())
}

/// Opens a note; `None` for anything that is not one, sealed elsewhere, or damaged.
pub(super) fn open_note<T: DeserializeOwned>(key: &DataKey, place: &str, bytes: &[u8]) -> Option<T> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (nonce, sealed) = (rest.get(..NONCE)?, rest.get(NONCE..)?);
    let plain = XChaCha20Poly1305::new(key.bytes().into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: place.as_bytes() })
        .ok()?;
    serde_json::from_slice(&plain).ok()
}

fn seen_files(root: &Path, laptop: &str) -> Vec<(i64, PathBuf)> {
    let mut files: Vec<(i64, PathBuf)> = fs::read_dir(root.join("laptops").join(laptop))
        .map(|files| files.flatten().filter_map(|f| numbered(&f.path(), SEEN_EXT).map(|n| (n, f.path()))).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// A note sealed with any committee key this laptop holds (the current one first).
fn open_any<T: DeserializeOwned>(keys: &Keys, place: &str, bytes: &[u8]) -> Option<T> {
    keys.committee_keys().iter().find_map(|key| open_note(key, place, bytes))
}

/// The newest `.ppgseen` of every laptop that has written one and that opens.
pub fn read_seen(root: &Path, keys: &Keys) -> Vec<Seen> {
    let Ok(laptops) = fs::read_dir(root.join("laptops")) else { return Vec::new() };
    let mut all = Vec::new();
    for laptop in laptops.flatten() {
        let Some(id) = laptop.file_name().to_str().filter(|n| is_laptop_id(n)).map(str::to_owned) else { continue };
        let newest = seen_files(root, &id).into_iter().rev().find_map(|(n, path)| {
            let bytes = fs::read(path).ok()?;
            open_any::<Seen>(keys, &format!("seen/{id}/{n}"), &bytes).filter(|s| s.laptop_id == id)
        });
        all.extend(newest);
    }
    all
}

/// Writes this laptop's `.ppgseen` when it differs from its last one, and removes the older.
pub fn write_seen(root: &Path, keys: &Keys, seen: &Seen) -> Result<()> {
    let key = &keys.committee;
    let mine = seen_files(root, &seen.laptop_id);
    let last = mine
        .last()
        .and_then(|(n, path)| open_note::<Seen>(key, &format!("seen/{}/{n}", seen.laptop_id), &fs::read(path).ok()?));
    if last.as_ref() == Some(seen) {
        return Ok(());
    }
    let n = mine.last().map_or(1, |(n, _)| n + 1);
    let bytes = seal_note(key, &format!("seen/{}/{n}", seen.laptop_id), seen)?;
    let path = root.join("laptops").join(&seen.laptop_id).join(format!("{n:010}.{SEEN_EXT}"));
    write_once(&path, &bytes)?;
    for (_, older) in mine {
        let _ = fs::remove_file(older);
    }
    Ok(())
}

/// A starting copy in the folder: its name (`<made at>-<laptop id>`) and what it holds.
#[derive(Debug, Clone)]
pub struct Start {
    pub name: String,
    pub path: PathBuf,
    pub covers: Option<Applied>,
}

/// Every starting copy, oldest first, with what it holds when its `.ppgcovers` opens.
pub fn starts(root: &Path, keys: &Keys) -> Vec<Start> {
    let dir = root.join("start");
    let mut found: Vec<Start> = fs::read_dir(&dir)
        .map(|files| {
            files
                .flatten()
                .filter_map(|f| {
                    let file = f.file_name().to_str()?.to_string();
                    let name = file.strip_suffix(&format!(".{START_EXT}"))?.to_string();
                    let (made, laptop) = name.split_once('-')?;
                    (made.len() == 13 && made.bytes().all(|b| b.is_ascii_digit()) && is_laptop_id(laptop))
                        .then(|| Start { path: f.path(), covers: None, name })
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    for start in &mut found {
        let covers = dir.join(format!("{}.{COVERS_EXT}", start.name));
        start.covers =
            fs::read(covers).ok().and_then(|bytes| open_any(keys, &format!("covers/{}", start.name), &bytes));
    }
    found
}

/// The place of a new starting copy by `laptop`, made at `millis` (ms since 1970).
pub fn start_path(root: &Path, laptop: &str, millis: i64) -> (String, PathBuf) {
    let name = format!("{:013}-{laptop}", millis.max(0));
    let path = root.join("start").join(format!("{name}.{START_EXT}"));
    (name, path)
}

/// Writes what the starting copy `name` holds (after the copy itself, so a copy with its
/// note is complete).
pub fn write_covers(root: &Path, keys: &Keys, name: &str, covers: &Applied) -> Result<()> {
    let bytes = seal_note(&keys.committee, &format!("covers/{name}"), covers)?;
    write_once(&root.join("start").join(format!("{name}.{COVERS_EXT}")), &bytes)
}

/// Removes a starting copy and its note.
pub fn remove_start(root: &Path, start: &Start) {
    let _ = fs::remove_file(&start.path);
    let _ = fs::remove_file(root.join("start").join(format!("{}.{COVERS_EXT}", start.name)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_note_opens_only_with_its_key_and_in_its_place() {
        let key = DataKey::random();
        let seen = Seen {
            laptop_id: "a".repeat(32),
            laptop_name: "Chair's laptop".into(),
            areas: vec!["committee".into()],
            applied: Applied::new(),
            public_key: None,
        };
        let bytes = seal_note(&key, "seen/x/1", &seen).unwrap();
        assert_eq!(open_note::<Seen>(&key, "seen/x/1", &bytes), Some(seen));
        assert_eq!(open_note::<Seen>(&key, "seen/x/2", &bytes), None, "moved");
        assert_eq!(open_note::<Seen>(&DataKey::random(), "seen/x/1", &bytes), None);
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_as_a_note_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..120)) {
            let _ = open_note::<Seen>(&DataKey::random(), "seen/x/1", &bytes);
        }
    }
}
