//! Printing benchmarks: a two-page agenda-like document and a real four-page two-column
//! bulletin issue with two pictures, each in both profiles, from document model to PDF bytes.
//! Budgets (release build, this project's 2-core machine) are in benches/budgets.json and
//! are checked by `make bench`.

use std::hint::black_box;
use std::io::Cursor;

use criterion::{criterion_group, criterion_main, Criterion};
use ppg_desk_core::print::{self, Block, Column, Document, Profile, Run};

fn agenda() -> Document {
    let mut doc = Document::new("Agenda: committee meeting", "Riverside Surgery Patient Participation Group");
    doc.subtitle = vec!["Tuesday 8 December 2026, 6.30pm to 8pm".into(), "Community Room, Riverside Surgery".into()];
    let items = [
        "Welcome and apologies",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising and action log",
        "Practice update",
        "Social prescribing update from the link worker",
        "Volunteer drivers",
        "Befriending scheme",
        "Treasurer's report",
        "Patient survey results",
        "Any other business",
        "Date of next meeting",
    ];
    doc.push(Block::Numbered(
        items
            .iter()
            .map(|i| {
                vec![
                    Run::bold(*i),
                    Run::plain(" – presented by Margaret Ellis, 10 minutes. For discussion and decision where needed."),
                ]
            })
            .collect(),
    ));
    doc.heading(1, "Open actions");
    doc.push(Block::Table {
        columns: vec![
            Column { heading: "Action".into(), weight: 5.0 },
            Column { heading: "Owner".into(), weight: 2.0 },
            Column { heading: "Due".into(), weight: 1.6 },
        ],
        rows: (1..=14)
            .map(|i| {
                vec![
                    format!("Action {i}: ask the practice about the call-back option and report to the next meeting"),
                    "Łukasz Nowak".into(),
                    "12 Jan 2027".into(),
                ]
            })
            .collect(),
    });
    doc
}

fn picture(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 184]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

/// A real bulletin issue (masthead, two columns, running header) of four pages with two
/// pictures, built by the same code as the app's bulletin.
fn bulletin() -> Document {
    use ppg_desk_core::bulletins::{Article, ArticleKind, Bulletin, PrintedArticle};
    let issue = Bulletin {
        id: 1,
        number: 24,
        month: "2026-12".into(),
        title: "Riverside PPG News".into(),
        strapline: "From your Patient Participation Group".into(),
        target_pages: 4,
        published_on: None,
        articles: 15,
    };
    let body = "The practice has a new telephone system with a call-back option, so patients no longer need to wait in a queue. Our volunteers helped at the Saturday flu clinic and spoke to more than two hundred patients about the PPG and how to join.\n\n- **When:** Tuesdays, 10am to noon\n- **Where:** the Community Room\n\nEveryone is welcome, and there is no need to book. Large-print copies of this bulletin are at reception.";
    let articles: Vec<PrintedArticle> = (0..15)
        .map(|n| PrintedArticle {
            article: Article {
                id: n,
                kind: ArticleKind::Article,
                title: format!("News item {}: what the PPG has been doing", n + 1),
                body: body.into(),
                has_image: n % 8 == 0,
                image_alt: "Volunteers at the flu clinic".into(),
                box_text: if n % 4 == 1 { "Ring 01632 960000 and choose option 1.".into() } else { String::new() },
                language: "en".into(),
                translation_of: None,
            },
            image: (n % 8 == 0).then(|| picture(320, 200)),
        })
        .collect();
    let settings = ppg_desk_core::settings::Settings {
        group_name: "Riverside Surgery Patient Participation Group".into(),
        ..Default::default()
    };
    ppg_desk_core::documents::bulletin::bulletin(&settings, &issue, &articles, None, None)
}

fn pages(document: &Document, profile: Profile) -> usize {
    print::lay_out(document, profile).pages.len()
}

fn benchmarks(c: &mut Criterion) {
    let (agenda, bulletin) = (agenda(), bulletin());
    assert_eq!(pages(&agenda, Profile::Standard), 2, "the agenda-like document is two pages");
    assert_eq!(pages(&bulletin, Profile::Standard), 4, "the bulletin issue is four pages");
    for profile in [Profile::Standard, Profile::LargePrint] {
        c.bench_function(&format!("agenda_2_pages_{}", profile.slug()), |b| {
            b.iter(|| print::render(black_box(&agenda), profile, 1_790_000_000).unwrap())
        });
        c.bench_function(&format!("bulletin_4_pages_{}", profile.slug()), |b| {
            b.iter(|| print::render(black_box(&bulletin), profile, 1_790_000_000).unwrap())
        });
    }
}

criterion_group! {
    name = print_benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benchmarks
}
criterion_main!(print_benches);
