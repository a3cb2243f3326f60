//! A short piece of a record's own words around the first word searched for, with the words
//! that matched marked: as plain text pieces, never HTML, so nothing in a record can be read
//! as markup. Words are compared folded (case, accents), as the index compares them.

use serde::Serialize;
use ts_rs::TS;

/// Words shown before the first match.
const BEFORE: usize = 6;
/// Words an excerpt holds at most.
const LONGEST: usize = 28;

/// A piece of an excerpt, marked when it is a word that was searched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` into runs of word characters and runs of everything else, in order.
fn runs(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        let word = is_word_char(c);
        match out.last_mut() {
            Some((run, is_word)) if *is_word == word => run.push(c),
            _ => out.push((c.to_string(), word)),
        }
    }
    out
}

/// Runs of spaces and line breaks as one space.
fn collapse(run: &str) -> String {
    let mut out = String::with_capacity(run.len());
    for c in run.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Whether a word of the text matches one searched for (the start of it, folded).
fn matches(word: &str, wanted: &[&str]) -> bool {
    let folded = crate::check::fold_for_search(word);
    wanted.iter().any(|w| !w.is_empty() && folded.starts_with(w))
}

/// The excerpt of `text` around the first word matching one of `wanted` (folded words), or
/// its beginning when none does; `…` where words were left out.
pub fn excerpt(text: &str, wanted: &[&str]) -> Vec<Piece> {
    let runs = runs(text.trim());
    let word_at: Vec<usize> = runs.iter().enumerate().filter(|(_, r)| r.1).map(|(i, _)| i).collect();
    let first = runs.iter().position(|(run, word)| *word && matches(run, wanted));
    let start_word =
        first.map(|at| word_at.iter().position(|i| *i == at).unwrap_or(0).saturating_sub(BEFORE)).unwrap_or(0);
    let start = if start_word == 0 { 0 } else { word_at.get(start_word).copied().unwrap_or(0) };
    let end = word_at.get(start_word + LONGEST).copied().unwrap_or(runs.len());
    let mut pieces: Vec<Piece> = Vec::new();
    if start > 0 {
        pieces.push(Piece { text: "…".into(), marked: false });
    }
    for (run, word) in &runs[start..end] {
        let text = if *word { run.clone() } else { collapse(run) };
        let marked = *word && matches(run, wanted);
        match pieces.last_mut() {
            Some(last) if last.marked == marked && !marked => last.text.push_str(&text),
            _ => pieces.push(Piece { text, marked }),
        }
    }
    if end < runs.len() {
        match pieces.last_mut() {
            Some(last) if !last.marked => last.text.push_str(" …"),
            _ => pieces.push(Piece { text: " …".into(), marked: false }),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| if p.marked { format!("[{}]", p.text) } else { p.text.clone() }).collect()
    }

    #[test]
    fn the_words_found_are_marked_folded_and_by_their_start() {
        let text = "Zoë said the walking group meets on Tuesdays at the car park.";
        assert_eq!(
            shown(&excerpt(text, &["zoe", "walk"])),
            "[Zoë] said the [walking] group meets on Tuesdays at the car park."
        );
    }

    #[test]
    fn a_long_text_is_cut_around_the_first_match_with_dots_where_words_were_left_out() {
        let text = (1..=90).map(|n| format!("word{n}")).collect::<Vec<_>>().join(" ") + " parking";
        let text = text.replace("word40", "parking");
        let got = shown(&excerpt(&text, &["park"]));
        assert!(got.starts_with("…word34 "), "{got}");
        assert!(got.contains("[parking]") && got.ends_with(" …"), "{got}");
    }

    #[test]
    fn markup_in_a_record_stays_text() {
        let got = excerpt("<b>car</b> park", &["car"]);
        assert_eq!(shown(&got), "<b>[car]</b> park");
    }

    proptest! {
        /// Why: any text a record holds, in any script, makes an excerpt without a panic, and
        /// every marked piece is a word that was searched for.
        #[test]
        fn any_text_makes_an_excerpt_and_marks_only_wanted_words(text in "\\PC{0,200}", wanted in "[a-z]{1,4}") {
            for piece in excerpt(&text, &[wanted.as_str()]) {
                if piece.marked {
                    prop_assert!(crate::check::fold_for_search(&piece.text).starts_with(&wanted));
                }
            }
        }
    }
}
