//! A warning, not a rule: feedback is kept without patients' names, so words that look as if
//! they name someone ("Mrs Patel", "Mr. O'Brien") are pointed out before saving. Only the
//! obvious pattern is looked for (a title and a capitalised word); anything else is the
//! volunteer's judgement.

const TITLES: [&str; 7] = ["mr", "mrs", "ms", "miss", "mx", "dr", "dr."];

/// The first "Title Name" in `words`, as written, if there is one.
pub fn looks_like_a_name(words: &str) -> Option<String> {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    tokens.windows(2).find_map(|pair| {
        let title = pair[0].trim_start_matches(|c: char| !c.is_alphanumeric());
        let bare = title.trim_end_matches('.').to_lowercase();
        if !TITLES.contains(&bare.as_str()) || title.ends_with(',') {
            return None;
        }
        let name = pair[1].trim_end_matches(|c: char| !c.is_alphanumeric());
        let mut letters = name.chars();
        let first = letters.next()?;
        let rest_lower = letters.clone().any(char::is_lowercase);
        (first.is_uppercase() && rest_lower).then(|| format!("{title} {name}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_and_a_name_is_pointed_out_and_ordinary_words_are_not() {
        assert_eq!(looks_like_a_name("Mrs Patel waited an hour").as_deref(), Some("Mrs Patel"));
        assert_eq!(looks_like_a_name("I saw Dr. Carter, who was kind").as_deref(), Some("Dr. Carter"));
        assert_eq!(looks_like_a_name("(Mr O'Brien) said so").as_deref(), Some("Mr O'Brien"));
        assert_eq!(looks_like_a_name("Zoë told Mr Łukaszewicz").as_deref(), Some("Mr Łukaszewicz"));
        assert_eq!(looks_like_a_name("The phone queue is too long"), None);
        assert_eq!(looks_like_a_name("the doctor, Mr"), None);
        assert_eq!(looks_like_a_name("Ms RSVP"), None, "an all-capitals word is not a name");
        assert_eq!(looks_like_a_name("Mrs the receptionist"), None);
    }

    proptest::proptest! {
        /// Any text is read safely, and a title followed by a capitalised name is always found.
        #[test]
        fn any_words_are_read_safely(before in "\\PC{0,60}", name in "[A-Z][a-z]{1,12}", after in "\\PC{0,60}") {
            let _ = looks_like_a_name(&before);
            let words = format!("{before} Mrs {name} {after}");
            let found = looks_like_a_name(&words);
            proptest::prop_assert!(found.is_some(), "{words}");
        }
    }
}
