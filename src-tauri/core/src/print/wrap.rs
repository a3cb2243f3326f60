//! Breaking text into lines that fit a width, as the Unicode rules say (UAX #14: at spaces,
//! after hyphens and slashes, between Chinese or Japanese characters, never inside a Thai or
//! Bengali word but where the rules allow), and only when a single word is wider than the line
//! at its punctuation or between letters (never with a hyphen added: clear print). Each
//! paragraph's direction comes from its text (the Unicode bidirectional algorithm): Urdu and
//! Arabic lines read right to left, with English words and numbers inside them left to right,
//! and each line's pieces are put in the order they are drawn.

use std::ops::Range;

use unicode_bidi::BidiInfo;
use unicode_linebreak::{break_property, linebreaks, BreakClass};

use super::fonts::Fonts;
use super::model::Run;

/// A piece of a line in one weight and one direction, with its width in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub bold: bool,
    pub width: f32,
    /// Drawn right to left (its text is still in reading order).
    pub rtl: bool,
}

/// One laid-out line: its pieces left to right as drawn, its total width, and whether its
/// paragraph reads right to left (and so is set against the right edge).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
    pub rtl: bool,
    /// The width it was wrapped to, so a right-to-left line can be set against its right edge.
    pub room: f32,
}

impl Line {
    fn push(&mut self, piece: Piece) {
        self.width += piece.width;
        match self.pieces.last_mut() {
            Some(last) if last.bold == piece.bold && !last.rtl && !piece.rtl => {
                last.text.push_str(&piece.text);
                last.width += piece.width;
            }
            _ => self.pieces.push(piece),
        }
    }

    /// The line's text as drawn, piece by piece (each piece in reading order).
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Invisible formatting characters that no printing font draws (they would print as boxes):
/// bidirectional controls such as U+202E, which can also reverse what a reader sees (the
/// direction comes from the letters alone), zero-width spaces, the byte-order mark and the
/// soft hyphen (clear print never hyphenates). Zero-width joiners stay: scripts use them.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A paragraph: its text and which parts of it are bold.
#[derive(Default)]
struct Paragraph {
    text: String,
    bold: Vec<Range<usize>>,
}

/// Splits runs into paragraphs at line breaks, leaving out what is not printed.
fn paragraphs(runs: &[Run]) -> Vec<Paragraph> {
    let mut out = vec![Paragraph::default()];
    for run in runs {
        for c in run.text.chars() {
            let para = out.last_mut().expect("there is always a paragraph");
            match c {
                '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push(Paragraph::default()),
                '\t' => para.text.push(' '),
                c if c.is_control() || is_invisible_format(c) => {}
                c => {
                    let start = para.text.len();
                    para.text.push(c);
                    if run.bold {
                        match para.bold.last_mut() {
                            Some(range) if range.end == start => range.end = para.text.len(),
                            _ => para.bold.push(start..para.text.len()),
                        }
                    }
                }
            }
        }
    }
    if out.len() > 1 && out.last().is_some_and(|p| p.text.is_empty()) {
        out.pop();
    }
    out
}

impl Paragraph {
    /// `range` cut where it turns bold or back: (part, bold).
    fn styled(&self, range: Range<usize>) -> Vec<(Range<usize>, bool)> {
        let mut cuts = vec![range.start, range.end];
        for b in &self.bold {
            cuts.extend([b.start, b.end].into_iter().filter(|c| range.contains(c)));
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2).map(|w| (w[0]..w[1], self.bold.iter().any(|b| b.start <= w[0] && w[1] <= b.end))).collect()
    }

