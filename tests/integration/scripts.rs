//! Every language the practice's patients read (issue #25): a PDF of text in each script
//! gives the same words back (`pdftotext`, in reading order) with that script's face embedded
//! (`pdffonts`), and looks as it did when it was checked by eye (a rendered PNG against the
//! reference made the same way, `tests/integration/scripts/`: a test that fails if shaping
//! breaks); Urdu with an English name and a phone number comes out in the right visual order
//! and against the right margin; no character is ever lost to `?` but those no face has.

use std::process::Command;

use ppg_desk_core::print::fonts::Fonts;
use ppg_desk_core::print::layout::{Item, MARGIN, PAGE_WIDTH};
use ppg_desk_core::print::wrap::wrap;
use ppg_desk_core::print::{self, Block, Document, Profile, Run};

use crate::print::tool;

/// Each script with a line of it and the face that must print it.
const SCRIPTS: [(&str, &str, &str); 15] = [
    ("bengali", "স্বাস্থ্য ক্লাব ক্ষমা কি", "NotoSansBengali"),
    ("hindi", "स्वास्थ्य क्लब में आपका स्वागत है", "NotoSansDevanagari"),
    ("punjabi", "ਸਿਹਤ ਕਲੱਬ ਵਿੱਚ ਜੀ ਆਇਆਂ ਨੂੰ", "NotoSansGurmukhi"),
    ("gujarati", "આરોગ્ય ક્લબમાં આપનું સ્વાગત છે", "NotoSansGujarati"),
    ("tamil", "உடல்நலக் கழகத்திற்கு வரவேற்கிறோம்", "NotoSansTamil"),
    ("urdu", "صحت کلب میں خوش آمدید", "NotoNaskhArabic"),
    ("arabic", "مرحبا بكم في نادي الصحة", "NotoNaskhArabic"),
    ("hebrew", "ברוכים הבאים למועדון הבריאות", "NotoSansHebrew"),
    ("thai", "ยินดีต้อนรับสู่ชมรมสุขภาพ", "NotoSansThai"),
    ("amharic", "እንኳን ወደ ጤና ክበብ በደህና መጡ", "NotoSansEthiopic"),
    ("polish", "Witamy w klubie zdrowia w Łodzi", "AtkinsonHyperlegible"),
    ("ukrainian", "Ласкаво просимо до клубу здоров’я", "NotoSans"),
    ("chinese", "欢迎来到健康俱乐部", "DroidSansFallback"),
    ("japanese", "健康クラブへようこそ", "DroidSansFallback"),
    ("korean", "건강 클럽에 오신 것을 환영합니다", "NanumSquare"),
];

fn document(text: &str) -> Document {
    let mut document = Document::new("Health club", "Riverside PPG");
    document.blocks.push(Block::Paragraph(vec![Run::plain(text)]));
    document
}

fn pdf(text: &str, profile: Profile) -> Vec<u8> {
    print::render(&document(text), profile, 1_780_000_000).unwrap()
}

/// Letters only, in order: what a reader gets back, whatever the spacing between words.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn each_script_prints_as_its_own_words_in_its_own_face() {
    for (name, text, face) in SCRIPTS {
        for profile in [Profile::Standard, Profile::LargePrint] {
            let pdf = pdf(text, profile);
            let back = tool("pdftotext", &[], &pdf);
            assert!(letters(&back).contains(&letters(text)), "{name}: {text} came back as {back}");
            assert!(!back.contains('?') && !back.contains('\u{FFFD}'), "{name}: {back}");
            let fonts = tool("pdffonts", &[], &pdf);
            let embedded = |l: &str| l.contains(&format!("{face}-")) || l.split_whitespace().next() == Some(face);
            let embedded = embedded_or_weight(&fonts, face, embedded);
            assert!(embedded, "{name}: {face} is embedded:\n{fonts}");
        }
    }
}

