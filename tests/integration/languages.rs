//! A language per item (issue #25): a bulletin article, a survey and a directory entry say
//! which language they are in; the PDF is tagged with the document's language (/Lang) and
//! marks text in another; a bulletin prints as an edition in a language, each article's
//! translation in its place, the issue as written staying as it was.

use ppg_desk_core::bulletins::{self, editing, ArticleInput, ArticleKind, BulletinInput};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::error::Error;
use ppg_desk_core::print::Profile;

use crate::print::{sample_store, tool};

const NOW: &str = "2026-11-24T10:00:00";

fn issue(store: &crate::support::TempStore) -> (i64, i64, i64) {
    let input = BulletinInput {
        number: "77".into(),
        month: "2027-02".into(),
        title: "Riverside News".into(),
        strapline: String::new(),
        target_pages: 2,
    };
    store
        .state
        .write(|tx| {
            let id = editing::create(tx, &input, NOW)?;
            let flu = bulletins::add_article(tx, id, ArticleKind::Article, "Flu clinic", "Saturday from nine.", NOW)?;
            let walk = bulletins::add_article(tx, id, ArticleKind::Article, "Walking group", "Mondays at ten.", NOW)?;
            Ok((id, flu, walk))
        })
        .unwrap()
}

fn pdf(store: &crate::support::TempStore, id: i64, edition: Option<&str>) -> Vec<u8> {
    let kind = DocumentKind::Bulletin { bulletin_id: id, edition: edition.map(str::to_string) };
    documents::render(&store.state, &kind, Profile::Standard, store.state.now()).unwrap()
}

/// The PDF's objects and page contents uncompressed (qpdf's QDF form), to read its tags.
fn raw(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("in.pdf"), dir.path().join("out.pdf"));
    std::fs::write(&from, pdf).unwrap();
    let done =
        std::process::Command::new("qpdf").arg("--qdf").arg("--object-streams=disable").arg(&from).arg(&to).status();
    assert!(done.unwrap().success());
    String::from_utf8_lossy(&std::fs::read(&to).unwrap()).into_owned()
}

#[test]
fn a_translated_edition_prints_the_translation_in_the_original_s_place() {
    let store = sample_store();
    let (id, flu, _) = issue(&store);
    let bengali = store.state.write(|tx| editing::translate(tx, id, flu, "bn", NOW)).unwrap();
    let words = ArticleInput {
        title: "ফ্লু ক্লিনিক".into(),
        body: "শনিবার সকাল নয়টা থেকে।".into(),
        language: "bn".into(),
        ..Default::default()
    };
    store.state.write(|tx| editing::save_article(tx, bengali, &words, NOW)).unwrap();

    let detail = store.state.read(|conn| documents::bulletin::detail(conn, id)).unwrap();
    assert_eq!(detail.editions, ["bn"]);
    let translation = detail.articles.iter().find(|a| a.id == bengali).unwrap();
    assert_eq!((translation.translation_of, translation.language.as_str()), (Some(flu), "bn"));

    let written = tool("pdftotext", &["-raw"], &pdf(&store, id, None));
    assert!(written.contains("Flu clinic") && !written.contains("ফ্লু"), "the issue as written: {written}");
    let edition = pdf(&store, id, Some("bn"));
    let text = tool("pdftotext", &["-raw"], &edition);
    assert!(text.contains("ফ্লু ক্লিনিক") && !text.contains("Flu clinic"), "{text}");
    assert!(text.contains("Walking group"), "an article with no translation prints as written: {text}");
    assert!(text.contains("বাংলা"), "the edition names its language under the masthead: {text}");
    assert!(raw(&edition).contains("/Lang (bn)"), "the edition is tagged as Bengali");
    assert!(tool("pdffonts", &[], &edition).contains("NotoSansBengali-"));
}

