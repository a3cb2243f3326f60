//! Find anything: the index fills from the sample and covers every record, a person is found
//! by their name however it is typed (accents, "ł", case, the start of a word), found by new
//! words after a change and not by the old, gone after deletion; an erased name leaves no
//! word in the database file (the index folds to lower case, so that is what is looked for);
//! anything typed is searched without an error; the command line searches and repairs.

use ppg_desk_core::people::{self, PersonInput};
use ppg_desk_core::search::{self, SearchQuery};
use ppg_desk_core::state::AppState;

use crate::print::sample_store;
use crate::support::{add_person, temp_store};

fn found(state: &AppState, typed: &str) -> Vec<(String, i64, String)> {
    let today = state.today();
    let results = state.read(|conn| search::search(conn, &SearchQuery::words(typed, 50), today)).unwrap();
    results.hits.into_iter().map(|h| (h.kind, h.opens.id, h.title)).collect()
}

#[test]
fn the_sample_is_indexed_record_for_record_and_each_kind_is_found() {
    let store = sample_store();
    let state = &store.state;
    assert!(state.read(search::is_consistent).unwrap(), "every record is in the index");
    // A word from each kind's own text finds a record of that kind.
    for (typed, kind) in [
        ("Phyllis", "referral"),
        ("walking", "directory_entry"),
        ("apologies", "agenda_item"),
        ("phone queue", "feedback"),
        ("Local groups this month", "article"),
        ("community directory", "action"),
    ] {
        let hits = found(state, typed);
        assert!(hits.iter().any(|(k, _, _)| k == kind), "{typed}: {hits:?}");
    }
    let secret = state
        .read(|conn| search::search(conn, &SearchQuery::words("Phyllis", 10), state.today()))
        .unwrap()
        .hits
        .into_iter()
        .find(|h| h.kind == "referral")
        .unwrap();
    assert!(secret.confidential, "befriending records are marked confidential");
    assert_eq!(secret.opens.screen, "befriending");
    let backups = found(state, "backup");
    assert_eq!(backups.first().map(|h| h.2.as_str()), Some("Settings → Backups"));
}

#[test]
fn a_search_narrows_to_kinds_and_dates_and_shows_each_record_s_own_day() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let all = state.read(|conn| search::search(conn, &SearchQuery::words("the", 100), today)).unwrap();
    let dated: Vec<&search::Hit> = all.hits.iter().filter(|h| h.at.len() == 10).collect();
    assert!(dated.len() > 2, "{:?}", all.hits);
    let day = dated[0].at.clone();
    let narrowed = SearchQuery {
        kinds: vec![dated[0].kind.clone()],
        from: day.clone(),
        to: day.clone(),
        ..SearchQuery::words("the", 100)
    };
    let hits = state.read(|conn| search::search(conn, &narrowed, today)).unwrap().hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.kind == dated[0].kind && h.at == day), "{hits:?}");
    let articles = SearchQuery { kinds: vec!["article".into()], ..SearchQuery::words("the", 100) };
    let months = state.read(|conn| search::search(conn, &articles, today)).unwrap().hits;
    assert!(
        !months.is_empty() && months.iter().all(|h| h.at.len() == 7),
        "an article is dated by its bulletin's month: {months:?}"
    );
}

#[test]
fn a_person_is_found_however_their_name_is_typed_then_by_new_words_and_not_once_deleted() {
    let store = temp_store();
    let state = &store.state;
    let zoe = add_person(state, "Zoë Łukasiewicz", |p| p.notes = "Runs the walking group".into());
    for typed in ["zoe", "ZOË", "lukas", "łukasiewicz", "walk", "\"walking group\"", "zoe walk"] {
        assert!(found(state, typed).iter().any(|(k, id, _)| k == "person" && *id == zoe), "{typed}");
    }
    assert!(found(state, "\"group walking\"").is_empty(), "a phrase keeps its order");
    assert!(found(state, "zoe swimming").is_empty(), "every word narrows");

    let input =
        PersonInput { full_name: "Zoë Nowak".into(), notes: "Runs the swimming club".into(), ..Default::default() };
    let checked = input.checked(state.today()).unwrap();
    state.write(|tx| people::update(tx, zoe, &checked, "now")).unwrap();
    assert!(found(state, "nowak swim").iter().any(|(_, id, _)| *id == zoe));
    assert!(found(state, "lukasiewicz").is_empty() && found(state, "walking").is_empty(), "the old words are gone");

    state.write(|tx| people::delete(tx, zoe)).unwrap();
    assert!(found(state, "nowak").is_empty());
    assert!(state.read(search::is_consistent).unwrap());
}

#[test]
fn an_erased_name_leaves_no_word_of_it_in_the_index_or_the_file() {
    let store = temp_store();
    let state = &store.state;
    add_person(state, "Aisha Begum", |_| {});
    let gone = add_person(state, "Xanthippe Quellington", |p| p.notes = "Quellington notes".into());
    // Many writes, so the index has several segments to merge.
    for n in 0..40 {
        add_person(state, &format!("Filler Person{n}"), |_| {});
    }
    assert_eq!(found(state, "quellington").len(), 1);
    state.erase(|tx| people::delete(tx, gone)).unwrap();
    assert!(found(state, "quellington").is_empty());
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", state.paths().db_file().display());
        let bytes = std::fs::read(&path).unwrap_or_default();
        for word in [&b"quellington"[..], b"xanthippe"] {
            assert!(!bytes.windows(word.len()).any(|w| w == word), "{} is in {path}", String::from_utf8_lossy(word));
        }
    }
    assert_eq!(found(state, "aisha").len(), 1, "the others are still found");
}

#[test]
fn anything_typed_is_searched_without_an_error() {
    let store = sample_store();
    let state = &store.state;
    for typed in ["", "\"", "AND", "-", "*", "car AND park", "NEAR(", "^a", "'", "😀", "ـ", "a\"b\"c", "((", "OR OR"]
    {
        let today = state.today();
        let result = state.read(|conn| search::search(conn, &SearchQuery::words(typed, 20), today));
        assert!(result.is_ok(), "{typed:?}: {result:?}");
    }
}

#[test]
fn the_command_line_searches_and_check_repair_rebuilds_an_index_out_of_step() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().to_path_buf();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ppg-desk"))
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    assert!(run(&["demo"]).0);
    let (ok, out, err) = run(&["search", "walk", "--kind", "directory_entry"]);
    assert!(ok, "{err}");
    assert!(out.contains("directory_entry") && out.contains("Walking for Health") && out.contains("[walks]"), "{out}");
    let hits = out.lines().filter(|l| !l.starts_with(' ') && l.contains("  ")).count();
    assert!(out.starts_with(&format!("{hits} found for walk")), "the count is of the kind asked for: {out}");
    let (ok, _, err) = run(&["search", "hemel", "--kind", "nonsense"]);
    assert!(!ok && err.contains("There is no kind \"nonsense\""), "{err}");

    // The index loses its records (as if damaged): check says so, --repair rebuilds it.
    let conn = rusqlite::Connection::open(dir.join(ppg_desk_core::db::DB_FILE)).unwrap();
    conn.execute("DELETE FROM search_docs", []).unwrap();
    drop(conn);
    let (_, out, err) = run(&["check"]);
    assert!(format!("{out}{err}").contains("Search index: out of step"), "{out}{err}");
    let (_, out, err) = run(&["check", "--repair"]);
    assert!(format!("{out}{err}").contains("rebuilt from every record"), "{out}{err}");
    let (ok, out, _) = run(&["search", "walking"]);
    assert!(ok && out.contains("Walking for Health"), "{out}");
}
