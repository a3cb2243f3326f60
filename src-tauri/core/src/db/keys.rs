//! Encryption at rest: the random data key SQLCipher encrypts the database with, and the key
//! slots that keep it, wrapped, in `ppg-desk.keys` beside the database (and an identical
//! `ppg-desk.keys.copy`, so one damaged file never locks anyone out).
//!
//! - The data key is 256 random bits, given to SQLCipher raw (`PRAGMA key = "x'…'"`), so
//!   opening the store costs no key derivation.
//! - Each slot wraps the data key with XChaCha20-Poly1305 under a key made from one secret:
//!   the passphrase (Argon2id, ~0.3-0.5 s), the recovery key (random, so a lighter Argon2id)
//!   or a random device secret kept in the operating system's keyring (`keyring.rs`).
//! - Each slot carries a checksum of its own bytes, so a damaged slot is told apart from a
//!   wrong passphrase.
//! - Key material lives in `Zeroizing` buffers (wiped when dropped) and has no `Debug` text.
//!   Nothing here is logged or put in an error message.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub use super::data_key::DataKey;
pub use super::recovery::{
    new_recovery_key, normalise_recovery_key, recovery_group, strength, Secret, Strength, RECOVERY_GROUPS,
};
use crate::error::{Error, Result};

/// The key-slot file beside the database, and its identical second copy.
pub const KEYS_FILE: &str = "ppg-desk.keys";
pub const KEYS_COPY: &str = "ppg-desk.keys.copy";
/// The key file a re-key writes before it changes the database (see `security::rekey`).
pub const NEXT_KEYS: &str = "ppg-desk.keys.next";

/// SQLCipher's settings are pinned to version 4's, so a later SQLCipher (whose defaults may
/// change) still opens today's files.
const CIPHER: &str = "sqlcipher-4";
const FORMAT: u32 = 1;

/// Argon2id costs. The passphrase's take about half a second on an old laptop (64 MiB, three
/// passes); the recovery key is 119 random bits already, so its derivation only needs to be
/// slow enough not to matter.
const PASSPHRASE_COST: (u32, u32) = (64 * 1024, 3);
const RECOVERY_COST: (u32, u32) = (19 * 1024, 2);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SlotKind {
    Passphrase,
    RecoveryKey,
    /// "Remember on this computer": the wrapping secret is in the operating system's keyring.
    Keyring,
}

impl SlotKind {
    fn slug(self) -> &'static str {
        match self {
            SlotKind::Passphrase => "passphrase",
            SlotKind::RecoveryKey => "recovery-key",
            SlotKind::Keyring => "keyring",
        }
    }
}

/// One wrapped copy of the data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Slot {
    kind: SlotKind,
    /// Argon2id salt (hex); empty for the keyring slot, whose secret is already random.
    salt: String,
    memory_kib: u32,
    passes: u32,
    nonce: String,
    sealed: String,
    /// SHA-256 (first 16 bytes, hex) of the fields above: tells a damaged slot from a wrong
    /// passphrase. Integrity of storage only; the AEAD is what protects the key.
    check: String,
}

/// A data key from before a re-key, wrapped under the current one, so backups taken before
/// "Someone has left the committee" still restore here without asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EarlierKey {
    key_id: String,
    nonce: String,
    sealed: String,
}

/// The key-slot file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyFile {
    format: u32,
    cipher: String,
    /// A random name for the data key (not derived from it): which backups it opens.
    pub key_id: String,
    slots: Vec<Slot>,
    #[serde(default)]
    earlier: Vec<EarlierKey>,
}

/// Why a secret did not open the data key.
fn wrong(secret_kind: SlotKind) -> Error {
    Error::WrongKey(match secret_kind {
        SlotKind::Passphrase => "That passphrase is not the one for this PPG. Nothing has been changed: please try again, or use the recovery key.",
        SlotKind::RecoveryKey => "That recovery key is not the one for this PPG. Please check it against the sheet.",
        SlotKind::Keyring => "This computer's remembered key does not open this PPG any more.",
    })
}

pub(crate) fn damaged_keys() -> Error {
    Error::File("The key file beside your data is damaged, so the passphrase cannot be checked. Use the recovery key from the printed sheet to open your data; PPG Desk then writes a new key file.".into())
}

fn random_hex(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn derive(secret: &[u8], salt: &[u8], memory_kib: u32, passes: u32) -> Result<Zeroizing<[u8; 32]>> {
    let params = Params::new(memory_kib, passes, 1, Some(32)).map_err(|_| damaged_keys())?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| damaged_keys())?;
    Ok(out)
}

fn aad(kind: &str, key_id: &str) -> Vec<u8> {
    format!("ppg-desk key slot/{kind}/{key_id}").into_bytes()
}

