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
    let results = search::everything(state, &SearchQuery::words(typed, 50), today).unwrap();
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
    let secret = search::everything(state, &SearchQuery::words("Phyllis", 10), state.today())
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
    let all = search::everything(state, &SearchQuery::words("the", 100), today).unwrap();
    let dated: Vec<&search::Hit> = all.hits.iter().filter(|h| h.at.len() == 10).collect();
    assert!(dated.len() > 2, "{:?}", all.hits);
    let day = dated[0].at.clone();
    let narrowed = SearchQuery {
        kinds: vec![dated[0].kind.clone()],
        from: day.clone(),
        to: day.clone(),
        ..SearchQuery::words("the", 100)
    };
    let hits = search::everything(state, &narrowed, today).unwrap().hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.kind == dated[0].kind && h.at == day), "{hits:?}");
    let articles = SearchQuery { kinds: vec!["article".into()], ..SearchQuery::words("the", 100) };
    let months = search::everything(state, &articles, today).unwrap().hits;
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
        let result = search::everything(state, &SearchQuery::words(typed, 20), today);
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

/// Why: a save only notes which record changed; the index catches up a moment later on a
/// thread of its own, so a search that comes later finds the record without waiting for it.
#[test]
fn the_index_catches_up_by_itself_a_moment_after_a_save() {
    let store = temp_store();
    let state = &store.state;
    let today = state.today();
    add_person(state, "Quentin Marchbanks", |_| {});
    assert!(state.read(search::behind).unwrap(), "the save only noted the record");
    let started = std::time::Instant::now();
    while state.read(search::behind).unwrap() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the index never caught up");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let hits = state.read(|conn| search::search(conn, &SearchQuery::words("marchbanks", 5), today)).unwrap().hits;
    assert_eq!(hits.len(), 1, "indexed without a search asking");
    assert!(state.read(search::is_consistent).unwrap());
}

/// Why: the index keeps no copy of the words, so what a changed record was indexed with is
/// noted at its first change and taken out word for word when the index catches up. Were
/// that note ever wrong, FTS5's own check would fail and searches would find words no longer
/// there. Records made, changed and deleted in every order, with the index catching up at odd
/// moments, leave it exact: each word finds the people who have it now, and no one else.
#[test]
fn changes_in_any_order_and_catching_up_at_any_moment_leave_the_index_exact() {
    let store = temp_store();
    let state = &store.state;
    let mut dice: u64 = 7;
    let mut roll = |n: usize| {
        dice = dice.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((dice >> 33) % n as u64) as usize
    };
    let words = ["alder", "birch", "cedar", "damson", "elder", "figtree", "gorse", "hazel"];
    // Each person living: id, the word in their name, the word in their notes.
    let mut living: Vec<(i64, &str, &str)> = Vec::new();
    for step in 0..300 {
        let (named, noted) = (words[roll(words.len())], words[roll(words.len())]);
        match roll(4) {
            0 | 1 if living.len() < 40 => {
                let id = add_person(state, &format!("Person{step} {named}"), |p| p.notes = format!("likes {noted}"));
                living.push((id, named, noted));
            }
            2 if !living.is_empty() => {
                let at = roll(living.len());
                let input = PersonInput {
                    full_name: format!("Person{step} {named}"),
                    notes: format!("likes {noted}"),
                    ..Default::default()
                };
                let checked = input.checked(state.today()).unwrap();
                state.write(|tx| people::update(tx, living[at].0, &checked, "now")).unwrap();
                living[at] = (living[at].0, named, noted);
            }
            3 if !living.is_empty() => {
                let (id, _, _) = living.swap_remove(roll(living.len()));
                state.write(|tx| people::delete(tx, id)).unwrap();
            }
            _ => {}
        }
        if roll(5) == 0 {
            state.write_unrecorded(|tx| search::catch_up(tx)).unwrap();
        }
    }
    assert!(state.read(search::is_consistent).unwrap(), "consistent with records still waiting");
    for word in words {
        let mut hits: Vec<i64> =
            found(state, word).into_iter().filter(|(kind, _, _)| kind == "person").map(|(_, id, _)| id).collect();
        let mut expected: Vec<i64> =
            living.iter().filter(|(_, named, noted)| *named == word || *noted == word).map(|(id, _, _)| *id).collect();
        hits.sort();
        expected.sort();
        assert_eq!(hits, expected, "{word}");
    }
    assert!(state.read(search::is_consistent).unwrap(), "FTS5's own check passes once caught up");
    // FTS5 cannot check a contentless index's words against records it has no copy of, so the
    // index's own word list is read, once merged: each word is listed for exactly the people
    // who have it, none for a record since changed or deleted (whose words would otherwise
    // stay in the file).
    state.write_unrecorded(|tx| Ok(tx.execute_batch("INSERT INTO search (search) VALUES ('optimize')")?)).unwrap();
    let listed = |word: &str| -> i64 {
        state
            .read(|conn| {
                conn.execute_batch("CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, search, row)")?;
                Ok(conn
                    .query_row("SELECT coalesce(sum(doc), 0) FROM temp.words WHERE term = ?1", [word], |r| r.get(0))?)
            })
            .unwrap()
    };
    for word in words {
        let having = living.iter().filter(|(_, named, noted)| *named == word || *noted == word).count() as i64;
        assert_eq!(listed(word), having, "{word} is listed for exactly the records that have it");
    }
    assert_eq!(listed("likes"), living.len() as i64);
}

/// Why: the index is derived data that follows every save; were its catching up announced
/// (or read as a table no topic knows, which announces everything), every screen would reload
/// after each search.
#[test]
fn catching_up_announces_nothing_to_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let noted = heard.clone();
    let state = AppState::open(
        ppg_desk_core::db::DataPaths::at(dir.path()),
        Box::new(move |topics: &[ppg_desk_core::state::Topic]| noted.lock().unwrap().extend_from_slice(topics)),
    );
    add_person(&state, "Ottoline Brackenbury", |_| {});
    assert_eq!(*heard.lock().unwrap(), [ppg_desk_core::state::Topic::People], "the save announces people only");
    heard.lock().unwrap().clear();
    assert!(state.read(search::behind).unwrap());
    assert_eq!(found(&state, "brackenbury").len(), 1, "the search caught up first");
    assert!(heard.lock().unwrap().is_empty(), "catching up announced {:?}", heard.lock().unwrap());
}

/// Why: closing indexes whatever is still waiting, so the next start (a window opening on
/// Home) has nothing to index, and a command-line write leaves the index caught up.
#[test]
fn closing_the_store_indexes_whatever_is_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(ppg_desk_core::db::DataPaths::at(dir.path()), Box::new(|_: &[_]| {}));
    add_person(&state, "Perpetua Windlesham", |_| {});
    assert!(state.read(search::behind).unwrap(), "still waiting when the store closes");
    drop(state);
    let conn = rusqlite::Connection::open(dir.path().join(ppg_desk_core::db::DB_FILE)).unwrap();
    let waiting: i64 = conn.query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0)).unwrap();
    let indexed: i64 = conn
        .query_row(
            "SELECT count(*) FROM search_docs d JOIN people p ON p.id = d.ref WHERE p.full_name = 'Perpetua Windlesham'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!((waiting, indexed), (0, 1));
}
