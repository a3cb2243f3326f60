//! Breaking text into lines that fit a width: at spaces, and only when a single word is
//! wider than the line, between characters (never with a hyphen added).

use super::fonts::Fonts;
use super::model::Run;

/// A piece of a line in one weight, with its width in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub bold: bool,
    pub width: f32,
}

/// One laid-out line: its pieces left to right and its total width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    fn push(&mut self, text: &str, bold: bool, width: f32) {
        match self.pieces.last_mut() {
            Some(last) if last.bold == bold => {
                last.text.push_str(text);
                last.width += width;
            }
            _ => self.pieces.push(Piece { text: text.to_string(), bold, width }),
        }
        self.width += width;
    }

    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Invisible formatting characters that no printing font draws (they would print as boxes):
/// bidirectional controls such as U+202E, which can also reverse what a reader sees, zero-width
/// spaces and joiners, the byte-order mark and the soft hyphen (clear print never hyphenates).
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Splits runs into words (with the spaces after them) and explicit line breaks.
enum Token {
    Word { text: String, bold: bool },
    Space { bold: bool },
    Break,
}

fn tokens(runs: &[Run]) -> Vec<Token> {
    let mut out = Vec::new();
    for run in runs {
        let mut word = String::new();
        for c in run.text.chars() {
            if c == '\n' || c == ' ' || c == '\t' {
                if !word.is_empty() {
                    out.push(Token::Word { text: std::mem::take(&mut word), bold: run.bold });
                }
                out.push(if c == '\n' { Token::Break } else { Token::Space { bold: run.bold } });
            } else if !c.is_control() && !is_invisible_format(c) {
                word.push(c);
            }
        }
        if !word.is_empty() {
            out.push(Token::Word { text: word, bold: run.bold });
        }
    }
    out
}

/// Splits a long word into pieces that may end a line: after `.`, `/`, `-`, `_`, and before `@`.
fn word_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (index, c) in word.char_indices() {
        let cut = match c {
            '@' => index,
            '.' | '/' | '-' | '_' => index + c.len_utf8(),
            _ => continue,
        };
        if cut > start {
            parts.push(&word[start..cut]);
            start = cut;
        }
    }
    if start < word.len() {
        parts.push(&word[start..]);
    }
    parts
}

/// Wraps `runs` at `size` points into lines no wider than `width`.
pub fn wrap(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut pending_space: Option<bool> = None;
    for token in tokens(runs) {
        match token {
            Token::Break => {
                lines.push(std::mem::take(&mut line));
                pending_space = None;
            }
            Token::Space { bold } => {
                if !line.pieces.is_empty() {
                    pending_space = Some(bold);
                }
            }
            Token::Word { text, bold } => {
                let word_width = fonts.width(&text, bold, size);
                let space_width = pending_space.map(|b| fonts.width(" ", b, size)).unwrap_or(0.0);
                if line.width + space_width + word_width <= width {
                    if let Some(b) = pending_space.take() {
                        line.push(" ", b, space_width);
                    }
                    line.push(&text, bold, word_width);
                    continue;
                }
                if !line.pieces.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                pending_space = None;
                if word_width <= width {
                    line.push(&text, bold, word_width);
                } else {
                    // A word wider than the line (an email address, a web address) is cut
                    // at its punctuation where possible, and between letters only as a last resort.
                    for part in word_parts(&text) {
                        let w = fonts.width(part, bold, size);
                        if line.width + w <= width {
                            line.push(part, bold, w);
                            continue;
                        }
                        if !line.pieces.is_empty() {
                            lines.push(std::mem::take(&mut line));
                        }
                        for c in part.chars() {
                            let mut buf = [0u8; 4];
                            let s = c.encode_utf8(&mut buf);
                            let w = fonts.width(s, bold, size);
                            if line.width + w > width && !line.pieces.is_empty() {
                                lines.push(std::mem::take(&mut line));
                            }
                            line.push(s, bold, w);
                        }
                    }
                }
            }
        }
    }
    if !line.pieces.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
        let joined: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(joined.join(" "), text, "no word is lost or hyphenated");
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
        let width = fonts().width("olusegun.adeyemi", false, 18.0) + 2.0;
        let lines = wrap(fonts(), &[Run::plain(email)], 18.0, width);
        assert_eq!(lines.iter().map(Line::text).collect::<Vec<_>>(), vec!["olusegun.adeyemi", "@example.org"]);
    }

    #[test]
    fn explicit_line_breaks_are_kept() {
        let lines = wrap(fonts(), &[Run::plain("3 Mill Lane\nRiverside\nRV1 2AB")], 12.0, 400.0);
        assert_eq!(lines.iter().map(Line::text).collect::<Vec<_>>(), vec!["3 Mill Lane", "Riverside", "RV1 2AB"]);
    }
}
