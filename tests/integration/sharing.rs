//! Sharing one PPG between laptops through an exchange folder: joining, exchanging,
//! clashes, deletions, damaged and half-copied files, and what the folder gives away.

use std::path::Path;

use ppg_desk_core::sharing::{self, exchange, Scheme};
use ppg_desk_core::state::AppState;

use crate::support::{add_person, temp_store, TempStore};

/// The secretary's laptop (sharing, with one person) and `joining` more laptops joined to it.
pub fn committee(folder: &Path, joining: usize) -> Vec<TempStore> {
    committee_and_code(folder, joining).0
}

/// The same, with the invitation code, for a laptop joining later.
pub fn committee_and_code(folder: &Path, joining: usize) -> (Vec<TempStore>, String) {
    let secretary = temp_store();
    add_person(&secretary.state, "Ada Secretary", |_| {});
    let code = sharing::start(&secretary.state, folder, "Secretary's laptop", false, false)
        .unwrap()
        .committee
        .clone()
        .unwrap();
    let mut laptops = vec![secretary];
    for n in 0..joining {
        let other = temp_store();
        sharing::join(
            &other.state,
            folder,
            &format!("Committee laptop {n}"),
            &code,
            Scheme::NotShared,
            Scheme::NotShared,
        )
        .unwrap();
        laptops.push(other);
    }
    (laptops, code)
}

/// The secretary's laptop and the chair's.
pub fn two_laptops(folder: &Path) -> (TempStore, TempStore) {
    let mut laptops = committee(folder, 1);
    let chair = laptops.pop().unwrap();
    (laptops.pop().unwrap(), chair)
}

pub fn names(state: &AppState) -> Vec<String> {
    state
        .read(|conn| {
            let mut stmt = conn.prepare("SELECT full_name FROM people ORDER BY id")?;
            let names = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(names)
        })
        .unwrap()
}

pub fn phone(state: &AppState, name: &str) -> String {
    state
        .read(|conn| Ok(conn.query_row("SELECT phone FROM people WHERE full_name = ?1", [name], |r| r.get(0))?))
        .unwrap()
}

pub fn set(state: &AppState, name: &str, column: &str, value: &str, at: &str) {
    state
        .write(|tx| {
            tx.execute(
                &format!("UPDATE people SET {column} = ?1, updated_at = ?2 WHERE full_name = ?3"),
                [value, at, name],
            )?;
            Ok(())
        })
        .unwrap();
}

/// Every committee table, row by row: equal on two laptops exactly when they hold the same PPG.
pub fn content(state: &AppState) -> String {
    state
        .read(|conn| {
            let mut out = String::new();
            for table in [
                "people",
                "person_roles",
                "meetings",
                "agenda_items",
                "minutes_approvals",
                "actions",
                "action_owners",
                "contacts",
                "bulletins",
                "bulletin_articles",
            ] {
                let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))?;
                let n = stmt.column_count();
                let rows = stmt.query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })?;
                for row in rows {
                    out.push_str(&row?);
                    out.push('\n');
                }
            }
            Ok(out)
        })
        .unwrap()
}

#[test]
fn a_joined_laptop_has_the_ppg_and_each_sees_the_others_changes() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    assert_eq!(names(&chair.state), ["Ada Secretary"], "the starting copy");

    add_person(&secretary.state, "Bo Newcomer", |_| {});
    add_person(&chair.state, "Cy Chair", |_| {});
    assert_eq!(sharing::sync(&secretary.state).unwrap().sent, 1);
    let report = sharing::sync(&chair.state).unwrap();
    assert_eq!((report.sent, report.received), (1, 1));
    sharing::sync(&secretary.state).unwrap();
    assert_eq!(content(&secretary.state), content(&chair.state));
    assert_eq!(names(&chair.state).len(), 3);

    // Different fields of one person, changed on each side, both survive.
    set(&secretary.state, "Bo Newcomer", "phone", "01234 567890", "2026-12-01T10:00:00");
    set(&chair.state, "Bo Newcomer", "notes", "Keen on the newsletter", "2026-12-01T10:05:00");
    for state in [&secretary.state, &chair.state, &secretary.state] {
        sharing::sync(state).unwrap();
    }
    assert_eq!(content(&secretary.state), content(&chair.state));
    assert_eq!(phone(&chair.state, "Bo Newcomer"), "01234 567890");

    let status = sharing::status(&chair.state).unwrap().unwrap();
    assert_eq!(status.sharing.last_received_from.as_deref(), Some("Secretary's laptop"));
    assert!(status.clashes.is_empty(), "no clash: {:?}", status.clashes);
}

