//! Removing a laptop from the committee (lost, or its owner has left): new keys for every
//! area it held, passed to each remaining laptop sealed to that laptop's own public key
//! (X25519 and XSalsa20-Poly1305: `crypto_box`), so the laptop removed reads nothing written
//! from then on. Each laptop's public key is in its note of what it has applied.
//!
//! ```text
//! FOLDER/PPG Desk shared/keys/0001/
//!   for-<laptop id>.ppgkey     that laptop's new keys (and the older ones), sealed to it
//!   committee.keys, <scheme>.keys   the new keys under new codes, for laptops joining later
//!   history-<area>.ppgnote     the area's older keys, sealed with its new key (for newcomers)
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use crypto_box::aead::{Aead, AeadCore, OsRng};
use crypto_box::{PublicKey, SalsaBox, SecretKey};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::keys::{self, Codes};
use super::Keys;
use super::{exchange, folder, keys_sql, sql, Area, Sharing};
use crate::db::keys::{DataKey, KeyFile};
use crate::db::recovery::new_recovery_key;
use crate::error::{Error, Result};
use crate::state::AppState;

/// What a remaining laptop is given: the new generation's keys of the areas it holds, the
/// older keys it may not have (to read older files), and who was removed.
#[derive(Serialize, Deserialize)]
struct Handover {
    generation: u32,
    keys: BTreeMap<String, String>,
    older: Vec<(String, u32, String)>,
    removed: Vec<String>,
}

/// Removes `laptop` from the committee: new keys for everything this laptop holds, handed
/// to every other laptop still in the committee, and new codes for laptops joining later.
pub fn remove_laptop(state: &AppState, laptop: &str) -> Result<Codes> {
    let (me, keys, secret) = state
        .read(|conn| Ok(sql::get(conn)?.zip(keys_sql::laptop_secret(conn)?)))?
        .map(|((me, keys), secret)| (me, keys, secret))
        .ok_or_else(|| Error::Refused("This laptop does not share its PPG.".into()))?;
    let root = exchange::root(Path::new(&me.folder));
    let seen = folder::read_seen(&root, &keys);
    if laptop == me.laptop_id || !seen.iter().any(|s| s.laptop_id == laptop) {
        return Err(Error::NotFound("That laptop is not one of the committee's."));
    }
    let generation = keys.generation.max(keys::newest_generation(&root)) + 1;
    let dir = keys::generation_dir(&root, generation);
    let mut codes = Codes::default();
    let mut new =
        Keys { committee: DataKey::random(), drivers: None, befriending: None, generation, older: Vec::new() };
    for area in [Area::Committee, Area::Drivers, Area::Befriending] {
        if keys.of(area).is_none() {
            continue;
        }
        let key = if area == Area::Committee { new.committee.clone() } else { DataKey::random() };
        let code = new_recovery_key();
        let file = KeyFile::for_invitation(&key, &code)?;
        exchange::write_once(&dir.join(keys::file_name(area)), file.to_json().as_bytes())?;
        codes.set(area, &code);
        match area {
            Area::Drivers => new.drivers = Some(key),
            Area::Befriending => new.befriending = Some(key),
            Area::Committee => {}
        }
    }
    new.older = keys.all();
    // The older keys, for laptops joining later (sealed with each area's new key).
    for area in [Area::Committee, Area::Drivers, Area::Befriending] {
        if let Some(key) = new.of(area) {
            let older: Vec<(String, u32, String)> = new
                .older
                .iter()
                .filter(|(a, _, _)| *a == area)
                .map(|(a, g, k)| (a.key().to_string(), *g, keys::hex(k.bytes())))
                .collect();
            let note = folder::seal_note(key, &format!("history/{generation}/{}", area.key()), &older)?;
            exchange::write_once(&dir.join(format!("history-{}.ppgnote", area.key())), &note)?;
        }
    }
    let removed: Vec<String> = state.read(keys_sql::removed)?.into_iter().chain([laptop.to_string()]).collect();
    let mine = SecretKey::from(*secret);
    for other in seen.iter().filter(|s| s.laptop_id != laptop && s.laptop_id != me.laptop_id) {
        let Some(their_key) =
            other.public_key.as_deref().and_then(keys::unhex).and_then(|b| <[u8; 32]>::try_from(b).ok())
        else {
            continue;
        };
        let holds = |area: Area| other.areas.iter().any(|a| a == area.key());
        let handover = Handover {
            generation,
            keys: [Area::Committee, Area::Drivers, Area::Befriending]
                .into_iter()
                .filter(|a| holds(*a))
                .filter_map(|a| Some((a.key().to_string(), keys::hex(new.of(a)?.bytes()))))
                .collect(),
            older: new
                .older
                .iter()
                .filter(|(a, _, _)| holds(*a))
                .map(|(a, g, k)| (a.key().to_string(), *g, keys::hex(k.bytes())))
                .collect(),
            removed: removed.clone(),
        };
        let plain = Zeroizing::new(
            serde_json::to_vec(&handover).map_err(|_| Error::File("The new keys could not be written.".into()))?,
        );
        let sealed_box = SalsaBox::new(&PublicKey::from(their_key), &mine);
        let nonce = SalsaBox::generate_nonce(&mut OsRng);
        let sealed = sealed_box
            .encrypt(&nonce, plain.as_slice())
            .map_err(|_| Error::File("The new keys could not be sealed.".into()))?;
        let bytes = [mine.public_key().as_bytes().as_slice(), nonce.as_slice(), &sealed].concat();
        exchange::write_once(&dir.join(format!("for-{}.ppgkey", other.laptop_id)), &bytes)?;
    }
    state.write_unrecorded(|tx| keys_sql::adopt_keys(tx, &new, &[laptop.to_string()], &state.stamp()))?;
    // A starting copy under the new keys, for laptops joining with the new code.
    let (me, keys) =
        state.read(sql::get)?.ok_or_else(|| Error::Refused("This laptop does not share its PPG.".into()))?;
    super::tidy::refresh(state, &me, &keys, &root)?;
    Ok(codes)
}

