//! The little SQL protecting needs: counting every table's rows, before and after.

use crate::error::Result;

/// How many rows each table holds: compared before and after encrypting. A virtual table
/// (the search index) is counted through the tables that hold its data.
pub fn table_counts(conn: &rusqlite::Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name")?;
    let names: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for name in names {
        let count =
            conn.query_row(&format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\"")), [], |r| r.get(0))?;
        out.push((name, count));
    }
    Ok(out)
}
