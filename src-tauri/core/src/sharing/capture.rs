//! Recording this laptop's writes as changesets (SQLite's session extension), one per area,
//! inside the same transaction as the write, so a change is never saved without its record.

use rusqlite::session::Session;
use rusqlite::Connection;

use super::{sql, Area};
use crate::error::Result;

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
