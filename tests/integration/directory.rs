//! The community directory through the same rules as the window: filters and the
//! due-for-checking list, CSV and Open Referral UK imports that refuse bad files whole, an
//! ORUK round trip through the store, SQL constraints, and the printed directory.

use ppg_desk_core::directory::{self, csv as dcsv, oruk, DirectoryFilter, EntryInput};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::print::Profile;

use crate::contacts::{dashboard, day};
use crate::print::{sample_store, tool};
use crate::support::{temp_store, TempStore};

const NOW: &str = "2026-11-24T10:00:00";
fn entry(store: &TempStore, input: EntryInput) -> i64 {
    let checked = input.checked(day("2026-11-24")).unwrap();
    store.state.write(|tx| directory::insert(tx, &checked, &directory::new_oruk_id(), "", NOW)).unwrap()
}

fn names(store: &TempStore, filter: DirectoryFilter) -> Vec<String> {
    store
        .state
        .read(|conn| directory::list(conn, &filter, day("2026-11-24")))
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect()
}

fn category(store: &TempStore, name: &str) -> i64 {
    store.state.read(|conn| directory::category_id_by_name(conn, name)).unwrap().unwrap()
}

#[test]
fn filters_combine_and_the_due_list_puts_the_longest_unchecked_first() {
    let store = temp_store();
    let food = category(&store, "Food");
    let older = category(&store, "Older people");
    entry(
        &store,
        EntryInput {
            name: "Lunch Club".into(),
            category_ids: vec![food, older],
            days: vec!["wed".into()],
            area: "Riverside".into(),
            last_checked_on: "01/10/2026".into(),
            ..Default::default()
        },
    );
    entry(
        &store,
        EntryInput {
            name: "Food Bank".into(),
            offers: "Emergency parcels".into(),
            category_ids: vec![food],
            days: vec!["mon".into(), "wed".into()],
            area: "Millbrook".into(),
            last_checked_on: "01/10/2024".into(),
            ..Default::default()
        },
    );
    entry(
        &store,
        EntryInput {
            name: "Tea Dance".into(),
            category_ids: vec![older],
            days: vec!["fri".into()],
            area: "Riverside".into(),
            last_checked_on: "23/11/2025".into(),
            ..Default::default()
        },
    );
    entry(&store, EntryInput { name: "Café Chat".into(), area: "riverside".into(), ..Default::default() });

    let all = names(&store, DirectoryFilter::default());
    assert_eq!(all, vec!["Café Chat", "Food Bank", "Lunch Club", "Tea Dance"]);
    assert_eq!(
        names(&store, DirectoryFilter { category_id: Some(food), ..Default::default() }),
        vec!["Food Bank", "Lunch Club"]
    );
    assert_eq!(
        names(
            &store,
            DirectoryFilter {
                category_id: Some(food),
                day: Some("wed".into()),
                area: Some("Riverside".into()),
                ..Default::default()
            }
        ),
        vec!["Lunch Club"]
    );
    assert_eq!(names(&store, DirectoryFilter { day: Some("fri".into()), ..Default::default() }), vec!["Tea Dance"]);
    assert_eq!(
        names(&store, DirectoryFilter { area: Some("RIVERSIDE".into()), ..Default::default() }),
        vec!["Café Chat", "Lunch Club", "Tea Dance"]
    );
    assert_eq!(
        names(&store, DirectoryFilter { words: "cafe".into(), ..Default::default() }),
        vec!["Café Chat"],
        "accents folded"
    );
    assert_eq!(
        names(&store, DirectoryFilter { words: "parcels".into(), ..Default::default() }),
        vec!["Food Bank"],
        "what it offers is searched"
    );
    assert_eq!(
        names(&store, DirectoryFilter { due_for_checking: true, ..Default::default() }),
        vec!["Café Chat", "Food Bank", "Tea Dance"],
        "never checked first, then oldest; Lunch Club is in date"
    );
    assert_eq!(dashboard(&store, "2026-11-24").directory_due.total, 3);

    // Checking an entry takes it off the list.
    let tea = store
        .state
        .read(|conn| {
            directory::list(
                conn,
                &DirectoryFilter { words: "tea dance".into(), ..Default::default() },
                day("2026-11-24"),
            )
        })
        .unwrap()[0]
        .id;
    store.state.write(|tx| directory::mark_checked(tx, tea, "Priya", day("2026-11-24"), NOW)).unwrap();
    assert_eq!(
        names(&store, DirectoryFilter { due_for_checking: true, ..Default::default() }),
        vec!["Café Chat", "Food Bank"]
    );

    // Removing a category keeps its entries.
    store.state.write(|tx| directory::remove_category(tx, food)).unwrap();
    assert_eq!(names(&store, DirectoryFilter::default()).len(), 4);
    let Err(ppg_desk_core::error::Error::Invalid(fields)) =
        store.state.write(|tx| directory::add_category(tx, "older PEOPLE"))
    else {
        panic!("a second category with the same name is refused")
    };
    assert_eq!(fields[0].message, "There is already a category with that name.");
}

