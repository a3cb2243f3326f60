//! People through the same rules the window uses: saving, searching, filtering, leaving,
//! erasing, and CSV import (all or nothing, every bad row named) and export.

use ppg_desk_core::people::csv::{self, PersonField};
use ppg_desk_core::people::{self, PeopleFilter, PeopleQuery, Role};

use crate::support::{add_person, count_people, temp_store};

fn names(state: &ppg_desk_core::state::AppState, search: &str, filter: PeopleFilter) -> Vec<String> {
    let query = PeopleQuery { search: search.into(), filter };
    let today = state.today();
    state.read(|conn| people::list(conn, &query, today)).unwrap().into_iter().map(|p| p.full_name).collect()
}

#[test]
fn search_ignores_accents_and_case() {
    let store = temp_store();
    add_person(&store.state, "Zoë Brontë-Smith", |_| {});
    add_person(&store.state, "Łukasz Nowak", |_| {});
    add_person(&store.state, "Siobhán O'Connor", |p| p.email = "siobhan@example.org".into());
    assert_eq!(names(&store.state, "zoe", PeopleFilter::Everyone), vec!["Zoë Brontë-Smith"]);
    assert_eq!(names(&store.state, "LUKASZ", PeopleFilter::Everyone), vec!["Łukasz Nowak"]);
    assert_eq!(names(&store.state, "siobhan@", PeopleFilter::Everyone), vec!["Siobhán O'Connor"]);
    assert_eq!(names(&store.state, "", PeopleFilter::Everyone).len(), 3);
}

#[test]
fn the_list_is_filed_by_surname_as_on_paper() {
    let store = temp_store();
    for name in ["Dr Helen Carter", "Zoë Abbott", "Siobhán O'Connor", "Aisha Begum", "Adam Carter"] {
        add_person(&store.state, name, |_| {});
    }
    assert_eq!(
        names(&store.state, "", PeopleFilter::Everyone),
        vec!["Zoë Abbott", "Aisha Begum", "Adam Carter", "Dr Helen Carter", "Siobhán O'Connor"]
    );
    assert_eq!(
        names(&store.state, "carter", PeopleFilter::Everyone),
        vec!["Adam Carter", "Dr Helen Carter"],
        "a search keeps the same order"
    );
}

#[test]
fn officers_committee_and_left_filters() {
    let store = temp_store();
    add_person(&store.state, "Margaret Ellis", |p| p.roles = vec![Role::Chair]);
    add_person(&store.state, "Aisha Begum", |p| p.roles = vec![Role::Committee]);
    add_person(&store.state, "Jan Kowalski", |p| p.roles = vec![Role::Member]);
    let ken = add_person(&store.state, "Kenneth Ashworth", |p| {
        p.roles = vec![Role::Treasurer];
        p.joined_on = "01/01/2015".into();
    });
    let today = store.state.today();
    store.state.write(|tx| people::set_left(tx, ken, today, "now")).unwrap();
    assert_eq!(names(&store.state, "", PeopleFilter::Officers), vec!["Margaret Ellis"]);
    assert_eq!(names(&store.state, "", PeopleFilter::Committee), vec!["Aisha Begum", "Margaret Ellis"]);
    assert_eq!(names(&store.state, "", PeopleFilter::Left), vec!["Kenneth Ashworth"]);
    assert_eq!(names(&store.state, "", PeopleFilter::Current).len(), 3);
}

#[test]
fn editing_keeps_the_person_and_replaces_roles() {
    let store = temp_store();
    let id = add_person(&store.state, "Aisha Begum", |p| p.roles = vec![Role::Member]);
    let input = people::PersonInput {
        full_name: "Aisha Begum".into(),
        roles: vec![Role::Secretary, Role::Committee],
        ..Default::default()
    };
    let checked = input.checked(store.state.today()).unwrap();
    store.state.write(|tx| people::update(tx, id, &checked, "now")).unwrap();
    let person = store.state.read(|conn| people::get(conn, id)).unwrap();
    assert_eq!(person.roles, vec![Role::Secretary, Role::Committee]);
}

#[test]
fn hostile_text_is_stored_exactly_as_typed() {
    let store = temp_store();
    let hostile = "<img src=x onerror=alert(1)>";
    let id = add_person(&store.state, hostile, |p| p.notes = hostile.into());
    let person = store.state.read(|conn| people::get(conn, id)).unwrap();
    assert_eq!(person.full_name, hostile);
    assert_eq!(person.notes, hostile);
}

#[test]
fn erasing_removes_the_person_and_their_roles() {
    let store = temp_store();
    let id = add_person(&store.state, "Łukasz Nowak", |p| p.roles = vec![Role::Treasurer]);
    store.state.write(|tx| people::delete(tx, id)).unwrap();
    assert_eq!(count_people(&store.state), 0);
    let roles: i64 =
        store.state.read(|c| Ok(c.query_row("SELECT count(*) FROM person_roles", [], |r| r.get(0))?)).unwrap();
    assert_eq!(roles, 0);
    assert!(store.state.read(|conn| people::get(conn, id)).is_err());
}

