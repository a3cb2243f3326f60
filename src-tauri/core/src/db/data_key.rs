//! The 256-bit data key itself: random, wiped from memory when dropped, never printed.

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::OsRng;
use zeroize::Zeroizing;

/// The 256-bit key the database is encrypted with. Wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(pub(super) Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(hidden)")
    }
}

impl DataKey {
    pub fn random() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(bytes.as_mut());
        DataKey(bytes)
    }

    /// The raw key, for sealing a committee's exchange files (sharing/exchange.rs).
    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(bytes.get(..32).filter(|_| bytes.len() == 32)?);
        Some(DataKey(key))
    }

    /// The SQL that gives SQLCipher this key raw, then pins its settings.
    pub(crate) fn pragmas(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0.as_ref()));
        Zeroizing::new(format!("PRAGMA key = \"x'{}'\"; PRAGMA cipher_compatibility = 4;", hex.as_str()))
    }

    /// The SQL that re-encrypts an open database with this key.
    pub(crate) fn rekey_pragma(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0.as_ref()));
        Zeroizing::new(format!("PRAGMA rekey = \"x'{}'\";", hex.as_str()))
    }

    /// `KEY "x'…'"` for `ATTACH`: the attached file is encrypted with this key.
    pub(crate) fn attach_clause(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0.as_ref()));
        Zeroizing::new(format!("KEY \"x'{}'\"", hex.as_str()))
    }
}
