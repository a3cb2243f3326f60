//! The exchange folder: what lies in it and how each file is sealed.
//!
//! ```text
//! FOLDER/PPG Desk shared/
//!   committee.keys                  the committee key, wrapped under the invitation code only
//!   drivers.keys, befriending.keys  each scheme's own key, wrapped under that scheme's code
//!   start/0000000012.ppgstart       a starting copy for newcomers (SQLCipher, committee key)
//!   laptops/<stream>/0000000013.ppgchange   one change, written once, never changed
//! ```
//!
//! A stream is one laptop's changes to one area, numbered from 1: `<laptop id>` for
//! committee business, `<laptop id>-drivers` and `<laptop id>-befriending` for the schemes,
//! so a laptop lists only the streams of the areas it holds.
//!
//! Names hold only random laptop ids and numbers, nothing about anyone. A change file is
//! `MAGIC`, its full length (so a file cut off mid-copy is told from a tampered one), its
//! area (one byte) and key generation (four: a new one begins when a laptop is removed), a
//! random nonce and XChaCha20-Poly1305 of (header, changeset) under that area's key of that
//! generation, with the file's own place (`stream/seq/generation`) as associated data so a
//! file moved or relabelled does not open.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

use super::Area;
use super::Keys;
use crate::error::{Error, Result};

pub const FOLDER_NAME: &str = "PPG Desk shared";
pub const KEYS_NAME: &str = "committee.keys";
const MAGIC: &[u8; 8] = b"PPGXCH3\n";
const NONCE: usize = 24;
/// Magic, length, area, generation, nonce.
const HEAD: usize = 8 + 8 + 1 + 4 + NONCE;
const CHANGE_EXT: &str = "ppgchange";
/// A scheme's snapshot: every record of the scheme as its writer had them, numbered in its
/// stream like a change; a laptop that newly holds the scheme starts from the newest.
const SNAPSHOT_EXT: &str = "ppgsnap";

/// What a change file says about itself, inside the seal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
    pub data_version: i64,
    pub laptop_id: String,
    pub laptop_name: String,
    pub seq: i64,
    pub area: String,
    pub made_at: String,
    /// The last change of each other laptop applied on this one when it wrote this change:
    /// the receiver applies those first, so an edit never arrives before what it edits.
    #[serde(default)]
    pub seen: Vec<(String, i64)>,
    /// A scheme's snapshot: `seen` then says exactly which changes it holds.
    #[serde(default)]
    pub snapshot: bool,
}

/// A change file read from the folder.
#[derive(Debug)]
pub enum Opened {
    Change(Header, Vec<u8>),
    /// Shorter than it says: still being copied in. Left for next time.
    Incomplete,
    /// Complete but does not open with its area's key: changed by someone, or not ours.
    Tampered,
}

pub fn root(folder: &Path) -> PathBuf {
    folder.join(FOLDER_NAME)
}

/// The stream of `laptop`'s changes to `area`.
pub fn stream(laptop: &str, area: Area) -> String {
    match area {
        Area::Committee => laptop.to_string(),
        other => format!("{laptop}-{}", other.key()),
    }
}

/// A stream's laptop and area, if `name` is a stream's name.
pub fn parse_stream(name: &str) -> Option<(String, Area)> {
    let (laptop, area) = match name.split_once('-') {
        Some((laptop, area)) => (laptop, Area::parse(area).filter(|a| *a != Area::Committee)?),
        None => (name, Area::Committee),
    };
    is_laptop_id(laptop).then(|| (laptop.to_string(), area))
}

pub fn change_path(root: &Path, stream: &str, seq: i64, snapshot: bool) -> PathBuf {
    let ext = if snapshot { SNAPSHOT_EXT } else { CHANGE_EXT };
    root.join("laptops").join(stream).join(format!("{seq:010}.{ext}"))
}

fn place(laptop: &str, seq: i64, area: Area, generation: u32) -> Vec<u8> {
    format!("{}/{seq}/{generation}", stream(laptop, area)).into_bytes()
}

fn tag(area: Area) -> u8 {
    match area {
        Area::Committee => 0,
        Area::Drivers => 1,
        Area::Befriending => 2,
    }
}

fn area_of_tag(tag: u8) -> Option<Area> {
    [Area::Committee, Area::Drivers, Area::Befriending].into_iter().find(|a| self::tag(*a) == tag)
}