#[test]
fn the_same_field_changed_on_both_keeps_the_later_and_lists_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    set(&secretary.state, "Ada Secretary", "phone", "01111 111111", "2026-12-01T09:00:00");
    set(&chair.state, "Ada Secretary", "phone", "02222 222222", "2026-12-01T11:00:00");
    for state in [&secretary.state, &chair.state, &secretary.state] {
        sharing::sync(state).unwrap();
    }
    assert_eq!(phone(&secretary.state, "Ada Secretary"), "02222 222222", "the later change is kept");
    assert_eq!(content(&secretary.state), content(&chair.state));
    let clashes = sharing::status(&secretary.state).unwrap().unwrap().clashes;
    let clash = clashes.iter().find(|c| c.column == "phone").expect("listed as a clash");
    assert_eq!((clash.kept.as_str(), clash.other.as_str()), ("02222 222222", "01111 111111"));
}

#[test]
fn a_deletion_wins_over_an_edit_made_elsewhere() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    set(&chair.state, "Ada Secretary", "notes", "Edited on the chair's laptop", "2026-12-01T12:00:00");
    secretary
        .state
        .erase(|tx| {
            tx.execute("DELETE FROM people WHERE full_name = 'Ada Secretary'", [])?;
            Ok(())
        })
        .unwrap();
    for state in [&secretary.state, &chair.state, &secretary.state] {
        sharing::sync(state).unwrap();
    }
    assert!(names(&chair.state).is_empty() && names(&secretary.state).is_empty());

    // A link made elsewhere to someone erased here (a role given to him on the chair's laptop)
    // follows the schema's rule on arrival. SQLite's apply then asks about broken links with
    // no change to name: asking it which table crashed PPG Desk.
    add_person(&secretary.state, "Bob Member", |_| {});
    for state in [&secretary.state, &chair.state] {
        sharing::sync(state).unwrap();
    }
    chair
        .state
        .write(|tx| {
            tx.execute("INSERT INTO person_roles (person_id, role) SELECT id, 'chair' FROM people", [])?;
            Ok(())
        })
        .unwrap();
    secretary
        .state
        .erase(|tx| Ok(tx.execute("DELETE FROM people WHERE full_name = 'Bob Member'", []).map(|_| ())?))
        .unwrap();
    for state in [&chair.state, &secretary.state, &chair.state] {
        sharing::sync(state).unwrap();
    }
    assert_eq!(content(&chair.state), content(&secretary.state));
    assert!(names(&chair.state).is_empty());
}

#[test]
fn half_copied_and_tampered_files_are_never_applied_and_nothing_personal_is_in_plain_sight() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    add_person(&secretary.state, "Dora Private", |p| p.phone = "07700 900123".into());
    sharing::sync(&secretary.state).unwrap();

    let root = exchange::root(folder.path());
    let file = walk(&root).into_iter().find(|p| p.extension().is_some_and(|e| e == "ppgchange")).unwrap();
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    let report = sharing::sync(&chair.state).unwrap();
    assert_eq!(report.received, 0);
    assert!(report.notes[0].contains("still arriving"), "{:?}", report.notes);

    let mut tampered = whole.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x40;
    std::fs::write(&file, &tampered).unwrap();
    let report = sharing::sync(&chair.state).unwrap();
    assert_eq!(report.received, 0);
    assert!(report.notes[0].contains("altered or damaged"), "{:?}", report.notes);
    assert!(!names(&chair.state).contains(&"Dora Private".to_string()));

    std::fs::write(&file, &whole).unwrap();
    assert_eq!(sharing::sync(&chair.state).unwrap().received, 1, "applied once complete");
    assert!(names(&chair.state).contains(&"Dora Private".to_string()));

    for path in walk(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.to_string_lossy();
        for needle in ["Dora", "Ada", "07700", "Secretary", "Chair"] {
            assert!(!name.contains(needle), "{needle} in a file name");
            assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in {name}");
        }
    }
}

#[test]
fn a_wrong_invitation_code_and_a_used_ppg_are_refused() {
    let folder = tempfile::tempdir().unwrap();
    let secretary = temp_store();
    sharing::start(&secretary.state, folder.path(), "Secretary's laptop", false, false).unwrap();
    let other = temp_store();
    let wrong = sharing::join(
        &other.state,
        folder.path(),
        "Chair",
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF",
        Scheme::NotShared,
        Scheme::NotShared,
    );
    match wrong {
        Err(ppg_desk_core::error::Error::Invalid(fields)) => {
            assert_eq!(fields[0].field, "invitationCode");
            assert!(fields[0].message.contains("invitation code does not open"));
        }
        other => panic!("expected the code to be refused, got {other:?}"),
    }
    assert!(sharing::start(&other.state, folder.path(), "Chair", false, false).is_err(), "already shared there");
}

