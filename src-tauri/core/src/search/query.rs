//! What a person types into the search box, read as words to find: never an FTS5 syntax
//! error. Quoted words are a phrase; every other word matches as the start of a word ("walk"
//! finds "walking"); accents and case do not matter ("zoe" finds "Zoë", "lukasz" finds
//! "Łukasz"); punctuation and operators typed by accident (`AND`, `-`, `*`, a lone `"`) are
//! only words or nothing. Read character by character, never by byte.

/// One thing to find: a word (matched as a prefix) or a phrase (matched exactly, in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word(String),
    Phrase(Vec<String>),
}

impl Term {
    /// The folded words of the term, for marking them in excerpts.
    pub fn words(&self) -> Vec<&str> {
        match self {
            Term::Word(w) => vec![w.as_str()],
            Term::Phrase(ws) => ws.iter().map(String::as_str).collect(),
        }
    }
}

/// The folded words of `text`: runs of letters and digits, as the index's tokenizer splits
/// them.
pub fn words(text: &str) -> Vec<String> {
    crate::check::fold_for_search(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Most terms read from one search: more only narrows to nothing and costs time.
const MOST_TERMS: usize = 12;

/// The terms of what was typed, in order. A quote not closed runs to the end.
pub fn parse(typed: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for (n, part) in typed.split('"').enumerate() {
        let found = words(part);
        if n % 2 == 1 {
            match found.len() {
                0 => {}
                1 => terms.extend(found.into_iter().map(Term::Word)),
                _ => terms.push(Term::Phrase(found)),
            }
        } else {
            terms.extend(found.into_iter().map(Term::Word));
        }
    }
    terms.dedup();
    terms.truncate(MOST_TERMS);
    terms
}

/// The longest start of a word the index keeps a list for (its prefix indexes are of two and
/// three letters): a longer start is read as the whole words it begins.
const LONGEST_PREFIX: usize = 3;

/// The FTS5 query for `terms`: each word as a quoted prefix (one letter as a word), each phrase
/// quoted, all needed. Only letters and digits ever reach the quotes, so nothing typed is read
/// as FTS5 syntax. A word longer than `LONGEST_PREFIX` letters is read as the whole words of
/// the index it begins, when `whole_words` lists them ("meeting" as "meeting" or "meetings"):
/// FTS5 reads such words' lists lazily, newest first, where a prefix without an index of its
/// length is gathered from every word it begins before the first match is read. No word
/// beginning so means no match. Each word listed is quoted (a quote in it doubled).
pub fn fts_query(terms: &[Term], whole_words: &dyn Fn(&str) -> Option<Vec<String>>) -> Option<String> {
    let quoted = |w: &str| format!("\"{}\"", w.replace('"', "\"\""));
    let parts: Vec<String> = terms
        .iter()
        .map(|t| match t {
            // One letter is a word of its own ("a"); longer, any word it starts.
            Term::Word(w) if w.chars().count() == 1 => quoted(w),
            Term::Word(w) if w.chars().count() > LONGEST_PREFIX => match whole_words(w) {
                Some(found) if found.is_empty() => quoted(w),
                Some(found) => format!("({})", found.iter().map(|f| quoted(f)).collect::<Vec<_>>().join(" OR ")),
                None => format!("{}*", quoted(w)),
            },
            Term::Word(w) => format!("{}*", quoted(w)),
            Term::Phrase(ws) => ws.iter().map(|w| quoted(w)).collect::<Vec<_>>().join(" AND "),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// Whether `text`'s words hold every phrase of `terms` in order, word after word (the index
/// keeps no positions, so a phrase's words are found anywhere and checked here).
pub fn has_phrases(terms: &[Term], text: &str) -> bool {
    let read = words(text);
    terms.iter().all(|t| match t {
        Term::Word(_) => true,
        Term::Phrase(ws) => read.windows(ws.len()).any(|w| w == ws.as_slice()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word(w: &str) -> Term {
        Term::Word(w.into())
    }

    #[test]
    fn accents_case_and_letters_like_l_with_a_stroke_fold_away() {
        assert_eq!(parse("Zoë ŁUKASZ"), [word("zoe"), word("lukasz")]);
    }

    #[test]
    fn quoted_words_are_a_phrase_and_an_unclosed_quote_runs_to_the_end() {
        assert_eq!(parse("\"car park\" walk"), [Term::Phrase(vec!["car".into(), "park".into()]), word("walk")]);
        assert_eq!(parse("walk \"car park"), [word("walk"), Term::Phrase(vec!["car".into(), "park".into()])]);
        assert_eq!(parse("\"\""), []);
        assert_eq!(parse("\""), []);
    }

    #[test]
    fn operators_and_punctuation_typed_by_accident_are_only_words_or_nothing() {
        assert_eq!(parse("car AND park"), [word("car"), word("and"), word("park")]);
        assert_eq!(parse("-walk* (group) ^ : NEAR"), [word("walk"), word("group"), word("near")]);
        assert_eq!(parse("*** --- ()"), []);
        assert_eq!(
            fts_query(&parse("car AND park"), &|_| None).as_deref(),
            Some("\"car\"* AND \"and\"* AND \"park\"*")
        );
        assert_eq!(
            fts_query(&parse("a b"), &|_| None).as_deref(),
            Some("\"a\" AND \"b\""),
            "one letter is a word, not a prefix"
        );
        assert_eq!(fts_query(&[], &|_| None), None);
        assert_eq!(
            fts_query(&parse("\"car park\" walk"), &|_| None).as_deref(),
            Some("\"car\" AND \"park\" AND \"walk\"*"),
            "a phrase's words are found whole (the index keeps no positions), then checked in order"
        );
    }

    #[test]
    fn a_long_start_of_a_word_is_read_as_the_whole_words_it_begins() {
        let listed = |w: &str| match w {
            "meeting" => Some(vec!["meeting".to_string(), "meetings".to_string()]),
            "zzzz" => Some(Vec::new()),
            _ => None,
        };
        assert_eq!(
            fts_query(&parse("meeting car"), &listed).as_deref(),
            Some("(\"meeting\" OR \"meetings\") AND \"car\"*"),
            "three letters or fewer stay a prefix (the index keeps their lists)"
        );
        assert_eq!(fts_query(&parse("zzzz"), &listed).as_deref(), Some("\"zzzz\""), "no word begins so");
        assert_eq!(fts_query(&parse("walking"), &listed).as_deref(), Some("\"walking\"*"), "too many to list");
        let odd = |_: &str| Some(vec!["a\"b".to_string()]);
        assert_eq!(fts_query(&parse("abcd"), &odd).as_deref(), Some("(\"a\"\"b\")"), "a quote is doubled");
    }

    #[test]
    fn a_phrase_is_its_words_in_order_whatever_the_accents_and_punctuation() {
        let car_park = parse("\"car park\" walk");
        assert!(has_phrases(&car_park, "The CAR, park was full"));
        assert!(!has_phrases(&car_park, "park the car"));
        assert!(!has_phrases(&car_park, "car parking"));
        assert!(has_phrases(&parse("\"zoe bronte\""), "Zoë Brontë"));
        assert!(has_phrases(&parse("walk"), "anything at all"), "words alone are not checked here");
    }

    proptest! {
        /// Why: anything typed (any script, any punctuation) becomes a query of quoted runs of
        /// letters and digits only, so FTS5 can never be handed syntax it refuses.
        #[test]
        fn anything_typed_becomes_only_quoted_letters_and_digits(typed in "\\PC{0,60}") {
            if let Some(query) = fts_query(&parse(&typed), &|_| None) {
                for piece in query.split('"').skip(1).step_by(2) {
                    prop_assert!(piece.chars().all(|c| c.is_alphanumeric() || c == ' '), "{piece:?}");
                    prop_assert!(!piece.trim().is_empty());
                }
                prop_assert_eq!(query.matches('"').count() % 2, 0);
                let outside: String = query.split('"').step_by(2).collect();
                prop_assert!(outside.split_whitespace().all(|w| ["AND", "*"].contains(&w)), "{outside:?}");
            }
        }
    }
}