/// Seals a change of `header.area` with that area's key.
pub fn seal(keys: &Keys, header: &Header, changeset: &[u8]) -> Result<Vec<u8>> {
    let area = Area::parse(&header.area).ok_or_else(|| Error::File("A change could not be written.".into()))?;
    let key = keys.of(area).ok_or_else(|| Error::File("A change could not be sealed.".into()))?;
    let json = serde_json::to_vec(header).map_err(|_| Error::File("A change could not be written.".into()))?;
    let mut plain = Vec::with_capacity(4 + json.len() + changeset.len());
    plain.extend_from_slice(&(json.len() as u32).to_le_bytes());
    plain.extend_from_slice(&json);
    plain.extend_from_slice(changeset);
    let mut nonce = [0u8; NONCE];
    OsRng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let aad = place(&header.laptop_id, header.seq, area, keys.generation);
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: &plain, aad: &aad })
        .map_err(|_| Error::File("A change could not be sealed.".into()))?;
    let total = (HEAD + sealed.len()) as u64;
    let mut out = Vec::with_capacity(total as usize);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&total.to_le_bytes());
    out.push(tag(area));
    out.extend_from_slice(&keys.generation.to_le_bytes());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens the bytes of the change file numbered `seq` in `laptop`'s stream of `area`, with
/// that area's key. Never panics on any bytes.
pub fn open(keys: &Keys, laptop: &str, area: Area, seq: i64, bytes: &[u8]) -> Opened {
    let head = HEAD;
    if bytes.len() < MAGIC.len() || !bytes.starts_with(MAGIC) {
        return if MAGIC.starts_with(bytes) { Opened::Incomplete } else { Opened::Tampered };
    }
    let Some(total) = bytes.get(MAGIC.len()..MAGIC.len() + 8) else { return Opened::Incomplete };
    let total = u64::from_le_bytes(total.try_into().unwrap_or([0; 8]));
    match (bytes.len() as u64).cmp(&total) {
        std::cmp::Ordering::Less => return Opened::Incomplete,
        std::cmp::Ordering::Greater => return Opened::Tampered,
        std::cmp::Ordering::Equal if bytes.len() < head => return Opened::Tampered,
        std::cmp::Ordering::Equal => {}
    }
    if area_of_tag(bytes[MAGIC.len() + 8]) != Some(area) {
        return Opened::Tampered;
    }
    let generation = u32::from_le_bytes(bytes[MAGIC.len() + 9..MAGIC.len() + 13].try_into().unwrap_or([0; 4]));
    let Some(key) = keys.at(area, generation) else { return Opened::Tampered };
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let aad = place(laptop, seq, area, generation);
    let nonce = XNonce::from_slice(&bytes[MAGIC.len() + 13..head]);
    let Ok(plain) = cipher.decrypt(nonce, Payload { msg: &bytes[head..], aad: &aad }) else { return Opened::Tampered };
    let Some(len) = plain.get(..4).map(|b| u32::from_le_bytes(b.try_into().unwrap_or([0; 4])) as usize) else {
        return Opened::Tampered;
    };
    let Some(json) = plain.get(4..4usize.saturating_add(len)) else { return Opened::Tampered };
    match serde_json::from_slice::<Header>(json) {
        Ok(header) if header.laptop_id == laptop && header.seq == seq && header.area == area.key() => {
            Opened::Change(header, plain[4 + len..].to_vec())
        }
        _ => Opened::Tampered,
    }
}

