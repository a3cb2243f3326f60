//! The keys a sharing laptop holds: the committee key (every laptop) and the driver and
//! befriending schemes' own keys (only the laptops their coordinators choose: need-to-know).
//! Each lies in the exchange folder wrapped under its own code (`<area>.keys`), so a laptop
//! given only the committee's invitation code can open committee business and nothing else.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;
use zeroize::{Zeroize, Zeroizing};

use crypto_box::aead::OsRng;
use crypto_box::SecretKey;

use super::{exchange, Area};
use crate::db::keys::{DataKey, KeyFile};
use crate::db::recovery::{new_recovery_key, Secret};
use crate::error::{Error, Result};

/// Whether a laptop joining shares a scheme, and with which code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme<'a> {
    NotShared,
    /// `None`: no code given (the first laptop to share this scheme makes its key).
    Shared(Option<&'a str>),
}

impl<'a> Scheme<'a> {
    /// From a tick box and a code field (an empty code: none given).
    pub fn chosen(wanted: bool, code: Option<&'a str>) -> Scheme<'a> {
        if wanted {
            Scheme::Shared(code)
        } else {
            Scheme::NotShared
        }
    }
}

/// Codes to give to the others in person: shown once, wiped when dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Codes {
    /// The invitation code: every committee laptop types it to join.
    pub committee: Option<String>,
    /// The driver scheme's code: only for the driver coordinator's laptops.
    pub drivers: Option<String>,
    /// The befriending scheme's code: only for the befriending coordinator's laptops.
    pub befriending: Option<String>,
}

impl Drop for Codes {
    fn drop(&mut self) {
        self.committee.zeroize();
        self.drivers.zeroize();
        self.befriending.zeroize();
    }
}

impl Codes {
    pub fn set(&mut self, area: Area, code: &str) {
        let slot = match area {
            Area::Committee => &mut self.committee,
            Area::Drivers => &mut self.drivers,
            Area::Befriending => &mut self.befriending,
        };
        *slot = Some(code.to_string());
    }
}

pub fn file_name(area: Area) -> String {
    format!("{}.keys", area.key())
}

/// A new key for `area`, wrapped under a new code in the folder. Returns both.
pub fn make(root: &Path, area: Area) -> Result<(DataKey, Zeroizing<String>)> {
    let key = DataKey::random();
    let code = new_recovery_key();
    let file = KeyFile::for_invitation(&key, &code)?;
    exchange::write_once(&root.join(file_name(area)), file.to_json().as_bytes())?;
    Ok((key, code))
}

pub fn generation_dir(root: &Path, generation: u32) -> std::path::PathBuf {
    root.join("keys").join(format!("{generation:04}"))
}

/// The newest generation with keys in the folder (0: the keys made when sharing started).
pub fn newest_generation(root: &Path) -> u32 {
    std::fs::read_dir(root.join("keys"))
        .map(|dirs| {
            dirs.flatten()
                .filter_map(|d| d.file_name().to_str().filter(|n| n.len() == 4).and_then(|n| n.parse().ok()))
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

/// The newest key file of `area` in the folder (for laptops joining), if there is one.
pub fn file(root: &Path, area: Area) -> Option<KeyFile> {
    let name = file_name(area);
    let path = (1..=newest_generation(root))
        .rev()
        .map(|g| generation_dir(root, g).join(&name))
        .find(|p| p.exists())
        .unwrap_or(root.join(name));
    std::fs::read_to_string(path).ok().and_then(|text| KeyFile::from_json(&text))
}

/// Opens `area`'s key with `code`; a wrong code is a message beside that code's field.
pub fn open(file: &KeyFile, area: Area, code: &str) -> Result<DataKey> {
    let (field, message) = match area {
        Area::Committee => (
            "invitationCode",
            "That invitation code does not open this shared PPG. Check each group of letters and try again.",
        ),
        Area::Drivers => (
            "driversCode",
            "That code does not open the driver scheme. Ask the driver coordinator for the driver scheme's code.",
        ),
        Area::Befriending => (
            "befriendingCode",
            "That code does not open the befriending scheme. Ask the befriending coordinator for its code.",
        ),
    };
    file.open(&Secret::recovery_key(code)).map_err(|_| Error::invalid(field, message))
}

/// The key of a scheme a joining laptop shares: opened with its code when the folder has
/// one, or made new (with a code to show) when this is the first laptop to share it.
pub fn scheme_key(root: &Path, area: Area, scheme: Scheme, codes: &mut Codes) -> Result<Option<DataKey>> {
    let Scheme::Shared(code) = scheme else { return Ok(None) };
    let field = match area {
        Area::Drivers => "driversCode",
        _ => "befriendingCode",
    };
    match (file(root, area), code.map(str::trim).filter(|c| !c.is_empty())) {
        (Some(file), Some(code)) => open(&file, area, code).map(Some),
        (Some(_), None) => {
            Err(Error::invalid(field, "This scheme is already shared: type the code its coordinator gave you."))
        }
        (None, Some(_)) => Err(Error::invalid(
            field,
            "No laptop shares this scheme in the folder yet (or its key has not arrived). If this is the first \
             laptop to share it, leave the code empty.",
        )),
        (None, None) => {
            let (key, code) = make(root, area)?;
            codes.set(area, &code);
            Ok(Some(key))
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// This laptop's public key, as its note of what it has applied carries it.
pub fn public_key(secret: &[u8; 32]) -> String {
    hex(SecretKey::from(*secret).public_key().as_bytes())
}

/// A new secret for a laptop starting or joining.
pub fn new_secret() -> Zeroizing<[u8; 32]> {
    Zeroizing::new(SecretKey::generate(&mut OsRng).to_bytes())
}
