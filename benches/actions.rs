//! Actions benchmark: 20,000 actions shared among 40 owners over 24 meetings, listed and
//! filtered the way the Actions screen asks (overdue for one owner, words, done in a date
//! range, all open), from the command to JSON ready for the window; then the same store
//! protected (SQLCipher), listed again, and opening the store plain and with its data key.
//! Budgets in budgets.json.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use ppg_desk_core::actions::views::{self, ActionFilter, ActionView};
use ppg_desk_core::actions::{self, ActionInput, ActionStatus};
use ppg_desk_core::db::DataPaths;
use ppg_desk_core::people::PersonInput;
use ppg_desk_core::state::{AppState, Topic};

fn store(dir: &std::path::Path) -> AppState {
    let state = AppState::open(DataPaths::at(dir), Box::new(|_: &[Topic]| {}));
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    state
        .write(|tx| {
            let mut owners = Vec::new();
            for n in 0..40 {
                let person =
                    PersonInput { full_name: format!("Volunteer {n:02}"), ..Default::default() }.checked(start)?;
                owners.push(ppg_desk_core::people::insert(tx, &person, "now")?);
            }
            for n in 0..20_000u32 {
                let agreed = start + chrono::Duration::days(i64::from(n % 1000));
                let due = agreed + chrono::Duration::days(i64::from(n % 60));
                let input = ActionInput {
                    title: format!(
                        "Action {n}: ask the practice about {}",
                        ["leaflets", "parking", "phones", "the survey"][n as usize % 4]
                    ),
                    owner_ids: vec![owners[n as usize % 40], owners[(n as usize * 7) % 40]],
                    due_on: due.format("%d/%m/%Y").to_string(),
                    ..Default::default()
                };
                let id = actions::create(tx, &input.checked(agreed)?, agreed, "now")?;
                if n % 3 == 0 {
                    actions::set_status(tx, id, ActionStatus::Done, "", due, "now")?;
                }
            }
            Ok(())
        })
        .unwrap();
    state
}

fn list(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let state = store(dir.path());
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let owner = state.read(|conn| views::list(conn, &ActionFilter::of(ActionView::Open), today)).unwrap().rows[0]
        .action
        .owner_ids[0];
    let mut overdue_for_one = ActionFilter::of(ActionView::Overdue);
    overdue_for_one.owner_id = Some(owner);
    let mut words = ActionFilter::of(ActionView::Open);
    words.search = "parking".into();
    let mut done_range = ActionFilter::of(ActionView::Done);
    done_range.done_from = "1/1/2025".into();
    done_range.done_to = "31/3/2025".into();
    let filters = [
        ("open", ActionFilter::of(ActionView::Open)),
        ("overdue_one_owner", overdue_for_one),
        ("words", words),
        ("done_in_range", done_range),
    ];
    let db_file = state.paths().db_file();
    c.bench_function("store_open_plain", |b| b.iter(|| black_box(ppg_desk_core::db::open(&db_file, None).unwrap())));
    for (name, filter) in &filters {
        c.bench_function(&format!("actions_20000_{name}"), |b| {
            b.iter(|| {
                let list = state.read(|conn| views::list(conn, black_box(filter), today)).unwrap();
                black_box(serde_json::to_string(&list).unwrap())
            })
        });
    }
    // The same store, protected: every page read is decrypted (and checked) by SQLCipher.
    ppg_desk_core::security::protect(&state, "benchmark passphrase words", false, true).unwrap();
    let key = state.unlocked().unwrap().key;
    c.bench_function("store_open_encrypted", |b| {
        b.iter(|| black_box(ppg_desk_core::db::open(&db_file, Some(&key)).unwrap()))
    });
    // The key alone: given raw, then the first page read and checked (no integrity check).
    c.bench_function("store_key_and_first_read_encrypted", |b| {
        b.iter(|| assert!(ppg_desk_core::db::key_opens(black_box(&db_file), &key)))
    });
    for (name, filter) in &filters {
        c.bench_function(&format!("actions_20000_{name}_encrypted"), |b| {
            b.iter(|| {
                let list = state.read(|conn| views::list(conn, black_box(filter), today)).unwrap();
                black_box(serde_json::to_string(&list).unwrap())
            })
        });
    }
}

criterion_group!(benches, list);
criterion_main!(benches);
