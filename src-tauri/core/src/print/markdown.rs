//! Text typed with light formatting (the minutes): `**bold**` and lines starting "- " for
//! bullets, read with a Markdown parser into paragraphs and lists of the document model.
//! Everything else prints as plain words: no italics, headings come out bold.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::{Block, Run};

/// The blocks of `text`, in order. Line breaks inside a paragraph are kept as typed.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut items: Vec<Vec<Run>> = Vec::new();
    let mut ordered = false;
    let mut list_depth = 0usize;
    let mut bold = 0usize;
    let mut link: Option<String> = None;
    let push_text = |runs: &mut Vec<Run>, text: &str, bold: bool| match runs.last_mut() {
        Some(last) if last.bold == bold => last.text.push_str(text),
        _ => runs.push(Run { text: text.to_string(), bold }),
    };
    for event in Parser::new(text) {
        if matches!(event, Event::End(TagEnd::Heading(_))) {
            bold = bold.saturating_sub(1);
        }
        match event {
            Event::Start(Tag::List(start)) => {
                list_depth += 1;
                if list_depth == 1 {
                    ordered = start.is_some();
                }
            }
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                if list_depth == 0 && !items.is_empty() {
                    let list = std::mem::take(&mut items);
                    out.push(if ordered { Block::Numbered(list) } else { Block::Bullets(list) });
                }
            }
            Event::Start(Tag::Item) if list_depth > 1 && !runs.is_empty() => {
                // A nested item continues its parent's entry on a new line.
                push_text(&mut runs, "\n", false);
            }
            Event::End(TagEnd::Item) if list_depth == 1 => items.push(std::mem::take(&mut runs)),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_))
                if list_depth == 0 && !runs.is_empty() =>
            {
                out.push(Block::Paragraph(std::mem::take(&mut runs)));
            }
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take() {
                    let shown = runs.last().map(|r| r.text.ends_with(url.as_str())).unwrap_or(false);
                    if !shown {
                        push_text(&mut runs, &format!(" ({url})"), false);
                    }
                }
            }
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                push_text(&mut runs, &text, bold > 0)
            }
            Event::SoftBreak | Event::HardBreak => push_text(&mut runs, "\n", false),
            _ => {}
        }
    }
    if !runs.is_empty() {
        out.push(Block::Paragraph(runs));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_runs_and_bullets_become_blocks_in_order() {
        let blocks = blocks("The practice **will** reopen.\n- Call-backs\n- Online *requests*\n\nNone.");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![Run::plain("The practice "), Run::bold("will"), Run::plain(" reopen.")]),
                Block::Bullets(vec![vec![Run::plain("Call-backs")], vec![Run::plain("Online requests")]]),
                Block::Paragraph(vec![Run::plain("None.")]),
            ]
        );
    }

    #[test]
    fn line_breaks_are_kept_and_links_print_as_text() {
        let blocks = blocks("Line one\nline two [our site](https://example.org)");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Run::plain("Line one\nline two our site (https://example.org)")])]
        );
    }

    #[test]
    fn numbered_lists_and_headings_print_plainly() {
        let blocks = blocks("# Notes\n\n1. First\n2. Second");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![Run::bold("Notes")]),
                Block::Numbered(vec![vec![Run::plain("First")], vec![Run::plain("Second")]])
            ]
        );
    }
}
