//! What patients told the PPG: the log's rules (in Rust and in SQLite), the themes counted
//! against the store, the name warning, and an improvement agreed, done and read back in
//! "You said, we did" in the bulletin.

use ppg_desk_core::actions::{ActionInput, ActionStatus};
use ppg_desk_core::bulletins::{sections, ArticleKind};
use ppg_desk_core::error::Error;
use ppg_desk_core::feedback::{self, AgreeInput, FeedbackInput, FeedbackSource};

use crate::print::sample_store;

fn input(words: &str, themes: Vec<i64>) -> FeedbackInput {
    FeedbackInput {
        received_on: "2/11/2026".into(),
        source: FeedbackSource::Stand,
        patients: 3,
        words: words.into(),
        themes,
        names_checked: false,
    }
}

fn field_errors(result: Result<impl std::fmt::Debug, Error>) -> Vec<(String, String)> {
    match result {
        Err(Error::Invalid(fields)) => fields.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn the_sample_years_themes_are_counted_as_the_store_holds_them() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let page = state.read(|conn| feedback::page(conn, today)).unwrap();
    let (from, to) = ppg_desk_core::calendar::last_months(12, today);
    assert_eq!(page.tally.months.len(), 12);
    assert!(page.items.len() >= 12, "a year of feedback");
    for row in &page.tally.rows {
        let expected: u32 = state
            .read(|conn| {
                let sql = if row.name == "Not sorted yet" {
                    "SELECT coalesce(sum(patients), 0) FROM feedback f WHERE received_on BETWEEN ?1 AND ?2
                       AND NOT EXISTS (SELECT 1 FROM feedback_item_themes i WHERE i.feedback_id = f.id)"
                        .to_string()
                } else {
                    "SELECT coalesce(sum(f.patients), 0) FROM feedback f JOIN feedback_item_themes i ON i.feedback_id = f.id
                       JOIN feedback_themes t ON t.id = i.theme_id WHERE f.received_on BETWEEN ?1 AND ?2 AND t.name = ?3"
                        .to_string()
                };
                let mut stmt = conn.prepare(&sql)?;
                let n: u32 = if row.name == "Not sorted yet" {
                    stmt.query_row([from.to_string(), to.to_string()], |r| r.get(0))?
                } else {
                    stmt.query_row([from.to_string(), to.to_string(), row.name.clone()], |r| r.get(0))?
                };
                Ok(n)
            })
            .unwrap();
        assert_eq!(row.total, expected, "{}", row.name);
        assert_eq!(row.by_month.iter().sum::<u32>(), row.total, "{}: the months add up", row.name);
    }
    assert!(page.tally.rows.windows(2).all(|w| w[0].total >= w[1].total), "most raised first");
    let phones = &page.improvements.iter().find(|i| i.title.starts_with("Offer a call-back")).unwrap();
    assert_eq!(phones.status, ActionStatus::Done);
    assert!(phones.you_said().starts_with("17 patients said: \u{201c}The phone queue at 8am"), "{}", phones.you_said());
    assert!(phones.we_did().starts_with("The practice added a call-back service"));
}

#[test]
fn feedback_is_checked_in_rust_and_in_sqlite_and_a_name_is_only_a_warning() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let themes = state.read(feedback::themes).unwrap();
    let phones = themes.iter().find(|t| t.name == "Phones").unwrap().id;

    let mut bad = input("  ", vec![]);
    bad.received_on = "31/2/2026".into();
    bad.patients = 0;
    let fields: Vec<String> = field_errors(bad.checked(today)).into_iter().map(|f| f.0).collect();
    assert_eq!(fields, ["receivedOn", "words", "patients"]);
    let mut future = input("Fine", vec![]);
    future.received_on = (today + chrono::Duration::days(3)).format("%d/%m/%Y").to_string();
    assert!(field_errors(future.checked(today))[0].1.contains("in the future"));

    // A name is pointed out, beside the words; saved once the volunteer says so.
    let named = input("Mrs Patel waited an hour for her prescription", vec![phones]);
    let warned = field_errors(named.checked(today));
    assert_eq!(warned[0].0, "words");
    assert!(warned[0].1.contains("\"Mrs Patel\"") && warned[0].1.contains("press \"Save anyway\""), "{}", warned[0].1);
    let named = FeedbackInput { names_checked: true, ..named };
    let checked = named.checked(today).unwrap();
    let id = state.write(|tx| feedback::add(tx, &checked, "2026-11-02T10:00:00")).unwrap();
    let saved = state.read(feedback::list).unwrap().into_iter().find(|f| f.id == id).unwrap();
    assert_eq!((saved.received_on.as_str(), saved.patients, saved.themes.clone()), ("2026-11-02", 3, vec![phones]));

    // SQLite refuses what the checks would.
    for sql in [
        "INSERT INTO feedback (id, received_on, source, patients, words, created_at) VALUES (new_id(), '2026-11-02', 'tweet', 1, 'x', 'now')",
        "INSERT INTO feedback (id, received_on, source, patients, words, created_at) VALUES (new_id(), '2026-11-02', 'stand', 0, 'x', 'now')",
        "INSERT INTO feedback (id, received_on, source, patients, words, created_at) VALUES (new_id(), '2/11/2026', 'stand', 1, 'x', 'now')",
        "INSERT INTO feedback (id, received_on, source, patients, words, created_at) VALUES (new_id(), '2026-11-02', 'stand', 1, '   ', 'now')",
        "INSERT INTO feedback_themes (id, name) VALUES (new_id(), 'phones')",
    ] {
        assert!(state.write(|tx| Ok(tx.execute(sql, [])?)).is_err(), "{sql}");
    }
    // A theme in use is not removed; a new one is, and names are not used twice.
    assert!(matches!(state.write(|tx| feedback::delete_theme(tx, phones)), Err(Error::Refused(_))));
    let parking = state.write(|tx| feedback::save_theme(tx, None, " Parking ")).unwrap();
    assert!(field_errors(state.write(|tx| feedback::save_theme(tx, None, "PARKING")))[0].1.contains("already a theme"));
    state.write(|tx| feedback::delete_theme(tx, parking)).unwrap();
    assert!(state.read(feedback::themes).unwrap().iter().all(|t| t.name != "Parking"));
}

