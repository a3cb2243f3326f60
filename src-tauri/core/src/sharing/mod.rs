//! One PPG shared between the committee's laptops through an exchange folder (a synced
//! cloud folder, a network drive or a USB stick), with no server: each laptop records its
//! writes as changesets (SQLite's session extension, `capture.rs`), seals them with the
//! committee key into files written once (`exchange.rs`), and applies everyone else's
//! (`apply.rs`). The live database file itself is never copied or synced.

mod apply;
pub mod exchange;
mod sql;

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

pub use crate::outbox::Area;

use crate::db::keys::{DataKey, KeyFile};
use crate::db::recovery::{new_recovery_key, Secret};
use crate::db::{copy, migrate};
use crate::error::{Error, Result};
use crate::state::AppState;
use exchange::{Header, Opened};

/// This laptop's sharing, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Sharing {
    #[serde(skip)]
    #[ts(skip)]
    pub laptop_id: String,
    pub laptop_name: String,
    pub folder: String,
    pub drivers: bool,
    pub befriending: bool,
    pub started_at: String,
    pub last_sent_at: Option<String>,
    pub last_received_at: Option<String>,
    pub last_received_from: Option<String>,
}

/// A change that clashed with one made here: the value kept and the one not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Clash {
    #[ts(type = "number")]
    pub id: i64,
    pub table: String,
    pub row_key: String,
    pub column: String,
    pub kept: String,
    pub other: String,
    pub other_laptop: String,
    pub other_made_at: String,
    pub why: String,
}

/// What one "Send and receive now" did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncReport {
    pub sent: usize,
    pub received: usize,
    pub clashes: usize,
    /// Plain-English notes: files still arriving, files refused, a newer PPG Desk elsewhere.
    pub notes: Vec<String>,
}

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

impl Sharing {
    /// A laptop starting or joining: a new random id, nothing sent or received yet.
    fn new(laptop_name: String, folder: String, drivers: bool, befriending: bool, now: String) -> Sharing {
        Sharing {
            laptop_id: uuid::Uuid::new_v4().simple().to_string(),
            laptop_name,
            folder,
            drivers,
            befriending,
            started_at: now,
            last_sent_at: None,
            last_received_at: None,
            last_received_from: None,
        }
    }
}

fn folder_text(folder: &Path) -> Result<String> {
    if !folder.is_dir() {
        return Err(exchange::unreachable_folder());
    }
    Ok(folder.to_string_lossy().into_owned())
}

/// Starts sharing this PPG in `folder`: writes the committee key (under a new invitation
/// code) and a starting copy there. Returns the invitation code to give to the others.
pub fn start(
    state: &AppState,
    folder: &Path,
    name: &str,
    drivers: bool,
    befriending: bool,
) -> Result<zeroize::Zeroizing<String>> {
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
    let key = DataKey::random();
    let code = new_recovery_key();
    let keys = KeyFile::for_invitation(&key, &code)?;
    let now = state.stamp();
    let me = Sharing::new(name, folder_text, drivers, befriending, now);
    state.write(|tx| sql::start(tx, &me, &key))?;
    exchange::write_once(&root.join(exchange::KEYS_NAME), keys.to_json().as_bytes())?;
    write_starting_copy(state, &root, &key, &keys)?;
    Ok(code)
}

/// A starting copy for newcomers: the PPG as it is now, encrypted with the committee key.
fn write_starting_copy(state: &AppState, root: &Path, key: &DataKey, keys: &KeyFile) -> Result<()> {
    let paths = state.paths();
    let seq = state.read(sql::last_seq)?;
    let scratch = paths.dir.join(format!(".ppg-desk-starting-copy-{}", uuid::Uuid::new_v4().simple()));
    let own_key = state.unlocked().map(|u| u.key);
    let result = copy::write_sealed_copy(&paths.db_file(), own_key.as_ref(), &scratch, key, keys)
        .and_then(|_| std::fs::read(&scratch).map_err(|_| exchange::unreachable_folder()))
        .and_then(|bytes| exchange::write_once(&exchange::start_path(root, seq), &bytes));
    let _ = std::fs::remove_file(&scratch);
    result
}

