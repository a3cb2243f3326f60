//! One PPG shared between the committee's laptops through an exchange folder (a synced
//! cloud folder, a network drive or a USB stick), with no server: each laptop records its
//! writes as changesets (SQLite's session extension, `capture.rs`), seals them with the
//! committee key into files written once (`exchange.rs`), and applies everyone else's
//! (`apply.rs`). The live database file itself is never copied or synced.

mod apply;
mod clash_sql;
pub mod exchange;
pub mod folder;
pub mod keys;
mod keys_sql;
mod receive;
mod rotate;
mod setup;
mod sql;
mod starting_sql;
mod tidy;
mod twice;
mod twice_sql;

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

pub use crate::outbox::Area;

use crate::db::keys::DataKey;
use crate::db::migrate;
use crate::error::{Error, Result};
use crate::state::AppState;
use exchange::Header;
pub use keys::{Codes, Scheme};

/// The keys this laptop holds: those of the current generation (a new generation begins
/// each time a laptop is removed from the committee) and the older ones, to read older files.
#[derive(Clone)]
pub struct Keys {
    pub committee: DataKey,
    pub drivers: Option<DataKey>,
    pub befriending: Option<DataKey>,
    pub generation: u32,
    pub older: Vec<(Area, u32, DataKey)>,
}

impl Keys {
    /// A first generation's keys.
    pub fn first(committee: DataKey, drivers: Option<DataKey>, befriending: Option<DataKey>) -> Keys {
        Keys { committee, drivers, befriending, generation: 0, older: Vec::new() }
    }

    /// The current key of `area`, if this laptop shares it.
    pub fn of(&self, area: Area) -> Option<&DataKey> {
        match area {
            Area::Committee => Some(&self.committee),
            Area::Drivers => self.drivers.as_ref(),
            Area::Befriending => self.befriending.as_ref(),
        }
    }

    /// The key of `area` in `generation`, if this laptop has it.
    pub fn at(&self, area: Area, generation: u32) -> Option<&DataKey> {
        if generation == self.generation {
            return self.of(area);
        }
        self.older.iter().find(|(a, g, _)| *a == area && *g == generation).map(|(_, _, k)| k)
    }

    /// Every key held, the current generation's first: (area, generation, key).
    pub fn all(&self) -> Vec<(Area, u32, DataKey)> {
        let current = [Area::Committee, Area::Drivers, Area::Befriending]
            .into_iter()
            .filter_map(|a| Some((a, self.generation, self.of(a)?.clone())));
        current.chain(self.older.iter().cloned()).collect()
    }

    /// The committee keys of every generation held, the current first.
    pub fn committee_keys(&self) -> Vec<DataKey> {
        self.all().into_iter().filter(|(a, _, _)| *a == Area::Committee).map(|(_, _, k)| k).collect()
    }
}

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
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
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
    /// Whether "Use the other value" can put the other value back (a field both changed).
    pub can_use_other: bool,
    /// The value not kept, as it was (its type too), and the record's key: what "Use the
    /// other value" writes.
    #[serde(skip)]
    #[ts(skip)]
    pub other_value: Option<rusqlite::types::Value>,
    #[serde(skip)]
    #[ts(skip)]
    pub row: Vec<(String, rusqlite::types::Value)>,
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
    /// Change files removed from the folder because every laptop has them.
    pub removed: usize,
}

/// What joining did, and any scheme codes this laptop made (it was the first to share them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Joined {
    pub report: SyncReport,
    pub codes: Codes,
}

impl Sharing {
    /// A laptop starting or joining: a new random id, nothing sent or received yet (which
    /// schemes it shares follows from the keys it holds).
    pub(crate) fn new(laptop_name: String, folder: String, now: String) -> Sharing {
        Sharing {
            laptop_id: uuid::Uuid::new_v4().simple().to_string(),
            laptop_name,
            folder,
            drivers: false,
            befriending: false,
            started_at: now,
            last_sent_at: None,
            last_received_at: None,
            last_received_from: None,
        }
    }
}

pub use rotate::remove_laptop;
pub use setup::{join, start};
pub use tidy::files_holding;

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
    /// A random id, nothing about anyone: what "Remove from the committee" names.
    pub laptop_id: String,
    pub laptop_name: String,
    /// When its last change was applied here; `None` when it has sent none yet.
    pub last_applied_at: Option<String>,
}