pub fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

#[test]
fn a_change_to_minutes_approved_on_another_laptop_is_refused_and_reported() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    let meeting = |state: &AppState| -> i64 {
        state
            .read(|conn| Ok(conn.query_row("SELECT id FROM meetings ORDER BY meets_on LIMIT 1", [], |r| r.get(0))?))
            .unwrap()
    };
    // A meeting with one item, on both laptops.
    secretary
        .state
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO meetings (id, kind, meets_on, starts_at, venue, created_at, updated_at)
                   VALUES (new_id(), 'committee', '2026-11-10', '18:00', 'The surgery', '2026-11-01T10:00:00', '2026-11-01T10:00:00');",
            )?;
            tx.execute(
                "INSERT INTO agenda_items (id, meeting_id, position, title, purpose)
                 SELECT new_id(), id, 0, 'Practice update', 'information' FROM meetings ORDER BY meets_on LIMIT 1",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    sharing::sync(&secretary.state).unwrap();
    sharing::sync(&chair.state).unwrap();
    let id = meeting(&chair.state);

    // The secretary approves the minutes; the chair, not knowing, changes an item afterwards.
    secretary
        .state
        .write(|tx| {
            tx.execute(
                "UPDATE meetings SET status = 'minutes_approved', approved_on = '2026-12-01', updated_at = '2026-12-01T10:00:00' WHERE id = ?1",
                [id],
            )?;
            Ok(())
        })
        .unwrap();
    chair
        .state
        .write(|tx| {
            tx.execute("UPDATE agenda_items SET title = 'Changed afterwards' WHERE meeting_id = ?1", [id])?;
            Ok(())
        })
        .unwrap();
    sharing::sync(&secretary.state).unwrap();
    let report = sharing::sync(&chair.state).unwrap();
    assert_eq!(report.received, 1);
    let report = sharing::sync(&secretary.state).unwrap();
    assert_eq!(report.received, 1);
    let title: String = secretary
        .state
        .read(|conn| Ok(conn.query_row("SELECT title FROM agenda_items WHERE meeting_id = ?1", [id], |r| r.get(0))?))
        .unwrap();
    assert_eq!(title, "Practice update", "the approved minutes are not changed");
    let clashes = sharing::status(&secretary.state).unwrap().unwrap().clashes;
    assert!(clashes.iter().any(|c| c.why == "refused" && c.table == "agenda_items"), "{clashes:?}");
}

#[test]
fn an_issue_published_while_edited_on_another_laptop_stays_as_published_on_every_laptop() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, editor) = two_laptops(folder.path());
    let body = |state: &AppState| -> String {
        state.read(|conn| Ok(conn.query_row("SELECT body FROM bulletin_articles", [], |r| r.get(0))?)).unwrap()
    };
    secretary
        .state
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO bulletins (id, number, month, title, created_at, updated_at)
                   VALUES (new_id(), 12, '2026-12', 'Winter news', '2026-12-01T10:00:00', '2026-12-01T10:00:00');
                 INSERT INTO bulletin_articles (id, bulletin_id, position, title, body, updated_at)
                   SELECT new_id(), id, 0, 'Flu clinics', 'Saturday mornings in December.', '2026-12-01T10:00:00' FROM bulletins;",
            )?;
            Ok(())
        })
        .unwrap();
    sharing::sync(&secretary.state).unwrap();
    sharing::sync(&editor.state).unwrap();

    // The secretary publishes; the bulletin editor, not knowing, changes the article.
    let id: i64 =
        secretary.state.read(|conn| Ok(conn.query_row("SELECT id FROM bulletins", [], |r| r.get(0))?)).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    secretary
        .state
        .write(|tx| ppg_desk_core::bulletins::editing::publish(tx, id, b"%PDF-1.7 standard", b"%PDF-1.7 large", today))
        .unwrap();
    editor
        .state
        .write(|tx| {
            tx.execute("UPDATE bulletin_articles SET body = 'Changed after publishing.'", [])?;
            Ok(())
        })
        .unwrap();
    for state in [&secretary.state, &editor.state, &secretary.state, &editor.state] {
        sharing::sync(state).unwrap();
    }
    assert_eq!(body(&secretary.state), "Saturday mornings in December.");
    assert_eq!(body(&editor.state), "Saturday mornings in December.", "put back as published");
    let listed = sharing::status(&editor.state).unwrap().unwrap().clashes;
    assert!(listed.iter().any(|c| c.why == "locked" && c.column == "published"), "{listed:?}");
}