/// Joins the PPG shared in `folder` with its invitation `code`: this (empty) PPG Desk takes
/// the starting copy, then every change since.
pub fn join(
    state: &AppState,
    folder: &Path,
    name: &str,
    code: &str,
    drivers: bool,
    befriending: bool,
) -> Result<SyncReport> {
    let name = checked_name(name)?;
    let folder_text = folder_text(folder)?;
    let root = exchange::root(folder);
    let keys = std::fs::read_to_string(root.join(exchange::KEYS_NAME))
        .ok()
        .and_then(|text| KeyFile::from_json(&text))
        .ok_or_else(|| {
            Error::File("This folder does not hold a shared PPG. Choose the folder the secretary shared.".into())
        })?;
    let secret = Secret::recovery_key(code);
    let key = keys.open(&secret).map_err(|_| {
        Error::invalid(
            "invitationCode",
            "That invitation code does not open this shared PPG. Check each group of letters and try again.",
        )
    })?;
    let empty = state.read(|conn| Ok(crate::settings::needs_setup(conn)? && !sql::is_sharing(conn)?))?;
    if !empty {
        return Err(Error::Refused(
            "This PPG Desk already holds a PPG. Join from a new, empty PPG Desk so that nothing of yours is mixed in."
                .into(),
        ));
    }
    let (_, start) = exchange::latest_start(&root).ok_or_else(|| {
        Error::File("The starting copy is not in the shared folder yet. Try again once it has arrived.".into())
    })?;
    let live = state.unlocked().map(|u| u.key);
    let opening = copy::Opening { unlocked: None, secret: Some(&secret) };
    state.replace_all(|conn| {
        copy::check_copy(&start, opening)?;
        copy::restore_copy(conn, &start, opening, live.as_ref())?;
        migrate::migrate(conn)?;
        Ok(())
    })?;
    let now = state.stamp();
    state.write_unrecorded(|tx| {
        let (sender, _) = sql::get(tx)?.ok_or_else(|| Error::File("The starting copy is not a shared PPG.".into()))?;
        let seq = sql::last_seq(tx)?;
        sql::take_over(tx, &sender.laptop_id, &sender.laptop_name, seq, &now)?;
        sql::start(tx, &Sharing::new(name, folder_text, drivers, befriending, now.clone()), &key)
    })?;
    sync(state)
}

/// Where this laptop's sharing stands.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SharingStatus {
    pub sharing: Sharing,
    /// Each other laptop heard from, with when its last change was applied here.
    pub heard_from: Vec<HeardFrom>,
    pub clashes: Vec<Clash>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeardFrom {
    pub laptop_name: String,
    pub last_applied_at: String,
}

/// "Dismiss": the clash stays in the record but leaves the list.
pub fn settle_clash(state: &AppState, id: i64) -> Result<()> {
    state.write_unrecorded(|tx| sql::settle_clash(tx, id))
}

/// This laptop's sharing, or `None` when it does not share.
pub fn status(state: &AppState) -> Result<Option<SharingStatus>> {
    state.read(|conn| {
        let Some((sharing, _)) = sql::get(conn)? else { return Ok(None) };
        Ok(Some(SharingStatus { sharing, heard_from: sql::heard_from(conn)?, clashes: sql::clashes(conn)? }))
    })
}

