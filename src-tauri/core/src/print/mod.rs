//! Printing: one document model, laid out onto A4 pages in a standard or large-print
//! profile (clear-print rules: sans-serif, left-aligned, no italics or underlining, page
//! numbers as large as the body text) and drawn as a PDF. This is the engine only: it knows
//! nothing of features or the store; the documents themselves are built in `documents/`.

mod blocks;
pub mod fonts;
pub mod layout;
pub mod markdown;
mod merge;
pub mod model;
mod pdf;
pub mod shape;
pub mod wrap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::progress::Progress;
pub use layout::Laid;
pub use model::{Bar, Block, Column, Document, Image, Run};
pub use pdf::Metadata;

/// "8 December 2026" from "2026-12-08" (anything else is printed as it is).
pub fn day_month_year(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// The text, or "Not given" when it is empty.
pub fn or_not_given(text: &str) -> String {
    if text.trim().is_empty() {
        "Not given".into()
    } else {
        text.to_string()
    }
}

/// The two ways every document prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Profile {
    /// Body text 13 pt; bulletins in two columns.
    Standard,
    /// Body text 18 pt, always one column.
    LargePrint,
}

impl Profile {
    /// The words used in file names and on screen.
    pub fn slug(self) -> &'static str {
        match self {
            Profile::Standard => "standard",
            Profile::LargePrint => "large-print",
        }
    }
}

/// Lays `document` out onto pages without drawing it (tests inspect the boxes).
pub fn lay_out(document: &Document, profile: Profile) -> Laid {
    lay_out_with(document, profile, &Progress::silent()).expect("nobody can cancel silent progress")
}

/// Lays out block by block, reporting progress; stops if the person cancels.
fn lay_out_with(document: &Document, profile: Profile, progress: &Progress) -> Result<Laid> {
    let fonts = fonts::Fonts::get();
    let mut flow = layout::Flow::new(fonts, profile);
    flow.set_language(&document.language);
    blocks::title_block(&mut flow, document);
    let total = document.blocks.len();
    for (index, block) in document.blocks.iter().enumerate() {
        progress.step(index, total)?;
        blocks::place(&mut flow, block, document.blocks.get(index + 1));
    }
    Ok(flow.finish(document))
}

/// Lays out and draws `document` as PDF bytes.
pub fn render(document: &Document, profile: Profile, created: i64) -> Result<Vec<u8>> {
    render_with(document, profile, created, &Progress::silent())
}

/// `render`, reporting progress (laying out is the first half, drawing the second) and
/// stopping if the person cancels.
pub fn render_with(document: &Document, profile: Profile, created: i64, progress: &Progress) -> Result<Vec<u8>> {
    let laid = lay_out_with(document, profile, &progress.stage(0, 50))?;
    let fonts = fonts::Fonts::get();
    let missing = laid.pages.iter().flat_map(|p| &p.items).find_map(|item| match item {
        layout::Item::Text { text, .. } => shape::missing_family(fonts, text),
        _ => None,
    });
    if let Some(family) = missing {
        return Err(crate::error::Error::File(format!(
            "This document has {} writing in it, and the font PPG Desk prints it with is missing from this computer. Installing PPG Desk again puts it back.",
            family.script_name()
        )));
    }
    let meta = Metadata { title: &document.title, author: &document.author, created, language: &document.language };
    let bytes = pdf::render(laid, fonts, &meta, &progress.stage(50, 50))?;
    progress.done();
    Ok(bytes)
}
