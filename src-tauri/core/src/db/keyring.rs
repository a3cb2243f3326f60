//! "Remember on this computer": a random device secret in the operating system's keyring
//! (Windows Credential Manager, the macOS Keychain, the Secret Service on Linux), which
//! unwraps the key file's keyring slot. Where no keyring works, this says so in plain words;
//! it never falls back to a file.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::OsRng;
use zeroize::Zeroizing;

const SERVICE: &str = "PPG Desk";

/// Said when the keyring cannot be used; the person carries on with the passphrase.
pub const NO_KEYRING: &str = "This computer has no keyring PPG Desk can use (on Linux, a Secret Service such as GNOME Keyring or KWallet must be running), so it cannot remember the key: you will be asked for the passphrase each time PPG Desk opens.";

/// A keyring held in memory for tests only (the real keyring of a test machine is left alone).
static MEMORY: OnceLock<Mutex<HashMap<String, Vec<u8>>>> = OnceLock::new();

/// Makes this process use an in-memory keyring (tests only; it forgets everything on exit).
pub fn use_memory_keyring_for_tests() {
    let _ = MEMORY.set(Mutex::new(HashMap::new()));
}

fn memory() -> Option<std::sync::MutexGuard<'static, HashMap<String, Vec<u8>>>> {
    MEMORY.get().map(|m| m.lock().unwrap_or_else(|p| p.into_inner()))
}

fn account(key_id: &str) -> String {
    format!("data key {key_id}")
}

/// Makes a new device secret and stores it in the keyring for `key_id`.
pub fn remember(key_id: &str) -> Result<Zeroizing<Vec<u8>>, &'static str> {
    let mut secret = Zeroizing::new(vec![0u8; 32]);
    OsRng.fill_bytes(&mut secret);
    if let Some(mut store) = memory() {
        store.insert(account(key_id), secret.to_vec());
        return Ok(secret);
    }
    os::set(&account(key_id), &secret).map_err(|_| NO_KEYRING)?;
    Ok(secret)
}

/// The device secret for `key_id`, if this computer remembers it.
pub fn recall(key_id: &str) -> Option<Zeroizing<Vec<u8>>> {
    if let Some(store) = memory() {
        return store.get(&account(key_id)).map(|s| Zeroizing::new(s.clone()));
    }
    os::get(&account(key_id))
}

/// Forgets `key_id`'s device secret (nothing happens when there is none).
pub fn forget(key_id: &str) {
    if let Some(mut store) = memory() {
        store.remove(&account(key_id));
        return;
    }
    os::delete(&account(key_id));
}

/// Whether a keyring works here (tried by writing and removing a harmless entry).
pub fn available() -> bool {
    if memory().is_some() {
        return true;
    }
    let probe = "availability check";
    let ok = os::set(probe, b"-").is_ok();
    os::delete(probe);
    ok
}

#[cfg(any(target_os = "linux", windows, target_os = "macos"))]
mod os {
    use zeroize::Zeroizing;

    pub fn set(account: &str, secret: &[u8]) -> Result<(), ()> {
        let entry = keyring::Entry::new(super::SERVICE, account).map_err(|_| ())?;
        entry.set_secret(secret).map_err(|_| ())
    }

    pub fn get(account: &str) -> Option<Zeroizing<Vec<u8>>> {
        let entry = keyring::Entry::new(super::SERVICE, account).ok()?;
        entry.get_secret().ok().map(Zeroizing::new)
    }

    pub fn delete(account: &str) {
        if let Ok(entry) = keyring::Entry::new(super::SERVICE, account) {
            let _ = entry.delete_credential();
        }
    }
}

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
mod os {
    use zeroize::Zeroizing;

    pub fn set(_: &str, _: &[u8]) -> Result<(), ()> {
        Err(())
    }

    pub fn get(_: &str) -> Option<Zeroizing<Vec<u8>>> {
        None
    }

    pub fn delete(_: &str) {}
}