    fn width(&self, fonts: &Fonts, range: Range<usize>, size: f32, rtl: bool) -> f32 {
        self.styled(range)
            .into_iter()
            .map(|(part, bold)| super::shape::width(fonts, self.text.get(part).unwrap_or_default(), bold, size, rtl))
            .sum()
    }
}

/// Where a word too wide for any line may be cut: after `.`, `/`, `-`, `_`, before `@`,
/// and, within what is still too wide, between letters (never before a combining mark).
fn cuts(text: &str, range: Range<usize>, by_letter: bool) -> Vec<usize> {
    let Some(word) = text.get(range.clone()) else { return Vec::new() };
    word.char_indices()
        .filter_map(|(at, c)| {
            let before = range.start + at;
            let after = before + c.len_utf8();
            if by_letter {
                let next = word.get(at + c.len_utf8()..).and_then(|rest| rest.chars().next());
                let joins = next.is_some_and(|n| {
                    matches!(break_property(n as u32), BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner)
                }) || matches!(break_property(c as u32), BreakClass::ZeroWidthJoiner);
                (!joins).then_some(after)
            } else {
                match c {
                    '@' => Some(before),
                    '.' | '/' | '-' | '_' => Some(after),
                    _ => None,
                }
            }
        })
        .filter(|at| *at > range.start && *at < range.end)
        .collect()
}

/// Wraps `runs` at `size` points into lines no wider than `width`.
pub fn wrap(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    let mut lines: Vec<Line> = paragraphs(runs).iter().flat_map(|p| wrap_paragraph(fonts, p, size, width)).collect();
    for line in &mut lines {
        line.room = width;
    }
    lines
}

fn wrap_paragraph(fonts: &Fonts, para: &Paragraph, size: f32, width: f32) -> Vec<Line> {
    let text = &para.text;
    if text.trim().is_empty() {
        return vec![Line::default()];
    }
    let bidi = BidiInfo::new(text, None);
    let Some(info) = bidi.paragraphs.first() else { return vec![Line::default()] };
    let rtl = info.level.is_rtl();
    let is_rtl = |at: usize| bidi.levels.get(at).is_some_and(|l| l.is_rtl());
    let measure = |range: Range<usize>| para.width(fonts, range.clone(), size, is_rtl(range.start));
    // The line ranges, from the places the rules allow a break.
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut current: Option<(Range<usize>, f32)> = None;
    let mut start = 0;
    for (at, _) in linebreaks(text) {
        let segment = start..at;
        start = at;
        let shown_end = segment.start + text.get(segment.clone()).unwrap_or_default().trim_end().len();
        let shown = measure(segment.start..shown_end);
        let full = shown + if shown_end < segment.end { measure(shown_end..segment.end) } else { 0.0 };
        if let Some((range, used)) = current.as_mut() {
            if *used + shown <= width {
                range.end = segment.end;
                *used += full;
                continue;
            }
            ranges.push(range.clone());
        }
        if shown <= width {
            current = Some((segment, full));
            continue;
        }
        // Too wide for any line: cut at its punctuation, then between letters.
        let mut from = segment.start;
        for cut in fitting(&measure, text, segment.start..shown_end, width) {
            ranges.push(from..cut);
            from = cut;
        }
        current = Some((from..segment.end, measure(from..segment.end)));
    }
    if let Some((range, _)) = current {
        ranges.push(range);
    }
    // The estimate measured words on their own; a line whose pieces, as drawn, come out wider
    // (a neutral character joining another script's run) gives back its last word.
    let breaks: Vec<usize> = linebreaks(text).map(|(at, _)| at).collect();
    let mut pending: std::collections::VecDeque<Range<usize>> = ranges.into();
    let mut lines = Vec::new();
    while let Some(range) = pending.pop_front() {
        let line = build_line(fonts, para, &bidi, range.clone(), size, rtl);
        let inside = |points: &[usize]| points.iter().rev().copied().find(|b| *b > range.start && *b < range.end);
        let cut = inside(&breaks).or_else(|| inside(&cuts(text, range.clone(), true)));
        match cut {
            Some(cut) if line.width > width + 0.01 => {
                pending.push_front(cut..range.end);
                pending.push_front(range.start..cut);
            }
            _ => lines.push(line),
        }
    }
    lines
}

/// One line of `para`: the text of `range` (its spaces at either end left off) as pieces in
/// the order they are drawn, each shaped in its own direction.
fn build_line(fonts: &Fonts, para: &Paragraph, bidi: &BidiInfo, range: Range<usize>, size: f32, rtl: bool) -> Line {
    let text = &para.text;
    let trimmed = text.get(range.clone()).unwrap_or_default();
    let start = range.start + (trimmed.len() - trimmed.trim_start().len());
    let end = range.start + trimmed.trim_end().len();
    let mut line = Line { rtl, ..Line::default() };
    let Some(info) = bidi.paragraphs.first() else { return line };
    if start >= end {
        return line;
    }
    let (levels, runs) = bidi.visual_runs(info, start..end);
    for run in runs {
        let run_rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
        let mut parts: Vec<Piece> = para
            .styled(run)
            .into_iter()
            .map(|(part, bold)| {
                let piece = text.get(part).unwrap_or_default();
                let width = super::shape::width(fonts, piece, bold, size, run_rtl);
                Piece { text: piece.to_string(), bold, width, rtl: run_rtl }
            })
            .collect();
        if run_rtl {
            parts.reverse();
        }
        for piece in parts {
            line.push(piece);
        }
    }
    line
}

/// The ends of the lines a too-wide `range` is cut into (all but the last line's): at the
/// furthest punctuation that fits, else between the furthest letters that fit, else after
/// its first letter (a line holds at least one).
fn fitting(measure: &dyn Fn(Range<usize>) -> f32, text: &str, range: Range<usize>, width: f32) -> Vec<usize> {
    let punctuation = cuts(text, range.clone(), false);
    let letters = cuts(text, range.clone(), true);
    let mut ends = Vec::new();
    let mut from = range.start;
    while measure(from..range.end) > width {
        let fits = |cut: &&usize| **cut > from && measure(from..**cut) <= width;
        let next = punctuation
            .iter()
            .filter(fits)
            .last()
            .or_else(|| letters.iter().filter(fits).last())
            .or_else(|| letters.iter().find(|cut| **cut > from));
        let Some(cut) = next.copied() else { break };
        ends.push(cut);
        from = cut;
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::get()
    }

    #[test]
    fn bidirectional_controls_and_invisible_marks_are_not_printed() {
        let lines = wrap(fonts(), &[Run::plain("Ann\u{202E}Lee\u{200B} \u{FEFF}Zoë\u{00AD}")], 12.0, 400.0);
        assert_eq!(lines[0].text(), "AnnLee Zoë");
    }

    #[test]
    fn short_text_is_one_line() {
        let lines = wrap(fonts(), &[Run::plain("Welcome and apologies")], 12.0, 400.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "Welcome and apologies");
    }

    #[test]
    fn wraps_at_spaces_and_never_exceeds_the_width() {
        let text = "The practice manager reported that the new telephone system will go live in March, with a call-back option for patients who would otherwise wait in a queue.";
        let lines = wrap(fonts(), &[Run::plain(text)], 14.0, 200.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(line.width <= 200.0 + 0.01, "{} is {} wide", line.text(), line.width);
            assert!(!line.text().starts_with(' ') && !line.text().ends_with(' '));
        }
        let joined: String = lines.iter().map(Line::text).collect::<String>().replace(' ', "");
        assert_eq!(joined, text.replace(' ', ""), "no word is lost or hyphenated");
    }

    #[test]
    fn bold_runs_keep_their_weight_across_lines() {
        let runs = [Run::bold("Decision:"), Run::plain(" the PPG will run a stall at the flu clinic.")];
        let lines = wrap(fonts(), &runs, 14.0, 150.0);
        assert!(lines[0].pieces[0].bold && lines[0].pieces[0].text == "Decision:");
        assert!(lines.iter().skip(1).all(|l| l.pieces.iter().all(|p| !p.bold)));
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_without_a_hyphen() {
        let long = "https://www.example.org/a/very/long/address/that/cannot/fit";
        let lines = wrap(fonts(), &[Run::plain(long)], 12.0, 100.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(lines.iter().map(Line::text).collect::<String>(), long);
    }

    #[test]
    fn long_email_addresses_break_at_their_punctuation() {
        let email = "olusegun.adeyemi@example.org";
        let width = crate::print::shape::measure(fonts(), "olusegun.adeyemi", false, 18.0) + 2.0;
        let lines = wrap(fonts(), &[Run::plain(email)], 18.0, width);
        assert_eq!(lines.iter().map(Line::text).collect::<Vec<_>>(), vec!["olusegun.adeyemi", "@example.org"]);
    }

    #[test]
    fn a_letter_carrying_many_marks_is_never_cut_from_them() {
        let heavy = "\u{1d49e}\u{0cbe}\u{1cf30}\u{0a01}";
        let lines = wrap(fonts(), &[Run::plain(heavy)], 12.0, 20.0);
        assert_eq!(lines.iter().map(Line::text).collect::<Vec<_>>(), vec![heavy]);
    }

    #[test]
    fn explicit_line_breaks_are_kept() {
        let lines = wrap(fonts(), &[Run::plain("3 Mill Lane\nRiverside\nRV1 2AB")], 12.0, 400.0);
        assert_eq!(lines.iter().map(Line::text).collect::<Vec<_>>(), vec!["3 Mill Lane", "Riverside", "RV1 2AB"]);
    }

    proptest::proptest! {
        /// Why: text from anyone, in any script or none, mixed directions and stray marks
        /// included, is wrapped without a panic, every line fits (but for a single letter
        /// wider than the line), and no printed character is lost or added.
        #[test]
        fn any_text_wraps_within_the_width_and_keeps_every_character(
            text in "(\\PC|[ \n\u{0600}-\u{06FF}\u{0980}-\u{09FF}\u{0E00}-\u{0E7F}\u{0300}-\u{036F}]){0,120}",
            width in 20.0f32..400.0,
        ) {
            let lines = wrap(fonts(), &[Run::plain(&text)], 12.0, width);
            proptest::prop_assert!(!lines.is_empty());
            // A letter with its combining marks is never cut, however many marks it carries.
            let one_letter = |t: &str| {
                let mut printed = t.chars().filter(|c| !c.is_whitespace());
                printed.next().is_some()
                    && printed.all(|c| matches!(break_property(c as u32), BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner))
            };
            for line in &lines {
                let text = line.text();
                proptest::prop_assert!(
                    line.width <= width + 0.01 || text.chars().filter(|c| !c.is_whitespace()).count() <= 3 || one_letter(&text),
                    "{line:?}"
                );
            }
            let printed = |t: &str| {
                let mut kept: Vec<char> = t.chars().filter(|c| !c.is_whitespace() && !c.is_control() && !is_invisible_format(*c)).collect();
                kept.sort_unstable();
                kept
            };
            let back: String = lines.iter().map(Line::text).collect();
            proptest::prop_assert_eq!(printed(&back), printed(&text));
        }
    }
}
