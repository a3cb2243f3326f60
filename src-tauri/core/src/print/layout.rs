//! Lays a document out onto A4 pages: a flow that fills one frame (column) after another,
//! places wrapped lines avoiding single orphan and widow lines, and finally adds the running
//! header and the "Page X of Y" footer. The output is positioned boxes; `pdf.rs` draws them.

use super::fonts::Fonts;
use super::model::{Document, Image};
use super::wrap::Line;
use super::Profile;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm on every side.
pub const MARGIN: f32 = 56.69;
const COLUMN_GAP: f32 = 20.0;

/// Type sizes in points for a profile. Page numbers are as large as body text.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub body: f32,
    pub title: f32,
    pub headings: [f32; 3],
    /// Line height as a multiple of the type size.
    pub leading: f32,
}

impl Style {
    pub fn for_profile(profile: Profile) -> Style {
        match profile {
            Profile::Standard => Style { body: 13.0, title: 24.0, headings: [19.0, 16.0, 14.0], leading: 1.35 },
            Profile::LargePrint => Style { body: 18.0, title: 30.0, headings: [26.0, 22.0, 20.0], leading: 1.3 },
        }
    }

    pub fn line_height(&self, size: f32) -> f32 {
        size * self.leading
    }
}

/// Something drawn on a page, positioned from the page's top-left corner in points.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `y` is the top of the line box, `height` its line height.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
        width: f32,
        height: f32,
        /// Drawn right to left (the text is in reading order).
        rtl: bool,
        /// Its language: an index into `Laid::languages` (0, the document's own).
        lang: u8,
    },
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
    },
    /// `image` indexes `Laid::images`.
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        image: usize,
    },
}

