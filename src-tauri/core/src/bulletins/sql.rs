//! The only SQL of the bulletin: issues, their articles in order, pictures, starting an issue
//! from the last one, and publishing (the issue frozen with the PDFs printed that day).

use rusqlite::{params, Connection, OptionalExtension};

use super::{Article, ArticleInput, ArticleKind, Bulletin, CheckedBulletin, PrintedArticle};
use crate::error::{Error, Result};

const GONE: &str = "That bulletin is no longer in PPG Desk.";
const ARTICLE_GONE: &str = "That article is no longer in this bulletin.";

const SELECT: &str = "SELECT b.id, b.number, b.month, b.title, b.strapline, b.target_pages, b.published_on,
    (SELECT count(*) FROM bulletin_articles a WHERE a.bulletin_id = b.id) AS articles FROM bulletins b";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Bulletin> {
    Ok(Bulletin {
        id: r.get("id")?,
        number: r.get("number")?,
        month: r.get("month")?,
        title: r.get("title")?,
        strapline: r.get("strapline")?,
        target_pages: r.get("target_pages")?,
        published_on: r.get("published_on")?,
        articles: r.get("articles")?,
    })
}

/// Every issue, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Bulletin>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY b.number DESC"))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<Bulletin> {
    conn.query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], from_row).optional()?.ok_or(Error::NotFound(GONE))
}

fn unique_number(e: rusqlite::Error) -> Error {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Error::invalid("number", "There is already an issue with this number.")
        }
        other => frozen(other),
    }
}

/// A published issue's triggers say so in words; pass them on as a refusal.
fn frozen(e: rusqlite::Error) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(_, Some(message)) if message.contains("has been published") => {
            Error::Refused(message.clone())
        }
        _ => e.into(),
    }
}

pub fn insert(conn: &Connection, b: &CheckedBulletin, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO bulletins (id, number, month, title, strapline, target_pages, created_at, updated_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![b.number, b.month, b.title, b.strapline, b.target_pages, now],
    )
    .map_err(unique_number)?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, b: &CheckedBulletin, now: &str) -> Result<()> {
    get(conn, id)?;
    conn.execute(
        "UPDATE bulletins SET number = ?2, month = ?3, title = ?4, strapline = ?5, target_pages = ?6, updated_at = ?7 WHERE id = ?1",
        params![id, b.number, b.month, b.title, b.strapline, b.target_pages, now],
    )
    .map_err(unique_number)?;
    Ok(())
}

