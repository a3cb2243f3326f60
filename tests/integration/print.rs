//! Printing, checked on the PDFs and the laid-out boxes rather than bytes: text in reading
//! order with accents intact, fonts embedded and subset, sizes, margins, header repetition,
//! metadata, and qpdf's structural check.

use std::io::Write;
use std::process::Command;

use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::print::layout::{Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use ppg_desk_core::print::{self, Block, Column, Document, Profile, Run};

use crate::support::{add_person, temp_store, TempStore};

/// Runs a poppler or qpdf tool on PDF bytes (installed by `make setup`).
pub fn tool(program: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let out = Command::new(program)
        .args(args)
        .arg(file.path())
        .args(if program == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed for the print tests ({e}); `make setup` installs it"));
    assert!(out.status.success() || program == "qpdf", "{program} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The smallest text size anywhere in a laid-out document (page numbers included).
pub fn smallest_text(laid: &print::layout::Laid) -> f32 {
    laid.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { size, .. } => Some(*size),
            _ => None,
        })
        .fold(f32::MAX, f32::min)
}

pub fn sample_store() -> TempStore {
    let store = temp_store();
    let (today, now) = (store.state.today(), "2026-11-24T10:00:00".to_string());
    store.state.write(|tx| ppg_desk_core::sample::load(tx, today, &now)).unwrap();
    store
}

fn contact_list(store: &TempStore, profile: Profile) -> Vec<u8> {
    documents::render(&store.state, &DocumentKind::Members, profile, store.state.now()).unwrap()
}

#[test]
fn the_contact_list_has_everyone_current_in_reading_order_with_accents_exact() {
    let store = sample_store();
    let text = tool("pdftotext", &[], &contact_list(&store, Profile::Standard));
    for name in ["Zoë Brontë-Smith", "Łukasz Nowak", "Siobhán O'Connor", "Tomasz Wiśniewski"] {
        assert!(text.contains(name), "{name} appears exactly:\n{text}");
    }
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(
        at("Officers") < at("Committee")
            && at("Committee") < at("Practice staff")
            && at("Practice staff") < at("Members")
    );
    assert!(!text.contains("Kenneth Ashworth"), "people who have left are not listed");
    assert!(text.contains("Page 1 of"), "pages are numbered");
}

#[test]
fn only_agreed_contact_details_are_printed() {
    let store = temp_store();
    store.state.write(|tx| ppg_desk_core::settings::save(tx, &test_settings(), "now")).unwrap();
    add_person(&store.state, "Aisha Begum", |p| {
        p.email = "aisha@example.org".into();
        p.phone = "07700 900505".into();
        p.contact_by_email = true;
        p.contact_consent_on = "01/01/2026".into();
    });
    let text = tool("pdftotext", &[], &contact_list(&store, Profile::Standard));
    assert!(text.contains("aisha@example.org"));
    assert!(!text.contains("07700 900505"), "a phone number she did not agree to share is not printed");
}

fn test_settings() -> ppg_desk_core::settings::Settings {
    ppg_desk_core::settings::Settings { group_name: "Test PPG".into(), ..Default::default() }
}

#[test]
fn fonts_are_embedded_and_subset_so_the_file_stays_small() {
    let store = sample_store();
    let pdf = contact_list(&store, Profile::Standard);
    let fonts = tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.contains("CID TrueType") && r.split_whitespace().rev().nth(4) == Some("yes")),
        "every font embedded:\n{fonts}"
    );
    let pages: usize =
        tool("pdfinfo", &[], &pdf).lines().find(|l| l.starts_with("Pages:")).unwrap()[6..].trim().parse().unwrap();
    assert!(pages <= 2, "the sample contact list fits on two pages, got {pages}");
    assert!(pdf.len() < 100 * 1024, "a two-page document is under 100 KB, got {} bytes", pdf.len());
}

#[test]
fn metadata_names_the_document_and_the_ppg_and_qpdf_finds_no_fault() {
    let store = sample_store();
    let pdf = contact_list(&store, Profile::LargePrint);
    let info = tool("pdfinfo", &[], &pdf);
    assert!(info.contains("Contact list") && info.contains("Riverside Surgery Patient Participation Group"), "{info}");
    assert!(!info.contains("1970"), "the creation date is real: {info}");
    let check = tool("qpdf", &["--check"], &pdf);
    assert!(check.contains("No syntax or stream encoding errors found"), "{check}");
}

