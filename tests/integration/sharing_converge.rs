//! Three laptops making random changes to one shared PPG and exchanging them in random
//! orders all end with the same PPG (property-based).

use ppg_desk_core::sharing;
use ppg_desk_core::state::AppState;
use proptest::prelude::*;
use rusqlite::params;

use crate::sharing::{committee, content, names, set};
use crate::support::add_person;

#[derive(Debug, Clone)]
enum Op {
    Add(usize),
    Phone(usize, usize, u8),
    Delete(usize, usize),
    Sync(usize),
    /// Send, receive, write a fresh starting copy and remove what every laptop has applied.
    Tidy(usize),
    /// Retitle one of the meeting's three agenda items.
    Title(usize, usize, u8),
    /// Move every agenda item one place down (the last to the top).
    Reorder(usize),
    Approve(usize),
    /// Start the next issue of the bulletin (its number one more than the laptop's last),
    /// with one article: two laptops doing so before they exchange make the same issue twice.
    Issue(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0..3usize).prop_map(Op::Add),
        2 => (0..3usize, 0..6usize, any::<u8>()).prop_map(|(l, p, v)| Op::Phone(l, p, v)),
        1 => (0..3usize, 0..6usize).prop_map(|(l, p)| Op::Delete(l, p)),
        4 => (0..3usize).prop_map(Op::Sync),
        1 => (0..3usize).prop_map(Op::Tidy),
        2 => (0..3usize, 0..3usize, any::<u8>()).prop_map(|(l, i, v)| Op::Title(l, i, v)),
        1 => (0..3usize).prop_map(Op::Reorder),
        1 => (0..3usize).prop_map(Op::Approve),
        1 => (0..3usize).prop_map(Op::Issue),
    ]
}

/// A meeting held, with three agenda items and draft minutes, on the secretary's laptop.
fn meeting_with_items(state: &AppState) {
    state
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO meetings (id, kind, meets_on, starts_at, venue, status, created_at, updated_at)
                   VALUES (new_id(), 'committee', '2026-11-10', '18:00', 'The surgery', 'draft_minutes',
                           '2026-11-01T10:00:00', '2026-11-01T10:00:00');
                 INSERT INTO agenda_items (id, meeting_id, position, title) SELECT new_id(), id, 0, 'Welcome' FROM meetings;
                 INSERT INTO agenda_items (id, meeting_id, position, title) SELECT new_id(), id, 1, 'Practice update' FROM meetings;
                 INSERT INTO agenda_items (id, meeting_id, position, title) SELECT new_id(), id, 2, 'Any other business' FROM meetings;",
            )?;
            Ok(())
        })
        .unwrap();
}

fn meeting_id(state: &AppState) -> i64 {
    state.read(|conn| Ok(conn.query_row("SELECT id FROM meetings", [], |r| r.get(0))?)).unwrap()
}

/// Approved minutes as the approval recorded them, if approved here.
fn approved(state: &AppState) -> Option<String> {
    state
        .read(|conn| {
            let text = conn.query_row("SELECT group_concat(position || ':' || title, ' ') FROM (SELECT * FROM agenda_items ORDER BY position)", [], |r| r.get::<_, String>(0))?;
            let status: String = conn.query_row("SELECT status FROM meetings", [], |r| r.get(0))?;
            Ok((status == "minutes_approved").then_some(text))
        })
        .unwrap()
}

/// One field written by one laptop, with a value no other write uses.
#[derive(Debug)]
struct Edit {
    table: &'static str,
    id: i64,
    column: &'static str,
    value: String,
    /// Written over by a later write made where this one had already arrived: not a clash.
    superseded: bool,
}

