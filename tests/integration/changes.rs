//! Change events come from what a write did: every table has a topic, and the topics of a
//! write are those of the tables its statements (and their triggers) wrote.

use ppg_desk_core::changes::{topic_of, Written};
use ppg_desk_core::state::Topic;
use rusqlite::Connection;

use crate::support::add_person;

/// Why: a table without a topic would leave the screens that show it stale after a write
/// (the fallback then reloads everything, which hides the mistake but costs every screen).
#[test]
fn every_table_the_migrations_make_has_a_topic() {
    let mut conn = Connection::open_in_memory().unwrap();
    ppg_desk_core::db::migrate::migrate(&mut conn).unwrap();
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").unwrap();
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
    assert!(tables.len() > 30, "the schema was read: {tables:?}");
    let missing: Vec<&String> = tables.iter().filter(|t| topic_of(t).is_none()).collect();
    assert!(missing.is_empty(), "tables with no topic: {missing:?}");
}

#[test]
fn the_topics_come_from_what_the_statements_write_and_their_triggers() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);
         CREATE TABLE meeting_guests (meeting_id INTEGER, person_id INTEGER, PRIMARY KEY (meeting_id, person_id)) WITHOUT ROWID;
         CREATE TABLE action_updates (note TEXT);
         CREATE TRIGGER guest_noted AFTER INSERT ON meeting_guests BEGIN INSERT INTO action_updates VALUES ('x'); END;",
    )
    .unwrap();
    let written = Written::start(&mut conn).unwrap();
    conn.query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0)).unwrap();
    assert!(written.topics().is_empty(), "reading writes nothing");
    conn.execute("INSERT INTO meeting_guests VALUES (1, 2)", []).unwrap();
    assert_eq!(
        written.topics(),
        vec![Topic::Meetings, Topic::Actions],
        "a WITHOUT ROWID table and its trigger's table"
    );
    Written::stop(&mut conn);
    conn.execute("UPDATE people SET name = 'x'", []).unwrap();
    assert_eq!(written.topics(), vec![Topic::Meetings, Topic::Actions], "nothing noted once stopped");
}

#[test]
fn a_write_announces_exactly_the_topics_it_wrote() {
    let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Vec<Topic>>::new()));
    let dir = tempfile::tempdir().unwrap();
    let log = heard.clone();
    let state = ppg_desk_core::state::AppState::open(
        ppg_desk_core::db::DataPaths::at(dir.path()),
        Box::new(move |t: &[Topic]| log.lock().unwrap().push(t.to_vec())),
    );
    heard.lock().unwrap().clear();
    add_person(&state, "Ann Example", |_| {});
    assert_eq!(heard.lock().unwrap().last().unwrap(), &vec![Topic::People]);
    state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0))?)).unwrap();
    let before = heard.lock().unwrap().len();
    state.write(|_| Ok(())).unwrap();
    assert_eq!(heard.lock().unwrap().len(), before, "a write that wrote nothing announces nothing");
}

#[test]
fn a_restore_announces_every_part_of_the_data() {
    let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Vec<Topic>>::new()));
    let dir = tempfile::tempdir().unwrap();
    let log = heard.clone();
    let state = ppg_desk_core::state::AppState::open(
        ppg_desk_core::db::DataPaths::at(dir.path()),
        Box::new(move |t: &[Topic]| log.lock().unwrap().push(t.to_vec())),
    );
    let now = state.now();
    add_person(&state, "Ann Example", |_| {});
    let file = state
        .read(|conn| {
            ppg_desk_core::backups::take(conn, &state.paths(), None, now, ppg_desk_core::backups::BackupReason::Daily)
        })
        .unwrap();
    heard.lock().unwrap().clear();
    let path = state.paths().backups_dir().join(&file.file_name);
    state
        .replace_all(|conn| ppg_desk_core::backups::restore(conn, &state.paths(), &path, Default::default(), now))
        .unwrap();
    assert_eq!(heard.lock().unwrap().last().unwrap(), &Topic::ALL.to_vec(), "every screen reloads after a restore");
}
