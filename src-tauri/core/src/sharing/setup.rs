//! Starting to share this PPG, and joining a PPG shared with this laptop.

use std::path::Path;

use super::keys::{self, Codes, Scheme};
use super::Keys;
use super::{exchange, folder, rotate, sql, sync, tidy, Area, Joined, Sharing};
use crate::db::keys::{DataKey, KeyFile};
use crate::db::recovery::Secret;
use crate::db::{copy, migrate};
use crate::error::{Error, Result};
use crate::state::AppState;

/// The laptop's name, checked: what the others see beside its changes.
fn checked_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(Error::invalid(
            "laptopName",
            "Give this laptop a name of up to 60 letters, like \"Chair's laptop\".",
        ));
    }
    Ok(name.to_string())
}

fn folder_text(folder: &Path) -> Result<String> {
    if !folder.is_dir() {
        return Err(exchange::unreachable_folder());
    }
    Ok(folder.to_string_lossy().into_owned())
}

/// Starts sharing this PPG in `folder`: writes the committee key (under a new invitation
/// code), each shared scheme's key (under a code of its own) and a starting copy there.
/// Returns the codes to give to the others.
pub fn start(state: &AppState, folder: &Path, name: &str, drivers: bool, befriending: bool) -> Result<Codes> {
    let name = checked_name(name)?;
    let folder_text = folder_text(folder)?;
    let root = exchange::root(folder);
    if root.join(exchange::KEYS_NAME).exists() {
        return Err(Error::Refused(
            "This folder already holds a shared PPG. To use it, choose \"Join a PPG that is shared with me\" instead."
                .into(),
        ));
    }
    if state.read(sql::is_sharing)? {
        return Err(Error::Refused("This laptop already shares its PPG.".into()));
    }
    let mut codes = Codes::default();
    let mut make = |area: Area, wanted: bool| -> Result<Option<DataKey>> {
        if !wanted {
            return Ok(None);
        }
        let (key, code) = keys::make(&root, area)?;
        codes.set(area, &code);
        Ok(Some(key))
    };
    let keys = Keys::first(DataKey::random(), make(Area::Drivers, drivers)?, make(Area::Befriending, befriending)?);
    let committee_code = crate::db::recovery::new_recovery_key();
    codes.set(Area::Committee, &committee_code);
    let file = KeyFile::for_invitation(&keys.committee, &committee_code)?;
    let now = state.stamp();
    let me = Sharing::new(name, folder_text, now);
    let secret = keys::new_secret();
    state.write(|tx| sql::start(tx, &me, &keys, &secret))?;
    exchange::write_once(&root.join(exchange::KEYS_NAME), file.to_json().as_bytes())?;
    tidy::write_starting_copy(state, &root, &me.laptop_id, &keys)?;
    // The schemes' records go out now, so a coordinator joining next finds them.
    sync(state)?;
    Ok(codes)
}

/// Joins the PPG shared in `folder` with its invitation `code`: this (empty) PPG Desk takes
/// the starting copy, then every change since. A scheme shared here needs its own code, or,
/// when no laptop shares it yet, gets a new one (returned, to give to the others).
pub fn join(
    state: &AppState,
    folder: &Path,
    name: &str,
    code: &str,
    drivers: Scheme,
    befriending: Scheme,
) -> Result<Joined> {
    let name = checked_name(name)?;
    let folder_text = folder_text(folder)?;
    let root = exchange::root(folder);
    let file = keys::file(&root, Area::Committee).ok_or_else(|| {
        Error::File("This folder does not hold a shared PPG. Choose the folder the secretary shared.".into())
    })?;
    let committee = keys::open(&file, Area::Committee, code)?;
    let empty = state.read(|conn| Ok(crate::settings::needs_setup(conn)? && !sql::is_sharing(conn)?))?;
    if !empty {
        return Err(Error::Refused(
            "This PPG Desk already holds a PPG. Join from a new, empty PPG Desk so that nothing of yours is mixed in."
                .into(),
        ));
    }
    let mut codes = Codes::default();
    let mut keys = Keys::first(
        committee,
        keys::scheme_key(&root, Area::Drivers, drivers, &mut codes)?,
        keys::scheme_key(&root, Area::Befriending, befriending, &mut codes)?,
    );
    // After a laptop was removed: the newest keys, and the older ones to read older files.
    keys.generation = keys::newest_generation(&root);
    keys.older = rotate::history(&root, &keys);
    // The newest complete starting copy a newcomer can go on from (see `tidy::complete`)
    // that opens with this code (copies made before a laptop was removed do not).
    let secret = Secret::recovery_key(code);
    let opening = copy::Opening { unlocked: None, secret: Some(&secret) };
    let files = exchange::changes(&root, "", &[Area::Committee]);
    let start = folder::starts(&root, &keys)
        .into_iter()
        .rev()
        .filter(|s| s.covers.as_ref().is_some_and(|c| tidy::complete(c, &files, Area::Committee)))
        .map(|s| s.path)
        .find(|path| copy::check_copy(path, opening).is_ok());
    let start = start.ok_or_else(|| {
        Error::File("The starting copy is not in the shared folder yet. Try again once it has arrived.".into())
    })?;
    let live = state.unlocked().map(|u| u.key);
    state.replace_all(|conn| {
        copy::restore_copy(conn, &start, opening, live.as_ref())?;
        migrate::migrate(conn)?;
        Ok(())
    })?;
    let now = state.stamp();
    state.write_unrecorded(|tx| {
        let (sender, _) = sql::get(tx)?.ok_or_else(|| Error::File("The starting copy is not a shared PPG.".into()))?;
        let streams: Vec<(String, i64)> = sql::last_seqs(tx)?
            .into_iter()
            .filter(|(area, _)| area == Area::Committee.key())
            .map(|(_, seq)| (exchange::stream(&sender.laptop_id, Area::Committee), seq))
            .collect();
        sql::take_over(tx, &streams, &sender.laptop_name, &now)?;
        sql::start(tx, &Sharing::new(name, folder_text, now.clone()), &keys, &keys::new_secret())
    })?;
    Ok(Joined { report: sync(state)?, codes })
}