fn import(store: &crate::support::TempStore, text: &str) -> csv::ImportReport {
    let preview = csv::preview(text).unwrap();
    let rows = csv::parse(text, &preview.mapping, store.state.today());
    store
        .state
        .write(|tx| csv::import(tx, rows, "2026-11-24T10:00:00", &ppg_desk_core::progress::Progress::silent()))
        .unwrap()
}

#[test]
fn csv_preview_guesses_the_columns_from_excel_style_headings() {
    let text =
        "First Name,Surname,E-mail,Tel,Role,Something else\nAisha,Begum,a@example.org,07700 900505,Committee,x\n";
    let preview = csv::preview(text).unwrap();
    assert_eq!(preview.row_count, 1);
    assert_eq!(
        preview.mapping,
        vec![
            Some(PersonField::FirstName),
            Some(PersonField::LastName),
            Some(PersonField::Email),
            Some(PersonField::Phone),
            Some(PersonField::Roles),
            None
        ]
    );
}

#[test]
fn a_csv_with_bad_rows_imports_nothing_and_names_each_line() {
    let store = temp_store();
    let text = "Name,Email,Joined,Left,Roles\n\
                Aisha Begum,aisha@example.org,01/02/2024,,Committee\n\
                Jan Kowalski,jan.example.org,,,Member\n\
                Zoë Brontë-Smith,,30/02/2024,,\n\
                ,nobody@example.org,,,\n\
                Peter Wright,,01/05/2025,01/04/2025,Patron\n";
    let report = import(&store, text);
    assert_eq!(report.imported, 0);
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6]);
    assert!(report.problems[0].message.contains("Email") && report.problems[0].message.contains('@'));
    assert!(report.problems[1].message.contains("30 February 2024 does not exist"), "{}", report.problems[1].message);
    assert!(report.problems[2].message.contains("Name"));
    assert!(report.problems[3].message.contains("Patron"));
    assert_eq!(count_people(&store.state), 0, "nothing half-imported");
}

#[test]
fn a_good_csv_imports_every_row_with_first_and_last_names_joined() {
    let store = temp_store();
    let text = "\u{FEFF}First name,Last name,Contact by,Consent date,Email\nSiobhán,O'Connor,email,01/03/2025,siobhan@example.org\nŁukasz,Nowak,,,\n";
    let report = import(&store, text);
    assert_eq!((report.imported, report.problems.len()), (2, 0));
    assert_eq!(names(&store.state, "", PeopleFilter::Everyone), vec!["Łukasz Nowak", "Siobhán O'Connor"]);
}

#[test]
fn windows_1252_files_from_old_excel_keep_their_accents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.csv");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Name\nZoë Brontë-Smith\n");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(csv::read_text(&path).unwrap(), "Name\nZoë Brontë-Smith\n");
}

#[test]
fn export_then_import_round_trips_everything() {
    let store = temp_store();
    add_person(&store.state, "Siobhán O'Connor", |p| {
        p.preferred_name = "Shiv".into();
        p.email = "siobhan@example.org".into();
        p.phone = "01632 960303".into();
        p.address = "3 Mill Lane\nRiverside".into();
        p.joined_on = "01/06/2021".into();
        p.roles = vec![Role::Secretary, Role::Committee];
        p.contact_by_email = true;
        p.contact_by_post = true;
        p.contact_consent_on = "01/06/2021".into();
        p.notes = "Prefers agendas a week ahead, \"please\".".into();
    });
    let everyone = PeopleQuery { search: String::new(), filter: PeopleFilter::Everyone };
    let today = store.state.today();
    let original = store.state.read(|conn| people::list(conn, &everyone, today)).unwrap();
    let text = csv::to_csv(&original).unwrap();

    let other = temp_store();
    let report = import(&other, &text);
    assert_eq!(report.imported, 1, "problems: {:?}", report.problems);
    let copy = other.state.read(|conn| people::list(conn, &everyone, today)).unwrap();
    let strip = |p: &people::Person| people::Person { id: 0, ..p.clone() };
    assert_eq!(strip(&copy[0]), strip(&original[0]));
}

#[test]
fn an_erased_name_leaves_no_trace_in_the_database_files() {
    let store = temp_store();
    let keep = add_person(&store.state, "Aisha Begum", |_| {});
    let gone = add_person(&store.state, "Xanthippe Quellington", |p| p.notes = "Quellington notes".into());
    store.state.write(|tx| people::delete(tx, gone)).unwrap();
    store.state.read(ppg_desk_core::db::flush_erased).unwrap();
    assert!(store.state.read(|conn| people::get(conn, keep)).is_ok());
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", store.state.paths().db_file().display());
        let bytes = std::fs::read(&path).unwrap_or_default();
        let found = bytes.windows(b"Quellington".len()).any(|w| w == b"Quellington");
        assert!(!found, "the erased name is not in {path}");
    }
}
