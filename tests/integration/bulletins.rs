//! The bulletin through the same functions as the editor: the printed text in reading order
//! (two columns read column by column), pictures with their text alternative, the page-count
//! feedback, large print's size rule, ready-made sections, copying the last issue, and a
//! published issue frozen and reprinted exactly.

use ppg_desk_core::bulletins::{self, editing, ArticleInput, ArticleKind, BulletinInput};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::error::Error;
use ppg_desk_core::print::{self, Profile};

use crate::print::{sample_store, tool};

const NOW: &str = "2026-11-24T10:00:00";

fn png() -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::new_rgb8(300, 200)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn new_issue(store: &crate::support::TempStore, number: u32, target: u32) -> i64 {
    let input = BulletinInput {
        number: number.to_string(),
        month: "2027-01".into(),
        title: "Test News".into(),
        strapline: String::new(),
        target_pages: target,
    };
    store.state.write(|tx| editing::create(tx, &input, NOW)).unwrap()
}

fn add(store: &crate::support::TempStore, id: i64, title: &str, body: &str) -> i64 {
    store.state.write(|tx| bulletins::add_article(tx, id, ArticleKind::Article, title, body, NOW)).unwrap()
}

/// The PDF's text in the order it is written (what screen readers follow), not as guessed
/// from where it sits on the page.
fn text(store: &crate::support::TempStore, id: i64, profile: Profile) -> String {
    let bytes = documents::render(
        &store.state,
        &DocumentKind::Bulletin { bulletin_id: id, edition: None },
        profile,
        store.state.now(),
    )
    .unwrap();
    tool("pdftotext", &["-raw"], &bytes).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_article_prints_in_reading_order_with_pictures_described() {
    let store = sample_store();
    let id = new_issue(&store, 90, 2);
    let paragraph =
        "Volunteers helped at the Saturday clinic and spoke to many patients about the group and how to join it. "
            .repeat(3);
    for n in 1..=6 {
        let article = add(&store, id, &format!("Story number {n}"), &format!("{paragraph}\n\n- marker {n} ends here"));
        if n == 2 {
            store
                .state
                .write(|tx| editing::set_picture(tx, article, &png(), "Volunteers at the flu clinic", NOW))
                .unwrap();
        }
        if n == 3 {
            let input = ArticleInput {
                title: "Story number 3".into(),
                body: "Short.\n\n- marker 3 ends here".into(),
                box_text: "Boxed words for story three".into(),
                ..Default::default()
            };
            store.state.write(|tx| editing::save_article(tx, article, &input, NOW)).unwrap();
        }
    }
    let printed = text(&store, id, Profile::Standard);
    let mut at = 0;
    for n in 1..=6 {
        for needle in [format!("Story number {n}"), format!("marker {n} ends here")] {
            at += printed[at..]
                .find(&needle)
                .unwrap_or_else(|| panic!("{needle:?} after what comes before it:\n{printed}"));
        }
    }
    assert!(printed.contains("Volunteers at the flu clinic"), "the picture's text alternative is in the PDF");
    assert!(printed.contains("Boxed words for story three"));
    let bytes = documents::render(
        &store.state,
        &DocumentKind::Bulletin { bulletin_id: id, edition: None },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    assert!(tool("pdfimages", &["-list"], &bytes).lines().count() > 2, "the picture is embedded");
}

#[test]
fn the_editor_says_when_an_issue_needs_more_pages_and_large_print_keeps_its_size() {
    let store = sample_store();
    let id = new_issue(&store, 91, 4);
    let long = "The practice has a new telephone system with a call-back option, so patients no longer need to wait in a queue. ".repeat(14);
    for n in 0..14 {
        add(&store, id, &format!("A long story {n}"), &long);
    }
    let detail = store.state.read(|conn| ppg_desk_core::documents::bulletin::detail(conn, id)).unwrap();
    assert!(detail.pages.standard >= 5 && !detail.pages.fits, "{:?}", detail.pages);
    assert!(
        detail.pages.message.starts_with(&format!("Needs {} pages: more than 4. Shorten or remove an article (the last page would be page {}). From “A long story ", detail.pages.standard, detail.pages.standard)),
        "says how many pages and which article runs over: {}",
        detail.pages.message
    );
    assert!(detail.pages.large_print > detail.pages.standard);

    let (bulletin, articles) =
        store.state.read(|conn| Ok((bulletins::get(conn, id)?, bulletins::articles(conn, id)?))).unwrap();
    let document = documents::bulletin::bulletin(&Default::default(), &bulletin, &articles, None, None);
    let laid = print::lay_out(&document, Profile::LargePrint);
    let smallest = crate::print::smallest_text(&laid);
    assert!(smallest >= 16.0, "large print is at least 16 pt everywhere, page numbers too: {smallest}");
}

#[test]
fn ready_made_sections_fill_from_the_store_and_stay_editable() {
    let store = sample_store();
    let today = store.state.today();
    let id = new_issue(&store, 92, 2);
    let detail = store
        .state
        .write(|tx| {
            editing::add(tx, id, ArticleKind::Diary, &[], today, NOW)?;
            editing::add(tx, id, ArticleKind::Splw, &[], today, NOW)?;
            ppg_desk_core::documents::bulletin::detail(tx, id)
        })
        .unwrap();
    let next = store
        .state
        .read(ppg_desk_core::meetings::list)
        .unwrap()
        .into_iter()
        .filter(|m| m.meets_on >= today.to_string())
        .min_by(|a, b| a.meets_on.cmp(&b.meets_on))
        .unwrap();
    assert!(
        detail.articles[0].body.contains(&ppg_desk_core::words::long_date(&next.meets_on)),
        "the next meeting's date: {}",
        detail.articles[0].body
    );
    assert!(
        detail.articles[1].body.contains("Chloé Dubois") && detail.articles[1].body.contains("To be referred"),
        "{}",
        detail.articles[1].body
    );
    let Err(Error::Invalid(fields)) =
        store.state.write(|tx| editing::add(tx, id, ArticleKind::Groups, &[], today, NOW))
    else {
        panic!("groups must be chosen")
    };
    assert_eq!(fields[0].field, "chosen");
    let open = store
        .state
        .read(|conn| {
            ppg_desk_core::actions::all_matching(
                conn,
                &ppg_desk_core::actions::views::ActionFilter::of(ppg_desk_core::actions::views::ActionView::Open),
                today,
            )
        })
        .unwrap();
    let Err(Error::Refused(why)) =
        store.state.write(|tx| editing::add(tx, id, ArticleKind::YouSaid, &[open[0].id], today, NOW))
    else {
        panic!("only done actions")
    };
    assert!(why.contains("is not marked as done yet"), "{why}");
    let edited =
        ArticleInput { title: "Dates for your diary".into(), body: "Changed by hand.".into(), ..Default::default() };
    store.state.write(|tx| editing::save_article(tx, detail.articles[0].id, &edited, NOW)).unwrap();
    assert_eq!(
        store.state.read(|conn| ppg_desk_core::documents::bulletin::detail(conn, id)).unwrap().articles[0].body,
        "Changed by hand."
    );
}

#[test]
fn the_next_issue_copies_the_last_and_a_published_issue_is_frozen_and_reprints_exactly() {
    let store = sample_store();
    let today = store.state.today();
    let issues = store.state.read(bulletins::list).unwrap();
    assert_eq!(issues.len(), 12, "the sample has twelve monthly issues");
    let last = &issues[0];
    let copy = store.state.write(|tx| editing::copy_last(tx, today, NOW)).unwrap();
    let detail = store.state.read(|conn| ppg_desk_core::documents::bulletin::detail(conn, copy)).unwrap();
    assert_eq!(detail.bulletin.number, last.number + 1);
    assert_eq!(detail.bulletin.month, ppg_desk_core::bulletins::next_month(&last.month).unwrap());
    assert_eq!(detail.articles.len() as u32, last.articles);

    let published = issues.iter().find(|b| b.published_on.is_some()).unwrap();
    let kept = store.state.read(|conn| bulletins::printed(conn, published.id, "standard")).unwrap().unwrap();
    let reprinted = documents::render(
        &store.state,
        &DocumentKind::Bulletin { bulletin_id: published.id, edition: None },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    assert_eq!(reprinted, kept, "a published issue reprints byte for byte as it was");
    let article = store.state.read(|conn| bulletins::articles(conn, published.id)).unwrap()[0].article.id;
    let Err(Error::Refused(why)) = store.state.write(|tx| {
        editing::save_article(tx, article, &ArticleInput { title: "Changed".into(), ..Default::default() }, NOW)
    }) else {
        panic!("frozen")
    };
    assert_eq!(why, "This issue has been published and cannot be changed.");
    assert!(
        store
            .state
            .write(|tx| Ok(tx.execute("UPDATE bulletins SET title = 'x' WHERE id = ?1", [published.id])?))
            .is_err(),
        "SQL refuses too"
    );
    let Err(Error::Invalid(fields)) = store.state.write(|tx| {
        editing::create(
            tx,
            &BulletinInput {
                number: last.number.to_string(),
                month: "2027-01".into(),
                title: "T".into(),
                strapline: String::new(),
                target_pages: 2,
            },
            NOW,
        )
    }) else {
        panic!("numbers are unique")
    };
    assert_eq!(fields[0].field, "number");
}