/// Writes `bytes` to `path` once: beside it under a temporary name, then renamed, so a reader
/// never sees it half-written from this side. An existing file is never replaced.
pub fn write_once(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    let parent = path.parent().ok_or_else(|| Error::File("The shared folder could not be written to.".into()))?;
    fs::create_dir_all(parent).map_err(|_| unreachable_folder())?;
    let partial = path.with_extension("partial");
    let result = (|| {
        let mut file = fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&partial, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result.map_err(|_| unreachable_folder())
}

pub fn unreachable_folder() -> Error {
    Error::File(
        "The shared folder cannot be reached. Check that the USB stick is plugged in or the shared drive is \
         connected, then press \"Send and receive now\"."
            .into(),
    )
}

pub(super) fn is_laptop_id(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

pub(super) fn numbered(path: &Path, ext: &str) -> Option<i64> {
    let name = path.file_name()?.to_str()?;
    let digits = name.strip_suffix(ext)?.strip_suffix('.')?;
    (digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

/// A change file in the folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub laptop: String,
    pub area: Area,
    pub seq: i64,
    pub snapshot: bool,
    pub path: PathBuf,
}

impl Found {
    pub fn stream(&self) -> String {
        stream(&self.laptop, self.area)
    }
}

/// Every change file of the streams of `areas` (other laptops' only, unless `me` is empty),
/// in order per stream. Anything else in the folder (a sync tool's own files, a half-copied
/// `.partial`, a scheme this laptop does not hold) is passed over.
pub fn changes(root: &Path, me: &str, areas: &[Area]) -> Vec<Found> {
    let mut found = Vec::new();
    let Ok(streams) = fs::read_dir(root.join("laptops")) else { return found };
    for stream in streams.flatten() {
        let Some((laptop, area)) = stream.file_name().to_str().and_then(parse_stream) else { continue };
        if laptop == me || !areas.contains(&area) {
            continue;
        }
        let Ok(files) = fs::read_dir(stream.path()) else { continue };
        for file in files.flatten() {
            let path = file.path();
            let (seq, snapshot) = match (numbered(&path, CHANGE_EXT), numbered(&path, SNAPSHOT_EXT)) {
                (Some(seq), _) => (seq, false),
                (_, Some(seq)) => (seq, true),
                _ => continue,
            };
            if seq >= 1 {
                found.push(Found { laptop: laptop.clone(), area, seq, snapshot, path });
            }
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::keys::DataKey;
    use proptest::prelude::*;

    fn keys() -> Keys {
        Keys::first(DataKey::random(), Some(DataKey::random()), None)
    }

    fn header(seq: i64) -> Header {
        Header {
            data_version: 16,
            laptop_id: "0123456789abcdef0123456789abcdef".into(),
            laptop_name: "Chair's laptop".into(),
            seq,
            area: "committee".into(),
            made_at: "2026-12-06T10:00:00Z".into(),
            seen: Vec::new(),
            snapshot: false,
        }
    }

    #[test]
    fn a_sealed_change_opens_only_with_its_key_and_in_its_place() {
        let key = keys();
        let bytes = seal(&key, &header(3), b"changes").unwrap();
        let laptop = "0123456789abcdef0123456789abcdef";
        let c = Area::Committee;
        assert!(matches!(open(&key, laptop, c, 3, &bytes), Opened::Change(h, b) if h == header(3) && b == b"changes"));
        assert!(matches!(open(&keys(), laptop, c, 3, &bytes), Opened::Tampered));
        assert!(matches!(open(&key, laptop, c, 4, &bytes), Opened::Tampered), "moved to another number");
        assert!(matches!(open(&key, laptop, Area::Drivers, 3, &bytes), Opened::Tampered), "to another stream");
        assert!(matches!(open(&key, laptop, c, 3, &bytes[..bytes.len() - 5]), Opened::Incomplete));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(matches!(open(&key, laptop, c, 3, &flipped), Opened::Tampered));
        assert!(!bytes.windows(5).any(|w| w == b"Chair"), "the laptop's name is sealed");
        let mut relabelled = bytes.clone();
        relabelled[MAGIC.len() + 8] = tag(Area::Drivers);
        assert!(matches!(open(&key, laptop, c, 3, &relabelled), Opened::Tampered), "relabelled as another area");
    }

    #[test]
    fn a_scheme_change_opens_only_with_that_schemes_key() {
        let key = keys();
        let laptop = "0123456789abcdef0123456789abcdef";
        let drivers = Header { area: "drivers".into(), ..header(4) };
        let bytes = seal(&key, &drivers, b"a trip").unwrap();
        assert!(matches!(open(&key, laptop, Area::Drivers, 4, &bytes), Opened::Change(h, _) if h.area == "drivers"));
        let committee_only = Keys::first(key.committee.clone(), None, None);
        assert!(matches!(open(&committee_only, laptop, Area::Drivers, 4, &bytes), Opened::Tampered));
        let befriending = Header { area: "befriending".into(), ..header(5) };
        assert!(seal(&key, &befriending, b"x").is_err(), "no key, nothing sealed");
        for area in [Area::Committee, Area::Drivers, Area::Befriending] {
            assert_eq!(parse_stream(&stream(laptop, area)), Some((laptop.to_string(), area)));
        }
        assert_eq!(parse_stream(&format!("{laptop}-committee")), None, "committee has no suffix");
        assert_eq!(parse_stream("not-a-laptop"), None);
    }

    #[test]
    fn after_a_laptop_is_removed_older_files_still_open_and_newer_ones_only_with_the_new_keys() {
        let before = keys();
        let laptop = "0123456789abcdef0123456789abcdef";
        let old_file = seal(&before, &header(1), b"before").unwrap();
        let mut after = Keys::first(DataKey::random(), None, None);
        after.generation = 1;
        after.older = before.all();
        let new_file = seal(&after, &header(2), b"after").unwrap();
        assert!(matches!(open(&after, laptop, Area::Committee, 1, &old_file), Opened::Change(..)));
        assert!(matches!(open(&after, laptop, Area::Committee, 2, &new_file), Opened::Change(..)));
        assert!(matches!(open(&before, laptop, Area::Committee, 2, &new_file), Opened::Tampered), "the removed laptop");
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = open(&keys(), "0123456789abcdef0123456789abcdef", Area::Committee, 1, &bytes);
        }

        #[test]
        fn any_cut_of_a_change_is_incomplete_never_applied(cut in 0usize..120) {
            let key = keys();
            let bytes = seal(&key, &header(1), &[7u8; 64]).unwrap();
            let cut = cut.min(bytes.len() - 1);
            prop_assert!(matches!(open(&key, "0123456789abcdef0123456789abcdef", Area::Committee, 1, &bytes[..cut]), Opened::Incomplete));
        }

        #[test]
        fn any_file_name_is_read_without_panicking(name in "\\PC{0,30}") {
            let _ = numbered(Path::new(&name), CHANGE_EXT);
            let _ = parse_stream(&name);
        }
    }
}
