//! Draws laid-out pages with printpdf: each face subset to the characters used, text as real
//! (extractable) text, images with their alternative text, and the document's metadata.

use std::collections::BTreeSet;

use printpdf::{
    Color, DateTime, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Pt, RawImage, Rgb, TextItem, TextMatrix, TextRenderingMode, XObjectTransform,
};

use super::fonts::{Fonts, FACE_COUNT};
use super::layout::{Item, Laid, Page, PAGE_HEIGHT, PAGE_WIDTH};
use crate::error::{Error, Result};
use crate::progress::Progress;

/// The size of a picture's invisible text alternative, in points.
const ALT_SIZE: f32 = 4.0;

/// What goes into the PDF's document information.
pub struct Metadata<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// Seconds since 1970 (UTC) for the creation date.
    pub created: i64,
}

fn black() -> Color {
    Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None })
}

/// How many pages are drawn and serialised at a time. A document longer than this (a
/// directory of thousands of groups) is drawn in parts that are merged (`merge.rs`), so
/// memory stays at one part's worth, not the whole document's.
const PAGES_AT_A_TIME: usize = 300;

/// Draws the laid-out pages as PDF bytes. Each page's boxes are dropped once drawn and each
/// line is one text section that sets its font only when it changes.
pub fn render(laid: Laid, fonts: &Fonts, meta: &Metadata, progress: &Progress) -> Result<Vec<u8>> {
    let Laid { pages, images, .. } = laid;
    let total = pages.len();
    if total <= PAGES_AT_A_TIME {
        return draw(pages, &images, fonts, meta, &|n| progress.step(n, total));
    }
    let mut merged: Option<super::merge::Merged> = None;
    let mut pages = pages.into_iter();
    let mut first = 0;
    while first < total {
        let part: Vec<Page> = pages.by_ref().take(PAGES_AT_A_TIME).collect();
        let count = part.len();
        let bytes = draw(part, &images, fonts, meta, &|n| progress.step(first + n, total))?;
        match merged.as_mut() {
            None => merged = Some(super::merge::Merged::start(&bytes)?),
            Some(whole) => whole.append(&bytes)?,
        }
        first += count;
    }
    merged.ok_or_else(|| Error::File("The document had no pages.".into()))?.finish()
}

/// Draws `pages` as one PDF, with fonts subset to just the characters they use.
fn draw(
    pages: Vec<Page>,
    images: &[super::model::Image],
    fonts: &Fonts,
    meta: &Metadata,
    step: &dyn Fn(usize) -> Result<()>,
) -> Result<Vec<u8>> {
    let fail = |what: &str| Error::File(format!("The document could not be made into a PDF ({what})."));
    let mut pdf = PdfDocument::new(meta.title);
    let info = &mut pdf.metadata.info;
    info.document_title = meta.title.to_string();
    info.author = meta.author.to_string();
    info.creator = "PPG Desk".into();
    info.producer = format!("PPG Desk {}", env!("CARGO_PKG_VERSION"));
    let created = DateTime::from_unix_timestamp(meta.created).map_err(|_| fail("date"))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    // Which characters each face draws, so each is subset to just those.
    let mut used: Vec<BTreeSet<char>> = vec![BTreeSet::new(); FACE_COUNT];
    for item in pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { text, bold, size, .. } = item {
            for (face, piece, _) in fonts.split_by_face(text, *bold, *size) {
                used[face].extend(piece.chars());
            }
        }
    }
    let mut handles: Vec<Option<PdfFontHandle>> = vec![None; FACE_COUNT];
    for (face, chars) in used.iter().enumerate() {
        if chars.is_empty() {
            continue;
        }
        let bytes = fonts.subset(face, chars)?;
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| fail("font"))?;
        handles[face] = Some(PdfFontHandle::External(pdf.add_font(&parsed)));
    }
    let mut embedded = Vec::new();
    for image in images {
        let raw = RawImage::decode_from_bytes(&image.bytes, &mut Vec::new()).map_err(|_| fail("image"))?;
        embedded.push((pdf.add_image(&raw), raw.width as f32, raw.height as f32));
    }

    let ascent = fonts.ascent_ratio();
    let mut drawn = Vec::with_capacity(pages.len());
    for (number, page) in pages.into_iter().enumerate() {
        step(number)?;
        let mut ops = vec![Op::SetFillColor { col: black() }];
        for item in &page.items {
            match item {
                Item::Text { x, y, size, bold, text, height, .. } => {
                    // The baseline sits so that the text is centred in its line box.
                    let baseline = PAGE_HEIGHT - (y + (height - size) / 2.0 + size * ascent * 0.92);
                    let mut cursor = *x;
                    let mut current_face = None;
                    ops.push(Op::StartTextSection);
                    for (face, piece, width) in fonts.split_by_face(text, *bold, *size) {
                        if current_face != Some(face) {
                            let font = handles[face].clone().ok_or_else(|| fail("font"))?;
                            ops.push(Op::SetFont { font, size: Pt(*size) });
                            current_face = Some(face);
                        }
                        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(cursor), Pt(baseline)) });
                        ops.push(Op::ShowText { items: vec![TextItem::Text(piece)] });
                        cursor += width;
                    }
                    ops.push(Op::EndTextSection);
                }
                Item::Rule { x, y, width, thickness } => {
                    let y = PAGE_HEIGHT - (y + thickness / 2.0);
                    ops.push(Op::SetOutlineColor { col: black() });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint { p: Point { x: Pt(*x), y: Pt(y) }, bezier: false },
                                LinePoint { p: Point { x: Pt(x + width), y: Pt(y) }, bezier: false },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Item::Image { x, y, width, height, image } => {
                    let (id, pixels_wide, pixels_high) = &embedded[*image];
                    // At 72 dpi one pixel is one point; scale from there to the laid-out size.
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(PAGE_HEIGHT - y - height)),
                            scale_x: Some(width / pixels_wide),
                            scale_y: Some(height / pixels_high),
                            dpi: Some(72.0),
                            ..Default::default()
                        },
                    });
                    // The text alternative goes in as invisible text over the picture's foot,
                    // so screen readers and text extraction find it where the picture is.
                    let alt = images[*image].alt.trim();
                    if !alt.is_empty() {
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Invisible });
                        let mut cursor = *x;
                        for (face, piece, width) in fonts.split_by_face(alt, false, ALT_SIZE) {
                            let font = handles[face].clone().ok_or_else(|| fail("font"))?;
                            ops.push(Op::SetFont { font, size: Pt(ALT_SIZE) });
                            ops.push(Op::SetTextMatrix {
                                matrix: TextMatrix::Translate(Pt(cursor), Pt(PAGE_HEIGHT - y - height + 1.0)),
                            });
                            ops.push(Op::ShowText { items: vec![TextItem::Text(piece)] });
                            cursor += width;
                        }
                        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
                        ops.push(Op::EndTextSection);
                    }
                }
            }
        }
        drawn.push(PdfPage::new(Mm::from(Pt(PAGE_WIDTH)), Mm::from(Pt(PAGE_HEIGHT)), ops));
    }
    let options = PdfSaveOptions { subset_fonts: false, ..Default::default() };
    Ok(pdf.with_pages(drawn).save(&options, &mut Vec::new()))
}
