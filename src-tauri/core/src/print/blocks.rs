//! How each kind of block is placed in the flow: the title block, headings kept with what
//! follows, paragraphs, lists with hanging indents, key-value blocks, tables whose header
//! row repeats on every page, images, highlighted boxes and rules.

use super::layout::{Flow, Item};
use super::model::{Bar, Block, Column, Document, Image, Run};
use super::wrap::{wrap, Line};

const CELL_PADDING: f32 = 4.0;

pub fn title_block(flow: &mut Flow, document: &Document) {
    let (x, width) = flow.frame();
    let style = flow.style;
    let mut text_width = width;
    if let Some(logo) = &document.logo {
        let height = style.title * 2.4;
        if let Some((w, h)) = image_size(logo, width * 0.3, height) {
            let index = flow.images.len();
            flow.images.push(logo.clone());
            let y = flow.y;
            flow.push(Item::Image { x: x + width - w, y, width: w, height: h, image: index });
            text_width = width - w - 12.0;
        }
    }
    let top = flow.y;
    let title = wrap(flow.fonts, &[Run::bold(&document.title)], style.title, text_width);
    for line in &title {
        flow.emit_line(line, x, style.title);
    }
    for subtitle in &document.subtitle {
        let lines = wrap(flow.fonts, &[Run::plain(subtitle)], style.body, text_width);
        for line in &lines {
            flow.emit_line(line, x, style.body);
        }
    }
    let logo_bottom = flow.pages.last().and_then(|p| {
        p.items.iter().find_map(|i| match i {
            Item::Image { y, height, .. } if (*y - top).abs() < 0.5 => Some(y + height),
            _ => None,
        })
    });
    flow.y = flow.y.max(logo_bottom.unwrap_or(0.0)) + 6.0;
    flow.rule(x, width, 1.5);
    flow.y += style.body;
}

pub fn place(flow: &mut Flow, block: &Block, next: Option<&Block>) {
    let style = flow.style;
    let (x, width) = flow.frame();
    let gap = style.body * 0.6;
    match block {
        Block::Heading { level, text } => {
            let size = style.headings[usize::from(level.clamp(&1, &3) - 1)];
            let lines = wrap(flow.fonts, &[Run::bold(text)], size, width);
            let own = lines.len() as f32 * style.line_height(size);
            let follow = if next.is_some() { 2.0 * style.line_height(style.body) } else { 0.0 };
            if !flow.at_frame_top() {
                flow.y += style.body * 0.5;
            }
            flow.ensure(own + follow);
            flow.place_lines(&lines, 0.0, size);
            flow.y += style.body * 0.25;
        }
        Block::Paragraph(runs) => {
            let lines = wrap(flow.fonts, runs, style.body, width);
            flow.place_lines(&lines, 0.0, style.body);
            flow.y += gap;
        }
        Block::Bullets(items) => list(flow, items, |_| "•".to_string()),
        Block::Numbered(items) => list(flow, items, |n| format!("{}.", n + 1)),
        Block::KeyValues(pairs) => {
            let key_width = (width * 0.32).max(80.0);
            for (key, value) in pairs {
                let keys = wrap(flow.fonts, &[Run::bold(key)], style.body, key_width - 10.0);
                let values = wrap(flow.fonts, &[Run::plain(value)], style.body, width - key_width);
                let rows = keys.len().max(values.len());
                flow.ensure(rows as f32 * style.line_height(style.body));
                let (x, _) = flow.frame();
                let top = flow.y;
                place_cell(flow, &keys, x, top);
                place_cell(flow, &values, x + key_width, top);
                flow.y = top + rows as f32 * style.line_height(style.body);
            }
            flow.y += gap;
        }
        Block::Table { columns, rows } => table(flow, columns, rows),
        Block::Image(image) => {
            let max_height = (super::layout::PAGE_HEIGHT - 2.0 * super::layout::MARGIN) * 0.4;
            if let Some((w, h)) = image_size(image, image.max_width.min(width), max_height) {
                flow.ensure(h);
                let (x, _) = flow.frame();
                let index = flow.images.len();
                flow.images.push(image.clone());
                let y = flow.y;
                flow.push(Item::Image { x, y, width: w, height: h, image: index });
                flow.y += h + gap;
            }
        }
        Block::Boxed(runs) => {
            let pad = style.body * 0.6;
            let lines = wrap(flow.fonts, runs, style.body, width - 2.0 * pad);
            let height = lines.len() as f32 * style.line_height(style.body) + 2.0 * pad;
            flow.y += gap * 0.5;
            flow.ensure(height.min(flow.style.line_height(style.body) * 4.0 + 2.0 * pad));
            let (x, width) = flow.frame();
            flow.rule(x, width, 2.5);
            flow.y += pad;
            flow.place_lines(&lines, pad, style.body);
            flow.y += pad * 0.5;
            let (x, width) = flow.frame();
            flow.rule(x, width, 2.5);
            flow.y += gap * 1.5;
        }
        Block::Rule => {
            flow.y += gap * 0.5;
            flow.rule(x, width, 0.75);
            flow.y += gap;
        }
        Block::PageBreak => {
            if !flow.at_frame_top() {
                flow.new_page();
            }
        }
        Block::Columns(count) => flow.set_columns(*count),
        Block::Language(code) => flow.set_language(code),
        Block::Bars(bars) => chart(flow, bars),
        Block::TickBoxes(choices) => tick_boxes(flow, choices),
        Block::WritingLines(count) => {
            let space = style.line_height(style.body) * 1.8;
            for _ in 0..*count {
                flow.ensure(space);
                let (x, width) = flow.frame();
                flow.y += space - 0.75;
                flow.rule(x, width, 0.75);
                flow.y += 0.75;
            }
            flow.y += gap;
        }
    }
}