#[test]
fn a_translation_is_refused_in_its_own_language_twice_or_of_a_translation() {
    let store = sample_store();
    let (id, flu, _) = issue(&store);
    let field = |r: Result<i64, Error>| match r {
        Err(Error::Invalid(fields)) => fields[0].field.clone(),
        other => panic!("not refused: {other:?}"),
    };
    assert_eq!(field(store.state.write(|tx| editing::translate(tx, id, flu, "en", NOW))), "language");
    assert_eq!(field(store.state.write(|tx| editing::translate(tx, id, flu, "klingon", NOW))), "language");
    let urdu = store.state.write(|tx| editing::translate(tx, id, flu, "ur", NOW)).unwrap();
    assert_eq!(field(store.state.write(|tx| editing::translate(tx, id, flu, "ur", NOW))), "language");
    assert_eq!(field(store.state.write(|tx| editing::translate(tx, id, urdu, "pl", NOW))), "language");
    // A translation's language changed later: not to its original's, nor to another's.
    let polish = store.state.write(|tx| editing::translate(tx, id, flu, "pl", NOW)).unwrap();
    for taken in ["en", "ur"] {
        let input = ArticleInput { title: "Szczepienia".into(), language: taken.into(), ..Default::default() };
        let saved = store.state.write(|tx| editing::save_article(tx, polish, &input, NOW).map(|_| 0));
        assert_eq!(field(saved), "language", "{taken}");
    }
    let refused =
        store.state.write(|tx| Ok(tx.execute("UPDATE bulletin_articles SET language = 'ur' WHERE id = ?1", [polish])?));
    assert!(refused.is_err(), "the database refuses it too");
    let original = ArticleInput { title: "Flu clinic".into(), language: "pl".into(), ..Default::default() };
    let saved = store.state.write(|tx| editing::save_article(tx, flu, &original, NOW).map(|_| 0));
    assert_eq!(field(saved), "language", "an original never takes a translation's language");
    // The database refuses what Rust would: a language outside the shape, a second Urdu one.
    let refused = store
        .state
        .write(|tx| Ok(tx.execute("UPDATE bulletin_articles SET language = 'Bengali' WHERE id = ?1", [urdu])?));
    assert!(refused.is_err());
    // Removing the original removes its translations.
    store.state.write(|tx| bulletins::delete_article(tx, flu)).unwrap();
    let left = store.state.read(|conn| documents::bulletin::detail(conn, id)).unwrap();
    assert!(left.articles.iter().all(|a| a.id != urdu) && left.editions.is_empty());
}

#[test]
fn an_english_document_says_it_is_in_english_and_other_text_is_marked() {
    let store = sample_store();
    let (id, flu, _) = issue(&store);
    let polish = ArticleInput {
        title: "Szczepienia".into(),
        body: "W sobotę.".into(),
        language: "pl".into(),
        ..Default::default()
    };
    store.state.write(|tx| editing::save_article(tx, flu, &polish, NOW)).unwrap();
    let tags = raw(&pdf(&store, id, None));
    assert!(tags.contains("/Lang (en-GB)"), "the catalog names English");
    let marks = tags.lines().filter(|l| l.contains("/Span <</Lang(pl)>> BDC")).count();
    assert!(marks >= 2, "the Polish article's heading and text are marked as Polish: {marks}");
    assert_eq!(tags.lines().filter(|l| l.contains("/Lang(en")).count(), 0, "English text needs no mark");
}

#[test]
fn a_directory_entry_in_another_language_is_marked_so_and_prints_in_its_script() {
    use ppg_desk_core::directory::{self, EntryInput};
    let store = sample_store();
    let input = EntryInput {
        name: "স্বাস্থ্য ক্লাব".into(),
        offers: "প্রতি মঙ্গলবার হাঁটা".into(),
        language: "bn".into(),
        ..Default::default()
    };
    let today = store.state.today();
    let id = store
        .state
        .write(|tx| directory::insert(tx, &input.checked(today)?, &directory::new_oruk_id(), "{}", NOW))
        .unwrap();
    let saved = store.state.read(|conn| directory::get(conn, id, today)).unwrap();
    assert_eq!(saved.language, "bn");
    let bad = EntryInput { name: "Walk".into(), language: "Bengali".into(), ..Default::default() };
    assert!(matches!(bad.checked(today), Err(Error::Invalid(f)) if f[0].field == "language"));

    let kind = DocumentKind::Directory { category_id: None };
    let pdf = documents::render(&store.state, &kind, Profile::Standard, store.state.now()).unwrap();
    assert!(tool("pdftotext", &["-raw"], &pdf).contains("স্বাস্থ্য ক্লাব"));
    let tags = raw(&pdf);
    assert!(
        tags.contains("/Lang (en-GB)") && tags.contains("/Span <</Lang(bn)>> BDC"),
        "the entry is marked as Bengali"
    );
}
