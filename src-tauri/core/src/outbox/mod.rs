//! Recording this laptop's writes as changesets (SQLite's session extension), one per area,
//! inside the same transaction as the write, so a change is never saved without its record.
//! Below `state` (which starts a `Recorder` in every write) and below `sharing` (which sends
//! the outbox and applies the others' changes).

mod sql;

use rusqlite::session::Session;
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
            | Topic::Bulletins => Some(Area::Committee),
            Topic::Drivers => Some(Area::Drivers),
            Topic::Befriending => Some(Area::Befriending),
            Topic::Settings | Topic::Backups | Topic::Sharing => None,
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

    /// Adds what the transaction changed to the outbox (before the transaction commits).
    pub fn finish(self, conn: &Connection, now: &str) -> Result<()> {
        for (area, mut session) in self.sessions {
            if session.is_empty() {
                continue;
            }
            let mut changeset = Vec::new();
            session.changeset_strm(&mut changeset)?;
            drop(session);
            if !changeset.is_empty() {
                sql::add_to_outbox(conn, area, &changeset, now)?;
            }
        }
        Ok(())
    }
}
