//! Migration 15: a PPG made with counted ids (1, 2, 3…) moves to committee-wide ids with
//! every record and every link intact, so it can be shared between laptops.

use std::collections::{BTreeMap, HashMap};

use ppg_desk_core::db::{self, global_ids, ids, migrate};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value;
use rusqlite::Connection;

/// The version before committee-wide ids.
const COUNTED: i64 = 14;

/// A store at version 14 holding the sample PPG with the ids an older PPG Desk gave out.
fn counted_sample(dir: &std::path::Path) -> Connection {
    let mut conn = db::open(&dir.join(db::DB_FILE), None).unwrap();
    migrate::migrate_to(&mut conn, COUNTED).unwrap();
    // Older builds counted ids out: 1, 2, 3…
    let counter = std::sync::atomic::AtomicI64::new(0);
    conn.create_scalar_function("new_id", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1)
    })
    .unwrap();
    // Today's sample keeps approved minutes and published issues as they were (later
    // versions' tables): here only for the loading, gone when the file is closed.
    // People's later fields (email only, large print) likewise, dropped once it is loaded,
    // the mailing lists the PPG made, the year's feedback and survey, whom the PPG speaks for
    // and the officers' terms (no posts here, so no terms), and the year's settings.
    conn.execute_batch(
        "CREATE TEMP TABLE minutes_approvals (meeting_id INTEGER PRIMARY KEY, content TEXT, approved_at TEXT);
         CREATE TEMP TABLE bulletin_publications (bulletin_id INTEGER PRIMARY KEY, content TEXT, published_at TEXT);
         CREATE TEMP TABLE mailing_lists (id INTEGER PRIMARY KEY, name TEXT, key TEXT UNIQUE);
         CREATE TEMP TABLE mailing_list_people (list_id INTEGER, person_id INTEGER, PRIMARY KEY (list_id, person_id));
         CREATE TEMP TABLE feedback_themes (id INTEGER PRIMARY KEY, name TEXT);
         CREATE TEMP TABLE feedback (id INTEGER PRIMARY KEY, received_on TEXT, source TEXT, patients INTEGER, words TEXT, created_at TEXT);
         CREATE TEMP TABLE feedback_item_themes (feedback_id INTEGER, theme_id INTEGER);
         CREATE TEMP TABLE action_feedback (action_id INTEGER, feedback_id INTEGER);
         CREATE TEMP TABLE member_profiles (person_id INTEGER PRIMARY KEY, consent_on TEXT, age_band TEXT, sex TEXT, ethnic TEXT, carer TEXT, condition TEXT);
         CREATE TEMP TABLE practice_profile (dimension TEXT, grp TEXT, patients INTEGER, as_at TEXT, source TEXT, PRIMARY KEY (dimension, grp));
         CREATE TEMP TABLE recruitment (id INTEGER PRIMARY KEY, done_on TEXT, what TEXT, aimed_at TEXT, result TEXT, joined INTEGER, created_at TEXT);
         CREATE TEMP TABLE officer_posts (id INTEGER PRIMARY KEY, name TEXT, role TEXT, term_years INTEGER, position INTEGER);
         CREATE TEMP TABLE officer_terms (id INTEGER PRIMARY KEY, post_id INTEGER, person_id INTEGER, from_on TEXT, ends_on TEXT, ended_on TEXT);
         CREATE TEMP TABLE terms_of_reference (id INTEGER PRIMARY KEY, agreed_on TEXT, review_on TEXT, text TEXT, created_at TEXT);
         CREATE TEMP TABLE fft_months (month TEXT PRIMARY KEY, very_good INTEGER, good INTEGER, neither INTEGER, poor INTEGER, very_poor INTEGER, dont_know INTEGER, imported_at TEXT);
         CREATE TEMP TABLE surveys (id INTEGER PRIMARY KEY, title TEXT, intro TEXT, held_on TEXT, created_at TEXT, language TEXT);
         CREATE TEMP TABLE survey_questions (id INTEGER PRIMARY KEY, survey_id INTEGER, position INTEGER, kind TEXT, wording TEXT, choices TEXT);
         CREATE TEMP TABLE survey_responses (id INTEGER PRIMARY KEY, survey_id INTEGER, form_number INTEGER, entered_at TEXT);
         CREATE TEMP TABLE survey_answers (response_id INTEGER, question_id INTEGER, answer TEXT, feedback_id INTEGER, PRIMARY KEY (response_id, question_id));
         ALTER TABLE actions ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
         ALTER TABLE bulletin_articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
         ALTER TABLE bulletin_articles ADD COLUMN translation_of INTEGER;
         ALTER TABLE directory_entries ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
         ALTER TABLE people ADD COLUMN email_only INTEGER NOT NULL DEFAULT 0;
         ALTER TABLE people ADD COLUMN large_print INTEGER NOT NULL DEFAULT 0;
         ALTER TABLE settings ADD COLUMN year_starts_month INTEGER NOT NULL DEFAULT 4;
         ALTER TABLE settings ADD COLUMN agm_notice_days INTEGER NOT NULL DEFAULT 28;",
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    let today = chrono::Local::now().date_naive();
    ppg_desk_core::sample::load(&tx, today, "2026-12-01T10:00:00Z").unwrap();
    tx.commit().unwrap();
    conn.execute_batch(
        "ALTER TABLE people DROP COLUMN email_only; ALTER TABLE people DROP COLUMN large_print;
         ALTER TABLE actions DROP COLUMN outcome;
         ALTER TABLE bulletin_articles DROP COLUMN language; ALTER TABLE bulletin_articles DROP COLUMN translation_of;
         ALTER TABLE directory_entries DROP COLUMN language;
         ALTER TABLE settings DROP COLUMN year_starts_month; ALTER TABLE settings DROP COLUMN agm_notice_days;",
    )
    .unwrap();
    // Weekly trip series, numbered as older builds numbered them.
    conn.execute_batch("UPDATE trips SET series_id = 1 + (id % 3) WHERE id % 2 = 0").unwrap();
    conn
}