/// Takes up the keys another laptop handed this one when it removed a laptop from the
/// committee. An error when this laptop is the one removed: it receives nothing any more.
pub fn adopt(state: &AppState, me: &Sharing, keys: &Keys, root: &Path) -> Result<()> {
    let newest = keys::newest_generation(root);
    if newest <= keys.generation {
        return Ok(());
    }
    let secret = state
        .read(keys_sql::laptop_secret)?
        .ok_or_else(|| Error::Refused("This laptop does not share its PPG.".into()))?;
    for generation in (keys.generation + 1..=newest).rev() {
        let path = keys::generation_dir(root, generation).join(format!("for-{}.ppgkey", me.laptop_id));
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let Some(handover) = open_handover(&bytes, &secret) else { continue };
        // Only from a laptop of the committee: it knew this laptop's current committee key.
        let current = (Area::Committee.key().to_string(), keys.generation, keys::hex(keys.committee.bytes()));
        if !handover.older.contains(&current) {
            continue;
        }
        let key = |area: Area| {
            handover.keys.get(area.key()).and_then(|h| keys::unhex(h)).and_then(|b| DataKey::from_bytes(&b))
        };
        let Some(committee) = key(Area::Committee) else { continue };
        let mut older = keys.all();
        for (area, g, k) in &handover.older {
            if let (Some(area), Some(k)) = (Area::parse(area), keys::unhex(k).and_then(|b| DataKey::from_bytes(&b))) {
                if !older.iter().any(|(a, og, _)| *a == area && og == g) {
                    older.push((area, *g, k));
                }
            }
        }
        let new = Keys {
            committee,
            drivers: key(Area::Drivers).filter(|_| keys.drivers.is_some()),
            befriending: key(Area::Befriending).filter(|_| keys.befriending.is_some()),
            generation: handover.generation,
            older,
        };
        return state.write_unrecorded(|tx| keys_sql::adopt_keys(tx, &new, &handover.removed, &state.stamp()));
    }
    Err(Error::Refused(
        "This laptop has been removed from the shared PPG, so it no longer sends or receives the committee's changes. \
         If that is a mistake, ask the secretary for the new invitation code and join again from a new, empty PPG Desk."
            .into(),
    ))
}

fn open_handover(bytes: &[u8], secret: &[u8; 32]) -> Option<Handover> {
    let from: [u8; 32] = bytes.get(..32)?.try_into().ok()?;
    let nonce = bytes.get(32..56)?;
    let sealed_box = SalsaBox::new(&PublicKey::from(from), &SecretKey::from(*secret));
    let plain = Zeroizing::new(sealed_box.decrypt(nonce.into(), bytes.get(56..)?).ok()?);
    serde_json::from_slice(&plain).ok()
}

/// The older keys a laptop joining after a removal needs to read older files: each area's
/// history note, sealed with that area's newest key.
pub fn history(root: &Path, keys: &Keys) -> Vec<(Area, u32, DataKey)> {
    let generation = keys::newest_generation(root);
    let mut older = Vec::new();
    for area in [Area::Committee, Area::Drivers, Area::Befriending] {
        let Some(key) = keys.of(area) else { continue };
        let path = keys::generation_dir(root, generation).join(format!("history-{}.ppgnote", area.key()));
        let Ok(bytes) = std::fs::read(path) else { continue };
        let Some(list) = folder::open_note::<Vec<(String, u32, String)>>(
            key,
            &format!("history/{generation}/{}", area.key()),
            &bytes,
        ) else {
            continue;
        };
        for (a, g, k) in list {
            if let (Some(a), Some(k)) = (Area::parse(&a), keys::unhex(&k).and_then(|b| DataKey::from_bytes(&b))) {
                older.push((a, g, k));
            }
        }
    }
    older
}