/// "Keep this" (dismiss): the clash stays in the record but leaves the list.
pub fn settle_clash(state: &AppState, id: i64) -> Result<()> {
    state.write_unrecorded(|tx| clash_sql::settle_clash(tx, id))
}

/// "Use the other value" (or, for a long text, the text a person merged from both): written
/// as an ordinary change, so it reaches every laptop, and the clash leaves the list.
pub fn use_other(state: &AppState, id: i64, merged: Option<&str>) -> Result<()> {
    if merged.is_some_and(|text| text.chars().count() > 100_000) {
        return Err(Error::invalid("merged", "The merged text is too long to keep (over 100,000 letters)."));
    }
    let now = state.stamp();
    state.write(|tx| {
        let (table, column, row, other) =
            clash_sql::clash_to_undo(tx, id)?.ok_or(Error::NotFound("That clash is no longer listed."))?;
        let value = match merged {
            Some(text) if matches!(other, rusqlite::types::Value::Text(_) | rusqlite::types::Value::Null) => {
                rusqlite::types::Value::Text(text.to_string())
            }
            Some(_) => return Err(Error::invalid("merged", "Only a text can be merged by hand.")),
            None => other,
        };
        let names = sql::column_names(tx, &table)?;
        let known = |c: &str| names.iter().any(|n| n == c);
        if !sql::tables(tx)?.contains(&table) || !known(&column) || !row.iter().all(|(c, _)| known(c)) {
            return Err(Error::NotFound("That record is no longer in PPG Desk."));
        }
        let mut set = vec![(column.clone(), value)];
        if column != "updated_at" && known("updated_at") {
            set.push(("updated_at".into(), rusqlite::types::Value::Text(now.clone())));
        }
        match sql::update_row(tx, &table, &row, &set)? {
            None => Err(Error::Refused(
                "That record is locked now (the minutes are approved or the bulletin is published), so it cannot be changed."
                    .into(),
            )),
            Some(0) => Err(Error::NotFound("That record has since been deleted.")),
            Some(_) => clash_sql::settle_clash(tx, id),
        }
    })
}

/// This laptop's sharing, or `None` when it does not share.
/// The other laptops are those heard from, and those whose note is in the folder (a laptop that
/// has joined but not yet changed anything), when the folder can be reached.
pub fn status(state: &AppState) -> Result<Option<SharingStatus>> {
    let Some(mut status) = state.read(|conn| {
        let Some((sharing, keys)) = sql::get(conn)? else { return Ok(None) };
        let (heard_from, removed) = (sql::heard_from(conn)?, keys_sql::removed(conn)?);
        Ok(Some((SharingStatus { sharing, heard_from, clashes: clash_sql::clashes(conn)? }, keys, removed)))
    })?
    else {
        return Ok(None);
    };
    let (ref mut shown, keys, removed) = status;
    let root = exchange::root(Path::new(&shown.sharing.folder));
    for seen in folder::read_seen(&root, &keys) {
        let known = shown.heard_from.iter().any(|h| h.laptop_id == seen.laptop_id);
        if !known && seen.laptop_id != shown.sharing.laptop_id && !removed.contains(&seen.laptop_id) {
            shown.heard_from.push(HeardFrom {
                laptop_id: seen.laptop_id,
                laptop_name: seen.laptop_name,
                last_applied_at: None,
            });
        }
    }
    Ok(Some(status.0))
}

/// Send and receive now: writes this laptop's new changes to the folder, then applies every
/// complete change from the others, in each stream's order; once a day (or when asked) also
/// writes a fresh starting copy; and removes the files no laptop needs any more.
pub fn sync(state: &AppState) -> Result<SyncReport> {
    exchange_now(state, false)
}

/// "Tidy the shared folder now": a send and receive that also writes a fresh starting copy
/// and removes every change file no laptop needs any more (after an erasure, say).
pub fn sync_and_tidy(state: &AppState) -> Result<SyncReport> {
    exchange_now(state, true)
}

