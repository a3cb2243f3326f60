//! Receiving the others' changes: each stream in order and causally, and a laptop newly
//! holding a scheme starting from that scheme's newest snapshot.

use std::path::Path;

use super::exchange::{self, Found, Opened};
use super::Keys;
use super::{apply, sql, tidy, Area, Sharing, SyncReport};
use crate::db::migrate;
use crate::error::Result;
use crate::state::AppState;

/// A laptop that holds a scheme but has none of its records yet (it has just joined, or just
/// been given the scheme's code) starts from the newest snapshot of the scheme in the folder:
/// the snapshot's inserts, and every change it holds counted as applied. It waits until the
/// committee changes the snapshot was made after are applied here (its records link to them).
/// Returns the schemes still waiting for that, whose other files are left for now.
pub fn bootstrap(
    state: &AppState,
    me: &Sharing,
    keys: &Keys,
    root: &Path,
    removed: &[String],
    report: &mut SyncReport,
) -> Result<Vec<Area>> {
    let schemes: Vec<Area> = tidy::held(keys).into_iter().filter(|a| *a != Area::Committee).collect();
    let mut waiting = Vec::new();
    if schemes.is_empty() {
        return Ok(waiting);
    }
    let mut files = exchange::changes(root, &me.laptop_id, &schemes);
    files.retain(|f| !removed.contains(&f.laptop));
    let all = tidy::snapshots(keys, &files);
    for area in schemes {
        // The newest snapshot a newcomer can go on from (see `tidy::complete`).
        let Some(tidy::Snapshot { file: snapshot, holds, .. }) =
            all.iter().rev().find(|s| s.file.area == area && tidy::complete(&s.holds, &files, area))
        else {
            continue;
        };
        if state.read(|conn| sql::has_any_of(conn, area))? {
            continue;
        }
        let ready = state.read(|conn| {
            for (stream, n) in holds {
                let other_committee = exchange::parse_stream(stream)
                    .is_some_and(|(laptop, a)| a == Area::Committee && laptop != me.laptop_id);
                if other_committee && !sql::was_applied(conn, stream, *n)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        let bytes = std::fs::read(&snapshot.path).unwrap_or_default();
        let Opened::Change(header, changeset) = exchange::open(keys, &snapshot.laptop, area, snapshot.seq, &bytes)
        else {
            continue;
        };
        if !ready {
            waiting.push(area);
            continue;
        }
        let now = state.stamp();
        let clashes = state.write_unrecorded(|tx| {
            let names = apply::columns(tx)?;
            let clashes = apply::apply(tx, &names, &header, &changeset, &now)?;
            for (stream, n) in holds.iter().filter(|(s, _)| exchange::parse_stream(s).is_some_and(|(_, a)| a == area)) {
                sql::note_applied_up_to(tx, stream, *n, &header.laptop_name, &now)?;
            }
            Ok(clashes)
        })?;
        report.received += 1;
        report.clashes += clashes;
    }
    Ok(waiting)
}

/// One pass over the others' change files, applying each that is complete and whose laptop's
/// earlier changes, and every change it had seen, are applied here already. The whole pass is
/// one transaction: a month of changes costs one durable commit, not one per file.
#[allow(clippy::too_many_arguments)]
pub fn receive_pass(
    state: &AppState,
    me: &Sharing,
    keys: &Keys,
    root: &Path,
    removed: &[String],
    waiting_for_snapshot: &[Area],
    report: &mut SyncReport,
    notes: &mut Vec<String>,
) -> Result<()> {
    let areas = tidy::held(keys);
    let listed: Vec<Area> = areas.iter().copied().filter(|a| !waiting_for_snapshot.contains(a)).collect();
    let mut files = exchange::changes(root, &me.laptop_id, &listed);
    // Nothing more is taken from a laptop removed from the committee.
    files.retain(|f| !removed.contains(&f.laptop));
    let now = state.stamp();
    let (received, clashes) = state.write_unrecorded(|tx| {
        let names = apply::columns(tx)?;
        let (mut received, mut clashes) = (0, 0);
        let mut stopped: Option<String> = None;
        for Found { laptop, area, seq, path, .. } in &files {
            let stream = exchange::stream(laptop, *area);
            if stopped.as_deref() == Some(stream.as_str()) || sql::was_applied(tx, &stream, *seq)? {
                continue;
            }
            if *seq > 1 && !sql::was_applied(tx, &stream, seq - 1)? {
                stopped = Some(stream);
                continue;
            }
            let bytes = std::fs::read(path).unwrap_or_default();
            match exchange::open(keys, laptop, *area, *seq, &bytes) {
                Opened::Incomplete => {
                    notes.push("A change is still arriving in the shared folder; it will be read next time.".into());
                    stopped = Some(stream.clone());
                }
                Opened::Tampered => {
                    notes.push(
                        "A file in the shared folder has been altered or damaged, so it was not used. Ask the laptop that wrote it to send again."
                            .into(),
                    );
                    stopped = Some(stream.clone());
                }
                Opened::Change(header, _) if header.data_version > migrate::LATEST_VERSION => {
                    notes.push(format!("Update PPG Desk on this laptop to read changes from {}.", header.laptop_name));
                    stopped = Some(stream.clone());
                }
                Opened::Change(header, changeset) => {
                    let mut waiting = false;
                    // Only streams this laptop holds: a scheme it does not share never arrives.
                    let held = |s: &str| {
                        exchange::parse_stream(s).is_some_and(|(l, a)| l != me.laptop_id && areas.contains(&a))
                    };
                    for (other, other_seq) in header.seen.iter().filter(|(s, _)| held(s)) {
                        waiting |= !sql::was_applied(tx, other, *other_seq)?;
                    }
                    if waiting {
                        stopped = Some(stream.clone());
                        continue;
                    }
                    if !changeset.is_empty() {
                        clashes += apply::apply(tx, &names, &header, &changeset, &now)?;
                    }
                    sql::note_applied(tx, &stream, *seq, &header.laptop_name, &now)?;
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