#[test]
fn the_database_refuses_bad_directory_rows_even_without_the_checks() {
    let store = temp_store();
    let bad = [
        "INSERT INTO directory_entries (oruk_id, name, email, created_at, updated_at) VALUES ('a', 'X', 'not an email', '', '')",
        "INSERT INTO directory_entries (oruk_id, name, opens_at, closes_at, created_at, updated_at) VALUES ('b', 'X', '14:00', '10:00', '', '')",
        "INSERT INTO directory_entries (oruk_id, name, opens_at, created_at, updated_at) VALUES ('c', 'X', '25:00', '', '')",
        "INSERT INTO directory_entries (oruk_id, name, last_checked_on, created_at, updated_at) VALUES ('d', 'X', '31/12/2026', '', '')",
        "INSERT INTO directory_entries (oruk_id, name, created_at, updated_at) VALUES ('e', '   ', '', '')",
        "INSERT INTO directory_entries (oruk_id, name, oruk_json, created_at, updated_at) VALUES ('f', 'X', '{not json', '', '')",
        "INSERT INTO contacts (full_name, role, created_at, updated_at) VALUES ('X', 'wizard', '', '')",
        "INSERT INTO contacts (full_name, role, preferred_contact, created_at, updated_at) VALUES ('X', 'splw', 'phone', '', '')",
    ];
    for sql in bad {
        let result = store.state.write(|tx| Ok(tx.execute(sql, [])?));
        assert!(result.is_err(), "the database must refuse: {sql}");
    }
    assert!(names(&store, DirectoryFilter::default()).is_empty());
}

fn import_csv(store: &TempStore, text: &str) -> ppg_desk_core::csvfile::ImportReport {
    let preview = dcsv::preview(text).unwrap();
    store
        .state
        .write(|tx| {
            let rows = dcsv::parse(text, &preview.mapping, &directory::categories(tx)?, day("2026-11-24"));
            dcsv::import(tx, rows, NOW, &ppg_desk_core::progress::Progress::silent())
        })
        .unwrap()
}

#[test]
fn csv_import_guesses_columns_reports_each_bad_row_and_is_all_or_nothing() {
    let store = temp_store();
    let bad = "Group,Category,Days,Start,End,Postcode,Wheelchair access,Referral\n\
               Lunch Club,Food; Older people,Wednesdays,12pm,2pm,rv1 3sr,yes,self; SPLW\n\
               ,Food,Mon,,,,,\n\
               Tea Dance,Dancing,Fri,2pm,1pm,XX,maybe,friend\n";
    let preview = dcsv::preview(bad).unwrap();
    assert_eq!(preview.row_count, 3);
    use dcsv::DirectoryField as F;
    assert_eq!(
        preview.mapping,
        vec![
            Some(F::Name),
            Some(F::Categories),
            Some(F::Days),
            Some(F::OpensAt),
            Some(F::ClosesAt),
            Some(F::Postcode),
            Some(F::StepFree),
            Some(F::HowToRefer)
        ]
    );
    let report = import_csv(&store, bad);
    assert_eq!(report.imported, 0);
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![3, 4], "{:?}", report.problems);
    assert!(report.problems[0].message.contains("Name: Please give the group's name."));
    assert!(report.problems[1].message.contains("\"Dancing\" is not one of the directory's categories"));
    assert!(names(&store, DirectoryFilter::default()).is_empty(), "nothing half-way");

    let good = "\u{feff}Name,Categories,Days,From,To,Postcode,Step-free,How to refer,Last checked\n\
                Lunch Club,Food; Older people,Wednesdays,12pm,2pm,rv1 3sr,yes,self; SPLW,01/10/2026\n\
                Café Chat,,Mon and Thu,10am,12 noon,,no,,\n";
    let report = import_csv(&store, good);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.imported, 2);
    let lunch = store
        .state
        .read(|conn| {
            directory::list(conn, &DirectoryFilter { words: "lunch".into(), ..Default::default() }, day("2026-11-24"))
        })
        .unwrap();
    let lunch = &lunch[0];
    assert_eq!(lunch.categories, vec!["Older people", "Food"], "in the category list's order");
    assert_eq!(
        (lunch.opens_at.as_deref(), lunch.postcode.as_str(), lunch.step_free, lunch.refer_splw),
        (Some("12:00"), "RV1 3SR", true, true)
    );

    // What is exported reads back the same.
    let entries =
        store.state.read(|conn| directory::list(conn, &DirectoryFilter::default(), day("2026-11-24"))).unwrap();
    let exported = dcsv::to_csv(&entries).unwrap();
    let again = temp_store();
    assert_eq!(import_csv(&again, &exported).imported, 2);
    let back = again.state.read(|conn| directory::list(conn, &DirectoryFilter::default(), day("2026-11-24"))).unwrap();
    // Ids (of the entry and of its categories) are each store's own.
    let strip = |e: &directory::Entry| directory::Entry {
        id: 0,
        oruk_id: String::new(),
        category_ids: Vec::new(),
        ..e.clone()
    };
    assert_eq!(back.iter().map(strip).collect::<Vec<_>>(), entries.iter().map(strip).collect::<Vec<_>>());
}

