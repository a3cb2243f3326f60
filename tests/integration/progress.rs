//! Long work reports how far it has got, and Cancel stops it with nothing half-written.

use crate::hardening::ppg;
use crate::support::open_at;

/// Cancel pressed halfway: `state.cancel()` is called from the progress reporter itself,
/// as the window's Cancel button does from another thread.
fn cancel_halfway(
    state: &std::sync::Arc<ppg_desk_core::state::AppState>,
) -> std::sync::Arc<std::sync::Mutex<Vec<u32>>> {
    let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let (ears, weak) = (heard.clone(), std::sync::Arc::downgrade(state));
    state.on_progress(std::sync::Arc::new(move |_, percent| {
        ears.lock().unwrap().push(percent);
        if percent >= 50 {
            if let Some(state) = weak.upgrade() {
                state.cancel();
            }
        }
    }));
    heard
}

#[test]
fn a_long_import_reports_progress_and_cancel_rolls_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let state = std::sync::Arc::new(open_at(dir.path()));
    let heard = cancel_halfway(&state);
    let mut file = String::from("Name,Area\n");
    for n in 0..400 {
        file.push_str(&format!("Group {n},Riverside\n"));
    }
    let preview = ppg_desk_core::directory::csv::preview(&file).unwrap();
    let error = state
        .write(|tx| {
            let rows = ppg_desk_core::directory::csv::parse(
                &file,
                &preview.mapping,
                &ppg_desk_core::directory::categories(tx)?,
                state.today(),
            );
            ppg_desk_core::directory::csv::import(tx, rows, "2026-11-24T10:00:00", &state.progress("Importing"))
        })
        .unwrap_err();
    assert!(matches!(error, ppg_desk_core::error::Error::Cancelled), "{error}");
    assert!(heard.lock().unwrap().contains(&25), "progress was reported on the way: {:?}", heard.lock().unwrap());
    let entries: i64 =
        state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM directory_entries", [], |r| r.get(0))?)).unwrap();
    assert_eq!(entries, 0, "nothing half-imported is kept");
}

#[test]
fn a_long_print_reports_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ppg(dir.path(), &["demo"]).0);
    let state = std::sync::Arc::new(open_at(dir.path()));
    let heard = cancel_halfway(&state);
    let directory = ppg_desk_core::documents::DocumentKind::Directory { category_id: None };
    let error =
        ppg_desk_core::documents::render(&state, &directory, ppg_desk_core::print::Profile::Standard, state.now())
            .unwrap_err();
    assert!(matches!(error, ppg_desk_core::error::Error::Cancelled), "{error}");
    assert!(
        heard.lock().unwrap().windows(2).all(|w| w[0] < w[1]),
        "each percent once, rising: {:?}",
        heard.lock().unwrap()
    );
    // The next piece of work starts afresh: Cancel stopped only the work it was pressed for.
    state.on_progress(std::sync::Arc::new(|_, _| {}));
    assert!(ppg_desk_core::documents::render(&state, &directory, ppg_desk_core::print::Profile::Standard, state.now())
        .is_ok());
}