/// Whether `pdffonts` lists `face` (by its name before the weight, its whole name, or with
/// Nanum's weight letter: NanumSquareR).
fn embedded_or_weight(fonts: &str, face: &str, named: impl Fn(&str) -> bool) -> bool {
    fonts
        .lines()
        .any(|l| named(l) || l.split_whitespace().next().is_some_and(|n| n.trim_end_matches(['R', 'B']) == face))
}

#[test]
fn an_english_document_embeds_only_atkinson() {
    let fonts = tool("pdffonts", &[], &pdf("Welcome and apologies", Profile::Standard));
    let faces: Vec<&str> = fonts.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    assert!(!faces.is_empty() && faces.iter().all(|f| f.contains("AtkinsonHyperlegible")), "{fonts}");
}

#[test]
fn urdu_with_an_english_name_and_a_phone_number_reads_in_the_right_order() {
    let text = "ڈاکٹر Helen Carter سے 01632 960704 پر رابطہ کریں";
    let lines = wrap(Fonts::get(), &[Run::plain(text)], 13.0, 460.0);
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert!(line.rtl, "the paragraph's direction comes from its first letters");
    let at = |words: &str| {
        line.pieces.iter().position(|p| p.text.contains(words)).unwrap_or_else(|| panic!("{words}: {:?}", line.pieces))
    };
    // Drawn left to right: the last words read first on the left, the first on the right;
    // the number's groups, like the name's words, each left to right, and (as the Unicode
    // rules have it in right-to-left text) its first group to the right of its second.
    assert!(at("رابطہ") < at("960704"), "{:?}", line.pieces);
    assert!(at("960704") < at("01632"));
    assert!(at("01632") < at("سے"));
    assert!(at("سے") < at("Helen Carter"));
    assert!(at("Helen Carter") < at("ڈاکٹر"));
    assert!(!line.pieces[at("Helen Carter")].rtl && line.pieces[at("ڈاکٹر")].rtl);
    // Laid out, it sits against the right margin.
    let laid = print::lay_out(&document(text), Profile::LargePrint);
    let right = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, width, rtl: true, .. } => Some(x + width),
            _ => None,
        })
        .fold(0.0, f32::max);
    assert!((right - (PAGE_WIDTH - MARGIN)).abs() < 1.0, "right-aligned: ends at {right}");
}

#[test]
fn thai_and_chinese_break_between_words_without_spaces_and_lines_never_overflow() {
    for text in ["ยินดีต้อนรับสู่ชมรมสุขภาพ".repeat(6), "欢迎来到健康俱乐部。我们每周二上午十点去散步。".repeat(4)]
    {
        let lines = wrap(Fonts::get(), &[Run::plain(&text)], 18.0, 200.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 200.01), "{lines:?}");
        assert_eq!(lines.iter().map(|l| l.text()).collect::<String>(), text, "nothing lost, no hyphen added");
    }
}

