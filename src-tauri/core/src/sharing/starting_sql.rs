//! The SQL of a starting copy (never the live file): each scheme's records taken out of it,
//! and recorded as one change of inserts for the laptops that share that scheme.

use rusqlite::session::Session;
use rusqlite::Connection;

use super::sql::tables;
use super::Area;
use crate::error::Result;

/// In a starting copy (never the live file): every record of `area`'s tables as one changeset
/// of inserts, recorded by taking them out and putting them back under a session.
pub fn snapshot(conn: &Connection, area: Area) -> Result<Vec<u8>> {
    let tables: Vec<String> = tables(conn)?.into_iter().filter(|t| Area::of_table(t) == Some(area)).collect();
    for t in &tables {
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE \"keep_{t}\" AS SELECT * FROM main.\"{t}\"; DELETE FROM main.\"{t}\";"
        ))?;
    }
    let mut session = Session::new(conn)?;
    for t in &tables {
        session.attach(Some(t.as_str()))?;
    }
    for t in &tables {
        conn.execute(&format!("INSERT INTO main.\"{t}\" SELECT * FROM temp.\"keep_{t}\""), [])?;
    }
    let mut changeset = Vec::new();
    session.changeset_strm(&mut changeset)?;
    drop(session);
    for t in &tables {
        conn.execute_batch(&format!("DROP TABLE temp.\"keep_{t}\";"))?;
    }
    Ok(changeset)
}

/// In a starting copy: leaves out every record of `area`'s tables (need-to-know).
pub fn strip(conn: &Connection, area: Area) -> Result<()> {
    for t in tables(conn)?.into_iter().filter(|t| Area::of_table(t) == Some(area)) {
        conn.execute(&format!("DELETE FROM main.\"{t}\""), [])?;
    }
    Ok(())
}

/// In a starting copy: this laptop's own sharing stays behind (its secret, its scheme keys
/// and older keys, the changes it recorded, its clashes), keeping only how far each of its
/// streams had come and which laptops were removed; and so do members' equality answers,
/// which never leave the laptop they were typed on.
pub fn strip_own(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM member_profiles;
         UPDATE sharing SET drivers = 0, befriending = 0, drivers_key = NULL, befriending_key = NULL,
                            laptop_secret = NULL;
         UPDATE sharing_outbox SET changeset = x'';
         DELETE FROM sharing_clashes;
         DELETE FROM sharing_old_keys;",
    )?;
    Ok(())
}
