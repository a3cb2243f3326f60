//! Repository invariants from ARCHITECTURE.md, checked on every test run: file headers and
//! sizes, where `tauri::` and SQL may appear, every command has its TypeScript wrapper,
//! and the UI never renders raw HTML.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/names.rs"]
mod names;
use names::camel;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !["node_modules", "dist", "bindings", "target"].contains(&name.as_str()) {
                    stack.push(path);
                }
            } else if extensions.iter().any(|ext| name.ends_with(ext)) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn rust_sources() -> Vec<PathBuf> {
    let mut files = files_under(&root().join("src-tauri"), &[".rs"]);
    files.extend(files_under(&root().join("tests"), &[".rs"]));
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().display().to_string()
}

#[test]
fn every_rust_file_opens_with_a_module_comment() {
    let missing: Vec<String> = rust_sources()
        .into_iter()
        .filter(|p| !fs::read_to_string(p).unwrap().starts_with("//!"))
        .map(|p| relative(&p))
        .collect();
    assert!(missing.is_empty(), "these files must start with a //! line saying what they own: {missing:?}");
}

#[test]
fn no_source_file_passes_400_lines() {
    let mut files = rust_sources();
    files.extend(files_under(&root().join("ui/src"), &[".ts", ".svelte"]));
    let long: Vec<String> = files
        .into_iter()
        .filter(|p| fs::read_to_string(p).unwrap().lines().count() > 400)
        .map(|p| relative(&p))
        .collect();
    assert!(long.is_empty(), "split these files by meaning: {long:?}");
}

#[test]
fn tauri_appears_only_in_lib_state_and_commands() {
    let offenders: Vec<String> = files_under(&root().join("src-tauri/src"), &[".rs"])
        .into_iter()
        .filter(|p| {
            let name = relative(p);
            let allowed = name.ends_with("src/lib.rs")
                || name.ends_with("src/state.rs")
                || name.ends_with("commands.rs")
                || name.ends_with("src/main.rs");
            !allowed && fs::read_to_string(p).unwrap().contains("tauri::")
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "rules never see Tauri; move this into a commands.rs: {offenders:?}");
}

#[test]
fn sql_lives_only_in_sql_files_and_db() {
    let keywords = ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE"];
    let offenders: Vec<String> = files_under(&root().join("src-tauri/src"), &[".rs"])
        .into_iter()
        .filter(|p| {
            let name = relative(p);
            let allowed = name.ends_with("sql.rs") || name.contains("src/db/") || name.ends_with("tests.rs");
            let text = fs::read_to_string(p).unwrap();
            !allowed
                && keywords
                    .iter()
                    .any(|k| text.lines().any(|l| l.contains(&format!("\"{k}")) || l.trim_start().starts_with(k)))
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "commands and rules never see SQL; move it into the feature's sql.rs: {offenders:?}");
}

fn registered_commands() -> Vec<String> {
    let lib = fs::read_to_string(root().join("src-tauri/src/lib.rs")).unwrap();
    let start = lib.find("generate_handler![").expect("lib.rs registers commands");
    let end = start + lib[start..].find(']').unwrap();
    lib[start..end]
        .split([',', '['])
        .skip(1)
        .map(|s| s.trim().rsplit("::").next().unwrap().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn every_registered_command_has_its_typescript_wrapper() {
    let commands = registered_commands();
    assert!(commands.len() >= 10, "found the command list: {commands:?}");
    // Wrappers live in commands.ts, and a feature with many commands has its own file beside it.
    let wrappers: String =
        files_under(&root().join("ui/src/lib/api"), &[".ts"]).iter().map(|p| fs::read_to_string(p).unwrap()).collect();
    let missing: Vec<String> = commands
        .iter()
        .filter(|c| {
            !(wrappers.contains(&format!("export const {} =", camel(c))) && wrappers.contains(&format!("'{c}'")))
        })
        .cloned()
        .collect();
    assert!(missing.is_empty(), "add these to ui/src/lib/api/ (commands.ts or the feature's file): {missing:?}");
}

#[test]
fn only_the_api_folder_imports_tauri_in_the_ui() {
    let offenders: Vec<String> = files_under(&root().join("ui/src"), &[".ts", ".svelte"])
        .into_iter()
        .filter(|p| !relative(p).contains("ui/src/lib/api/") && fs::read_to_string(p).unwrap().contains("@tauri-apps/"))
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "import Tauri only in ui/src/lib/api: {offenders:?}");
}

#[test]
fn the_ui_never_renders_raw_html() {
    let offenders: Vec<String> = files_under(&root().join("ui/src"), &[".svelte", ".ts"])
        .into_iter()
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap();
            text.contains("{@html") || text.contains(".innerHTML")
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "people's text must always be shown as text: {offenders:?}");
}

#[test]
fn the_csp_is_strict_and_nothing_remote_is_loaded() {
    let conf = fs::read_to_string(root().join("tauri.conf.json")).unwrap();
    assert!(conf.contains("\"csp\": \"default-src 'self'"), "tauri.conf.json sets a strict CSP");
    for file in files_under(&root().join("ui/src"), &[".svelte", ".ts", ".css", ".html"]) {
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("https://") && !text.contains("http://"),
            "{} must not load anything remote",
            relative(&file)
        );
    }
}

/// The `#[tauri::command]` functions of every `commands.rs`, as (file, signature, body's first line).
fn commands() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for path in files_under(&root().join("src-tauri/src"), &["commands.rs"]) {
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("#[tauri::command") {
                let signature = lines[i..]
                    .iter()
                    .skip(1)
                    .take_while(|l| !l.trim_end().ends_with('{'))
                    .chain(lines[i + 1..].iter().find(|l| l.trim_end().ends_with('{')))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                let body_start = i + 1 + lines[i + 1..].iter().position(|l| l.trim_end().ends_with('{')).unwrap() + 1;
                out.push((
                    relative(&path),
                    format!("{line} {signature}"),
                    lines.get(body_start).unwrap_or(&"").trim().to_string(),
                ));
            }
        }
    }
    out
}