/// The top of the first page as grey pixels (pdftoppm, 50 dots an inch), saved as `to`.
fn render_top(pdf: &[u8], to: &std::path::Path) -> image::GrayImage {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftoppm")
        .args(["-r", "50", "-gray", "-png", "-x", "0", "-y", "30", "-W", "413", "-H", "110", "-singlefile"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::copy(dir.path().join("page.png"), to).unwrap();
    image::open(to).unwrap().to_luma8()
}

#[test]
fn each_script_looks_as_it_did_when_checked_by_eye() {
    let references = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/integration/scripts");
    let renders = tempfile::tempdir().unwrap();
    for (name, text, _) in SCRIPTS {
        let made = renders.path().join(format!("{name}.png"));
        let pixels = render_top(&pdf(text, Profile::LargePrint), &made);
        let reference = references.join(format!("{name}.png"));
        // Made again (and looked at before committing) with PPG_DESK_NEW_REFERENCES=1.
        if std::env::var_os("PPG_DESK_NEW_REFERENCES").is_some() {
            std::fs::copy(&made, &reference).unwrap();
        }
        let expected = image::open(&reference).unwrap_or_else(|e| panic!("{}: {e}", reference.display())).to_luma8();
        assert_eq!(pixels.dimensions(), expected.dimensions(), "{name}");
        let differing = pixels.pixels().zip(expected.pixels()).filter(|(a, b)| a.0[0].abs_diff(b.0[0]) > 64).count();
        let inked = expected.pixels().filter(|p| p.0[0] < 128).count();
        assert!(inked > 100, "{name}: the reference shows the text");
        assert!(
            differing * 50 < inked,
            "{name}: {differing} pixels differ from {} ({inked} inked)",
            reference.display()
        );
    }
}

#[test]
fn a_bulletin_with_a_bengali_article_prints_it_and_stays_small() {
    use ppg_desk_core::bulletins::{self, editing, ArticleKind, BulletinInput};
    use ppg_desk_core::documents::{self, DocumentKind};
    let store = crate::print::sample_store();
    let now = "2026-11-24T10:00:00";
    let input = BulletinInput {
        number: "40".into(),
        month: "2027-01".into(),
        title: "Riverside News".into(),
        strapline: String::new(),
        target_pages: 4,
    };
    let id = store.state.write(|tx| editing::create(tx, &input, now)).unwrap();
    let english = "The practice now opens at 7.30am on Tuesdays for blood tests. ".repeat(12);
    for n in 0..5 {
        let title = format!("News from the practice {n}");
        store.state.write(|tx| bulletins::add_article(tx, id, ArticleKind::Article, &title, &english, now)).unwrap();
    }
    let bengali = "আমাদের স্বাস্থ্য ক্লাবে আপনাকে স্বাগতম। প্রতি মঙ্গলবার সকাল দশটায় আমরা হাঁটতে যাই। ".repeat(6);
    store.state.write(|tx| bulletins::add_article(tx, id, ArticleKind::Article, "স্বাস্থ্য ক্লাব", &bengali, now)).unwrap();
    for profile in [Profile::Standard, Profile::LargePrint] {
        let pdf = documents::render(
            &store.state,
            &DocumentKind::Bulletin { bulletin_id: id, edition: None },
            profile,
            store.state.now(),
        )
        .unwrap();
        let back = letters(&tool("pdftotext", &[], &pdf));
        assert!(back.contains(&letters("আমাদের স্বাস্থ্য ক্লাবে আপনাকে স্বাগতম")), "{back}");
        let pages: usize = tool("pdfinfo", &[], &pdf)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
            .unwrap();
        assert!(pdf.len() < 50 * 1024 * pages, "{profile:?}: {} bytes for {pages} pages", pdf.len());
        eprintln!("{profile:?}: {} bytes, {pages} pages", pdf.len());
        if let Some(dir) = std::env::var_os("PPG_DESK_KEEP_PDFS") {
            std::fs::write(std::path::Path::new(&dir).join(format!("bulletin-bengali-{}.pdf", profile.slug())), &pdf)
                .unwrap();
        }
    }
}

#[test]
fn an_urdu_title_runs_right_to_left_in_the_running_header_too() {
    let mut document = Document::new("صحت کلب کی خبریں", "Riverside PPG");
    for _ in 0..60 {
        document.blocks.push(Block::Paragraph(vec![Run::plain("صحت کلب میں خوش آمدید، ہر منگل کو سیر۔")]));
    }
    let laid = print::lay_out(&document, Profile::LargePrint);
    assert!(laid.pages.len() > 1);
    let header: Vec<&Item> =
        laid.pages[1].items.iter().filter(|i| matches!(i, Item::Text { y, .. } if *y == MARGIN)).collect();
    assert!(!header.is_empty() && header.iter().all(|i| matches!(i, Item::Text { rtl: true, .. })), "{header:?}");
    let right = header.iter().map(|i| i.bounds().2).fold(0.0, f32::max);
    assert!((right - (PAGE_WIDTH - MARGIN)).abs() < 1.0, "set against the right margin: {right}");
    let text = tool("pdftotext", &[], &print::render(&document, Profile::Standard, 1_780_000_000).unwrap());
    assert!(letters(&text).contains(&letters("صحت کلب کی خبریں")), "{text}");
}
