//! The only SQL of the community directory.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{check_cutoff, Category, CheckedEntry, DirectoryFilter, Entry};
use crate::error::{Error, Result};

const COLUMNS: &str = "e.id, e.oruk_id, e.name, e.offers, e.who_for, e.address, e.postcode, e.area, e.days, e.opens_at, e.closes_at, e.when_notes,
    e.cost, e.contact_name, e.phone, e.email, e.website, e.step_free, e.hearing_loop, e.accessibility_notes, e.refer_self, e.refer_splw,
    e.refer_gp, e.last_checked_on, e.checked_by, e.language,
    (SELECT group_concat(c.id || char(31) || c.name, char(30)) FROM
        (SELECT c.id, c.name FROM directory_entry_categories ec JOIN directory_categories c ON c.id = ec.category_id
         WHERE ec.entry_id = e.id ORDER BY c.position, c.name) c) AS category_pairs";

const NOT_FOUND: &str = "That directory entry is no longer in PPG Desk.";

fn from_row(row: &Row, cutoff: &str) -> rusqlite::Result<Entry> {
    let last_checked_on: Option<String> = row.get("last_checked_on")?;
    let pairs: Option<String> = row.get("category_pairs")?;
    let (category_ids, categories) = pairs
        .unwrap_or_default()
        .split('\u{1e}')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('\u{1f}').and_then(|(id, name)| Some((id.parse::<i64>().ok()?, name.to_string()))))
        .unzip();
    Ok(Entry {
        id: row.get("id")?,
        oruk_id: row.get("oruk_id")?,
        name: row.get("name")?,
        offers: row.get("offers")?,
        who_for: row.get("who_for")?,
        address: row.get("address")?,
        postcode: row.get("postcode")?,
        area: row.get("area")?,
        days: row.get::<_, String>("days")?.split_whitespace().map(str::to_string).collect(),
        opens_at: row.get("opens_at")?,
        closes_at: row.get("closes_at")?,
        when_notes: row.get("when_notes")?,
        cost: row.get("cost")?,
        contact_name: row.get("contact_name")?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        website: row.get("website")?,
        step_free: row.get("step_free")?,
        hearing_loop: row.get("hearing_loop")?,
        accessibility_notes: row.get("accessibility_notes")?,
        refer_self: row.get("refer_self")?,
        refer_splw: row.get("refer_splw")?,
        refer_gp: row.get("refer_gp")?,
        out_of_date: last_checked_on.as_deref().is_none_or(|d| d < cutoff),
        last_checked_on,
        checked_by: row.get("checked_by")?,
        language: row.get("language")?,
        category_ids,
        categories,
    })
}