/// Each choice with an empty square before it, drawn as four rules as tall as a capital.
fn tick_boxes(flow: &mut Flow, choices: &[String]) {
    let style = flow.style;
    let (_, width) = flow.frame();
    let line = style.line_height(style.body);
    let side = style.body * 1.1;
    let indent = side + style.body * 0.8;
    for choice in choices {
        let lines = wrap(flow.fonts, &[Run::plain(choice)], style.body, width - indent);
        let height = (lines.len().max(1) as f32 * line).max(side + 4.0);
        flow.ensure(height);
        let (x, _) = flow.frame();
        let top = flow.y;
        let box_top = top + (line - side) / 2.0;
        let edge = 1.0;
        for (bx, by, w, h) in [
            (x, box_top, side, edge),
            (x, box_top + side - edge, side, edge),
            (x, box_top, edge, side),
            (x + side - edge, box_top, edge, side),
        ] {
            flow.push(Item::Rule { x: bx, y: by, width: w, thickness: h });
        }
        place_cell(flow, &lines, x + indent, top);
        flow.y = top + height + style.body * 0.35;
    }
    flow.y += style.body * 0.4;
}

/// Bars as thick rules against the largest value, each row as tall as its wrapped label.
fn chart(flow: &mut Flow, bars: &[Bar]) {
    let style = flow.style;
    let (_, width) = flow.frame();
    let line = style.line_height(style.body);
    let largest = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f32;
    let label_width = width * 0.32;
    let words_width = width * 0.24;
    let track = (width - label_width - words_width).max(line);
    for bar in bars {
        let labels = wrap(flow.fonts, &[Run::plain(&bar.label)], style.body, label_width - CELL_PADDING * 2.0);
        let words = wrap(flow.fonts, &[Run::bold(&bar.words)], style.body, words_width);
        let height = labels.len().max(words.len()).max(1) as f32 * line;
        flow.ensure(height);
        let (x, _) = flow.frame();
        let top = flow.y;
        place_cell(flow, &labels, x, top);
        let length = track * bar.value as f32 / largest;
        let thickness = style.body * 0.75;
        if bar.value > 0 {
            flow.push(Item::Rule {
                x: x + label_width,
                y: top + (line - thickness) / 2.0,
                width: length.max(1.5),
                thickness,
            });
        }
        place_cell(flow, &words, x + label_width + length + CELL_PADDING * 2.0, top);
        flow.y = top + height + style.body * 0.2;
    }
    flow.y += style.body * 0.6;
}