#[test]
fn an_improvement_agreed_from_feedback_is_an_action_and_reads_back_in_you_said_we_did() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let id = state
        .write(|tx| {
            feedback::add(tx, &input("The hearing loop at reception does not work", vec![]).checked(today)?, "now")
        })
        .unwrap();
    let action = ActionInput {
        title: "Get the hearing loop repaired".into(),
        outside_owner: "Practice manager".into(),
        ..Default::default()
    };
    // Without the feedback it answers, it is not an improvement: said beside the list.
    let none = AgreeInput { action: action.clone(), feedback: vec![] };
    let fields = field_errors(state.write(|tx| feedback::agree(tx, &none, today, "now")));
    assert!(fields.iter().any(|f| f.0 == "feedback"), "{fields:?}");
    let empty = AgreeInput { action: ActionInput::default(), feedback: vec![id] };
    assert!(field_errors(state.write(|tx| feedback::agree(tx, &empty, today, "now")))
        .iter()
        .any(|f| f.0 == "actionTitle"));

    let agreed = AgreeInput { action, feedback: vec![id] };
    let action_id = state.write(|tx| feedback::agree(tx, &agreed, today, "now")).unwrap();
    let in_actions = state.read(|conn| ppg_desk_core::actions::get(conn, action_id)).unwrap();
    assert_eq!((in_actions.title.as_str(), in_actions.status), ("Get the hearing loop repaired", ActionStatus::Open));
    let item = state.read(feedback::list).unwrap().into_iter().find(|f| f.id == id).unwrap();
    assert_eq!(item.answered_by, vec![action_id]);

    // Done needs what changed, in words for patients.
    assert!(field_errors(state.write(|tx| feedback::finish(tx, action_id, " ", today, "now")))[0].0 == "outcome");
    let outcome = "The hearing loop was repaired and staff were shown how to switch it on";
    state.write(|tx| feedback::finish(tx, action_id, outcome, today, "now")).unwrap();
    let improvement =
        state.read(feedback::improvements).unwrap().into_iter().find(|i| i.action_id == action_id).unwrap();
    assert_eq!((improvement.status, improvement.completed_on.clone()), (ActionStatus::Done, Some(today.to_string())));

    let (title, body) = state.read(|conn| sections::fill(conn, ArticleKind::YouSaid, &[action_id], today)).unwrap();
    assert_eq!(title, "You said, we did");
    assert_eq!(
        body,
        format!("- **You said:** 3 patients said: \u{201c}The hearing loop at reception does not work\u{201d}\n  **We did:** {outcome}")
    );
}