/// Why: a command on the window's main thread freezes the whole window while it works (a long
/// print, an import, a backup), and a panic in one must never close the window. Every command
/// is `async` (run off the main thread) and its body runs inside `state::guard`.
#[test]
fn every_command_runs_off_the_window_thread_inside_the_panic_guard() {
    let offenders: Vec<String> = commands()
        .into_iter()
        .filter(|(_, signature, body)| {
            !signature.contains("#[tauri::command(async)]") || !body.starts_with("crate::state::guard(")
        })
        .map(|(file, signature, _)| format!("{file}: {signature}"))
        .collect();
    assert!(
        offenders.is_empty(),
        "mark these #[tauri::command(async)] and wrap the body in crate::state::guard(move || ..): {offenders:#?}"
    );
}

/// Why: a page that went wrong must not read or write any file on the computer. A path from
/// the window is a `ChosenFile`, checked against the files chosen in a dialog this session.
#[test]
fn no_command_takes_a_path_from_the_window_unchecked() {
    let offenders: Vec<String> = commands()
        .into_iter()
        .filter(|(_, signature, _)| signature.contains("PathBuf") && !signature.contains("-> Result<Option<PathBuf>>"))
        .map(|(file, signature, _)| format!("{file}: {signature}"))
        .collect();
    assert!(offenders.is_empty(), "take `path: ChosenFile` instead of a PathBuf: {offenders:#?}");
}

/// Why: shared components are used by every feature; one that imports a feature drags that
/// feature into all the others (RecordPanel once imported the documents feature from here).
#[test]
fn the_shared_ui_imports_no_feature() {
    let offenders: Vec<String> = files_under(&root().join("ui/src/lib/shared"), &[".svelte", ".ts"])
        .into_iter()
        .filter(|p| {
            fs::read_to_string(p).unwrap().lines().any(|l| {
                let l = l.trim();
                l.starts_with("import") && l.contains("from '../") && !l.contains("from '../api/")
            })
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "ui/src/lib/shared may import only ui/src/lib/api and itself: {offenders:?}");
}

/// Why: change events are derived by an SQLite authorizer that sees a statement only while it
/// is prepared; a cached statement reused in a later transaction would write unannounced.
#[test]
fn no_statement_is_cached_so_every_write_is_seen_by_the_change_events() {
    let offenders: Vec<String> = rust_sources()
        .into_iter()
        .filter(|p| fs::read_to_string(p).unwrap().contains(&["prepare", "_cached("].concat()))
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "use prepare, not prepare_cached: {offenders:?}");
}