fn long_document(rows: usize) -> Document {
    let mut doc = Document::new("Action log", "Riverside PPG");
    doc.heading(1, "Open actions");
    doc.push(Block::Table {
        columns: vec![
            Column { heading: "Action".into(), weight: 5.0 },
            Column { heading: "Owner".into(), weight: 2.0 },
        ],
        rows: (0..rows)
            .map(|i| {
                vec![
                    format!(
                        "Action number {i}: ask the practice about the new telephone call-back system and report back"
                    ),
                    "Łukasz Nowak".into(),
                ]
            })
            .collect(),
    });
    doc.paragraph("The quick brown fox jumps over the lazy dog. ".repeat(40));
    doc.push(Block::Bullets(vec![vec![Run::plain("First point")], vec![Run::bold("Second "), Run::plain("point")]]));
    doc
}

#[test]
fn every_page_repeats_the_table_header_and_nothing_crosses_a_margin() {
    for profile in [Profile::Standard, Profile::LargePrint] {
        let laid = print::lay_out(&long_document(60), profile);
        assert!(laid.pages.len() > 2, "{profile:?} runs over several pages");
        for (n, page) in laid.pages.iter().enumerate() {
            for item in &page.items {
                let (left, top, right, bottom) = item.bounds();
                assert!(
                    left >= MARGIN - 0.01 && right <= PAGE_WIDTH - MARGIN + 0.01,
                    "page {n}: {item:?} crosses a side margin"
                );
                assert!(
                    top >= MARGIN - 0.01 && bottom <= PAGE_HEIGHT - MARGIN + 0.01,
                    "page {n}: {item:?} crosses the top or bottom margin"
                );
            }
            let has_rows =
                page.items.iter().any(|i| matches!(i, Item::Text { text, .. } if text.starts_with("Action number")));
            let has_header =
                page.items.iter().any(|i| matches!(i, Item::Text { text, bold: true, .. } if text == "Owner"));
            assert!(!has_rows || has_header, "page {n} of the table repeats its header row");
        }
    }
}

#[test]
fn large_print_body_text_is_at_least_16_point_and_standard_at_least_12() {
    for (profile, minimum) in [(Profile::LargePrint, 16.0), (Profile::Standard, 12.0)] {
        let laid = print::lay_out(&long_document(5), profile);
        let smallest = smallest_text(&laid);
        assert!(smallest >= minimum, "{profile:?}: smallest text is {smallest} pt");
    }
}

#[test]
fn characters_atkinson_lacks_fall_back_to_noto_and_nothing_prints_as_a_box() {
    let mut doc = Document::new("Languages", "Riverside PPG");
    doc.paragraph("Welcome · Witamy · Καλώς ήρθατε · Chào mừng · 😀 · \u{F8FF}");
    let pdf = print::render(&doc, Profile::Standard, 1_790_000_000).unwrap();
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("Καλώς ήρθατε") && text.contains("Chào mừng"), "{text}");
    // Drawn as "(grinning face)" and "?" (print::shape's tests), they copy as what was written.
    assert!(text.contains('😀') && text.contains('\u{F8FF}'), "{text}");
    let drawn: String = print::shape::shape(print::fonts::Fonts::get(), "😀 \u{F8FF}", false, 12.0, false)
        .iter()
        .map(|run| run.drawn.as_str())
        .collect();
    assert_eq!(drawn, "(grinning face) ?", "an emoji is named, a character no font has is a question mark");
    assert!(tool("pdffonts", &[], &pdf).lines().count() >= 4, "Noto Sans is embedded beside Atkinson Hyperlegible");
}

#[test]
fn a_heading_never_ends_a_page_without_what_follows_it() {
    for filler in 0..40 {
        let mut doc = Document::new("Minutes", "Riverside PPG");
        for n in 0..filler {
            doc.paragraph(format!(
                "Paragraph {n} of the discussion, long enough to take a couple of lines on the page in standard print."
            ));
        }
        doc.heading(1, "Decisions");
        doc.paragraph("The PPG agreed to run a stall at the flu clinic.");
        let laid = print::lay_out(&doc, Profile::Standard);
        let page_of = |needle: &str| {
            laid.pages
                .iter()
                .position(|p| p.items.iter().any(|i| matches!(i, Item::Text { text, .. } if text.contains(needle))))
                .unwrap()
        };
        assert_eq!(
            page_of("Decisions"),
            page_of("stall"),
            "with {filler} paragraphs before it, the heading moved with its text"
        );
    }
}

