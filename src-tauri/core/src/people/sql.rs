//! The only SQL of the people feature.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{matches_filter, search_key, CheckedPerson, PeopleQuery, Person, Role};
use crate::error::{Error, Result};

const COLUMNS: &str = "id, full_name, preferred_name, email, phone, address, joined_on, left_on,
    contact_by_email, contact_by_post, contact_by_phone, contact_consent_on, notes, email_only, large_print";

fn from_row(row: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get("id")?,
        full_name: row.get("full_name")?,
        preferred_name: row.get("preferred_name")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        address: row.get("address")?,
        joined_on: row.get("joined_on")?,
        left_on: row.get("left_on")?,
        roles: Vec::new(),
        contact_by_email: row.get("contact_by_email")?,
        contact_by_post: row.get("contact_by_post")?,
        contact_by_phone: row.get("contact_by_phone")?,
        contact_consent_on: row.get("contact_consent_on")?,
        notes: row.get("notes")?,
        email_only: row.get("email_only")?,
        large_print: row.get("large_print")?,
    })
}

fn roles_of(conn: &Connection, id: i64) -> Result<Vec<Role>> {
    let mut stmt = conn.prepare("SELECT role FROM person_roles WHERE person_id = ?1")?;
    let keys = stmt.query_map([id], |row| row.get::<_, String>("role"))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut roles: Vec<Role> = keys.iter().filter_map(|k| Role::from_key(k)).collect();
    roles.sort();
    Ok(roles)
}

pub fn get(conn: &Connection, id: i64) -> Result<Person> {
    let sql = format!("SELECT {COLUMNS} FROM people WHERE id = ?1");
    let mut person = conn
        .query_row(&sql, [id], from_row)
        .optional()?
        .ok_or(Error::NotFound("That person is no longer in PPG Desk. They may have been erased."))?;
    person.roles = roles_of(conn, id)?;
    Ok(person)
}

/// People matching `query`, filed by surname (titles and accents ignored).
pub fn list(conn: &Connection, query: &PeopleQuery, today: NaiveDate) -> Result<Vec<Person>> {
    let words: Vec<String> =
        crate::check::fold_for_search(&query.search).split_whitespace().map(crate::db::contains_pattern).collect();
    let mut sql = format!("SELECT {COLUMNS} FROM people WHERE 1 = 1");
    for index in 0..words.len() {
        sql.push_str(&format!(" AND search_key LIKE ?{} ESCAPE '\\'", index + 1));
    }
    let mut stmt = conn.prepare(&sql)?;
    let people =
        stmt.query_map(rusqlite::params_from_iter(words.iter()), from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(people.len());
    for mut person in people {
        person.roles = roles_of(conn, person.id)?;
        if matches_filter(&person, query.filter, today) {
            out.push(person);
        }
    }
    out.sort_by_cached_key(|p| (super::sort_key(&p.full_name), p.id));
    Ok(out)
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn write_roles(conn: &Connection, id: i64, roles: &[Role]) -> Result<()> {
    conn.execute("DELETE FROM person_roles WHERE person_id = ?1", [id])?;
    for role in roles {
        conn.execute("INSERT INTO person_roles (person_id, role) VALUES (?1, ?2)", params![id, role.key()])?;
    }
    Ok(())
}

pub fn insert(conn: &Connection, p: &CheckedPerson, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO people (id, full_name, preferred_name, email, phone, address, joined_on, left_on, contact_by_email,
             contact_by_post, contact_by_phone, contact_consent_on, notes, search_key, created_at, updated_at,
             email_only, large_print)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)",
        params![
            p.full_name,
            p.preferred_name,
            p.email,
            p.phone,
            p.address,
            date(p.joined_on),
            date(p.left_on),
            p.contact_by_email,
            p.contact_by_post,
            p.contact_by_phone,
            date(p.contact_consent_on),
            p.notes,
            search_key(&p.full_name, &p.preferred_name, &p.email, &p.phone),
            now,
            p.email_only,
            p.large_print
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_roles(conn, id, &p.roles)?;
    Ok(id)
}

pub fn update(conn: &Connection, id: i64, p: &CheckedPerson, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE people SET full_name = ?2, preferred_name = ?3, email = ?4, phone = ?5, address = ?6, joined_on = ?7,
             left_on = ?8, contact_by_email = ?9, contact_by_post = ?10, contact_by_phone = ?11,
             contact_consent_on = ?12, notes = ?13, search_key = ?14, updated_at = ?15, email_only = ?16,
             large_print = ?17
         WHERE id = ?1",
        params![
            id,
            p.full_name,
            p.preferred_name,
            p.email,
            p.phone,
            p.address,
            date(p.joined_on),
            date(p.left_on),
            p.contact_by_email,
            p.contact_by_post,
            p.contact_by_phone,
            date(p.contact_consent_on),
            p.notes,
            search_key(&p.full_name, &p.preferred_name, &p.email, &p.phone),
            now,
            p.email_only,
            p.large_print
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound("That person is no longer in PPG Desk. They may have been erased."));
    }
    write_roles(conn, id, &p.roles)
}

pub fn set_left(conn: &Connection, id: i64, on: NaiveDate, now: &str) -> Result<()> {
    conn.execute("UPDATE people SET left_on = ?2, updated_at = ?3 WHERE id = ?1", params![id, date(Some(on)), now])?;
    Ok(())
}

/// Removes the person and (by cascade) their roles, for good.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM people WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound("That person is no longer in PPG Desk. They may have been erased."));
    }
    Ok(())
}