/// Send and receive now: writes this laptop's new changes to the folder, then applies every
/// complete change from the others, in each laptop's order.
pub fn sync(state: &AppState) -> Result<SyncReport> {
    let (me, key) =
        state.read(sql::get)?.ok_or_else(|| Error::Refused("This laptop does not share its PPG yet.".into()))?;
    let root = exchange::root(Path::new(&me.folder));
    if !root.join(exchange::KEYS_NAME).is_file() {
        return Err(exchange::unreachable_folder());
    }
    let mut report = SyncReport::default();
    for out in state.read(sql::unsent)? {
        let seq = out.seq;
        let header = Header {
            data_version: migrate::LATEST_VERSION,
            laptop_id: me.laptop_id.clone(),
            laptop_name: me.laptop_name.clone(),
            seq,
            area: out.area,
            made_at: out.made_at,
            seen: state.read(sql::seen)?,
        };
        let bytes = exchange::seal(&key, &header, &out.changeset)?;
        exchange::write_once(&exchange::change_path(&root, &me.laptop_id, seq), &bytes)?;
        let now = state.stamp();
        state.write_unrecorded(|tx| sql::mark_sent(tx, seq, &now))?;
        report.sent += 1;
    }
    let areas = state.read(sql::areas)?;
    // Passes until nothing more can be applied: a change waits for every change its laptop
    // had applied before writing it (causal order), which may come later in the list.
    let mut notes = Vec::new();
    loop {
        let before = report.received;
        notes.clear();
        receive_pass(state, &me, &key, &root, &areas, &mut report, &mut notes)?;
        if report.received == before {
            break;
        }
    }
    report.notes = notes;
    Ok(report)
}

/// One pass over the others' change files, applying each that is complete and whose laptop's
/// earlier changes, and every change it had seen, are applied here already. The whole pass is
/// one transaction: a month of changes costs one durable commit, not one per file.
fn receive_pass(
    state: &AppState,
    me: &Sharing,
    key: &DataKey,
    root: &Path,
    areas: &[Area],
    report: &mut SyncReport,
    notes: &mut Vec<String>,
) -> Result<()> {
    let files = exchange::changes(root, &me.laptop_id);
    let now = state.stamp();
    let (received, clashes) = state.write_unrecorded(|tx| {
        let names = apply::columns(tx)?;
        let (mut received, mut clashes) = (0, 0);
        let mut stopped: Option<String> = None;
        for (laptop, seq, path) in &files {
            if stopped.as_deref() == Some(laptop.as_str()) || sql::was_applied(tx, laptop, *seq)? {
                continue;
            }
            if *seq > 1 && !sql::was_applied(tx, laptop, seq - 1)? {
                stopped = Some(laptop.clone());
                continue;
            }
            let bytes = std::fs::read(path).unwrap_or_default();
            match exchange::open(key, laptop, *seq, &bytes) {
                Opened::Incomplete => {
                    notes.push("A change is still arriving in the shared folder; it will be read next time.".into());
                    stopped = Some(laptop.clone());
                }
                Opened::Tampered => {
                    notes.push(
                        "A file in the shared folder has been altered or damaged, so it was not used. Ask the laptop that wrote it to send again."
                            .into(),
                    );
                    stopped = Some(laptop.clone());
                }
                Opened::Change(header, _) if header.data_version > migrate::LATEST_VERSION => {
                    notes.push(format!("Update PPG Desk on this laptop to read changes from {}.", header.laptop_name));
                    stopped = Some(laptop.clone());
                }
                Opened::Change(header, changeset) => {
                    let mut waiting = false;
                    for (other, other_seq) in header.seen.iter().filter(|(l, _)| *l != me.laptop_id) {
                        waiting |= !sql::was_applied(tx, other, *other_seq)?;
                    }
                    if waiting {
                        stopped = Some(laptop.clone());
                        continue;
                    }
                    let wanted = Area::parse(&header.area).is_some_and(|a| areas.contains(&a));
                    if wanted && !changeset.is_empty() {
                        clashes += apply::apply(tx, &names, &me.laptop_id, &header, &changeset, &now)?;
                    }
                    sql::note_applied(tx, laptop, *seq, &header.laptop_name, &now)?;
                    received += 1;
                }
            }
        }
        Ok((received, clashes))
    })?;
    report.received += received;
    report.clashes += clashes;
    Ok(())
}
