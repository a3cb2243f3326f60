//! The only SQL of email: People as the lists need them, the templates, and the record of
//! what was handed to the mail program.

use rusqlite::{params, Connection, OptionalExtension};

use super::handover::Way;
use super::lists::OwnList;
use super::templates::{EmailDocument, Template};
use super::{ListPerson, Sent};
use crate::error::{Error, Result};

/// Everyone in People, by name, with their roles.
pub fn people(conn: &Connection) -> Result<Vec<ListPerson>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.full_name, p.email, p.contact_by_email, p.contact_consent_on, p.left_on, p.email_only,
                p.large_print, p.preferred_name,
                coalesce((SELECT group_concat(role, ' ') FROM person_roles WHERE person_id = p.id), '') AS roles,
                EXISTS (SELECT 1 FROM action_owners o JOIN actions a ON a.id = o.action_id
                         WHERE o.person_id = p.id AND a.status IN ('open', 'in_progress')) AS owns_open_actions,
                (SELECT d.id FROM drivers d WHERE d.person_id = p.id AND d.active = 1) AS driver_id
           FROM people p ORDER BY p.full_name COLLATE NOCASE, p.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ListPerson {
            id: r.get("id")?,
            name: r.get("full_name")?,
            email: r.get("email")?,
            contact_by_email: r.get("contact_by_email")?,
            consent_on: r.get("contact_consent_on")?,
            left_on: r.get("left_on")?,
            roles: r.get::<_, String>("roles")?.split_whitespace().map(String::from).collect(),
            email_only: r.get("email_only")?,
            large_print: r.get("large_print")?,
            preferred_name: r.get("preferred_name")?,
            owns_open_actions: r.get("owns_open_actions")?,
            driver_id: r.get("driver_id")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The secretary's own template for `document`, if they wrote one.
pub fn template(conn: &Connection, document: EmailDocument) -> Result<Option<Template>> {
    Ok(conn
        .query_row("SELECT subject, message FROM email_templates WHERE document = ?1", [document.key()], |r| {
            Ok(Template { subject: r.get("subject")?, message: r.get("message")? })
        })
        .optional()?)
}

pub fn save_template(conn: &Connection, document: EmailDocument, t: &Template) -> Result<()> {
    conn.execute(
        "INSERT INTO email_templates (document, subject, message) VALUES (?1, ?2, ?3)
         ON CONFLICT (document) DO UPDATE SET subject = excluded.subject, message = excluded.message",
        params![document.key(), t.subject, t.message],
    )?;
    Ok(())
}

pub fn forget_template(conn: &Connection, document: EmailDocument) -> Result<()> {
    conn.execute("DELETE FROM email_templates WHERE document = ?1", [document.key()])?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub fn log(
    conn: &Connection,
    document: EmailDocument,
    meeting: Option<i64>,
    bulletin: Option<i64>,
    list: &str,
    recipients: usize,
    version: &str,
    way: Way,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO email_log (id, document, meeting_id, bulletin_id, list_name, recipients, version, way, sent_at)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![document.key(), meeting, bulletin, list, recipients as i64, version, way.key(), now],
    )?;
    Ok(())
}

fn sent(conn: &Connection, column: &str, id: i64) -> Result<Vec<Sent>> {
    let sql = format!(
        "SELECT document, list_name, recipients, version, sent_at FROM email_log WHERE {column} = ?1 ORDER BY sent_at DESC, id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>("document")?,
            r.get("list_name")?,
            r.get("recipients")?,
            r.get("version")?,
            r.get("sent_at")?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (document, list_name, recipients, version, sent_at) = row?;
        let document =
            EmailDocument::from_key(&document).ok_or(Error::File("The record of sending is damaged.".into()))?;
        out.push(Sent { document, list_name, recipients, version, sent_at });
    }
    Ok(out)
}

/// What was handed over for a meeting (its agenda, its minutes), newest first.
pub fn sent_for_meeting(conn: &Connection, meeting_id: i64) -> Result<Vec<Sent>> {
    sent(conn, "meeting_id", meeting_id)
}

/// What was handed over for a bulletin issue, newest first.
pub fn sent_for_bulletin(conn: &Connection, bulletin_id: i64) -> Result<Vec<Sent>> {
    sent(conn, "bulletin_id", bulletin_id)
}

/// The lists the PPG made itself, by name, each with its people's ids.
pub fn own_lists(conn: &Connection) -> Result<Vec<OwnList>> {
    let mut stmt = conn.prepare(
        "SELECT l.id, l.name, l.key,
                coalesce((SELECT group_concat(person_id, ' ') FROM mailing_list_people WHERE list_id = l.id), '') AS people
           FROM mailing_lists l ORDER BY l.name COLLATE NOCASE, l.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OwnList {
            id: r.get("id")?,
            name: r.get("name")?,
            key: r.get("key")?,
            people: r.get::<_, String>("people")?.split_whitespace().filter_map(|id| id.parse().ok()).collect(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_list(conn: &Connection, name: &str, key: &str) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO mailing_lists (id, name, key) VALUES (new_id(), ?1, ?2) RETURNING id",
        params![name, key],
        |r| r.get("id"),
    )?)
}

pub fn rename_list(conn: &Connection, id: i64, name: &str, key: &str) -> Result<()> {
    conn.execute(
        "UPDATE mailing_lists SET name = ?2, key = ?3 WHERE id = ?1 AND (name <> ?2 OR key <> ?3)",
        params![id, name, key],
    )?;
    Ok(())
}

/// Makes `people` the list's people, touching only those added or taken off (so two laptops
/// changing one list each keep the other's changes). Ids not in People are refused by SQLite.
pub fn set_list_people(conn: &Connection, id: i64, people: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare("SELECT person_id FROM mailing_list_people WHERE list_id = ?1")?;
    let now: Vec<i64> = stmt.query_map([id], |r| r.get("person_id"))?.collect::<rusqlite::Result<_>>()?;
    for gone in now.iter().filter(|p| !people.contains(p)) {
        conn.execute("DELETE FROM mailing_list_people WHERE list_id = ?1 AND person_id = ?2", [id, *gone])?;
    }
    for added in people.iter().filter(|p| !now.contains(p)) {
        conn.execute("INSERT OR IGNORE INTO mailing_list_people (list_id, person_id) VALUES (?1, ?2)", [id, *added])?;
    }
    Ok(())
}

pub fn delete_list(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM mailing_lists WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound("That list has already been deleted."));
    }
    Ok(())
}
