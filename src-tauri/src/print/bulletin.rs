//! The patient bulletin: the masthead (the bulletin's title, strapline, issue and month, the
//! PPG's name and logo) on page 1, a running header on later pages, and the articles in
//! order, each with its heading, body (bold, bullet lists, links printed as text), picture
//! with its text alternative and highlighted box; two columns in standard print, one in
//! large print, read column by column.

use super::model::{Block, Document, Image, Run};
use crate::bulletins::{Bulletin, PrintedArticle};
use crate::settings::Settings;
use crate::words::month_name;

pub fn bulletin(settings: &Settings, b: &Bulletin, articles: &[PrintedArticle], logo: Option<Image>) -> Document {
    let month = month_name(&b.month);
    let mut doc = Document::new(&b.title, &settings.group_name);
    doc.subtitle = [b.strapline.clone(), format!("Issue {} · {month}", b.number), settings.group_name.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    doc.running_header = format!("{}, {month} (issue {})", b.title, b.number);
    doc.logo = logo;
    doc.push(Block::Columns(2));
    for printed in articles {
        let a = &printed.article;
        doc.heading(2, &a.title);
        if let Some(bytes) = &printed.image {
            doc.push(Block::Image(Image { bytes: bytes.clone(), alt: a.image_alt.clone(), max_width: 260.0 }));
        }
        for block in super::markdown::blocks(&a.body) {
            doc.push(block);
        }
        if !a.box_text.trim().is_empty() {
            doc.push(Block::Boxed(vec![Run::bold(a.box_text.trim())]));
        }
    }
    if articles.is_empty() {
        doc.paragraph("This issue has no articles yet.");
    }
    doc
}
