//! The patient bulletin: the masthead (the bulletin's title, strapline, issue and month, the
//! PPG's name and logo) on page 1, a running header on later pages, and the articles in
//! order, each with its heading, body (bold, bullet lists, links printed as text), picture
//! with its text alternative and highlighted box; two columns in standard print, one in
//! large print, read column by column.

use crate::bulletins::pages::{page_count, PageCount};
use crate::bulletins::Article;
use crate::bulletins::{Bulletin, PrintedArticle};
use crate::error::Result;
use crate::print::model::{Block, Document, Image, Run};
use crate::print::{self, Profile};
use crate::settings::Settings;
use crate::words::month_name;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// The articles an edition prints, in order: the issue as written (`edition` None) prints
/// every article that is not a translation; an edition in a language prints each of those or,
/// where there is one, its translation into that language.
pub fn edition_articles<'a>(articles: &'a [PrintedArticle], edition: Option<&str>) -> Vec<&'a PrintedArticle> {
    articles
        .iter()
        .filter(|a| a.article.translation_of.is_none())
        .map(|original| {
            edition
                .and_then(|language| {
                    articles.iter().find(|t| {
                        t.article.translation_of == Some(original.article.id) && t.article.language == language
                    })
                })
                .unwrap_or(original)
        })
        .collect()
}

/// The issue as written (`edition` None) or its edition in a language (a code from
/// `languages::LANGUAGES`): the articles translated into it in place of their originals, the
/// language's own name under the masthead, and the PDF tagged in it.
pub fn bulletin(
    settings: &Settings,
    b: &Bulletin,
    articles: &[PrintedArticle],
    logo: Option<Image>,
    edition: Option<&str>,
) -> Document {
    let month = month_name(&b.month);
    let mut doc = Document::new(&b.title, &settings.group_name);
    let edition = edition.and_then(crate::languages::find);
    let articles = edition_articles(articles, edition.map(|l| l.code));
    doc.subtitle = [b.strapline.clone(), format!("Issue {} · {month}", b.number), settings.group_name.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(language) = edition {
        doc.subtitle.insert(0, language.own.to_string());
        doc.language = crate::languages::pdf_code(language.code);
    }
    doc.running_header = format!("{}, {month} (issue {})", b.title, b.number);
    doc.logo = logo;
    doc.push(Block::Columns(2));
    for printed in &articles {
        let a = &printed.article;
        let language = crate::languages::pdf_code(&a.language);
        doc.push(Block::Language(language));
        doc.heading(2, &a.title);
        if let Some(bytes) = &printed.image {
            doc.push(Block::Image(Image { bytes: bytes.clone(), alt: a.image_alt.clone(), max_width: 260.0 }));
        }
        for block in crate::print::markdown::blocks(&a.body) {
            doc.push(block);
        }
        if !a.box_text.trim().is_empty() {
            doc.push(Block::Boxed(vec![Run::bold(a.box_text.trim())]));
        }
    }
    doc.push(Block::Language(doc.language.clone()));
    if articles.is_empty() {
        doc.paragraph("This issue has no articles yet.");
    }
    doc
}

/// An issue for the editor: its details, its articles, and how it fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BulletinDetail {
    pub bulletin: Bulletin,
    pub articles: Vec<Article>,
    pub pages: PageCount,
    /// The languages the issue can also be printed in (its translations'), as codes.
    pub editions: Vec<String>,
}

pub fn detail(conn: &Connection, id: i64) -> Result<BulletinDetail> {
    let bulletin = crate::bulletins::get(conn, id)?;
    let articles = crate::bulletins::articles(conn, id)?;
    let settings = crate::settings::load(conn)?.unwrap_or_default();
    let logo = crate::settings::load_logo(conn)?.map(|bytes| Image { bytes, alt: String::new(), max_width: 120.0 });
    let document = self::bulletin(&settings, &bulletin, &articles, logo, None);
    let standard = print::lay_out(&document, Profile::Standard);
    let large = print::lay_out(&document, Profile::LargePrint).pages.len() as u32;
    let mut pages = page_count(standard.pages.len() as u32, large, bulletin.target_pages);
    if !pages.fits {
        if let Some(title) = first_past(&standard, &articles, bulletin.target_pages as usize) {
            pages.message =
                format!("{} From “{title}” on, it runs past page {}.", pages.message, bulletin.target_pages);
        }
    }
    let editions = crate::bulletins::editing::editions(&articles);
    Ok(BulletinDetail { articles: articles.into_iter().map(|a| a.article).collect(), pages, bulletin, editions })
}

/// The first article whose heading is laid out after page `target`, if any.
fn first_past(
    laid: &print::layout::Laid,
    articles: &[crate::bulletins::PrintedArticle],
    target: usize,
) -> Option<String> {
    let later: Vec<&str> = laid
        .pages
        .iter()
        .skip(target)
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            print::layout::Item::Text { text, bold: true, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    articles
        .iter()
        .map(|a| &a.article.title)
        .find(|t| later.iter().any(|line| !line.is_empty() && t.starts_with(line.trim())))
        .cloned()
}
