//! Keeping the exchange folder small and free of erased people: fresh starting copies (and
//! the schemes' snapshots) for newcomers, and change files removed once every laptop has
//! applied them and every starting copy (for a scheme: the newest snapshot) holds them.

use std::collections::BTreeMap;
use std::path::Path;

use super::exchange::{self, Found, Opened};
use super::folder::{self, Applied, Seen};
use super::keys;
use super::Keys;
use super::{sql, starting_sql, Area, Sharing};
use crate::db::copy;
use crate::error::{Error, Result};
use crate::state::AppState;

/// How often a laptop writes a fresh starting copy on its own (an erasure does not wait).
const TIDY_EVERY_HOURS: i64 = 24;

/// Everything this laptop has applied, its own streams included: stream → last number.
fn applied_now(conn: &rusqlite::Connection, me: &str) -> Result<Applied> {
    let mut applied: Applied = sql::seen(conn)?.into_iter().collect();
    for (area, last) in sql::last_seqs(conn)? {
        if let Some(area) = Area::parse(&area) {
            applied.insert(exchange::stream(me, area), last);
        }
    }
    Ok(applied)
}

fn of_area(applied: &Applied, area: Area) -> Applied {
    applied
        .iter()
        .filter(|(s, _)| exchange::parse_stream(s).is_some_and(|(_, a)| a == area))
        .map(|(s, n)| (s.clone(), *n))
        .collect()
}

/// The areas `keys` opens.
pub fn held(keys: &Keys) -> Vec<Area> {
    [Area::Committee, Area::Drivers, Area::Befriending].into_iter().filter(|a| keys.of(*a).is_some()).collect()
}

/// A starting copy for newcomers: the PPG as it is now, encrypted with the committee key,
/// without the driver and befriending schemes' records or this laptop's own sharing. Each
/// scheme this laptop holds goes as a snapshot (one change of inserts) sealed with that
/// scheme's key, so only the laptops given its code ever read it. Returns what the copy holds.
pub fn write_starting_copy(state: &AppState, root: &Path, me: &str, keys: &Keys) -> Result<(String, Applied)> {
    let file = keys::file(root, Area::Committee).ok_or_else(exchange::unreachable_folder)?;
    // Read before the copy is made: a copy may hold more than its note says, never less.
    let applied = state.read(|conn| applied_now(conn, me))?;
    let paths = state.paths();
    let scratch = paths.dir.join(format!(".ppg-desk-starting-copy-{}", uuid::Uuid::new_v4().simple()));
    let own_key = state.unlocked().map(|u| u.key);
    let mut snapshots = Vec::new();
    let mut prepare = |conn: &rusqlite::Connection| -> Result<()> {
        for area in [Area::Drivers, Area::Befriending] {
            if keys.of(area).is_some() {
                snapshots.push((area, starting_sql::snapshot(conn, area)?));
            }
            starting_sql::strip(conn, area)?;
        }
        starting_sql::strip_own(conn)
    };
    let (name, path) = folder::start_path(root, me, chrono::Utc::now().timestamp_millis());
    let result =
        copy::write_sealed_copy(&paths.db_file(), own_key.as_ref(), &scratch, &keys.committee, &file, &mut prepare)
            .and_then(|_| std::fs::read(&scratch).map_err(|_| exchange::unreachable_folder()))
            .and_then(|bytes| exchange::write_once(&path, &bytes));
    let _ = std::fs::remove_file(&scratch);
    result?;
    let covers = of_area(&applied, Area::Committee);
    folder::write_covers(root, keys, &name, &covers)?;
    let now = state.stamp();
    state.write_unrecorded(|tx| {
        for (area, changeset) in snapshots.iter().filter(|(_, c)| !c.is_empty()) {
            // All it had applied: its own scheme's changes it holds, and the committee
            // changes its records may link to (a newcomer waits for those first).
            let holds =
                serde_json::to_string(&applied).map_err(|_| Error::File("A snapshot could not be written.".into()))?;
            crate::outbox::add_snapshot(tx, *area, changeset, &now, &holds)?;
        }
        Ok(())
    })?;
    Ok((name, covers))
}

/// Writes this laptop's note of what it has applied (when it changed), with its public key.
pub fn publish_seen(state: &AppState, me: &Sharing, keys: &Keys, root: &Path) -> Result<()> {
    let (applied, secret) =
        state.read(|conn| Ok((applied_now(conn, &me.laptop_id)?, super::keys_sql::laptop_secret(conn)?)))?;
    let areas = held(keys).into_iter().map(|a| a.key().to_string()).collect();
    let public_key = secret.map(|s| keys::public_key(&s));
    let laptop_name = me.laptop_name.clone();
    folder::write_seen(root, keys, &Seen { laptop_id: me.laptop_id.clone(), laptop_name, areas, applied, public_key })
}

/// Whether it is time for this laptop to write a fresh starting copy.
pub fn due(state: &AppState) -> Result<bool> {
    let Some(last) = state.read(sql::last_tidied)? else { return Ok(true) };
    let last = chrono::NaiveDateTime::parse_from_str(&last, "%Y-%m-%dT%H:%M:%S").ok();
    Ok(last.is_none_or(|last| state.now() - last >= chrono::Duration::hours(TIDY_EVERY_HOURS)))
}

