//! Working on an issue: starting one (blank, or as a copy of the last issue for the next
//! month), adding ready-made sections, saving articles and pictures, how many pages it runs
//! to, and publishing it with the PDFs printed that day.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{sql, ArticleInput, ArticleKind, BulletinInput};
use crate::error::{Error, Result};

/// A new, empty issue.
pub fn create(conn: &Connection, input: &BulletinInput, now: &str) -> Result<i64> {
    sql::insert(conn, &input.checked()?, now)
}

/// The next issue as a copy of the last one: the next number and month, the same title,
/// strapline, size and articles, ready to edit.
pub fn copy_last(conn: &Connection, today: NaiveDate, now: &str) -> Result<i64> {
    let last = sql::list(conn)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::Refused("There is no earlier issue to copy yet; start a new one.".into()))?;
    let this_month = today.format("%Y-%m").to_string();
    let month = super::next_month(&last.month).filter(|m| *m >= this_month).unwrap_or(this_month);
    let input = BulletinInput {
        number: (last.number + 1).to_string(),
        month,
        title: last.title,
        strapline: last.strapline,
        target_pages: last.target_pages,
    };
    let id = sql::insert(conn, &input.checked()?, now)?;
    sql::copy_articles(conn, last.id, id, now)?;
    Ok(id)
}

/// Adds a hand-written article or a ready-made section filled from the store.
pub fn add(
    conn: &Connection,
    bulletin_id: i64,
    kind: ArticleKind,
    chosen: &[i64],
    today: NaiveDate,
    now: &str,
) -> Result<i64> {
    let (title, body) = super::sections::fill(conn, kind, chosen, today)?;
    sql::add_article(conn, bulletin_id, kind, &title, &body, now)
}

/// Saves an article's words (the editor autosaves as people type). A translation keeps a
/// language of its own: not its original's, nor another translation's of it; an original
/// never takes one of its translations' languages.
pub fn save_article(conn: &Connection, article_id: i64, input: &ArticleInput, now: &str) -> Result<()> {
    let (owner, has_image) = sql::article_owner(conn, article_id)?;
    let checked = input.checked(has_image)?;
    let articles = sql::articles(conn, owner)?;
    let this = articles.iter().find(|a| a.article.id == article_id).map(|a| &a.article);
    // The article and its translations, or the translation, its original and the others.
    let family = this.and_then(|a| a.translation_of).unwrap_or(article_id);
    let taken = articles.iter().map(|a| &a.article).any(|a| {
        a.id != article_id && a.language == checked.language && (a.id == family || a.translation_of == Some(family))
    });
    if taken {
        return Err(Error::invalid(
            "language",
            "Another version of this article (the original or a translation) is already in this language.",
        ));
    }
    sql::update_article(conn, article_id, &checked, now)
}

/// Starts a translation of an article of issue `bulletin_id` into `language` (a copy of it,
/// marked as its translation, for the translator to write over). Returns the new article.
pub fn translate(conn: &Connection, bulletin_id: i64, article_id: i64, language: &str, now: &str) -> Result<i64> {
    let (owner, _) = sql::article_owner(conn, article_id)?;
    let original = sql::articles(conn, owner)?.into_iter().find(|a| a.article.id == article_id);
    let Some(original) = original.filter(|_| owner == bulletin_id) else {
        return Err(Error::NotFound("That article is no longer in this bulletin."));
    };
    let mut c = crate::check::Checker::new();
    let language = crate::languages::checked(&mut c, "language", language);
    if original.article.translation_of.is_some() {
        c.fail("language", "This is already a translation: translate the article it was made from.");
    } else if language == original.article.language {
        c.fail("language", "The article is already in this language; please choose another.");
    }
    c.finish()?;
    sql::add_translation(conn, article_id, &language, now)
}

/// The languages an issue can be printed in as an edition: those its translations are in.
pub fn editions(articles: &[super::PrintedArticle]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in articles.iter().filter(|a| a.article.translation_of.is_some()) {
        if !out.contains(&a.article.language) {
            out.push(a.article.language.clone());
        }
    }
    out
}

/// Gives an article a picture (PNG or JPEG) with its text alternative.
pub fn set_picture(conn: &Connection, article_id: i64, bytes: &[u8], alt: &str, now: &str) -> Result<()> {
    sql::article_owner(conn, article_id)?;
    let bytes = super::check_picture(bytes)?;
    let mut c = crate::check::Checker::new();
    let alt =
        c.text("imageAlt", alt, 300, Some("Please describe the picture in a few words, for people who cannot see it."));
    c.finish()?;
    sql::set_image(conn, article_id, Some(&bytes), &alt, now)
}

/// Publishes an issue: its PDFs in both sizes are kept as printed and it can no longer change.
pub fn publish(conn: &Connection, id: i64, standard: &[u8], large: &[u8], today: NaiveDate) -> Result<()> {
    let b = sql::get(conn, id)?;
    if b.published_on.is_some() {
        return Err(Error::Refused("This issue has already been published.".into()));
    }
    if b.articles == 0 {
        return Err(Error::Refused("This issue has no articles yet.".into()));
    }
    sql::publish(conn, id, &today.to_string(), standard, large)
}