/// Every row of every table with each id (and each link, and each series) replaced by its
/// place in the order of its own table: equal before and after exactly when nothing was lost,
/// no link was moved to another record and the order of adding was kept.
fn fingerprint(conn: &Connection) -> BTreeMap<String, Vec<Vec<String>>> {
    let tables = global_ids::tables_with_ids(conn).unwrap();
    let mut places: HashMap<String, HashMap<i64, usize>> = HashMap::new();
    for table in &tables {
        let ids: Vec<i64> = conn
            .prepare(&format!("SELECT id FROM \"{table}\" ORDER BY id"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        places.insert(table.clone(), ids.into_iter().enumerate().map(|(place, id)| (id, place)).collect());
    }
    let mut refers: HashMap<(String, String), String> = HashMap::new();
    for table in &tables {
        refers.insert((table.clone(), "id".into()), table.clone());
    }
    for (child, column, parent) in global_ids::links(conn).unwrap() {
        refers.insert((child, column), parent);
    }
    for (table, column) in global_ids::UNDECLARED {
        let series: Vec<i64> = conn
            .prepare(&format!(
                "SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL ORDER BY 1"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let key = format!("{table}.{column}");
        places.insert(key.clone(), series.into_iter().enumerate().map(|(place, id)| (id, place)).collect());
        refers.insert((table.to_string(), column.to_string()), key);
    }
    let all: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut out = BTreeMap::new();
    for table in all {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
        let mut rows: Vec<Vec<String>> = stmt
            .query_map([], |r| {
                // Later versions add each row's field versions (sharing), people's email-only
                // and large-print marks (email), an action's outcome (feedback), the year's
                // settings and the language of articles, surveys and entries (printing in
                // every language): not compared.
                Ok((0..columns.len())
                    .filter(|i| {
                        ![
                            "row_version",
                            "email_only",
                            "large_print",
                            "outcome",
                            "year_starts_month",
                            "agm_notice_days",
                            "language",
                            "translation_of",
                        ]
                        .contains(&columns[*i].as_str())
                    })
                    .map(|i| {
                        let value: Value = r.get(i).unwrap();
                        match (&value, refers.get(&(table.clone(), columns[i].clone()))) {
                            (Value::Integer(id), Some(owner)) => format!("#{}", places[owner][id]),
                            _ => format!("{value:?}"),
                        }
                    })
                    .collect())
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        out.insert(table, rows);
    }
    out
}

fn triggers(conn: &Connection) -> Vec<(String, String)> {
    conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn the_sample_ppg_moves_to_committee_wide_ids_with_every_record_and_link_intact() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = counted_sample(dir.path());
    let before = fingerprint(&conn);
    let triggers_before = triggers(&conn);
    let counted_max: i64 = conn.query_row("SELECT max(id) FROM people", [], |r| r.get(0)).unwrap();
    assert!(counted_max < 100_000, "the fixture has counted ids");
    assert!(before["trips"].iter().any(|row| row.iter().any(|v| v.starts_with('#'))));
    drop(conn);

    conn = db::open(&dir.path().join(db::DB_FILE), None).unwrap();
    // The locks as the renumbering (version 15) leaves them; later versions may redefine some.
    migrate::migrate_to(&mut conn, COUNTED + 1).unwrap();
    let triggers_renumbered = triggers(&conn);
    assert_eq!(migrate::migrate(&mut conn).unwrap(), COUNTED + 1);

    // Later migrations may add tables; every table there was before is compared.
    let mut after = fingerprint(&conn);
    after.retain(|table, _| before.contains_key(table));
    assert!(after == before, "every record, link and order is kept");
    // Every trigger there was before is back after the renumbering, unchanged.
    let mut triggers_after = triggers_renumbered;
    triggers_after.retain(|t| triggers_before.iter().any(|b| b.0 == t.0));
    assert_eq!(triggers_after, triggers_before, "the locks are all back, unchanged");
    let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(broken, 0, "no link is broken");
    for table in global_ids::tables_with_ids(&conn).unwrap() {
        let (low, high, rows): (Option<i64>, Option<i64>, i64) = conn
            .query_row(&format!("SELECT min(id), max(id), count(*) FROM \"{table}\""), [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        if rows > 0 {
            assert!(low.unwrap() >= ids::MIN_ID && high.unwrap() <= ids::MAX_ID, "{table}: {low:?}..{high:?}");
        }
    }
    let series: i64 =
        conn.query_row("SELECT count(*) FROM trips WHERE series_id < ?1", [ids::MIN_ID], |r| r.get(0)).unwrap();
    assert_eq!(series, 0, "trip series are renumbered too");

    // The lock on approved minutes still holds after the triggers were put back.
    let approved: i64 = conn
        .query_row(
            "SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
              WHERE m.status = 'minutes_approved' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("the sample has approved minutes");
    assert!(conn.execute("UPDATE agenda_items SET title = 'changed' WHERE id = ?1", [approved]).is_err());
}

#[test]
fn new_records_get_committee_wide_ids_in_the_order_they_were_added() {
    let store = crate::support::temp_store();
    let first = crate::support::add_person(&store.state, "Ada First", |_| {});
    let second = crate::support::add_person(&store.state, "Bo Second", |_| {});
    assert!(first >= ids::MIN_ID && second > first && second <= ids::MAX_ID);
}
