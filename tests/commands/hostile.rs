//! Every command the window can call, called through Tauri's own IPC and argument parsing
//! (its mock runtime) with hostile payloads: wrong types, missing fields, huge strings, NUL,
//! right-to-left overrides, negative and huge numbers, ids that do not exist, paths to devices,
//! folders and files nobody chose. Each call must answer (a panic would leave it unanswered)
//! with a typed error or a normal result; a refused call changes no row; and the file is
//! intact at the end. The arguments of each command are read from its signature in the source.

use std::collections::BTreeMap;
use std::fs;

use serde_json::{json, Value};

use crate::names::camel;
use ppg_desk_core::db::DataPaths;
use ppg_desk_core::state::{AppState, Topic};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::Manager;

/// Commands that need a person at the screen (a native dialog): not callable headless.
const NEEDS_A_PERSON: &[&str] = &["choose_open_path", "choose_save_path", "choose_shared_folder"];
/// Commands that may replace the whole PPG (leave the sample, open it): tried last, so every
/// other command meets the full sample PPG.
const REPLACE_EVERYTHING: &[&str] = &["leave_sample", "load_sample_data"];

/// (command, [(argument in camelCase, its Rust type)]) for every registered command.
fn signatures() -> Vec<(String, Vec<(String, String)>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src");
    let lib = fs::read_to_string(root.join("lib.rs")).unwrap();
    let root = root.join("commands");
    let start = lib.find("generate_handler![").unwrap();
    let end = start + lib[start..].find(']').unwrap();
    let mut out = Vec::new();
    for path in lib[start + 18..end].split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let parts: Vec<&str> = path.split("::").collect();
        let (feature, name) = (parts[1], parts[2]);
        let source = fs::read_to_string(root.join(format!("{feature}.rs"))).unwrap();
        let at = [format!("pub fn {name}("), format!("pub fn {name}<")]
            .iter()
            .find_map(|start| source.find(start.as_str()))
            .unwrap_or_else(|| panic!("{name} in commands/{feature}.rs"));
        let open = at + source[at..].find("(").unwrap() + 1;
        let close = open + source[open..].find(") ->").unwrap();
        let args = split_args(&source[open..close])
            .into_iter()
            .filter_map(|arg| {
                let (name, ty) = arg.split_once(':')?;
                let ty = ty.trim().to_string();
                (!ty.starts_with("State") && !ty.starts_with("AppHandle")).then(|| (camel(name.trim()), ty))
            })
            .collect();
        out.push((name.to_string(), args));
    }
    out
}

fn split_args(text: &str) -> Vec<String> {
    let (mut out, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in text.chars() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current);
    out.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect()
}

/// Hostile values for an argument of Rust type `ty`; the first is the baseline.
fn values(ty: &str) -> Vec<Value> {
    let huge = "é".repeat(300_000);
    let strings = vec![
        json!("x"),
        json!(""),
        json!(huge),
        json!("a\u{0}b"),
        json!("\u{202E}evil\u{202C}"),
        json!("1é2"),
        json!("😀".repeat(50)),
        json!(5),
        json!(null),
    ];
    let numbers =
        vec![json!(999_999), json!(-1), json!(0), json!(i64::MAX), json!(1e300), json!("1"), json!(null), json!([1])];
    let junk = vec![
        json!({}),
        json!(null),
        json!("x"),
        json!([]),
        json!({"fullName": huge, "title": "\u{0}", "id": -1, "date": "30/02/2026", "time": "1°5"}),
        json!([[[[[]]]]]),
    ];
    match ty {
        t if t.contains("ChosenFile") || t.contains("PathBuf") => {
            vec![json!("/dev/zero"), json!("/etc/passwd"), json!("/tmp"), json!(""), json!(7)]
        }
        "String" | "&str" => strings,
        t if t.contains("i64") || t.contains("u32") || t.contains("usize") || t.contains("i32") => numbers,
        "bool" => vec![json!(true), json!("yes"), json!(null)],
        t if t.starts_with("Vec<") => vec![json!([]), json!([-1, 0]), json!(["x"]), json!(null), json!({})],
        _ => junk,
    }
}

/// Every table's row count: a refused call must leave it unchanged. The search index's
/// tables are left out: it catches up by itself a moment after the sample is written.
fn fingerprint(app: &tauri::App<tauri::test::MockRuntime>) -> BTreeMap<String, i64> {
    let conn = rusqlite::Connection::open(app.state::<ppg_desk_core::state::AppState>().paths().db_file()).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| (t.clone(), conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0)).unwrap()))
        .collect()
}

#[test]
fn every_command_answers_hostile_payloads_without_a_panic_or_a_stray_write() {
    // Whatever a payload asks, this machine's own keyring is never touched.
    ppg_desk_core::db::keyring::use_memory_keyring_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(DataPaths::at(dir.path()), Box::new(|_: &[Topic]| {}));
    let (today, now) = (state.today(), state.stamp());
    state.write(|tx| ppg_desk_core::sample::load(tx, today, &now)).unwrap();
    let app = mock_builder()
        .manage(state)
        .invoke_handler(ppg_desk_window::invoke_handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();

    let (mut tried, mut refused, mut commands) = (0, 0, 0);
    let mut all = signatures();
    all.sort_by_key(|(command, _)| REPLACE_EVERYTHING.contains(&command.as_str()));
    for (command, args) in all {
        if NEEDS_A_PERSON.contains(&command.as_str()) {
            continue;
        }
        commands += 1;
        let baseline: serde_json::Map<String, Value> =
            args.iter().map(|(name, ty)| (name.clone(), values(ty)[0].clone())).collect();
        let mut payloads = vec![Value::Object(baseline.clone()), json!({}), json!(null), json!([1, 2])];
        for (name, ty) in &args {
            for value in values(ty) {
                let mut payload = baseline.clone();
                payload.insert(name.clone(), value);
                payloads.push(Value::Object(payload));
            }
            let mut missing = baseline.clone();
            missing.remove(name);
            payloads.push(Value::Object(missing));
        }
        for payload in payloads {
            let before = fingerprint(&app);
            let request = InvokeRequest {
                cmd: command.clone(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(payload.clone()),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            };
            // get_ipc_response waits for the answer: a command that panicked without one
            // would fail here.
            let answer = get_ipc_response(&webview, request);
            tried += 1;
            if let Err(error) = answer {
                refused += 1;
                let text = error.to_string();
                // A panic caught by the guard comes back as "unexpected": the window survives,
                // but it is still a bug. Only opening a PDF viewer may say so here, because the
                // mock app has no opener plugin (which the real window registers).
                if error["code"] == "unexpected" && command != "open_document" {
                    panic!("{command} panicked (caught by the guard) on {payload:.300}");
                }
                assert!(
                    !text.contains("panicked") && !text.contains("SELECT ") && !text.contains("INSERT "),
                    "{command}: {text}"
                );
                assert_eq!(before, fingerprint(&app), "{command} refused {payload:.200} but changed rows");
            }
        }
    }
    let state = app.state::<ppg_desk_core::state::AppState>();
    let conn = rusqlite::Connection::open(state.paths().db_file()).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(broken, 0);
    eprintln!("hostile commands: {tried} payloads to {commands} commands, {refused} refused with a typed error, none panicked");
    assert!(commands >= 150 && tried > 2000, "every command was tried ({commands} commands, {tried} payloads)");
}