/// A fresh starting copy, replacing every copy that holds no more than it.
pub fn refresh(state: &AppState, me: &Sharing, keys: &Keys, root: &Path) -> Result<()> {
    let (name, covers) = write_starting_copy(state, root, &me.laptop_id, keys)?;
    for older in folder::starts(root, keys) {
        let within =
            older.covers.as_ref().is_some_and(|c| c.iter().all(|(s, n)| covers.get(s).is_some_and(|m| m >= n)));
        if older.name != name && within {
            folder::remove_start(root, &older);
        }
    }
    let now = state.stamp();
    state.write_unrecorded(|tx| sql::note_tidied(tx, &now))
}

/// Removes the change files every laptop holding their area has applied and that a
/// newcomer would get another way: every starting copy holds it (committee business), or
/// every other snapshot of its scheme does (a scheme's file, a snapshot included).
pub fn remove_applied(keys: &Keys, root: &Path, removed: &[String]) -> usize {
    let mut seen = folder::read_seen(root, keys);
    seen.retain(|s| !removed.contains(&s.laptop_id));
    let starts = folder::starts(root, keys);
    let files = exchange::changes(root, "", &held(keys));
    let snapshots = snapshots(keys, &files);
    let mut removed = 0;
    for f in &files {
        let stream = f.stream();
        let holds = |covers: &Applied| covers.get(&stream).is_some_and(|n| *n >= f.seq);
        let mut holders = seen.iter().filter(|s| s.areas.iter().any(|a| a == f.area.key())).peekable();
        let everyone = holders.peek().is_some()
            && holders.all(|s| s.laptop_id == f.laptop || s.applied.get(&stream).is_some_and(|n| *n >= f.seq));
        let held_elsewhere = match f.area {
            Area::Committee => !starts.is_empty() && starts.iter().all(|s| s.covers.as_ref().is_some_and(holds)),
            scheme => {
                let others: Vec<&Snapshot> =
                    snapshots.iter().filter(|s| s.file.area == scheme && s.file.path != f.path).collect();
                !others.is_empty() && others.iter().all(|s| holds(&s.holds))
            }
        };
        if everyone && held_elsewhere && std::fs::remove_file(&f.path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A scheme's snapshot in the folder, with what it holds (itself included).
pub struct Snapshot {
    pub file: Found,
    pub made_at: String,
    pub holds: Applied,
}

/// Every snapshot in `files` that opens, oldest first (ties in a fixed order, the same on
/// every laptop).
pub fn snapshots(keys: &Keys, files: &[Found]) -> Vec<Snapshot> {
    let mut found: Vec<Snapshot> = files
        .iter()
        .filter(|f| f.snapshot)
        .filter_map(|f| {
            let bytes = std::fs::read(&f.path).ok()?;
            let Opened::Change(header, _) = exchange::open(keys, &f.laptop, f.area, f.seq, &bytes) else { return None };
            let mut holds: Applied = header.seen.into_iter().collect();
            holds.insert(f.stream(), f.seq);
            Some(Snapshot { file: f.clone(), made_at: header.made_at, holds })
        })
        .collect();
    found.sort_by(|a, b| (&a.made_at, &a.file).cmp(&(&b.made_at, &b.file)));
    found
}

/// Whether a newcomer starting from what `holds` holds finds every later change of `area`
/// still in the folder (no stream begins after a gap). Another laptop may have tidied away
/// files by a copy this laptop's folder has not received yet: such a copy is passed over.
pub fn complete(holds: &Applied, files: &[Found], area: Area) -> bool {
    let mut first: BTreeMap<String, i64> = BTreeMap::new();
    for f in files.iter().filter(|f| f.area == area) {
        let seq = first.entry(f.stream()).or_insert(f.seq);
        *seq = (*seq).min(f.seq);
    }
    first.iter().all(|(stream, seq)| *seq <= holds.get(stream).copied().unwrap_or(0) + 1)
}

/// How many change files in the shared folder (of the areas this laptop holds) still hold
/// `words`, a person's name after erasing them, say: they go once every laptop has applied
/// the erasure and a fresh starting copy holds it.
pub fn files_holding(state: &AppState, words: &str) -> Result<usize> {
    let (me, keys) =
        state.read(sql::get)?.ok_or_else(|| Error::Refused("This laptop does not share its PPG.".into()))?;
    let root = exchange::root(Path::new(&me.folder));
    let words = words.as_bytes();
    let holding = exchange::changes(&root, "", &held(&keys))
        .iter()
        .filter(|f| {
            let bytes = std::fs::read(&f.path).unwrap_or_default();
            match exchange::open(&keys, &f.laptop, f.area, f.seq, &bytes) {
                Opened::Change(_, changeset) => !words.is_empty() && changeset.windows(words.len()).any(|w| w == words),
                _ => false,
            }
        })
        .count();
    Ok(holding)
}