/// An issue's articles in order, with their pictures.
pub fn articles(conn: &Connection, bulletin_id: i64) -> Result<Vec<PrintedArticle>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, title, body, image, image_alt, box_text, language, translation_of FROM bulletin_articles WHERE bulletin_id = ?1 ORDER BY position, id",
    )?;
    let rows = stmt
        .query_map([bulletin_id], |r| {
            let image: Option<Vec<u8>> = r.get("image")?;
            Ok(PrintedArticle {
                article: Article {
                    id: r.get("id")?,
                    kind: r.get::<_, ArticleKind>("kind")?,
                    title: r.get("title")?,
                    body: r.get("body")?,
                    has_image: image.is_some(),
                    image_alt: r.get("image_alt")?,
                    box_text: r.get("box_text")?,
                    language: r.get("language")?,
                    translation_of: r.get("translation_of")?,
                },
                image,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Adds an article at the end of the issue.
pub fn add_article(
    conn: &Connection,
    bulletin_id: i64,
    kind: ArticleKind,
    title: &str,
    body: &str,
    now: &str,
) -> Result<i64> {
    get(conn, bulletin_id)?;
    conn.execute(
        "INSERT INTO bulletin_articles (id, bulletin_id, position, kind, title, body, updated_at)
         VALUES (new_id(), ?1, (SELECT coalesce(max(position) + 1, 0) FROM bulletin_articles WHERE bulletin_id = ?1), ?2, ?3, ?4, ?5)",
        params![bulletin_id, kind.key(), title, body, now],
    )
    .map_err(frozen)?;
    Ok(conn.last_insert_rowid())
}

/// The issue an article belongs to, and whether it has a picture.
pub fn article_owner(conn: &Connection, article_id: i64) -> Result<(i64, bool)> {
    conn.query_row(
        "SELECT bulletin_id, image IS NOT NULL AS has_image FROM bulletin_articles WHERE id = ?1",
        [article_id],
        |r| Ok((r.get("bulletin_id")?, r.get("has_image")?)),
    )
    .optional()?
    .ok_or(Error::NotFound(ARTICLE_GONE))
}

pub fn update_article(conn: &Connection, article_id: i64, a: &ArticleInput, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE bulletin_articles SET title = ?2, body = ?3, image_alt = ?4, box_text = ?5, language = ?6, updated_at = ?7 WHERE id = ?1",
        params![article_id, a.title, a.body, a.image_alt, a.box_text, a.language, now],
    )
    .map_err(frozen)?;
    Ok(())
}

/// Adds a translation of article `article_id` into `language`, just after it, starting as a
/// copy of it (picture and all) for the translator to write over.
pub fn add_translation(conn: &Connection, article_id: i64, language: &str, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO bulletin_articles (id, bulletin_id, position, kind, title, body, image, image_alt, box_text, language, translation_of, updated_at)
         SELECT new_id(), bulletin_id, position, kind, title, body, image, image_alt, box_text, ?2, id, ?3 FROM bulletin_articles WHERE id = ?1",
        params![article_id, language, now],
    )
    .map_err(|e| match &e {
        rusqlite::Error::SqliteFailure(_, Some(message)) if message.contains("already has a translation") => {
            Error::invalid("language", message.clone())
        }
        _ => frozen(e),
    })?;
    Ok(conn.last_insert_rowid())
}

/// Sets (or with None, removes) an article's picture and its text alternative.
pub fn set_image(conn: &Connection, article_id: i64, image: Option<&[u8]>, alt: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE bulletin_articles SET image = ?2, image_alt = ?3, updated_at = ?4 WHERE id = ?1",
        params![article_id, image, alt, now],
    )
    .map_err(frozen)?;
    Ok(())
}

pub fn delete_article(conn: &Connection, article_id: i64) -> Result<()> {
    conn.execute("DELETE FROM bulletin_articles WHERE id = ?1", [article_id]).map_err(frozen)?;
    Ok(())
}

/// Puts the articles in the order given (every article id, once).
pub fn reorder(conn: &Connection, bulletin_id: i64, order: &[i64]) -> Result<()> {
    let mut present: Vec<i64> = articles(conn, bulletin_id)?.into_iter().map(|a| a.article.id).collect();
    let mut wanted = order.to_vec();
    present.sort_unstable();
    wanted.sort_unstable();
    if present != wanted {
        return Err(Error::Refused("The articles changed while they were being moved; please try again.".into()));
    }
    for (position, id) in order.iter().enumerate() {
        conn.execute("UPDATE bulletin_articles SET position = ?2 WHERE id = ?1", params![id, position as i64])
            .map_err(frozen)?;
    }
    Ok(())
}

/// Copies every article of issue `from` into issue `to` (for a new issue from the last one);
/// translations stay with the month they translate.
pub fn copy_articles(conn: &Connection, from: i64, to: i64, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO bulletin_articles (id, bulletin_id, position, kind, title, body, image, image_alt, box_text, language, updated_at)
         SELECT new_id(), ?2, position, kind, title, body, image, image_alt, box_text, language, ?3 FROM bulletin_articles
          WHERE bulletin_id = ?1 AND translation_of IS NULL ORDER BY position, id",
        params![from, to, now],
    )?;
    Ok(())
}

/// Freezes an issue with the PDFs printed today (standard, large print).
pub fn publish(conn: &Connection, id: i64, on: &str, standard: &[u8], large: &[u8]) -> Result<()> {
    for (profile, pdf) in [("standard", standard), ("large_print", large)] {
        conn.execute(
            "INSERT OR REPLACE INTO bulletin_prints (bulletin_id, profile, pdf) VALUES (?1, ?2, ?3)",
            params![id, profile, pdf],
        )?;
    }
    conn.execute("UPDATE bulletins SET published_on = ?2 WHERE id = ?1", params![id, on]).map_err(frozen)?;
    // The issue as published travels with the publication (see locked_sql.rs).
    crate::locked_sql::capture(conn, &crate::locked_sql::BULLETINS, id, on)
}

/// The PDF kept when the issue was published, in `profile` ("standard", "large_print").
pub fn printed(conn: &Connection, id: i64, profile: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row(
            "SELECT pdf FROM bulletin_prints WHERE bulletin_id = ?1 AND profile = ?2",
            params![id, profile],
            |r| r.get("pdf"),
        )
        .optional()?)
}