fn check_months(conn: &Connection) -> Result<u32> {
    Ok(conn
        .query_row("SELECT directory_check_months FROM settings", [], |r| r.get("directory_check_months"))
        .optional()?
        .unwrap_or(12))
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Entry> {
    let cutoff = check_cutoff(check_months(conn)?, today).to_string();
    conn.query_row(&format!("SELECT {COLUMNS} FROM directory_entries e WHERE e.id = ?1"), [id], |r| {
        from_row(r, &cutoff)
    })
    .optional()?
    .ok_or(Error::NotFound(NOT_FOUND))
}

/// The entries `filter` lets through. By name, except the "due for checking" list, which puts
/// the longest unchecked first so volunteers ring those round first.
pub fn list(conn: &Connection, filter: &DirectoryFilter, today: NaiveDate) -> Result<Vec<Entry>> {
    let cutoff = check_cutoff(check_months(conn)?, today).to_string();
    let order = if filter.due_for_checking {
        "e.last_checked_on IS NOT NULL, e.last_checked_on, e.name COLLATE NOCASE"
    } else {
        "e.name COLLATE NOCASE"
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM directory_entries e
         WHERE instr(e.search_key, ?1) > 0
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM directory_entry_categories ec WHERE ec.entry_id = e.id AND ec.category_id = ?2))
           AND (?3 IS NULL OR instr(' ' || e.days || ' ', ' ' || ?3 || ' ') > 0)
           AND (?4 IS NULL OR e.area = ?4 COLLATE NOCASE)
           AND (?5 = 0 OR e.last_checked_on IS NULL OR e.last_checked_on < ?6)
         ORDER BY {order}"
    );
    let words = crate::check::fold_for_search(filter.words.trim());
    let area = filter.area.as_deref().filter(|a| !a.is_empty());
    let day = filter.day.as_deref().filter(|d| !d.is_empty());
    let mut stmt = conn.prepare(&sql)?;
    let entries = stmt
        .query_map(params![words, filter.category_id, day, area, filter.due_for_checking, cutoff], |r| {
            from_row(r, &cutoff)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(entries)
}

/// The areas entries are in, for the area filter.
pub fn areas(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT DISTINCT area FROM directory_entries WHERE area <> '' ORDER BY area COLLATE NOCASE")?;
    let areas = stmt.query_map([], |r| r.get("area"))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(areas)
}

fn search_key(e: &CheckedEntry) -> String {
    crate::check::fold_for_search(&format!(
        "{} {} {} {} {} {} {} {}",
        e.name, e.offers, e.who_for, e.address, e.postcode, e.area, e.when_notes, e.contact_name
    ))
}

fn check_categories(conn: &Connection, ids: &[i64]) -> Result<()> {
    for id in ids {
        let found: Option<i64> =
            conn.query_row("SELECT id FROM directory_categories WHERE id = ?1", [id], |r| r.get("id")).optional()?;
        found.ok_or_else(|| {
            Error::Refused("One of the chosen categories has just been removed; please choose again.".into())
        })?;
    }
    Ok(())
}

fn write_categories(conn: &Connection, entry_id: i64, ids: &[i64]) -> Result<()> {
    conn.execute("DELETE FROM directory_entry_categories WHERE entry_id = ?1", [entry_id])?;
    for id in ids {
        conn.execute(
            "INSERT INTO directory_entry_categories (entry_id, category_id) VALUES (?1, ?2)",
            [entry_id, *id],
        )?;
    }
    Ok(())
}

/// Stores a new entry under its Open Referral UK id, keeping the ORUK record it came from.
pub fn insert(conn: &Connection, e: &CheckedEntry, oruk_id: &str, oruk_json: &str, now: &str) -> Result<i64> {
    check_categories(conn, &e.category_ids)?;
    conn.execute(
        "INSERT INTO directory_entries (id, oruk_id, name, offers, who_for, address, postcode, area, days, opens_at, closes_at, when_notes, cost,
             contact_name, phone, email, website, step_free, hearing_loop, accessibility_notes, refer_self, refer_splw, refer_gp,
             last_checked_on, checked_by, oruk_json, search_key, created_at, updated_at, language)
         VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?27, ?28)",
        params![
            oruk_id, e.name, e.offers, e.who_for, e.address, e.postcode, e.area, e.days.join(" "), e.opens_at, e.closes_at, e.when_notes, e.cost,
            e.contact_name, e.phone, e.email, e.website, e.step_free, e.hearing_loop, e.accessibility_notes, e.refer_self, e.refer_splw, e.refer_gp,
            e.last_checked_on.map(|d| d.to_string()), e.checked_by, oruk_json, search_key(e), now, e.language
        ],
    )
    .map_err(|error| match error {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::Refused("An entry with the same Open Referral id is already in the directory.".into())
        }
        other => other.into(),
    })?;
    let id = conn.last_insert_rowid();
    write_categories(conn, id, &e.category_ids)?;
    Ok(id)
}

