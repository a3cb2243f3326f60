//! The only SQL of officers: posts, terms, and People's roles kept in step.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Holder, Post};
use crate::error::Result;

pub struct PostRow {
    pub role: Option<String>,
    pub term_years: u32,
}

pub fn posts(conn: &Connection, today: &str) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare(
        "SELECT o.id, o.name, o.role, o.term_years,
                t.id AS term_id, t.person_id, p.full_name, t.from_on, t.ends_on
           FROM officer_posts o
           LEFT JOIN officer_terms t ON t.id = (
                SELECT t2.id FROM officer_terms t2 WHERE t2.post_id = o.id AND t2.from_on <= ?1
                   AND (t2.ended_on IS NULL OR t2.ended_on >= ?1) ORDER BY t2.from_on DESC, t2.id DESC LIMIT 1)
           LEFT JOIN people p ON p.id = t.person_id
          ORDER BY o.position, o.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([today], |r| {
        let term_id: Option<i64> = r.get("term_id")?;
        let holder = match term_id {
            Some(term_id) => Some(Holder {
                term_id,
                person_id: r.get("person_id")?,
                name: r.get("full_name")?,
                from_on: r.get("from_on")?,
                ends_on: r.get("ends_on")?,
            }),
            None => None,
        };
        Ok(Post {
            id: r.get("id")?,
            name: r.get("name")?,
            role: r.get("role")?,
            term_years: r.get("term_years")?,
            holder,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn post(conn: &Connection, id: i64) -> Result<Option<PostRow>> {
    Ok(conn
        .query_row("SELECT role, term_years FROM officer_posts WHERE id = ?1", [id], |r| {
            Ok(PostRow { role: r.get("role")?, term_years: r.get("term_years")? })
        })
        .optional()?)
}

pub fn post_named(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM officer_posts WHERE name = ?1", [name], |r| r.get("id")).optional()?)
}

pub fn add_post(conn: &Connection, name: &str, term_years: u32) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO officer_posts (id, name, term_years) VALUES (new_id(), ?1, ?2) RETURNING id",
        params![name, term_years],
        |r| r.get("id"),
    )?)
}

pub fn update_post(conn: &Connection, id: i64, name: &str, term_years: u32) -> Result<()> {
    conn.execute(
        "UPDATE officer_posts SET name = ?2, term_years = ?3 WHERE id = ?1 AND (name IS NOT ?2 OR term_years IS NOT ?3)",
        params![id, name, term_years],
    )?;
    Ok(())
}

/// The terms of `post_id` running on `on`: (term, person).
pub fn holders_on(conn: &Connection, post_id: i64, on: &str) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT id, person_id FROM officer_terms WHERE post_id = ?1 AND (ended_on IS NULL OR ended_on >= ?2)",
    )?;
    let rows = stmt.query_map(params![post_id, on], |r| Ok((r.get("id")?, r.get("person_id")?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ends a term on `on` (never before it began).
pub fn end_term(conn: &Connection, term_id: i64, on: &str) -> Result<()> {
    conn.execute("UPDATE officer_terms SET ended_on = max(from_on, ?2) WHERE id = ?1", params![term_id, on])?;
    Ok(())
}

pub fn add_term(conn: &Connection, post_id: i64, person_id: i64, from_on: &str, ends_on: &str) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO officer_terms (id, post_id, person_id, from_on, ends_on) VALUES (new_id(), ?1, ?2, ?3, ?4) RETURNING id",
        params![post_id, person_id, from_on, ends_on],
        |r| r.get("id"),
    )?)
}

/// Whether `person` holds `role` through another post still running.
pub fn holds_role_elsewhere(conn: &Connection, person: i64, role: &str, post_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM officer_terms t JOIN officer_posts o ON o.id = t.post_id
           WHERE t.person_id = ?1 AND o.role = ?2 AND o.id <> ?3 AND t.ended_on IS NULL)",
        params![person, role, post_id],
        |r| r.get(0),
    )?)
}

pub fn add_role(conn: &Connection, person: i64, role: &str) -> Result<()> {
    conn.execute("INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?1, ?2)", params![person, role])?;
    Ok(())
}

pub fn remove_role(conn: &Connection, person: i64, role: &str) -> Result<()> {
    conn.execute("DELETE FROM person_roles WHERE person_id = ?1 AND role = ?2", params![person, role])?;
    Ok(())
}