fn exchange_now(state: &AppState, tidy_now: bool) -> Result<SyncReport> {
    let not_sharing = || Error::Refused("This laptop does not share its PPG yet.".into());
    let (me, keys) = state.read(sql::get)?.ok_or_else(not_sharing)?;
    let root = exchange::root(Path::new(&me.folder));
    if !root.join(exchange::KEYS_NAME).is_file() {
        return Err(exchange::unreachable_folder());
    }
    // New keys, when a laptop has been removed from the committee since the last exchange.
    rotate::adopt(state, &me, &keys, &root)?;
    let (me, keys) = state.read(sql::get)?.ok_or_else(not_sharing)?;
    let removed = state.read(keys_sql::removed)?;
    let mut report = SyncReport::default();
    share_numbers(state, &keys)?;
    send(state, &me, &keys, &root, &mut report)?;
    // Passes until nothing more can be applied: a change waits for every change its laptop
    // had applied before writing it (causal order), which may come later in the list.
    let mut notes = Vec::new();
    loop {
        let before = report.received;
        notes.clear();
        let waiting = receive::bootstrap(state, &me, &keys, &root, &removed, &mut report)?;
        receive::receive_pass(state, &me, &keys, &root, &removed, &waiting, &mut report, &mut notes)?;
        if report.received == before {
            break;
        }
    }
    report.notes = notes;
    if tidy_now || tidy::due(state)? {
        tidy::refresh(state, &me, &keys, &root)?;
        send(state, &me, &keys, &root, &mut report)?;
    }
    tidy::publish_seen(state, &me, &keys, &root)?;
    report.removed = tidy::remove_applied(&keys, &root, &removed);
    Ok(report)
}

/// A laptop holding the befriending scheme shares its anonymous numbers (by month, no name)
/// with the whole committee, when they have changed.
fn share_numbers(state: &AppState, keys: &Keys) -> Result<()> {
    if keys.befriending.is_none() {
        return Ok(());
    }
    let numbers = state.read(crate::befriending::summary::anonymous)?;
    if state.read(|conn| keys_sql::numbers(conn, Area::Befriending.key()))?.is_some_and(|(n, _)| n == numbers) {
        return Ok(());
    }
    let now = state.stamp();
    state.write(|tx| keys_sql::set_numbers(tx, Area::Befriending.key(), &numbers, &now))
}

/// The befriending report: from this laptop's own records, or, on a laptop that does not hold
/// the scheme, from the anonymous numbers its coordinator's laptop shares.
pub fn befriending_report(
    state: &AppState,
    from: &str,
    to: &str,
) -> Result<crate::befriending::report::BefriendingReport> {
    let today = state.today();
    state.read(|conn| befriending_report_on(conn, from, to, today))
}

/// The same, inside a read (the printed report).
pub fn befriending_report_on(
    conn: &rusqlite::Connection,
    from: &str,
    to: &str,
    today: chrono::NaiveDate,
) -> Result<crate::befriending::report::BefriendingReport> {
    use crate::befriending::{report, summary};
    if summary::holds_none(conn)? {
        if let Some((numbers, made_at)) = keys_sql::numbers(conn, Area::Befriending.key())? {
            let mut shared = summary::report(&numbers, from, to, today)?;
            shared.shared_as_of = Some(made_at);
            return Ok(shared);
        }
    }
    report::report(conn, from, to, today)
}

/// Writes each change in the outbox to its stream in the folder, once.
fn send(state: &AppState, me: &Sharing, keys: &Keys, root: &Path, report: &mut SyncReport) -> Result<()> {
    for out in state.read(sql::unsent)? {
        let area = Area::parse(&out.area).ok_or_else(|| Error::File("A change could not be written.".into()))?;
        let snapshot = out.covers.is_some();
        let seen = match &out.covers {
            Some(json) => serde_json::from_str::<folder::Applied>(json)
                .map_err(|_| Error::File("A snapshot could not be written.".into()))?
                .into_iter()
                .collect(),
            None => state.read(sql::seen)?,
        };
        let header = Header {
            data_version: migrate::LATEST_VERSION,
            laptop_id: me.laptop_id.clone(),
            laptop_name: me.laptop_name.clone(),
            seq: out.area_seq,
            area: out.area,
            made_at: out.made_at,
            seen,
            snapshot,
        };
        let bytes = exchange::seal(keys, &header, &out.changeset)?;
        let stream = exchange::stream(&me.laptop_id, area);
        exchange::write_once(&exchange::change_path(root, &stream, out.area_seq, snapshot), &bytes)?;
        let now = state.stamp();
        state.write_unrecorded(|tx| sql::mark_sent(tx, out.seq, &now))?;
        report.sent += 1;
    }
    Ok(())
}
