//! Draws laid-out pages with printpdf: text shaped (`shape.rs`) and drawn glyph by glyph
//! where the shaping put it, each face subset to the glyphs used, the text kept extractable
//! (each glyph's characters, and for shaped scripts and right-to-left text the words in
//! reading order as the PDF's ActualText), images with their alternative text, and the
//! document's metadata.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Codepoint, Color, DateTime, DictItem, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, Rgb, TextItem, TextMatrix, TextRenderingMode, XObjectTransform,
};

use super::fonts::{Fonts, FACE_COUNT};
use super::layout::{Item, Laid, Page, PAGE_HEIGHT, PAGE_WIDTH};
use super::shape::shape;
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
    /// The document's language (BCP 47), the PDF's /Lang.
    pub language: &'a str,
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
    let Laid { pages, images, languages, .. } = laid;
    let total = pages.len();
    let parts = Parts { images: &images, languages: &languages };
    if total <= PAGES_AT_A_TIME {
        return draw(pages, &parts, fonts, meta, &|n| progress.step(n, total));
    }
    let mut merged: Option<super::merge::Merged> = None;
    let mut pages = pages.into_iter();
    let mut first = 0;
    while first < total {
        let part: Vec<Page> = pages.by_ref().take(PAGES_AT_A_TIME).collect();
        let count = part.len();
        let bytes = draw(part, &parts, fonts, meta, &|n| progress.step(first + n, total))?;
        match merged.as_mut() {
            None => merged = Some(super::merge::Merged::start(&bytes)?),
            Some(whole) => whole.append(&bytes)?,
        }
        first += count;
    }
    merged.ok_or_else(|| Error::File("The document had no pages.".into()))?.finish()
}

/// What the pages' items refer to: the pictures and the languages.
struct Parts<'a> {
    images: &'a [super::model::Image],
    languages: &'a [String],
}

/// Draws `pages` as one PDF, with fonts subset to just the characters they use.
fn draw(
    pages: Vec<Page>,
    Parts { images, languages }: &Parts,
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

    // Which glyphs each face draws, so each is subset to just those.
    let mut used: Vec<BTreeSet<u16>> = vec![BTreeSet::new(); FACE_COUNT];
    let mut note = |text: &str, bold: bool, size: f32, rtl: bool| {
        for run in shape(fonts, text, bold, size, rtl) {
            used[run.face].extend(run.glyphs.iter().map(|g| g.id));
        }
    };
    for item in pages.iter().flat_map(|p| &p.items) {
        match item {
            Item::Text { text, bold, size, rtl, .. } => note(text, *bold, *size, *rtl),
            Item::Image { image, .. } => note(images[*image].alt.trim(), false, ALT_SIZE, false),
            Item::Rule { .. } => {}
        }
    }
    let mut handles: Vec<Option<Subset>> = (0..FACE_COUNT).map(|_| None).collect();
    for (face, glyphs) in used.iter().enumerate() {
        if glyphs.is_empty() {
            continue;
        }
        let (bytes, renumbered) = fonts.subset(face, glyphs)?;
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| fail("font"))?;
        parsed.font_name = Some(fonts.postscript_name(face));
        let font = PdfFontHandle::External(pdf.add_font(&parsed));
        handles[face] = Some(Subset { font, glyphs: renumbered.into_iter().collect() });
    }
    let mut embedded = Vec::new();
    for image in images.iter() {
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
                Item::Text { x, y, size, bold, text, height, rtl, lang, .. } => {
                    // The baseline sits so that the text is centred in its line box.
                    let baseline = PAGE_HEIGHT - (y + (height - size) / 2.0 + size * ascent * 0.92);
                    // Text in another language than the document's says which, for screen readers.
                    let other = languages.get(usize::from(*lang)).filter(|_| *lang != 0);
                    if let Some(code) = other {
                        let code = DictItem::String { data: code.as_bytes().to_vec(), literal: true };
                        let properties = DictItem::Dict { map: BTreeMap::from([("Lang".to_string(), code)]) };
                        ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties });
                    }
                    draw_text(&mut ops, fonts, &handles, (text, *bold, *size, *rtl), (*x, baseline))?;
                    if other.is_some() {
                        ops.push(Op::EndMarkedContent);
                    }
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
                        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Invisible });
                        draw_text(
                            &mut ops,
                            fonts,
                            &handles,
                            (alt, false, ALT_SIZE, false),
                            (*x, PAGE_HEIGHT - y - height + 1.0),
                        )?;
                        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
                    }
                }
            }
        }
        drawn.push(PdfPage::new(Mm::from(Pt(PAGE_WIDTH)), Mm::from(Pt(PAGE_HEIGHT)), ops));
    }
    let options = PdfSaveOptions { subset_fonts: false, ..Default::default() };
    let mut document = pdf.with_pages(drawn).to_lopdf_document(&options, &mut Vec::new());
    let language = lopdf::Object::String(meta.language.as_bytes().to_vec(), lopdf::StringFormat::Literal);
    document.catalog_mut().map_err(|_| fail("catalog"))?.set("Lang", language);
    if options.optimize {
        document.compress();
    }
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).map_err(|_| fail("saving"))?;
    Ok(bytes)
}

