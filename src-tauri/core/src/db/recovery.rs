//! What people type to open protected data: how good a passphrase is (said in words), and
//! the recovery key: 24 characters from an alphabet without look-alikes, in six groups.

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::OsRng;
use serde::Serialize;
use zeroize::Zeroizing;

/// The letters and digits of a recovery key: none that are easy to confuse (no 0/O, 1/I/L).
const RECOVERY_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const RECOVERY_GROUPS: usize = 6;
const RECOVERY_GROUP_LEN: usize = 4;

/// What a person types (or a script reads from a file) to open protected data.
pub enum Secret {
    Passphrase(Zeroizing<String>),
    RecoveryKey(Zeroizing<String>),
}

impl Secret {
    pub fn passphrase(text: impl Into<String>) -> Self {
        Secret::Passphrase(Zeroizing::new(text.into()))
    }

    pub fn recovery_key(text: impl Into<String>) -> Self {
        Secret::RecoveryKey(Zeroizing::new(text.into()))
    }
}

/// How good a passphrase is, in words (never by colour alone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Strength {
    /// Long enough to be accepted: at least 4 words or 12 characters.
    pub acceptable: bool,
    /// "Too short", "Good", "Strong".
    pub label: String,
    pub advice: String,
}

/// Judges a passphrase: at least four words or twelve characters; five words or twenty
/// characters is strong. Counted in characters, never bytes.
pub fn strength(passphrase: &str) -> Strength {
    let characters = passphrase.trim().chars().count();
    let words = passphrase.split_whitespace().filter(|w| w.chars().count() >= 2).count();
    let (acceptable, label, advice) = if characters == 0 {
        (
            false,
            "Not typed yet",
            "Use at least 4 words, or 12 letters and digits: for example four things you can picture together.",
        )
    } else if words < 4 && characters < 12 {
        (false, "Too short", "Use at least 4 words, or 12 letters and digits.")
    } else if words >= 5 || characters >= 20 {
        (true, "Strong", "A good passphrase. Keep it somewhere safe, away from this laptop.")
    } else {
        (true, "Good", "Long enough. One more word would make it stronger.")
    };
    Strength { acceptable, label: label.into(), advice: advice.into() }
}

/// A new recovery key: 24 characters from the unambiguous alphabet (about 119 bits), shown
/// as six groups of four: `7KQM-3XHD-…`.
pub fn new_recovery_key() -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(29));
    for group in 0..RECOVERY_GROUPS {
        if group > 0 {
            out.push('-');
        }
        for _ in 0..RECOVERY_GROUP_LEN {
            // Rejection sampling keeps every character equally likely.
            let symbol = loop {
                let byte = (OsRng.next_u32() & 0xff) as usize;
                if byte < 248 {
                    break RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.len()];
                }
            };
            out.push(symbol as char);
        }
    }
    out
}

/// Reads a recovery key as a person types it: any case, with or without spaces or dashes.
/// Says plainly what is wrong with it (never echoing it back).
pub fn normalise_recovery_key(typed: &str) -> std::result::Result<Zeroizing<String>, String> {
    let mut symbols = Zeroizing::new(String::new());
    for c in typed.chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let upper = c.to_ascii_uppercase();
        if matches!(upper, '0' | 'O' | '1' | 'I' | 'L') {
            return Err("A recovery key has no 0, O, 1, I or L: please check that character against the sheet.".into());
        }
        if !upper.is_ascii() || !RECOVERY_ALPHABET.contains(&(upper as u8)) {
            return Err(
                "A recovery key has only the letters A to Z and the digits 2 to 9: please check it against the sheet."
                    .into(),
            );
        }
        symbols.push(upper);
    }
    let wanted = RECOVERY_GROUPS * RECOVERY_GROUP_LEN;
    if symbols.len() != wanted {
        return Err(format!(
            "A recovery key is {RECOVERY_GROUPS} groups of {RECOVERY_GROUP_LEN} characters ({wanted} in all); this has {}.",
            symbols.len()
        ));
    }
    let mut grouped = Zeroizing::new(String::with_capacity(29));
    for (index, c) in symbols.chars().enumerate() {
        if index > 0 && index % RECOVERY_GROUP_LEN == 0 {
            grouped.push('-');
        }
        grouped.push(c);
    }
    Ok(grouped)
}

/// Group `n` (1-based) of a recovery key, for "type back groups 2 and 5".
pub fn recovery_group(key: &str, n: usize) -> Option<String> {
    key.split('-').nth(n.checked_sub(1)?).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strength_is_said_in_words() {
        assert!(!strength("short").acceptable);
        assert!(!strength("a b c d").acceptable, "four one-letter words are not four words");
        assert!(strength("four words are here").acceptable);
        assert!(strength("twelve chars").acceptable);
        assert_eq!(strength("five words make it strong").label, "Strong");
    }

    #[test]
    fn recovery_keys_avoid_confusable_characters() {
        for _ in 0..50 {
            let key = new_recovery_key();
            assert_eq!(key.len(), 29);
            assert!(!key.chars().any(|c| "01OIL".contains(c)), "{}", key.as_str());
            assert_eq!(normalise_recovery_key(&key).unwrap().as_str(), key.as_str());
        }
        assert!(normalise_recovery_key("2345-6789-ABCD-EFGH-JKMN-PQR0").unwrap_err().contains("no 0"));
        assert!(normalise_recovery_key("2345").unwrap_err().contains("this has 4"));
        assert_eq!(recovery_group("2345-6789-ABCD", 2).as_deref(), Some("6789"));
        assert_eq!(recovery_group("2345-6789-ABCD", 0), None);
    }

    proptest! {
        /// Anything typed as a recovery key is read without panicking, and what it accepts is
        /// in the grouped form.
        #[test]
        fn any_typed_recovery_key_is_read_without_panicking(typed in "\\PC{0,64}") {
            if let Ok(key) = normalise_recovery_key(&typed) {
                prop_assert_eq!(key.len(), 29);
            }
        }

        #[test]
        fn any_passphrase_is_judged_without_panicking(text in "\\PC{0,80}") {
            let _ = strength(&text);
        }
    }
}
