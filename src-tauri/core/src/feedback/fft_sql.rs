//! The SQL of the Friends and Family Test months.

use rusqlite::{params, Connection};

use crate::error::Result;

/// Each month kept, oldest first: the month and its six counts (very good … don't know).
pub fn months(conn: &Connection) -> Result<Vec<(String, [u32; 6])>> {
    let mut stmt = conn
        .prepare("SELECT month, very_good, good, neither, poor, very_poor, dont_know FROM fft_months ORDER BY month")?;
    let rows = stmt.query_map([], |r| {
        let counts = [
            r.get("very_good")?,
            r.get("good")?,
            r.get("neither")?,
            r.get("poor")?,
            r.get("very_poor")?,
            r.get("dont_know")?,
        ];
        Ok((r.get("month")?, counts))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps `month`'s six counts (very good … don't know), replacing any kept before.
pub fn save(conn: &Connection, month: &str, [a, b, c, d, e, f]: [u32; 6], now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO fft_months (month, very_good, good, neither, poor, very_poor, dont_know, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (month) DO UPDATE SET very_good = excluded.very_good, good = excluded.good,
           neither = excluded.neither, poor = excluded.poor, very_poor = excluded.very_poor,
           dont_know = excluded.dont_know, imported_at = excluded.imported_at",
        params![month, a, b, c, d, e, f, now],
    )?;
    Ok(())
}
