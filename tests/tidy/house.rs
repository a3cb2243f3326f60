//! The house's directions, checked: one way inside each feature, the store and the print
//! engine at the bottom, adapters without views, rows by name, change events that see every
//! write (see ARCHITECTURE.md, "Invariants").

use std::fs;
use std::path::Path;

use super::{files_under, relative, root, rust_sources};

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
    let word =
        |rest: &str| -> String { rest.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    // `super::name` and each name of `super::{a, b as c}` (a grouped import once hid a loop).
    let mut names: Vec<String> = text
        .split("super::")
        .skip(1)
        .flat_map(|rest| match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or_default().split(',').map(word).collect::<Vec<_>>(),
            None => vec![word(rest)],
        })
        .filter(|name| path.with_file_name(format!("{name}.rs")).is_file() && name != "mod")
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
    for path in rust_sources().into_iter().filter(|p| relative(p).starts_with("src-tauri/core/src/")) {
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
            name == "src-tauri/core/src/state.rs"
                || name.starts_with("src-tauri/core/src/state/")
                || name.starts_with("src-tauri/core/src/db/")
                || name == "src-tauri/core/src/changes.rs"
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
    for path in rust_sources().into_iter().filter(|p| relative(p).starts_with("src-tauri/core/src/")) {
        let name = relative(&path);
        let text = fs::read_to_string(&path).unwrap();
        for feature in fs::read_dir(root().join("src-tauri/core/src"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().join("sql.rs").is_file())
        {
            let feature = feature.file_name().to_string_lossy().to_string();
            let inside = name.starts_with(&format!("src-tauri/core/src/{feature}/"));
            let grouped = text
                .split(&format!("{feature}::{{"))
                .skip(1)
                .any(|rest| rest.split('}').next().unwrap_or_default().split(',').any(|name| name.trim() == "sql"));
            if !inside && (text.contains(&format!("{feature}::sql")) || grouped) {
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
    let offenders: Vec<String> = files_under(&root().join("src-tauri/core/src/print"), &[".rs"])
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
        .filter(|p| relative(p).starts_with("src-tauri/src/commands/"))
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
        .filter(|p| relative(p).starts_with("src-tauri/core/src/"))
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

/// Why: adapters go through the state and the features; a command that opened or copied the
/// database itself could skip the transaction, the change event or the WAL flush of an erasure.
#[test]
fn no_command_reaches_the_database_directly() {
    let offenders: Vec<String> = rust_sources()
        .into_iter()
        .filter(|p| relative(p).starts_with("src-tauri/src/commands/"))
        .filter(|p| fs::read_to_string(p).unwrap().contains("ppg_desk_core::db"))
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "commands go through AppState and the features: {offenders:?}");
}

/// Why: a migration file that is not listed in `db/migrate.rs` would never run, and a
/// database made without it would differ from the one the tests check.
#[test]
fn every_migration_file_is_applied() {
    let ladder = fs::read_to_string(root().join("src-tauri/core/src/db/migrate.rs")).unwrap();
    let files = files_under(&root().join("src-tauri/core/src/db/migrations"), &[".sql"]);
    assert!(files.len() >= 13, "the migrations were found");
    let missing: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .filter(|name| !ladder.contains(&format!("migrations/{name}")))
        .collect();
    assert!(missing.is_empty(), "add these to MIGRATIONS in db/migrate.rs: {missing:?}");
}

/// The floors of the house, from the ground up. A module may use only modules on its own
/// floor or below; the window's adapters (`src-tauri/src/commands/`) sit on top of everything,
/// in their own package, and the core's `lib.rs` is the
/// entry point that names every feature (its `ON_OPEN` list is what the store runs on
/// opening).
#[rustfmt::skip] // one floor group to a line reads best
const FLOORS: &[&str] = &[
    "error", "changes", "calendar", "words", "check", "files", "cloud", "picture", "csvfile", "progress", "db", "backups",
    "dialogs", "print", "outbox", "state", "locked_sql", // the ground: no feature below here
    "settings", "actions", "contacts", "directory", "drivers", "people", "befriending", "meetings", // features
    "sharing", "dashboard", "bulletins", "documents", "sample", "startup", "cli",
];

/// Why: the review found 25 imports running up the house (the store calling features, the
/// print engine calling documents); each made the lower floor depend on everything above it.
/// Data now flows one way; this keeps it so.
#[test]
fn nothing_imports_a_higher_floor() {
    let floor = |name: &str| FLOORS.iter().position(|f| *f == name);
    let mut upward = Vec::new();
    for path in rust_sources().into_iter().filter(|p| relative(p).starts_with("src-tauri/core/src/")) {
        let name = relative(&path);
        let rest = name.trim_start_matches("src-tauri/core/src/");
        let module = rest.split(['/', '.']).next().unwrap_or_default();
        let Some(here) = floor(module) else { continue };
        let text = fs::read_to_string(&path).unwrap();
        for used in text.split("crate::").skip(1) {
            let target: String = used.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if let Some(there) = floor(&target) {
                if there > here {
                    upward.push(format!("{name} uses crate::{target}"));
                }
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(upward.is_empty(), "these run up the house: {upward:?}");
}

/// Why: a feature's SQL is how it keeps its tables, not what it offers; kept private, a table
/// can change without any other feature (or test) knowing.
#[test]
fn every_features_sql_is_private() {
    let offenders: Vec<String> = files_under(&root().join("src-tauri/core/src"), &["mod.rs"])
        .into_iter()
        .filter(|p| {
            fs::read_to_string(p)
                .unwrap()
                .lines()
                .any(|l| l.starts_with("pub") && l.contains(" mod ") && (l.ends_with(" sql;") || l.ends_with("_sql;")))
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "declare these sql modules with plain `mod`: {offenders:?}");
}