fn seal(wrapping: &[u8; 32], data: &[u8; 32], aad: &[u8]) -> (String, String) {
    let cipher = XChaCha20Poly1305::new(wrapping.into());
    let mut nonce = [0u8; 24];
    OsRng.fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: data, aad })
        .expect("sealing 32 bytes in memory cannot fail");
    (hex::encode(nonce), hex::encode(sealed))
}

fn unseal(wrapping: &[u8; 32], nonce: &str, sealed: &str, aad: &[u8]) -> Option<DataKey> {
    let nonce = hex::decode(nonce).ok().filter(|n| n.len() == 24)?;
    let sealed = hex::decode(sealed).ok()?;
    let cipher = XChaCha20Poly1305::new(wrapping.into());
    let plain = Zeroizing::new(cipher.decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad }).ok()?);
    let mut key = Zeroizing::new([0u8; 32]);
    if plain.len() != 32 {
        return None;
    }
    key.copy_from_slice(&plain);
    Some(DataKey(key))
}

impl Slot {
    fn checksum(&self) -> String {
        let mut hash = Sha256::new();
        for part in [
            self.kind.slug(),
            &self.salt,
            &self.memory_kib.to_string(),
            &self.passes.to_string(),
            &self.nonce,
            &self.sealed,
        ] {
            hash.update(part.as_bytes());
            hash.update(b"|");
        }
        hex::encode(&hash.finalize()[..16])
    }

    fn intact(&self) -> bool {
        self.check == self.checksum()
    }

    fn new(kind: SlotKind, secret: &[u8], data: &DataKey, key_id: &str) -> Result<Slot> {
        let (memory_kib, passes) = match kind {
            SlotKind::Passphrase => PASSPHRASE_COST,
            SlotKind::RecoveryKey => RECOVERY_COST,
            SlotKind::Keyring => (0, 0),
        };
        let salt = if kind == SlotKind::Keyring { String::new() } else { random_hex(16) };
        let wrapping = wrapping_key(kind, secret, &salt, memory_kib, passes)?;
        let (nonce, sealed) = seal(&wrapping, &data.0, &aad(kind.slug(), key_id));
        let mut slot = Slot { kind, salt, memory_kib, passes, nonce, sealed, check: String::new() };
        slot.check = slot.checksum();
        Ok(slot)
    }

    fn open(&self, secret: &[u8], key_id: &str) -> Result<Option<DataKey>> {
        let wrapping = wrapping_key(self.kind, secret, &self.salt, self.memory_kib, self.passes)?;
        Ok(unseal(&wrapping, &self.nonce, &self.sealed, &aad(self.kind.slug(), key_id)))
    }
}

fn wrapping_key(
    kind: SlotKind,
    secret: &[u8],
    salt: &str,
    memory_kib: u32,
    passes: u32,
) -> Result<Zeroizing<[u8; 32]>> {
    if kind == SlotKind::Keyring {
        let mut key = Zeroizing::new([0u8; 32]);
        if secret.len() != 32 {
            return Err(damaged_keys());
        }
        key.copy_from_slice(secret);
        return Ok(key);
    }
    let salt = hex::decode(salt).map_err(|_| damaged_keys())?;
    derive(secret, &salt, memory_kib, passes)
}

/// The bytes a secret is turned into before derivation: the passphrase as typed (trimmed at
/// both ends, so a stray space does not lock anyone out), the recovery key in its grouped form.
fn secret_bytes(secret: &Secret) -> Result<(SlotKind, Zeroizing<Vec<u8>>)> {
    match secret {
        Secret::Passphrase(text) => Ok((SlotKind::Passphrase, Zeroizing::new(text.trim().as_bytes().to_vec()))),
        Secret::RecoveryKey(text) => {
            let key = normalise_recovery_key(text).map_err(|message| Error::invalid("recoveryKey", message))?;
            Ok((SlotKind::RecoveryKey, Zeroizing::new(key.as_bytes().to_vec())))
        }
    }
}

/// A data key and the key-slot file that holds it: what an unlocked store keeps.
#[derive(Debug, Clone)]
pub struct Unlocked {
    pub key: DataKey,
    pub file: KeyFile,
}

impl KeyFile {
    /// A key file for `data` with a passphrase slot and a recovery-key slot.
    pub fn create(data: &DataKey, passphrase: &str, recovery_key: &str) -> Result<KeyFile> {
        let mut file = KeyFile::empty();
        file.set_passphrase(data, passphrase)?;
        file.set_recovery_key(data, recovery_key)?;
        Ok(file)
    }

