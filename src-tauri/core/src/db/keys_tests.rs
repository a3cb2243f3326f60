//! The key slots' tests: each secret opens its slot, damage is told apart from a wrong
//! secret, slots are bound to their kind and key, and no key material is kept in plain.

use super::*;
use proptest::prelude::*;

#[test]
fn passphrase_and_recovery_key_each_open_the_data_key_and_wrong_ones_do_not() {
    let data = DataKey::random();
    let recovery = new_recovery_key();
    let file = KeyFile::create(&data, "purple kettle under moonlight", &recovery).unwrap();
    assert_eq!(file.open(&Secret::passphrase("purple kettle under moonlight")).unwrap().0, data.0);
    let typed = recovery.to_lowercase().replace('-', " ");
    assert_eq!(file.open(&Secret::recovery_key(typed)).unwrap().0, data.0);
    let wrong_pass = file.open(&Secret::passphrase("purple kettle under sunlight")).unwrap_err();
    assert_eq!(wrong_pass.code(), "wrong_key");
    let other = new_recovery_key();
    assert_eq!(file.open(&Secret::recovery_key(other.as_str())).unwrap_err().code(), "wrong_key");
}

#[test]
fn a_damaged_passphrase_slot_is_told_apart_from_a_wrong_passphrase() {
    let data = DataKey::random();
    let recovery = new_recovery_key();
    let mut file = KeyFile::create(&data, "purple kettle under moonlight", &recovery).unwrap();
    let slot = file.slots.iter_mut().find(|s| s.kind == SlotKind::Passphrase).unwrap();
    slot.sealed.replace_range(0..2, if slot.sealed.starts_with("00") { "11" } else { "00" });
    let error = file.open(&Secret::passphrase("purple kettle under moonlight")).unwrap_err();
    assert!(error.to_string().contains("damaged") && error.to_string().contains("recovery key"), "{error}");
    assert_eq!(file.open(&Secret::recovery_key(recovery.as_str())).unwrap().0, data.0);
}

#[test]
fn slots_are_bound_to_their_kind_and_key_id() {
    // A passphrase slot copied into another key file (another PPG) does not open there.
    let data = DataKey::random();
    let file = KeyFile::create(&data, "purple kettle under moonlight", &new_recovery_key()).unwrap();
    let mut other = KeyFile::create(&DataKey::random(), "another long passphrase here", &new_recovery_key()).unwrap();
    other.slots = file.slots.clone();
    assert!(other.open(&Secret::passphrase("purple kettle under moonlight")).is_err());
}

#[test]
fn rekeying_keeps_earlier_keys_for_old_backups_only_under_the_new_key() {
    let old = DataKey::random();
    let file = KeyFile::create(&old, "purple kettle under moonlight", &new_recovery_key()).unwrap();
    let new = DataKey::random();
    let next = file.rekeyed(&old, &new, "a different long passphrase", &new_recovery_key()).unwrap();
    assert_ne!(next.key_id, file.key_id);
    let earlier = next.earlier_keys(&new);
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0].0, file.key_id);
    assert_eq!(earlier[0].1 .0, old.0);
    assert!(next.earlier_keys(&old).is_empty(), "the old key must not open its own record");
    assert!(next.open(&Secret::passphrase("purple kettle under moonlight")).is_err());
}

#[test]
fn the_key_file_holds_no_key_material_in_plain() {
    let data = DataKey::random();
    let file = KeyFile::create(&data, "purple kettle under moonlight", "2345-6789-ABCD-EFGH-JKMN-PQRS").unwrap();
    let json = file.to_json();
    assert!(!json.contains(&hex::encode(data.0.as_ref())));
    assert!(!json.contains("purple") && !json.contains("ABCD"));
    assert!(!format!("{data:?}").contains(&hex::encode(data.0.as_ref())));
}

proptest! {
    #[test]
    fn any_key_file_text_is_read_without_panicking(text in "\\PC{0,300}") {
        if let Some(file) = KeyFile::from_json(&text) {
            let _ = file.intact();
        }
    }

}