/// The sibling files (`super::name`) a file of a feature folder names, mod.rs aside.
fn siblings_named(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path).unwrap();
    let mut names: Vec<String> = text
        .split("super::")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let sibling = path.with_file_name(format!("{name}.rs"));
            (sibling.is_file() && name != "mod").then_some(name)
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Why: inside a feature data flows one way (types in mod.rs, SQL files import only types,
/// rules call SQL). Two files of a feature that import each other were how the house started
/// to tangle: a SQL file taking its row types back from the rules file that calls it.
#[test]
fn no_two_files_of_a_feature_import_each_other() {
    let mut loops = Vec::new();
    for path in rust_sources().into_iter().filter(|p| relative(p).starts_with("src-tauri/src/")) {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        if stem == "mod" {
            continue;
        }
        for other in siblings_named(&path) {
            let back = siblings_named(&path.with_file_name(format!("{other}.rs")));
            if other < stem && back.contains(&stem) {
                loops.push(format!("{} <-> {other}.rs", relative(&path)));
            }
        }
    }
    assert!(loops.is_empty(), "move the shared types into the feature's mod.rs: {loops:?}");
}

/// Why: `print/` is the engine (model, wrap, layout, fonts, PDF, Markdown) and `state.rs`
/// and `db/` are the ground floor; none of them may name a feature, or the house tangles
/// from the bottom up.
#[test]
fn the_store_names_no_feature() {
    let features =
        ["people", "meetings", "actions", "contacts", "directory", "drivers", "befriending", "bulletins", "dashboard"];
    let offenders: Vec<String> = rust_sources()
        .into_iter()
        .filter(|p| {
            let name = relative(p);
            name == "src-tauri/src/state.rs"
                || name.starts_with("src-tauri/src/db/")
                || name == "src-tauri/src/changes.rs"
        })
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap();
            features.iter().any(|f| text.contains(&format!("crate::{f}::")))
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "the store must not call into a feature: {offenders:?}");
}

/// Why: other features (the dashboard, documents, the command line) ask the owning feature
/// through its public functions, never its SQL, so a feature can change its tables alone.
#[test]
fn no_feature_reads_another_features_sql() {
    let mut offenders = Vec::new();
    for path in rust_sources().into_iter().filter(|p| relative(p).starts_with("src-tauri/src/")) {
        let name = relative(&path);
        let text = fs::read_to_string(&path).unwrap();
        for feature in
            fs::read_dir(root().join("src-tauri/src")).unwrap().flatten().filter(|e| e.path().join("sql.rs").is_file())
        {
            let feature = feature.file_name().to_string_lossy().to_string();
            let inside = name.starts_with(&format!("src-tauri/src/{feature}/"));
            if !inside && text.contains(&format!("{feature}::sql")) {
                offenders.push(format!("{name} reads {feature}::sql"));
            }
        }
    }
    assert!(offenders.is_empty(), "call the owning feature's public functions: {offenders:?}");
}

/// Why: `print/` is the engine (model, wrap, layout, fonts, PDF, Markdown) at the bottom of
/// the house; the documents that read the store are built above it in `documents/`. An engine
/// that named a feature would tie every feature to every other through printing.
#[test]
fn the_print_engine_imports_only_itself_errors_and_progress() {
    let offenders: Vec<String> = files_under(&root().join("src-tauri/src/print"), &[".rs"])
        .into_iter()
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap();
            text.split("crate::")
                .skip(1)
                .any(|rest| !(rest.starts_with("print") || rest.starts_with("error") || rest.starts_with("progress")))
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "the print engine must not reach into the rest of the app: {offenders:?}");
}

/// Why: adapters stay a few lines; what a screen shows (its view model) lives in the
/// feature's `views.rs`, where the command line can use it too. The one exception is a type
/// Tauri itself reads a command's argument into (`ChosenFile`, a `CommandArg`).
#[test]
fn commands_declare_no_view_types() {
    let offenders: Vec<String> = rust_sources()
        .into_iter()
        .filter(|p| relative(p).ends_with("/commands.rs"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap();
            text.lines().filter(|l| l.starts_with("pub struct ") || l.starts_with("pub enum ")).any(|l| {
                let name: String =
                    l.split_whitespace().nth(2).unwrap_or("").chars().take_while(|c| c.is_alphanumeric()).collect();
                !text.contains(&format!("CommandArg<'de, R> for {name}"))
            })
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "move view types into the feature's views.rs: {offenders:?}");
}

/// Why: a row read by position (`r.get(17)`) silently reads the wrong column when a SELECT
/// gains or loses one; by name (`r.get("due_on")`) it fails loudly in the first test that
/// runs it. Only one-value queries (`count(*)`, a PRAGMA) are read as `get(0)`.
#[test]
fn rows_are_read_by_column_name() {
    let offenders: Vec<String> = rust_sources()
        .into_iter()
        .filter(|p| relative(p).starts_with("src-tauri/src/"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap();
            text.match_indices(".get").any(|(at, _)| {
                let rest = &text[at + 4..];
                let rest = rest.strip_prefix("::<").map(|r| &r[r.find(">(").map_or(0, |i| i + 1)..]).unwrap_or(rest);
                let inside: String = rest.strip_prefix('(').unwrap_or("").chars().take_while(|c| *c != ')').collect();
                inside.trim().parse::<u32>().is_ok_and(|n| n > 0)
            })
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "read these rows by column name: {offenders:?}");
}