/// Each record's id and the field's value, on one laptop.
fn fields(state: &AppState, table: &str, column: &str, only: &str) -> Vec<(i64, String)> {
    state
        .read(|conn| {
            let mut stmt =
                conn.prepare(&format!("SELECT id, CAST({column} AS TEXT) AS v FROM {table} WHERE {only}"))?;
            let rows = stmt.query_map([], |r| Ok((r.get("id")?, r.get("v")?)))?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .unwrap()
}

/// Before a laptop writes over these records' field: the writes it had there are superseded.
fn supersede(edits: &mut [Edit], table: &str, column: &str, before: &[(i64, String)]) {
    for e in edits.iter_mut().filter(|e| e.table == table && e.column == column) {
        if before.iter().any(|(id, v)| *id == e.id && *v == e.value) {
            e.superseded = true;
        }
    }
}

/// Every write either survives, went with its record (a person erased), or is listed as a
/// clash on some laptop, naming its value.
fn accounted_for(laptops: &[&AppState], edits: &[Edit]) -> Result<(), String> {
    let clashes: Vec<sharing::Clash> =
        laptops.iter().flat_map(|s| sharing::status(s).unwrap().unwrap().clashes).collect();
    for e in edits.iter().filter(|e| !e.superseded) {
        let now = fields(laptops[0], e.table, e.column, &format!("id = {}", e.id));
        let survives = now.iter().any(|(_, v)| *v == e.value)
            || (e.table == "bulletins"
                && !fields(laptops[0], e.table, e.column, &format!("{} = '{}'", e.column, e.value)).is_empty());
        let gone = now.is_empty() && e.table == "people";
        let listed = clashes.iter().any(|c| {
            c.column.split(", ").any(|col| col == e.column)
                && (c.kept == e.value || c.other.split(", ").any(|v| v == e.value))
        });
        if !(survives || gone || listed) {
            return Err(format!("{e:?} was lost without trace; clashes: {clashes:?}"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Three laptops make random changes (people added, edited and erased; a meeting's items
    /// retitled and reordered; its minutes approved) and exchange in random orders, tidying
    /// the folder as they go: once everyone has sent and received, all three hold the same
    /// PPG, no link is broken, approved minutes are locked on every laptop and every edit
    /// either survives or is listed as a clash.
    #[test]
    fn three_laptops_converge(ops in proptest::collection::vec(op(), 1..30)) {
        let folder = tempfile::tempdir().unwrap();
        let stores = committee(folder.path(), 2);
        let laptops: Vec<&AppState> = stores.iter().map(|s| &s.state).collect();
        meeting_with_items(laptops[0]);
        for _ in 0..2 {
            for state in &laptops {
                sharing::sync(state).unwrap();
            }
        }
        let meeting = meeting_id(laptops[0]);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let (mut edits, mut articles) = (Vec::new(), Vec::new());
        for (n, op) in ops.iter().enumerate() {
            let at = format!("2026-12-01T10:{:02}:{:02}", n / 60, n % 60);
            match *op {
                Op::Add(l) => { add_person(laptops[l], &format!("Person {n}"), |_| {}); }
                Op::Phone(l, p, v) => {
                    let all = names(laptops[l]);
                    if let Some(name) = all.get(p % all.len().max(1)) {
                        let only = format!("full_name = '{name}'");
                        let before = fields(laptops[l], "people", "phone", &only);
                        supersede(&mut edits, "people", "phone", &before);
                        let value = format!("0{n}-{v}");
                        set(laptops[l], name, "phone", &value, &at);
                        for (id, _) in before {
                            edits.push(Edit { table: "people", id, column: "phone", value: value.clone(), superseded: false });
                        }
                    }
                }
                Op::Delete(l, p) => {
                    let all = names(laptops[l]);
                    if let Some(name) = all.get(p % all.len().max(1)) {
                        laptops[l].erase(|tx| { tx.execute("DELETE FROM people WHERE full_name = ?1", [name])?; Ok(()) }).unwrap();
                    }
                }
                Op::Sync(l) => { sharing::sync(laptops[l]).unwrap(); }
                Op::Tidy(l) => { sharing::sync_and_tidy(laptops[l]).unwrap(); }
                // Refused by the lock once approved here, as the window would say.
                Op::Title(l, i, v) => {
                    let before = fields(laptops[l], "agenda_items", "title", &format!("position = {i}"));
                    let value = format!("Item {n}-{v}");
                    let written = laptops[l].write(|tx| {
                        tx.execute("UPDATE agenda_items SET title = ?1 WHERE position = ?2", params![value, i as i64])?;
                        Ok(())
                    });
                    if written.is_ok() {
                        supersede(&mut edits, "agenda_items", "title", &before);
                        for (id, _) in before {
                            edits.push(Edit { table: "agenda_items", id, column: "title", value: value.clone(), superseded: false });
                        }
                    }
                }
                Op::Reorder(l) => {
                    let _ = laptops[l].write(|tx| {
                        tx.execute_batch("UPDATE agenda_items SET position = position + 10; UPDATE agenda_items SET position = (position - 9) % 3;")?;
                        Ok(())
                    });
                }
                Op::Issue(l) => {
                    let (title, article) = (format!("Issue {n}"), format!("Article {n}"));
                    let id = laptops[l].write(|tx| {
                        tx.execute(
                            "INSERT INTO bulletins (id, number, month, title, created_at, updated_at)
                             SELECT new_id(), coalesce(max(number), 0) + 1, '2027-01', ?1, ?2, ?2 FROM bulletins",
                            params![title, at],
                        )?;
                        let id: i64 = tx.query_row("SELECT id FROM bulletins WHERE title = ?1", [&title], |r| r.get(0))?;
                        tx.execute(
                            "INSERT INTO bulletin_articles (id, bulletin_id, position, title, updated_at) VALUES (new_id(), ?1, 0, ?2, ?3)",
                            params![id, article, at],
                        )?;
                        Ok(id)
                    }).unwrap();
                    edits.push(Edit { table: "bulletins", id, column: "title", value: title, superseded: false });
                    articles.push(article);
                }
                Op::Approve(l) => {
                    let _ = laptops[l].write(|tx| ppg_desk_core::meetings::set_status(tx, meeting, ppg_desk_core::meetings::MeetingStatus::MinutesApproved, today, &at));
                }
            }
        }
        for _ in 0..2 {
            for state in &laptops {
                sharing::sync(state).unwrap();
            }
        }
        prop_assert_eq!(content(laptops[0]), content(laptops[1]));
        prop_assert_eq!(content(laptops[0]), content(laptops[2]));
        // No issue number twice, and every article kept (in the issue kept, when the same
        // issue was started on two laptops).
        let numbers = fields(laptops[0], "bulletins", "number", "1");
        let mut distinct: Vec<String> = numbers.iter().map(|(_, n)| n.clone()).collect();
        distinct.dedup();
        prop_assert_eq!(distinct.len(), numbers.len());
        let kept: Vec<String> = fields(laptops[0], "bulletin_articles", "title", "1").into_iter().map(|(_, t)| t).collect();
        for article in &articles {
            prop_assert!(kept.contains(article), "{} was lost", article);
        }
        if let Err(lost) = accounted_for(&laptops, &edits) {
            prop_assert!(false, "{}", lost);
        }
        let broken: i64 = laptops[0].read(|conn| Ok(conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?)).unwrap();
        prop_assert_eq!(broken, 0);
        // Approved minutes stay locked everywhere: a change now is refused on every laptop.
        if approved(laptops[0]).is_some() {
            for state in &laptops {
                let refused = state.write(|tx| { tx.execute("UPDATE agenda_items SET title = 'Too late'", [])?; Ok(()) });
                prop_assert!(refused.is_err());
            }
        }
    }
}