#[test]
fn the_logo_is_printed_beside_the_title() {
    let store = sample_store();
    let picture = {
        let image = image::RgbImage::from_pixel(300, 120, image::Rgb([0, 94, 184]));
        let mut out = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Jpeg)
            .unwrap();
        out
    };
    let png = ppg_desk_core::settings::logo::prepare(&picture).unwrap();
    store.state.write(|tx| ppg_desk_core::settings::save_logo(tx, Some(&png), "now")).unwrap();
    let pdf = contact_list(&store, Profile::Standard);
    let images = tool("pdfimages", &["-list"], &pdf);
    assert_eq!(images.lines().skip(2).count(), 1, "one image, the logo:\n{images}");
    let laid = print::lay_out(
        &documents::build(&store.state, &DocumentKind::Members, store.state.today()).unwrap(),
        Profile::Standard,
    );
    let logo = laid.pages[0].items.iter().find(|i| matches!(i, Item::Image { .. })).expect("the logo is on page 1");
    let (_, _, right, _) = logo.bounds();
    assert!((right - (PAGE_WIDTH - MARGIN)).abs() < 0.5, "the logo sits at the right margin");
}

#[test]
fn going_back_to_one_column_starts_below_both_columns() {
    // Enough two-column text to fill the left column and part of the right, then one column.
    let mut doc = Document::new("Columns", "Test PPG");
    doc.push(Block::Columns(2));
    for n in 0..40 {
        doc.paragraph(format!(
            "Paragraph {n} of the two-column part, long enough to wrap over a few lines in a narrow column."
        ));
    }
    doc.push(Block::Columns(1));
    doc.paragraph("ONE COLUMN AGAIN: this must not overlap the left column.");
    let laid = print::lay_out(&doc, Profile::Standard);
    let page = laid
        .pages
        .iter()
        .find(|p| p.items.iter().any(|i| matches!(i, Item::Text { text, .. } if text.starts_with("ONE"))))
        .unwrap();
    let start =
        page.items.iter().position(|i| matches!(i, Item::Text { text, .. } if text.starts_with("ONE"))).unwrap();
    let top_after = page.items[start..].iter().map(|i| i.bounds().1).fold(f32::MAX, f32::min);
    let bottom_before =
        page.items[..start].iter().filter(|i| i.bounds().1 > MARGIN + 30.0).map(|i| i.bounds().3).fold(0.0, f32::max);
    assert!(
        top_after >= bottom_before,
        "one-column text at {top_after} starts below the columns ending at {bottom_before}"
    );
}

/// A document longer than one drawing part (300 pages) is drawn in parts and joined: every
/// page is there in order with its "Page X of Y", the fonts are embedded, and qpdf finds no
/// fault. (How little memory this takes is measured by `benches/print-memory.sh`.)
#[test]
fn a_very_long_document_is_drawn_in_parts_and_joined_whole() {
    let doc = long_document(5000);
    let pdf = print::render(&doc, Profile::Standard, 0).unwrap();
    let info = tool("pdfinfo", &[], &pdf);
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..].trim().parse().unwrap();
    assert!(pages > 300, "long enough to be drawn in two parts: {pages} pages");
    let check = tool("qpdf", &["--check"], &pdf);
    assert!(check.contains("No syntax or stream encoding errors found"), "{check}");
    for page in [1, 300, 301, pages] {
        let text = tool("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string()], &pdf);
        assert!(text.contains(&format!("Page {page} of {pages}")), "page {page} is in its place:\n{text}");
    }
    let last = tool("pdftotext", &["-f", &pages.to_string(), "-l", &pages.to_string()], &pdf);
    assert!(last.contains("Second point"), "the document's end is on its last page");
    let fonts = tool("pdffonts", &[], &pdf);
    assert!(
        fonts.lines().skip(2).all(|r| r.split_whitespace().rev().nth(4) == Some("yes")),
        "every part's fonts are embedded:\n{fonts}"
    );
}
