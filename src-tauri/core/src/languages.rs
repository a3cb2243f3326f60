//! The languages a PPG prints in: each with its code (BCP 47, for the PDF's language tags),
//! its name in English and its name in itself (as its readers look for it on a list). A
//! bulletin article, a survey and a directory entry each say which they are in; a bulletin
//! can be printed as an edition in one of them, its articles' translations in place.

use serde::Serialize;
use ts_rs::TS;

use crate::check::Checker;

/// One language: `code` is what is stored and tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Language {
    pub code: &'static str,
    pub english: &'static str,
    pub own: &'static str,
}

const fn lang(code: &'static str, english: &'static str, own: &'static str) -> Language {
    Language { code, english, own }
}

/// English first, then the languages most read in England's surgeries, by English name.
pub const LANGUAGES: [Language; 32] = [
    lang("en", "English", "English"),
    lang("am", "Amharic", "አማርኛ"),
    lang("ar", "Arabic", "العربية"),
    lang("bn", "Bengali", "বাংলা"),
    lang("zh-Hans", "Chinese (simplified)", "简体中文"),
    lang("zh-Hant", "Chinese (traditional)", "繁體中文"),
    lang("fa", "Farsi (Persian)", "فارسی"),
    lang("fr", "French", "Français"),
    lang("gu", "Gujarati", "ગુજરાતી"),
    lang("he", "Hebrew", "עברית"),
    lang("hi", "Hindi", "हिन्दी"),
    lang("it", "Italian", "Italiano"),
    lang("ja", "Japanese", "日本語"),
    lang("ko", "Korean", "한국어"),
    lang("ku", "Kurdish", "Kurdî"),
    lang("lt", "Lithuanian", "Lietuvių"),
    lang("ne", "Nepali", "नेपाली"),
    lang("ps", "Pashto", "پښتو"),
    lang("pl", "Polish", "Polski"),
    lang("pt", "Portuguese", "Português"),
    lang("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    lang("ro", "Romanian", "Română"),
    lang("ru", "Russian", "Русский"),
    lang("so", "Somali", "Soomaali"),
    lang("es", "Spanish", "Español"),
    lang("ta", "Tamil", "தமிழ்"),
    lang("th", "Thai", "ไทย"),
    lang("ti", "Tigrinya", "ትግርኛ"),
    lang("tr", "Turkish", "Türkçe"),
    lang("uk", "Ukrainian", "Українська"),
    lang("ur", "Urdu", "اردو"),
    lang("cy", "Welsh", "Cymraeg"),
];

/// The language with `code`, if it is on the list.
pub fn find(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The code a PDF is tagged with: English as written in England.
pub fn pdf_code(code: &str) -> String {
    if code == "en" {
        "en-GB".into()
    } else {
        code.to_string()
    }
}

/// Checks a language chosen for `field` (empty means English) and gives its code.
pub fn checked(c: &mut Checker, field: &str, code: &str) -> String {
    let code = code.trim();
    if code.is_empty() {
        return "en".into();
    }
    match find(code) {
        Some(language) => language.code.to_string(),
        None => {
            c.fail(field, "Please choose the language from the list.");
            "en".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_fit_the_shape_the_database_allows() {
        // Why: the SQL CHECK of migration 39 allows "xx", "xxx" and "xx-Xxxx"; a code outside
        // it would be refused by the database after passing the Rust check.
        let shape = |c: &str| {
            let (lang, script) = c.split_once('-').unwrap_or((c, ""));
            (2..=3).contains(&lang.len())
                && lang.chars().all(|ch| ch.is_ascii_lowercase())
                && (script.is_empty()
                    || (script.len() == 4
                        && script.starts_with(|ch: char| ch.is_ascii_uppercase())
                        && script.chars().skip(1).all(|ch| ch.is_ascii_lowercase())))
        };
        for (i, l) in LANGUAGES.iter().enumerate() {
            assert!(shape(l.code), "{}", l.code);
            assert!(LANGUAGES.iter().skip(i + 1).all(|m| m.code != l.code), "{} twice", l.code);
        }
    }

    #[test]
    fn an_empty_choice_is_english_and_an_unknown_one_is_refused_beside_its_field() {
        let mut c = Checker::new();
        assert_eq!(checked(&mut c, "language", ""), "en");
        assert_eq!(checked(&mut c, "language", " bn "), "bn");
        assert!(c.finish().is_ok());
        let mut c = Checker::new();
        checked(&mut c, "language", "klingon");
        match c.finish() {
            Err(crate::error::Error::Invalid(fields)) => {
                assert_eq!(fields[0].field, "language");
                assert!(fields[0].message.contains("choose the language"), "{:?}", fields[0]);
            }
            other => panic!("{other:?}"),
        }
    }
}