/// A face as embedded: its handle and each original glyph's number in the subset.
struct Subset {
    font: PdfFontHandle,
    glyphs: BTreeMap<u16, u16>,
}

/// A PDF text string: UTF-16 with its byte-order mark.
fn pdf_text(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    out
}

/// Draws `text` (bold or not, at `size`, right to left or not) from `x` on `baseline`: each
/// glyph where the shaping put it, in one text-showing operation a run (a glyph's own width
/// is the PDF's, so only kerning and marks set off from their base add numbers; marks raised
/// or lowered are drawn with the text rise). A left-to-right run whose glyphs are not its
/// characters one by one in reading order (a conjunct, a vowel sign drawn before its
/// consonant) is marked with its words, so copying or reading it aloud gets them right.
fn draw_text(
    ops: &mut Vec<Op>,
    fonts: &Fonts,
    handles: &[Option<Subset>],
    (text, bold, size, rtl): (&str, bool, f32, bool),
    (x, baseline): (f32, f32),
) -> Result<()> {
    let fail = || Error::File("The document could not be made into a PDF (font).".into());
    let mut cursor = x;
    ops.push(Op::StartTextSection);
    for run in shape(fonts, text, bold, size, rtl) {
        let subset = handles.get(run.face).and_then(Option::as_ref).ok_or_else(fail)?;
        ops.push(Op::SetFont { font: subset.font.clone(), size: Pt(run.size) });
        // Right-to-left glyphs are read back through their own characters, reordered by the
        // reader as any right-to-left PDF is; left-to-right ones out of order are marked.
        let marked = !run.rtl && !run.is_simple();
        if marked {
            let words = DictItem::String { data: pdf_text(&run.source), literal: false };
            let properties = DictItem::Dict { map: BTreeMap::from([("ActualText".to_string(), words)]) };
            ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties });
        }
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(cursor), Pt(baseline)) });
        if run.is_plain(fonts) {
            ops.push(Op::ShowText { items: vec![TextItem::Text(run.drawn.clone())] });
            cursor += run.width;
            continue;
        }
        // Thousandths of an em, as the PDF moves the pen back by (0 stays exactly 0).
        let em = |units: i32| if units == 0 { 0.0 } else { units as f32 * 1000.0 / run.units_per_em.max(1) as f32 };
        let mut items: Vec<TextItem> = Vec::new();
        let mut rise = 0;
        for (glyph, chars) in run.glyphs.iter().zip(run.glyph_texts(fonts)) {
            if glyph.dy != rise {
                if !items.is_empty() {
                    ops.push(Op::ShowText { items: std::mem::take(&mut items) });
                }
                ops.push(Op::SetLineOffset { multiplier: run.points(glyph.dy) });
                rise = glyph.dy;
            }
            if glyph.dx != 0 {
                items.push(TextItem::Offset(-em(glyph.dx)));
            }
            let gid = subset.glyphs.get(&glyph.id).copied().unwrap_or(0);
            let back = glyph.dx + fonts.advance_units(run.face, glyph.id) - glyph.advance;
            let cid = (!chars.is_empty()).then_some(chars);
            items.push(TextItem::GlyphIds(vec![Codepoint { gid, offset: em(back), cid }]));
        }
        if !items.is_empty() {
            ops.push(Op::ShowText { items });
        }
        if rise != 0 {
            ops.push(Op::SetLineOffset { multiplier: 0.0 });
        }
        cursor += run.width;
        if marked {
            ops.push(Op::EndMarkedContent);
        }
    }
    ops.push(Op::EndTextSection);
    Ok(())
}