pub fn update(conn: &Connection, id: i64, e: &CheckedEntry, now: &str) -> Result<()> {
    check_categories(conn, &e.category_ids)?;
    let changed = conn.execute(
        "UPDATE directory_entries SET name = ?2, offers = ?3, who_for = ?4, address = ?5, postcode = ?6, area = ?7, days = ?8, opens_at = ?9,
             closes_at = ?10, when_notes = ?11, cost = ?12, contact_name = ?13, phone = ?14, email = ?15, website = ?16, step_free = ?17,
             hearing_loop = ?18, accessibility_notes = ?19, refer_self = ?20, refer_splw = ?21, refer_gp = ?22, last_checked_on = ?23,
             checked_by = ?24, search_key = ?25, updated_at = ?26, language = ?27
         WHERE id = ?1",
        params![
            id, e.name, e.offers, e.who_for, e.address, e.postcode, e.area, e.days.join(" "), e.opens_at, e.closes_at, e.when_notes, e.cost,
            e.contact_name, e.phone, e.email, e.website, e.step_free, e.hearing_loop, e.accessibility_notes, e.refer_self, e.refer_splw, e.refer_gp,
            e.last_checked_on.map(|d| d.to_string()), e.checked_by, search_key(e), now, e.language
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(NOT_FOUND));
    }
    write_categories(conn, id, &e.category_ids)
}

/// Records that a volunteer checked the entry today and found it right.
pub fn mark_checked(conn: &Connection, id: i64, by: &str, on: NaiveDate, now: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE directory_entries SET last_checked_on = ?2, checked_by = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, on.to_string(), by, now],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(NOT_FOUND));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM directory_entries WHERE id = ?1", [id])?;
    Ok(())
}

/// The ORUK record an entry was imported from ("" if none), and its ORUK id.
pub fn oruk_record(conn: &Connection, id: i64) -> Result<(String, String)> {
    Ok(conn.query_row("SELECT oruk_id, oruk_json FROM directory_entries WHERE id = ?1", [id], |r| {
        Ok((r.get("oruk_id")?, r.get("oruk_json")?))
    })?)
}

/// The entry with this ORUK id, if the directory has it.
pub fn id_by_oruk_id(conn: &Connection, oruk_id: &str) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM directory_entries WHERE oruk_id = ?1", [oruk_id], |r| r.get("id")).optional()?)
}

pub fn set_oruk_json(conn: &Connection, id: i64, json: &str) -> Result<()> {
    conn.execute("UPDATE directory_entries SET oruk_json = ?2 WHERE id = ?1", params![id, json])?;
    Ok(())
}

/// The categories in their printed order, with how many entries each has.
pub fn categories(conn: &Connection) -> Result<Vec<Category>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.name, (SELECT count(*) FROM directory_entry_categories ec WHERE ec.category_id = c.id) AS entries
         FROM directory_categories c ORDER BY c.position, c.name",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(Category { id: r.get("id")?, name: r.get("name")?, entries: r.get("entries")? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn category_id_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM directory_categories WHERE name = ?1 COLLATE NOCASE", [name.trim()], |r| r.get("id"))
        .optional()?)
}

fn checked_category_name(name: &str) -> Result<String> {
    let mut c = crate::check::Checker::new();
    let name = c.text("categoryName", name, 80, Some("Please give the category a name."));
    c.finish()?;
    Ok(name)
}

fn name_taken(error: rusqlite::Error) -> Error {
    match error {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("categoryName", "There is already a category with that name.")
        }
        other => other.into(),
    }
}

pub fn add_category(conn: &Connection, name: &str) -> Result<i64> {
    let name = checked_category_name(name)?;
    conn.execute(
        "INSERT INTO directory_categories (id, name, position) VALUES (new_id(), ?1, (SELECT coalesce(max(position), -1) + 1 FROM directory_categories))",
        [&name],
    )
    .map_err(name_taken)?;
    Ok(conn.last_insert_rowid())
}

pub fn rename_category(conn: &Connection, id: i64, name: &str) -> Result<()> {
    let name = checked_category_name(name)?;
    conn.execute("UPDATE directory_categories SET name = ?2 WHERE id = ?1", params![id, name]).map_err(name_taken)?;
    Ok(())
}

/// Removes a category; its entries stay in the directory under their other categories.
pub fn remove_category(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM directory_categories WHERE id = ?1", [id])?;
    Ok(())
}

/// How many entries the directory has.
pub fn count(conn: &Connection) -> Result<usize> {
    Ok(conn.query_row("SELECT count(*) FROM directory_entries", [], |r| r.get::<_, i64>(0))? as usize)
}
