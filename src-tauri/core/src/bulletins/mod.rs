//! The monthly bulletin: issues (number, month, title, strapline, 2 or 4 pages) and their
//! articles in order (title, body with bold and bullet lists, an optional picture with its
//! text alternative, an optional highlighted box). Types and checks here; SQL in `sql.rs`;
//! ready-made sections filled from the store in `sections.rs`; how many pages an issue runs
//! to in `pages.rs`; publishing (freezing an issue with its PDFs) in `sql.rs`.

pub mod editing;
pub mod pages;
pub mod sections;
mod sql;

pub use sql::{
    add_article, add_translation, articles, delete_article, get, list, printed, reorder, set_image, update,
    update_article,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;

keyed_enum!(
    /// What an article is: written by hand, or one of the ready-made sections.
    ArticleKind {
        Article = "article": "Article",
        Diary = "diary": "Dates for your diary",
        Splw = "splw": "Meet your social prescriber",
        Volunteers = "volunteers": "Volunteers wanted",
        Groups = "groups": "Local groups this month",
        YouSaid = "you_said": "You said, we did",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Bulletin {
    #[ts(type = "number")]
    pub id: i64,
    pub number: u32,
    /// "2026-12"
    pub month: String,
    pub title: String,
    pub strapline: String,
    /// 2 or 4.
    pub target_pages: u32,
    pub published_on: Option<String>,
    pub articles: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Article {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ArticleKind,
    pub title: String,
    pub body: String,
    pub has_image: bool,
    pub image_alt: String,
    pub box_text: String,
    /// Its language's code (`languages::LANGUAGES`).
    pub language: String,
    /// The article this one translates, if it is a translation.
    #[ts(type = "number | null")]
    pub translation_of: Option<i64>,
}

/// An article with its picture's bytes, for printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedArticle {
    pub article: Article,
    pub image: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct BulletinInput {
    pub number: String,
    pub month: String,
    pub title: String,
    pub strapline: String,
    pub target_pages: u32,
}

/// An issue's details that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedBulletin {
    pub number: u32,
    pub month: String,
    pub title: String,
    pub strapline: String,
    pub target_pages: u32,
}

impl BulletinInput {
    pub fn checked(&self) -> Result<CheckedBulletin> {
        let mut c = Checker::new();
        let number = match self.number.trim().parse::<u32>() {
            Ok(n) if (1..=9999).contains(&n) => n,
            _ => {
                c.fail("number", "Please give the issue number, for example 24.");
                0
            }
        };
        let month = self.month.trim().to_string();
        if crate::calendar::parse_month(&month).is_err() {
            c.fail("month", "Please give the month as year and month, for example 2026-12.");
        }
        let title = c.text(
            "title",
            &self.title,
            120,
            Some("Please give the bulletin a title, for example \"Riverside PPG News\"."),
        );
        let strapline = c.text("strapline", &self.strapline, 200, None);
        if ![2, 4].contains(&self.target_pages) {
            c.fail("targetPages", "Please choose 2 or 4 pages.");
        }
        c.finish()?;
        Ok(CheckedBulletin { number, month, title, strapline, target_pages: self.target_pages })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ArticleInput {
    pub title: String,
    pub body: String,
    pub image_alt: String,
    pub box_text: String,
    /// A code from `languages::LANGUAGES`; empty for English.
    pub language: String,
}

impl ArticleInput {
    /// Checks an article; `has_image` says whether it has (or is getting) a picture, which
    /// then needs its text alternative.
    pub fn checked(&self, has_image: bool) -> Result<ArticleInput> {
        let mut c = Checker::new();
        let title = c.text("title", &self.title, 200, Some("Please give the article a heading."));
        let body = c.text("body", &self.body, 20000, None);
        let image_alt = c.text("imageAlt", &self.image_alt, 300, None);
        if has_image && image_alt.is_empty() {
            c.fail("imageAlt", "Please describe the picture in a few words, for people who cannot see it.");
        }
        let box_text = c.text("boxText", &self.box_text, 2000, None);
        let language = crate::languages::checked(&mut c, "language", &self.language);
        c.finish()?;
        Ok(ArticleInput { title, body, image_alt, box_text, language })
    }
}

/// The month after "2026-12" ("2027-01").
pub fn next_month(month: &str) -> Option<String> {
    let (first, _) = crate::calendar::parse_month(month).ok()?;
    first.checked_add_months(chrono::Months::new(1)).map(|d| d.format("%Y-%m").to_string())
}

/// How a print size is named where published issues keep their PDFs.
pub fn profile_key(profile: crate::print::Profile) -> &'static str {
    match profile {
        crate::print::Profile::Standard => "standard",
        crate::print::Profile::LargePrint => "large_print",
    }
}

/// Checks a bulletin picture (PNG or JPEG, not too many pixels) and scales it to print size.
pub fn check_picture(bytes: &[u8]) -> Result<Vec<u8>> {
    crate::picture::prepare(bytes, &crate::picture::Wanted { field: "image", max_side: 1600, keep_jpeg: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_needs_a_number_a_month_a_title_and_2_or_4_pages() {
        let Err(crate::error::Error::Invalid(fields)) =
            BulletinInput { number: "x".into(), month: "2026-13".into(), target_pages: 3, ..Default::default() }
                .checked()
        else {
            panic!("refused")
        };
        assert_eq!(
            fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            vec!["number", "month", "title", "targetPages"]
        );
        let ok = BulletinInput {
            number: " 24 ".into(),
            month: "2026-12".into(),
            title: "Riverside PPG News".into(),
            target_pages: 4,
            ..Default::default()
        }
        .checked()
        .unwrap();
        assert_eq!((ok.number, ok.month.as_str()), (24, "2026-12"));
        assert_eq!(next_month("2026-12").as_deref(), Some("2027-01"));
    }

    #[test]
    fn a_picture_needs_its_text_alternative_and_must_be_a_png_or_jpeg() {
        let article = ArticleInput { title: "Flu clinic".into(), ..Default::default() };
        assert!(article.checked(false).is_ok());
        let Err(crate::error::Error::Invalid(fields)) = article.checked(true) else { panic!("alt needed") };
        assert_eq!(fields[0].field, "imageAlt");
        assert!(check_picture(b"GIF89a....").is_err());
        let mut png = Vec::new();
        image::DynamicImage::new_rgb8(40, 30)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert!(check_picture(&png).is_ok());
    }
}