fn import_oruk(store: &TempStore, text: &str) -> oruk::OrukImport {
    store
        .state
        .write(|tx| oruk::import(tx, text, day("2026-11-24"), NOW, &ppg_desk_core::progress::Progress::silent()))
        .unwrap()
}

fn export_oruk(store: &TempStore) -> serde_json::Value {
    let text =
        store.state.read(|conn| Ok(oruk::export(&oruk::entries_with_records(conn, day("2026-11-24"))?))).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_sample_directory_survives_an_oruk_round_trip_through_a_fresh_store() {
    let sample = sample_store();
    let first = export_oruk(&sample);
    let services = first["content"].as_array().unwrap();
    assert!(services.len() >= 55, "about sixty sample entries: {}", services.len());
    assert_eq!(first["total_items"], serde_json::json!(services.len()));

    let fresh = temp_store();
    let report = import_oruk(&fresh, &first.to_string());
    assert_eq!((report.added, report.updated, report.problems.len()), (services.len(), 0, 0), "{:?}", report.problems);
    assert_eq!(export_oruk(&fresh), first, "every field comes back exactly");

    // Importing the same file again updates (matched on the ORUK id) instead of doubling.
    let report = import_oruk(&fresh, &first.to_string());
    assert_eq!((report.added, report.updated), (0, services.len()));
}

#[test]
fn a_bad_oruk_file_names_each_bad_service_and_changes_nothing() {
    let store = temp_store();
    let report = import_oruk(&store, "{ \"content\": [ { \"name\": ");
    assert!(report.problems[0].contains("not valid JSON (line 1"), "{:?}", report.problems);
    let report = import_oruk(&store, "{ \"hello\": 1 }");
    assert!(report.problems[0].contains("No services were found"));

    let file = serde_json::json!([
        { "id": "ok-1", "name": "Good Group" },
        { "id": "bad-2", "description": "No name here" },
        { "id": "bad-3", "name": "Bad Postcode", "service_at_locations": [{ "location": { "physical_addresses": [{ "postal_code": "12345" }] } }] },
        { "id": "ok-1", "name": "Same id again" },
    ]);
    let report = import_oruk(&store, &file.to_string());
    assert_eq!(report.added, 0);
    assert_eq!(report.problems.len(), 3, "{:?}", report.problems);
    assert!(report.problems[0].starts_with("Service 2: Please give the group's name. (name)"));
    assert!(
        report.problems[1].starts_with("Service 3 (\"Bad Postcode\")")
            && report.problems[1].contains("physical_addresses")
    );
    assert!(report.problems[2].contains("appears twice"));
    assert!(names(&store, DirectoryFilter::default()).is_empty(), "nothing half-way");
}

#[test]
fn the_printed_directory_is_grouped_with_an_index_in_either_profile() {
    let store = sample_store();
    let bytes = documents::render(
        &store.state,
        &DocumentKind::Directory { category_id: None },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &bytes);
    for words in [
        "Community directory",
        "Contents",
        "1. Loneliness and isolation",
        "Index of groups, A to Z",
        "Also for",
        "Polish Community Club (Polski Klub)",
        "Café Chat",
    ] {
        assert!(text.contains(words), "{words} is printed");
    }
    let info = tool("pdfinfo", &[], &bytes);
    assert!(info.contains("Riverside Surgery Patient Participation Group"), "author set: {info}");

    let befriending = category(&store, "Befriending");
    let only = documents::render(
        &store.state,
        &DocumentKind::Directory { category_id: Some(befriending) },
        Profile::LargePrint,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &[], &only);
    assert!(text.contains("Community directory: Befriending"));
    assert!(text.contains("Telephone Friends") && text.contains("Riverside Befriending Service"));
    assert!(!text.contains("Men's Shed"), "only the chosen category");
}

#[test]
fn what_a_group_offers_prints_with_its_bold_and_bullets_never_the_stars() {
    let store = sample_store();
    entry(
        &store,
        EntryInput {
            name: "Zebra Lunch Club".into(),
            offers: "**Free** lunch on Tuesdays\n\n- Hot meals\n- Lifts home".into(),
            ..Default::default()
        },
    );
    let bytes = documents::render(
        &store.state,
        &DocumentKind::Directory { category_id: None },
        Profile::Standard,
        store.state.now(),
    )
    .unwrap();
    let text = tool("pdftotext", &["-layout"], &bytes);
    for words in ["Free lunch on Tuesdays", "Hot meals", "Lifts home"] {
        assert!(text.contains(words), "{words} is printed:\n{text}");
    }
    assert!(!text.contains("**"), "no Markdown stars are printed:\n{text}");
    assert!(!text.contains("- Hot meals"), "bullets are printed as bullets, not dashes:\n{text}");
}