#[test]
fn what_patients_told_us_prints_every_theme_as_counted_with_bars_and_names_nobody() {
    use ppg_desk_core::documents::{self, DocumentKind};
    use ppg_desk_core::print::layout::Item;
    use ppg_desk_core::print::{self, Block, Profile};

    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let page = state.read(|conn| feedback::page(conn, today)).unwrap();
    let document = documents::build(state, &DocumentKind::Feedback, today).unwrap();
    let bars = document.blocks.iter().find_map(|b| match b {
        Block::Bars(bars) => Some(bars.clone()),
        _ => None,
    });
    let bars = bars.expect("the themes as a bar chart");
    assert_eq!(bars.len(), page.tally.rows.len());
    for (bar, row) in bars.iter().zip(&page.tally.rows) {
        assert_eq!((bar.label.as_str(), bar.value), (row.name.as_str(), row.total));
        assert!(bar.words.starts_with(&row.total.to_string()), "each bar's number is in words beside it");
    }
    for profile in [Profile::Standard, Profile::LargePrint] {
        let pdf = documents::render(state, &DocumentKind::Feedback, profile, state.now()).unwrap();
        let text = crate::print::tool("pdftotext", &["-raw"], &pdf);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for heading in ["What patients told us", "What it was about", "You said, we did", "Still in hand"] {
            assert!(text.contains(heading), "{profile:?}: {heading}");
        }
        for row in &page.tally.rows {
            assert!(
                text.contains(&format!("{} {} patient", row.name, row.total)),
                "{profile:?}: {} {}",
                row.name,
                row.total
            );
        }
        assert!(text.contains("The practice added a call-back service"));
        // The log holds no names; nor does what is printed from it.
        let everyone = ppg_desk_core::people::PeopleQuery {
            search: String::new(),
            filter: ppg_desk_core::people::PeopleFilter::Everyone,
        };
        let people = state.read(|conn| ppg_desk_core::people::list(conn, &everyone, today)).unwrap();
        for person in people {
            assert!(!text.contains(&person.full_name), "{} is named", person.full_name);
        }
        // The bars are drawn (thick rules), and large print keeps its 16 point text.
        let laid = print::lay_out(&document, profile);
        let thick = laid
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Rule { thickness, .. } if *thickness > 5.0));
        assert!(thick.count() >= page.tally.rows.len(), "a bar for each theme");
        let smallest = crate::print::smallest_text(&laid);
        let minimum = if profile == Profile::LargePrint { 16.0 } else { 12.0 };
        assert!(smallest >= minimum, "{profile:?}: smallest text {smallest}");
    }
}

/// A one-sheet .xlsx as Excel writes it (shared strings left out: inline strings), holding
/// `rows`; numbers as numbers.
fn xlsx(rows: &[Vec<&str>]) -> Vec<u8> {
    use std::io::Write;
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if cell.parse::<f64>().is_ok() {
                sheet.push_str(&format!("<c r=\"{at}\"><v>{cell}</v></c>"));
            } else {
                let text = cell.replace('&', "&amp;").replace('<', "&lt;").replace('\'', "&apos;");
                sheet.push_str(&format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="GP Practices" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn the_friends_and_family_test_reads_nhs_englands_spreadsheet_for_one_practice_and_month() {
    use ppg_desk_core::feedback::fft;
    let store = sample_store();
    let state = &store.state;
    let header = vec![
        "Practice Code",
        "Practice Name",
        "Total Responses",
        "1 Very Good",
        "2 Good",
        "3 Neither good nor poor",
        "4 Poor",
        "5 Very poor",
        "6 Don't know",
    ];
    let good = xlsx(&[
        vec!["Friends and Family Test - GP practices - October 2026"],
        vec![],
        header.clone(),
        vec!["A81001", "THE DENSHAM SURGERY", "40", "20", "10", "4", "3", "2", "1"],
        vec!["C84001", "RIVERSIDE SURGERY", "500", "300", "140", "20", "20", "15", "5"],
    ]);
    let report = state.write(|tx| fft::import(tx, &good, "C84001", "October 2026", "now")).unwrap();
    assert_eq!((report.imported, report.problems.len()), (1, 0));
    let kept = state.read(fft::months).unwrap();
    let october = kept.iter().find(|m| m.month == "2026-10").unwrap();
    assert_eq!((october.answers.very_good, october.answers.total(), october.positive_percent), (300, 500, Some(88)));

    // A bad line for the practice keeps nothing and says which line.
    let bad = xlsx(&[header, vec!["C84001", "RIVERSIDE SURGERY", "500", "lots", "140", "20", "20", "15", "5"]]);
    let before = state.read(fft::months).unwrap();
    let report = state.write(|tx| fft::import(tx, &bad, "C84001", "9/2026", "now")).unwrap();
    assert_eq!((report.imported, report.problems.iter().map(|p| p.line).collect::<Vec<_>>()), (0, vec![2]));
    assert_eq!(state.read(fft::months).unwrap(), before, "nothing kept");
    assert!(matches!(
        state.write(|tx| fft::import(tx, &good, "C84001", "Smarch", "now")),
        Err(ppg_desk_core::error::Error::Invalid(_))
    ));
    assert!(matches!(
        state.write(|tx| fft::import(tx, b"PK\x03\x04 not really", "C84001", "October 2026", "now")),
        Err(ppg_desk_core::error::Error::File(_))
    ));
}
