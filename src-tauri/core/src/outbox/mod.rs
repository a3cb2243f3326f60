//! Recording this laptop's writes as changesets (SQLite's session extension), one per area,
//! inside the same transaction as the write, so a change is never saved without its record.
//! Below `state` (which starts a `Recorder` in every write) and below `sharing` (which sends
//! the outbox and applies the others' changes).

mod sql;

use std::sync::atomic::{AtomicI64, Ordering};

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetIter, Session};
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::changes::{topic_of, Topic};
use crate::error::Result;
pub use sql::{add_snapshot, add_to_outbox, areas, is_sharing, tables};

/// The parts of the PPG that travel separately: committee business goes to every laptop;
/// the driver and befriending schemes only to the laptops their coordinators choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Committee,
    Drivers,
    Befriending,
}

impl Area {
    pub fn key(self) -> &'static str {
        match self {
            Area::Committee => "committee",
            Area::Drivers => "drivers",
            Area::Befriending => "befriending",
        }
    }

    pub fn parse(key: &str) -> Option<Area> {
        [Area::Committee, Area::Drivers, Area::Befriending].into_iter().find(|a| a.key() == key)
    }

    /// The area a table's rows travel in; `None` for what stays on each laptop (its settings,
    /// its backups list, its sharing bookkeeping).
    pub fn of_table(table: &str) -> Option<Area> {
        match topic_of(table)? {
            Topic::People
            | Topic::Meetings
            | Topic::Actions
            | Topic::Contacts
            | Topic::Directory
            | Topic::Bulletins
            | Topic::Reports
            | Topic::Feedback
            | Topic::Membership => Some(Area::Committee),
            Topic::Drivers => Some(Area::Drivers),
            Topic::Befriending => Some(Area::Befriending),
            Topic::Settings | Topic::Backups | Topic::Sharing | Topic::Profiles | Topic::Search => None,
        }
    }
}

/// The sessions watching one write transaction, one per area this laptop shares.
pub struct Recorder<'conn> {
    sessions: Vec<(Area, Session<'conn>)>,
}

impl<'conn> Recorder<'conn> {
    /// Starts recording on `conn` (inside its transaction), or `None` when not sharing.
    pub fn start(conn: &'conn Connection) -> Result<Option<Recorder<'conn>>> {
        if !sql::is_sharing(conn)? {
            return Ok(None);
        }
        let tables = sql::tables(conn)?;
        let mut sessions = Vec::new();
        for area in sql::areas(conn)? {
            let mut session = Session::new(conn)?;
            for table in tables.iter().filter(|t| Area::of_table(t) == Some(area)) {
                session.attach(Some(table.as_str()))?;
            }
            sessions.push((area, session));
        }
        Ok(Some(Recorder { sessions }))
    }

    /// Adds what the transaction changed to the outbox (before the transaction commits),
    /// each row added or changed first given a new version (see `db::row_versions`).
    pub fn finish(self, conn: &Connection, now: &str) -> Result<()> {
        let version = next_version(&sql::laptop_id(conn)?);
        for (area, mut session) in self.sessions {
            if session.is_empty() {
                continue;
            }
            let mut changeset = Vec::new();
            session.changeset_strm(&mut changeset)?;
            for (table, key, fields) in rows_written(&changeset)? {
                sql::set_field_versions(conn, &table, &key, &fields, &version)?;
            }
            // Again, with the versions (the session is still watching).
            changeset.clear();
            session.changeset_strm(&mut changeset)?;
            drop(session);
            if !changeset.is_empty() {
                sql::add_to_outbox(conn, area, &changeset, now)?;
            }
        }
        Ok(())
    }
}

/// A new row version: milliseconds since 1970, never the same twice on this laptop, then
/// the laptop's id (so two laptops never make the same version either).
fn next_version(laptop: &str) -> String {
    static LAST: AtomicI64 = AtomicI64::new(0);
    let now = chrono::Utc::now().timestamp_millis();
    let mut last = LAST.load(Ordering::Relaxed);
    let ms = loop {
        let next = now.max(last + 1);
        match LAST.compare_exchange(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => break next,
            Err(seen) => last = seen,
        }
    };
    let short: String = laptop.chars().take(8).collect();
    format!("{ms:015}-{short}")
}

/// A value read from a changeset, owned.
pub fn owned(value: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// The rows a changeset inserts or updates: (table, primary key columns and values, the
/// positions of the fields it wrote).
type Written = (String, Vec<(usize, Value)>, Vec<usize>);

fn rows_written(changeset: &[u8]) -> Result<Vec<Written>> {
    let mut rows = Vec::new();
    let mut input: &[u8] = changeset;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut items = ChangesetIter::start_strm(&reader)?;
    while let Some(item) = items.next()? {
        let op = item.op()?;
        let inserting = match op.code() {
            Action::SQLITE_INSERT => true,
            Action::SQLITE_UPDATE => false,
            _ => continue,
        };
        let flags = item.pk()?.to_vec();
        let mut key = Vec::new();
        let mut fields = Vec::new();
        for (i, is_pk) in flags.iter().enumerate() {
            if *is_pk != 0 {
                let value = if inserting { item.new_value(i)? } else { item.old_value(i)? };
                key.push((i, owned(value)));
            } else if item.new_value(i).is_ok() {
                fields.push(i);
            }
        }
        rows.push((op.table_name().to_string(), key, fields));
    }
    Ok(rows)
}