impl Item {
    /// The box the item occupies: (left, top, right, bottom).
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        match self {
            Item::Text { x, y, width, height, .. } => (*x, *y, x + width, y + height),
            Item::Rule { x, y, width, thickness } => (*x, *y, x + width, y + thickness),
            Item::Image { x, y, width, height, .. } => (*x, *y, x + width, y + height),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A document laid out: pages of items, and the images they refer to.
#[derive(Debug, Clone)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub images: Vec<Image>,
    pub style: Style,
    /// The languages of the text: the document's first, then each a `Block::Language` named.
    pub languages: Vec<String>,
}

/// The running state of the flow: which page, which frame, how far down.
pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub style: Style,
    pub pages: Vec<Page>,
    pub images: Vec<Image>,
    large_print: bool,
    columns: usize,
    column: usize,
    /// Where the current frames start (below a masthead on the page columns began on).
    frame_top: f32,
    /// The lowest point reached by the columns already left on this page.
    filled: f32,
    pub y: f32,
    languages: Vec<String>,
    /// The language of the text being placed (an index into `languages`).
    lang: u8,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts, profile: Profile) -> Self {
        Flow {
            fonts,
            style: Style::for_profile(profile),
            pages: vec![Page::default()],
            images: Vec::new(),
            large_print: profile == Profile::LargePrint,
            columns: 1,
            column: 0,
            frame_top: MARGIN,
            filled: 0.0,
            y: MARGIN,
            languages: Vec::new(),
            lang: 0,
        }
    }

    /// Text from here on is in `language`; the document's own language is index 0, set first.
    pub fn set_language(&mut self, language: &str) {
        let at = match self.languages.iter().position(|l| l == language) {
            Some(at) => at,
            None if self.languages.len() < usize::from(u8::MAX) => {
                self.languages.push(language.to_string());
                self.languages.len() - 1
            }
            None => 0,
        };
        self.lang = u8::try_from(at).unwrap_or(0);
    }

    /// The language text placed now is in.
    pub fn language(&self) -> u8 {
        self.lang
    }

    fn band(&self) -> f32 {
        self.style.line_height(self.style.body) + 10.0
    }

    /// The first line below the running header on pages after the first.
    fn page_top(&self) -> f32 {
        MARGIN + self.band()
    }

    pub fn bottom(&self) -> f32 {
        PAGE_HEIGHT - MARGIN - self.band()
    }

    /// The current frame's left edge and width.
    pub fn frame(&self) -> (f32, f32) {
        let content = PAGE_WIDTH - 2.0 * MARGIN;
        let width = (content - COLUMN_GAP * (self.columns as f32 - 1.0)) / self.columns as f32;
        (MARGIN + self.column as f32 * (width + COLUMN_GAP), width)
    }

    pub fn at_frame_top(&self) -> bool {
        self.y <= self.frame_top + 0.5
    }

    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Moves on to the next column, or the next page.
    pub fn next_frame(&mut self) {
        self.filled = self.filled.max(self.y);
        if self.column + 1 < self.columns {
            self.column += 1;
        } else {
            self.new_page();
        }
        self.y = self.frame_top;
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.column = 0;
        self.frame_top = self.page_top();
        self.filled = 0.0;
        self.y = self.frame_top;
    }

    /// Starts a new frame unless `height` still fits in this one.
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_frame_top() {
            self.next_frame();
        }
    }

    /// Flows the rest of the document in `count` columns (always one in large print).
    pub fn set_columns(&mut self, count: u8) {
        let count = if self.large_print { 1 } else { usize::from(count.clamp(1, 3)) };
        if count == self.columns {
            return;
        }
        // Carry on below everything already on the page, whichever column it is in.
        let lowest = self.y.max(self.filled);
        let started = lowest > self.frame_top + 0.5;
        self.columns = count;
        self.column = 0;
        self.y = lowest;
        self.filled = 0.0;
        if started {
            self.y += self.style.body * 0.5;
        }
        if self.room() < self.style.line_height(self.style.body) * 3.0 {
            self.new_page();
        }
        self.frame_top = self.y;
    }

    pub fn push(&mut self, item: Item) {
        self.pages.last_mut().expect("there is always a page").items.push(item);
    }

    pub fn rule(&mut self, x: f32, width: f32, thickness: f32) {
        let y = self.y;
        self.push(Item::Rule { x, y, width, thickness });
    }

    /// Draws one wrapped line at `x` with its top at the current position (a right-to-left
    /// line against the right edge of the width it was wrapped to).
    pub fn emit_line(&mut self, line: &Line, x: f32, size: f32) {
        let height = self.style.line_height(size);
        let start = if line.rtl { x + (line.room - line.width).max(0.0) } else { x };
        let page = self.pages.last_mut().expect("there is always a page");
        place(page, line, (start, self.y), size, height, self.lang);
        self.y += height;
    }

    /// Places lines, breaking frames as needed, never leaving a paragraph's first line alone
    /// at the bottom of a frame (orphan) or its last line alone at the top of the next (widow).
    pub fn place_lines(&mut self, lines: &[Line], x_offset: f32, size: f32) {
        let height = self.style.line_height(size);
        let mut next = 0;
        while next < lines.len() {
            let room = (self.room() / height + 0.001).floor() as usize;
            let remaining = lines.len() - next;
            let lonely_first = room == 1 && next == 0 && remaining > 1;
            if (room == 0 || lonely_first) && !self.at_frame_top() {
                self.next_frame();
                continue;
            }
            let mut take = room.max(1).min(remaining);
            if take < remaining && remaining - take == 1 && take >= 3 {
                take -= 1;
            }
            let (x, _) = self.frame();
            for line in &lines[next..next + take] {
                self.emit_line(line, x + x_offset, size);
            }
            next += take;
            if next < lines.len() {
                self.next_frame();
            }
        }
    }

    /// Adds the running header (pages after the first) and "Page X of Y" to every page.
    pub fn finish(mut self, document: &Document) -> Laid {
        let total = self.pages.len();
        let size = self.style.body;
        let height = self.style.line_height(size);
        let content = PAGE_WIDTH - 2.0 * MARGIN;
        for (index, page) in self.pages.iter_mut().enumerate() {
            if index > 0 {
                let header = one_line(self.fonts, &document.running_header, size, content);
                let x = if header.rtl { PAGE_WIDTH - MARGIN - header.width } else { MARGIN };
                place(page, &header, (x, MARGIN), size, height, 0);
                page.items.push(Item::Rule { x: MARGIN, y: MARGIN + height + 3.0, width: content, thickness: 0.75 });
            }
            let label = format!("Page {} of {}", index + 1, total);
            let label_width = super::shape::measure(self.fonts, &label, false, size);
            let y = PAGE_HEIGHT - MARGIN - height;
            page.items.push(Item::Rule { x: MARGIN, y: y - 5.0, width: content, thickness: 0.75 });
            page.items.push(Item::Text {
                x: PAGE_WIDTH - MARGIN - label_width,
                y,
                size,
                bold: false,
                text: label,
                width: label_width,
                height,
                rtl: false,
                lang: 0,
            });
            let room = content - label_width - 20.0;
            let author = one_line(self.fonts, &document.author, size, room);
            place(page, &author, (MARGIN, y), size, height, 0);
        }
        Laid { pages: self.pages, images: self.images, style: self.style, languages: self.languages }
    }
}

/// `text` as one line no wider than `width` (shortened with an ellipsis if it must be), its
/// pieces in the order they are drawn: headers and footers in any script.
fn one_line(fonts: &Fonts, text: &str, size: f32, width: f32) -> Line {
    let fitted = fit(fonts, text.lines().next().unwrap_or_default(), size, width);
    super::wrap::wrap(fonts, &[super::model::Run::plain(fitted)], size, f32::MAX).into_iter().next().unwrap_or_default()
}

/// Puts `line`'s pieces on `page` from `x`, the top of the line at `y`, at `size` points.
fn place(page: &mut Page, line: &Line, (x, y): (f32, f32), size: f32, height: f32, lang: u8) {
    let mut cursor = x;
    for piece in &line.pieces {
        page.items.push(Item::Text {
            x: cursor,
            y,
            size,
            bold: piece.bold,
            text: piece.text.clone(),
            width: piece.width,
            height,
            rtl: piece.rtl,
            lang,
        });
        cursor += piece.width;
    }
}

/// `text` shortened with an ellipsis to fit `width` (headers and footers are one line).
fn fit(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    if super::shape::measure(fonts, text, false, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if super::shape::measure(fonts, &format!("{out}{c}…"), false, size) > width {
            break;
        }
        out.push(c);
    }
    if out.is_empty() {
        out
    } else {
        format!("{}…", out.trim_end())
    }
}