    /// A key file with only a recovery-key slot: how a committee key is handed over, under
    /// an invitation code in the recovery key's form (sharing/).
    pub fn for_invitation(data: &DataKey, code: &str) -> Result<KeyFile> {
        let mut file = KeyFile::empty();
        file.set_recovery_key(data, code)?;
        Ok(file)
    }

    fn empty() -> KeyFile {
        KeyFile {
            format: FORMAT,
            cipher: CIPHER.into(),
            key_id: random_hex(16),
            slots: Vec::new(),
            earlier: Vec::new(),
        }
    }

    fn replace_slot(&mut self, slot: Slot) {
        self.slots.retain(|s| s.kind != slot.kind);
        self.slots.push(slot);
        self.slots.sort_by_key(|s| s.kind.slug());
    }

    /// Re-wraps the data key under a new passphrase (instant: the database is untouched).
    pub fn set_passphrase(&mut self, data: &DataKey, passphrase: &str) -> Result<()> {
        if !strength(passphrase).acceptable {
            return Err(Error::invalid("passphrase", strength(passphrase).advice));
        }
        let slot = Slot::new(SlotKind::Passphrase, passphrase.trim().as_bytes(), data, &self.key_id)?;
        self.replace_slot(slot);
        Ok(())
    }

    pub fn set_recovery_key(&mut self, data: &DataKey, recovery_key: &str) -> Result<()> {
        let key = normalise_recovery_key(recovery_key).map_err(|m| Error::invalid("recoveryKey", m))?;
        let slot = Slot::new(SlotKind::RecoveryKey, key.as_bytes(), data, &self.key_id)?;
        self.replace_slot(slot);
        Ok(())
    }

    /// Adds the "remember on this computer" slot, wrapped with `device_secret` (32 random
    /// bytes that live only in the keyring).
    pub fn set_keyring(&mut self, data: &DataKey, device_secret: &[u8]) -> Result<()> {
        let slot = Slot::new(SlotKind::Keyring, device_secret, data, &self.key_id)?;
        self.replace_slot(slot);
        Ok(())
    }

    pub fn remove_keyring(&mut self) {
        self.slots.retain(|s| s.kind != SlotKind::Keyring);
    }

    pub fn has(&self, kind: SlotKind) -> bool {
        self.slots.iter().any(|s| s.kind == kind)
    }

    /// Whether every slot's bytes are as written.
    pub fn intact(&self) -> bool {
        self.format == FORMAT && self.cipher == CIPHER && self.slots.iter().all(Slot::intact)
    }

    /// The data key, from the passphrase or the recovery key. A wrong one is `WrongKey`; a
    /// slot whose bytes were damaged says so (and points at the recovery key).
    pub fn open(&self, secret: &Secret) -> Result<DataKey> {
        let (kind, bytes) = secret_bytes(secret)?;
        let mut damaged = false;
        for slot in self.slots.iter().filter(|s| s.kind == kind) {
            if !slot.intact() {
                damaged = true;
                continue;
            }
            if let Some(key) = slot.open(&bytes, &self.key_id)? {
                return Ok(key);
            }
        }
        Err(if damaged { damaged_keys() } else { wrong(kind) })
    }

    /// The data key from the keyring slot's device secret.
    pub fn open_with_device_secret(&self, device_secret: &[u8]) -> Option<DataKey> {
        let slot = self.slots.iter().find(|s| s.kind == SlotKind::Keyring && s.intact())?;
        slot.open(device_secret, &self.key_id).ok().flatten()
    }

    /// A fresh data key replaces `old`: every slot is re-made for the new key (the
    /// passphrase is typed again; a new recovery key is made by the caller), and the old key
    /// is kept wrapped under the new one so earlier backups still restore here.
    pub fn rekeyed(&self, old: &DataKey, new: &DataKey, passphrase: &str, recovery_key: &str) -> Result<KeyFile> {
        let mut file = KeyFile::create(new, passphrase, recovery_key)?;
        let mut earlier = vec![(self.key_id.clone(), old.clone())];
        earlier.extend(self.earlier_keys(old));
        for (key_id, key) in earlier {
            let (nonce, sealed) = seal(&new.0, &key.0, &aad("earlier", &key_id));
            file.earlier.push(EarlierKey { key_id, nonce, sealed });
        }
        Ok(file)
    }

    /// The data keys from before re-keys, with their ids.
    pub fn earlier_keys(&self, current: &DataKey) -> Vec<(String, DataKey)> {
        self.earlier
            .iter()
            .filter_map(|e| {
                Some((e.key_id.clone(), unseal(&current.0, &e.nonce, &e.sealed, &aad("earlier", &e.key_id))?))
            })
            .collect()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a key file always serialises")
    }

    pub fn from_json(text: &str) -> Option<KeyFile> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
