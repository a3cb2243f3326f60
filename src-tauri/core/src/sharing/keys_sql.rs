//! The SQL of this laptop's keys after a laptop is removed (`rotate.rs`), and of the schemes'
//! anonymous numbers shared with the committee.

use rusqlite::{params, Connection, OptionalExtension};

use super::Keys;
use crate::db::keys::DataKey;
use crate::error::Result;

pub fn keep_older(conn: &Connection, keys: &Keys) -> Result<()> {
    for (area, generation, key) in &keys.older {
        conn.execute(
            "INSERT OR IGNORE INTO sharing_old_keys (area, generation, key) VALUES (?1, ?2, ?3)",
            params![area.key(), generation, &key.bytes()[..]],
        )?;
    }
    Ok(())
}

/// A new generation of keys (a laptop was removed), the older ones kept to read older files.
pub fn adopt_keys(conn: &Connection, keys: &Keys, removed: &[String], now: &str) -> Result<()> {
    let blob = |key: Option<&DataKey>| key.map(|k| k.bytes().to_vec());
    conn.execute(
        "UPDATE sharing SET committee_key = ?1, drivers_key = ?2, befriending_key = ?3, generation = ?4 WHERE id = 1",
        params![
            &keys.committee.bytes()[..],
            blob(keys.drivers.as_ref()),
            blob(keys.befriending.as_ref()),
            keys.generation
        ],
    )?;
    keep_older(conn, keys)?;
    for laptop in removed {
        conn.execute(
            "INSERT OR IGNORE INTO sharing_removed (laptop_id, removed_at) VALUES (?1, ?2)",
            params![laptop, now],
        )?;
    }
    Ok(())
}

pub fn laptop_secret(conn: &Connection) -> Result<Option<zeroize::Zeroizing<[u8; 32]>>> {
    let secret: Option<Option<Vec<u8>>> =
        conn.query_row("SELECT laptop_secret FROM sharing WHERE id = 1", [], |r| r.get("laptop_secret")).optional()?;
    Ok(secret.flatten().and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok()).map(zeroize::Zeroizing::new))
}

/// The laptops removed from the committee: nothing more is taken from them.
pub fn removed(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT laptop_id FROM sharing_removed ORDER BY laptop_id")?;
    let rows = stmt.query_map([], |r| r.get("laptop_id"))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A scheme's anonymous numbers as last shared, with when: (numbers, made_at).
pub fn numbers(conn: &Connection, area: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row("SELECT numbers, made_at FROM scheme_numbers WHERE area = ?1", [area], |r| {
            Ok((r.get("numbers")?, r.get("made_at")?))
        })
        .optional()?)
}

/// Shares a scheme's anonymous numbers with the committee (a recorded write: it travels).
pub fn set_numbers(conn: &Connection, area: &str, numbers: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO scheme_numbers (area, numbers, made_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (area) DO UPDATE SET numbers = excluded.numbers, made_at = excluded.made_at",
        params![area, numbers, now],
    )?;
    Ok(())
}
