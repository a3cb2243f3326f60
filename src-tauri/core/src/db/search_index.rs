//! The search index's catching up (issue #24): a save's triggers note each record written in
//! `search_pending`; this indexes what is waiting, with migration 42's SQL. It lives with the
//! store because the store's own thread runs it moments after a save (`state::indexer`), and
//! the search runs it before reading (`search::everything`).

use rusqlite::Connection;

use crate::error::Result;

/// Whether records saved since the index last caught up are waiting to be indexed.
pub fn behind(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM search_pending) AS behind", [], |r| r.get("behind"))?)
}

/// Migration 42's SQL: one statement a line-ending semicolon, those for one kind of record
/// saying `p.kind = N`.
const CATCH_UP: &str = include_str!("migrations/0042_search_catch_up.sql");

/// The kind a statement of `CATCH_UP` indexes, if it is for one kind.
fn kind_of(statement: &str) -> Option<i64> {
    let (_, after) = statement.split_once("p.kind = ")?;
    after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// Indexes every record waiting (migration 42's SQL, leaving out the statements for kinds
/// with nothing waiting): the words each changed record was indexed with come out, its words
/// now go in, and nothing is left waiting.
pub fn catch_up(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT DISTINCT kind FROM search_pending")?;
    let waiting: Vec<i64> = stmt.query_map([], |r| r.get("kind"))?.collect::<rusqlite::Result<_>>()?;
    if waiting.is_empty() {
        return Ok(());
    }
    for statement in CATCH_UP.split_inclusive(";\n").filter(|s| !s.trim().is_empty()) {
        if kind_of(statement).is_none_or(|kind| waiting.contains(&kind)) {
            conn.prepare(statement)?.execute([])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Catching up leaves out the statements of kinds with nothing waiting, found by the
    /// `p.kind = N` they say: each kind must have its three (a record row, its words, its
    /// title's words) and every other statement none, or a kind would never be indexed.
    #[test]
    fn each_kind_has_its_three_catching_up_statements() {
        let statements: Vec<&str> = CATCH_UP.split_inclusive(";\n").filter(|s| !s.trim().is_empty()).collect();
        for kind in 1..=19 {
            assert_eq!(statements.iter().filter(|s| kind_of(s) == Some(kind)).count(), 3, "kind {kind}");
        }
    }
}
