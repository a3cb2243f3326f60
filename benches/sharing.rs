//! Sharing benchmark: a month of a busy PPG on the secretary's laptop (250 saves changing 20
//! rows each: 5,000 changed rows, new people and edits to them), then the chair's laptop
//! receiving and applying all of it with "Send and receive now". Budget in budgets.json.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ppg_desk_core::db::DataPaths;
use ppg_desk_core::people::PersonInput;
use ppg_desk_core::sharing::{self, Scheme};
use ppg_desk_core::state::{AppState, Topic};

fn open(dir: &std::path::Path) -> AppState {
    AppState::open(DataPaths::at(dir), Box::new(|_: &[Topic]| {}))
}

fn apply(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let secretary_dir = tempfile::tempdir().unwrap();
    let secretary = open(secretary_dir.path());
    let code = sharing::start(&secretary, folder.path(), "Secretary's laptop", false, false)
        .unwrap()
        .committee
        .clone()
        .unwrap();
    let today = secretary.today();
    for save in 0..250 {
        secretary
            .write(|tx| {
                let mut ids = Vec::new();
                for n in 0..10 {
                    let person =
                        PersonInput { full_name: format!("Member {save}-{n}"), ..Default::default() }.checked(today)?;
                    ids.push(ppg_desk_core::people::insert(tx, &person, "2026-12-01T10:00:00")?);
                }
                for id in ids {
                    tx.execute(
                        "UPDATE people SET notes = 'Met at the AGM', updated_at = '2026-12-01T10:01:00' WHERE id = ?1",
                        [id],
                    )?;
                }
                Ok(())
            })
            .unwrap();
    }
    assert_eq!(sharing::sync(&secretary).unwrap().sent, 250);

    // Measured: a new laptop joining (the starting copy was taken before the month began) and
    // catching up on the whole month, each file in its own transaction.
    c.bench_function("sharing_apply_5000_rows", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let chair = open(dir.path());
                (dir, chair)
            },
            |(dir, chair)| {
                let report =
                    sharing::join(&chair, folder.path(), "Chair's laptop", &code, Scheme::NotShared, Scheme::NotShared)
                        .unwrap()
                        .report;
                assert_eq!(report.received, 250);
                black_box(dir);
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = apply
}
criterion_main!(benches);
