//! Three laptops making random changes to one shared PPG and exchanging them in random
//! orders all end with the same PPG (property-based).

use ppg_desk_core::sharing;
use ppg_desk_core::state::AppState;
use proptest::prelude::*;

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
        for (n, op) in ops.iter().enumerate() {
            let at = format!("2026-12-01T10:{:02}:{:02}", n / 60, n % 60);
            match *op {
                Op::Add(l) => { add_person(laptops[l], &format!("Person {n}"), |_| {}); }
                Op::Phone(l, p, v) => {
                    let all = names(laptops[l]);
                    if let Some(name) = all.get(p % all.len().max(1)) {
                        set(laptops[l], name, "phone", &format!("0{v}"), &at);
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
                    let _ = laptops[l].write(|tx| {
                        tx.execute("UPDATE agenda_items SET title = ?1 WHERE position = ?2", rusqlite::params![format!("Item {v}"), i as i64])?;
                        Ok(())
                    });
                }
                Op::Reorder(l) => {
                    let _ = laptops[l].write(|tx| {
                        tx.execute_batch("UPDATE agenda_items SET position = position + 10; UPDATE agenda_items SET position = (position - 9) % 3;")?;
                        Ok(())
                    });
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
