//! The SQL of AGM nominations.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// A nomination's row: (id, post id, post, person, proposer, seconder, elected).
pub type NominationRow = (i64, i64, String, String, Option<String>, Option<String>, bool);

pub fn is_agm(conn: &Connection, meeting_id: i64) -> Result<bool> {
    Ok(conn
        .query_row("SELECT kind = 'agm' AS agm FROM meetings WHERE id = ?1", [meeting_id], |r| r.get("agm"))
        .optional()?
        .unwrap_or(false))
}

pub fn nominations(conn: &Connection, meeting_id: i64) -> Result<Vec<NominationRow>> {
    let mut stmt = conn.prepare(
        "SELECT n.id, n.post_id, o.name AS post, p.full_name AS person, pr.full_name AS proposer,
                se.full_name AS seconder, n.elected
           FROM agm_nominations n JOIN officer_posts o ON o.id = n.post_id JOIN people p ON p.id = n.person_id
           LEFT JOIN people pr ON pr.id = n.proposer_id LEFT JOIN people se ON se.id = n.seconder_id
          WHERE n.meeting_id = ?1 ORDER BY o.position, o.name, p.full_name",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok((
            r.get("id")?,
            r.get("post_id")?,
            r.get("post")?,
            r.get("person")?,
            r.get("proposer")?,
            r.get("seconder")?,
            r.get("elected")?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn exists(conn: &Connection, meeting_id: i64, post_id: i64, person_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM agm_nominations WHERE meeting_id = ?1 AND post_id = ?2 AND person_id = ?3)",
        [meeting_id, post_id, person_id],
        |r| r.get(0),
    )?)
}

pub fn insert(
    conn: &Connection,
    meeting_id: i64,
    post_id: i64,
    person_id: i64,
    proposer: Option<i64>,
    seconder: Option<i64>,
) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO agm_nominations (id, meeting_id, post_id, person_id, proposer_id, seconder_id)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![meeting_id, post_id, person_id, proposer, seconder],
        |r| r.get("id"),
    )?)
}

/// (meeting, post, person, the AGM's date) of a nomination.
pub fn nomination(conn: &Connection, id: i64) -> Result<Option<(i64, i64, i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT n.meeting_id, n.post_id, n.person_id, m.meets_on FROM agm_nominations n
               JOIN meetings m ON m.id = n.meeting_id WHERE n.id = ?1",
            [id],
            |r| Ok((r.get("meeting_id")?, r.get("post_id")?, r.get("person_id")?, r.get("meets_on")?)),
        )
        .optional()?)
}

/// Marks `id` elected and the post's other nominees at the meeting not.
pub fn set_elected(conn: &Connection, meeting_id: i64, post_id: i64, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE agm_nominations SET elected = (id = ?3) WHERE meeting_id = ?1 AND post_id = ?2 AND elected IS NOT (id = ?3)",
        params![meeting_id, post_id, id],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM agm_nominations WHERE id = ?1", [id])?;
    Ok(())
}