fn list(flow: &mut Flow, items: &[Vec<Run>], marker: impl Fn(usize) -> String) {
    let style = flow.style;
    let (_, width) = flow.frame();
    let widest =
        (0..items.len()).map(|n| super::shape::measure(flow.fonts, &marker(n), false, style.body)).fold(0.0, f32::max);
    let indent = widest + style.body * 0.6;
    for (n, runs) in items.iter().enumerate() {
        let lines = wrap(flow.fonts, runs, style.body, width - indent);
        flow.ensure(style.line_height(style.body) * lines.len().min(2) as f32);
        let (x, _) = flow.frame();
        let label = marker(n);
        let label_width = super::shape::measure(flow.fonts, &label, false, style.body);
        let (y, size, height) = (flow.y, style.body, style.line_height(style.body));
        let lang = flow.language();
        flow.push(Item::Text { x, y, size, bold: false, text: label, width: label_width, height, rtl: false, lang });
        flow.place_lines(&lines, indent, style.body);
        flow.y += style.body * 0.25;
    }
    flow.y += style.body * 0.4;
}

/// Draws lines top-down from `top` at `x` (inside one row, so no frame breaks).
fn place_cell(flow: &mut Flow, lines: &[Line], x: f32, top: f32) {
    let size = flow.style.body;
    flow.y = top;
    for line in lines {
        flow.emit_line(line, x, size);
    }
}

fn table(flow: &mut Flow, columns: &[Column], rows: &[Vec<String>]) {
    let style = flow.style;
    let (_, width) = flow.frame();
    let total: f32 = columns.iter().map(|c| c.weight.max(0.1)).sum();
    let widths: Vec<f32> = columns.iter().map(|c| width * c.weight.max(0.1) / total).collect();
    let cells = |flow: &Flow, texts: Vec<(String, bool)>| -> Vec<Vec<Line>> {
        texts
            .iter()
            .zip(&widths)
            .map(|((t, bold), w)| {
                wrap(flow.fonts, &[Run { text: t.clone(), bold: *bold }], style.body, w - 2.0 * CELL_PADDING)
            })
            .collect()
    };
    let header = cells(flow, columns.iter().map(|c| (c.heading.clone(), true)).collect());
    let row_height = |lines: &[Vec<Line>]| {
        lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * style.line_height(style.body) + 2.0 * CELL_PADDING
    };
    let header_height = row_height(&header);
    let first_row =
        rows.first().map(|r| row_height(&cells(flow, r.iter().map(|t| (t.clone(), false)).collect()))).unwrap_or(0.0);
    flow.ensure(header_height + first_row);
    draw_row(flow, &header, &widths, header_height, 1.5);
    for row in rows {
        let lines = cells(flow, row.iter().map(|t| (t.clone(), false)).collect());
        let height = row_height(&lines);
        if height > flow.room() && !flow.at_frame_top() {
            flow.next_frame();
            draw_row(flow, &header, &widths, header_height, 1.5);
        }
        draw_row(flow, &lines, &widths, height, 0.5);
    }
    flow.y += style.body * 0.6;
}

fn draw_row(flow: &mut Flow, cells: &[Vec<Line>], widths: &[f32], height: f32, rule: f32) {
    let (x, width) = flow.frame();
    let top = flow.y;
    let mut left = x;
    for (lines, w) in cells.iter().zip(widths) {
        place_cell(flow, lines, left + CELL_PADDING, top + CELL_PADDING);
        left += w;
    }
    flow.y = top + height;
    flow.rule(x, width, rule);
}

/// The printed size of an image fitting `max_width` by `max_height`, keeping its shape.
/// None if the bytes are not a PNG or JPEG that can be read.
pub fn image_size(image: &Image, max_width: f32, max_height: f32) -> Option<(f32, f32)> {
    let (w, h) = image::ImageReader::new(std::io::Cursor::new(&image.bytes))
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()?;
    if w == 0 || h == 0 {
        return None;
    }
    let scale = (max_width / w as f32).min(max_height / h as f32);
    Some((w as f32 * scale, h as f32 * scale))
}
