//! Repository invariants from ARCHITECTURE.md, checked on every test run: file headers and
//! sizes, where `tauri::` and SQL may appear, every command has its TypeScript wrapper,
//! and the UI never renders raw HTML.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/names.rs"]
mod names;
use names::camel;

/// The repository's root (this test belongs to the core's package, two folders down).
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).canonicalize().unwrap()
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

/// Why: the command line links the core alone, so that a script that prints or backs up
/// starts in milliseconds instead of loading GTK and WebKit (issue 18). One `tauri` in the
/// core or the command line, in code or as a dependency, would bring them all back.
#[test]
fn the_core_and_the_command_line_never_see_tauri() {
    let mut offenders: Vec<String> = ["src-tauri/core", "src-tauri/cli"]
        .iter()
        .flat_map(|dir| files_under(&root().join(dir), &[".rs"]))
        .filter(|p| fs::read_to_string(p).unwrap().contains("tauri::"))
        .map(|p| relative(&p))
        .collect();
    for manifest in ["src-tauri/core/Cargo.toml", "src-tauri/cli/Cargo.toml"] {
        let text = fs::read_to_string(root().join(manifest)).unwrap();
        if text.lines().any(|l| l.trim_start().starts_with("tauri") || l.contains("ppg-desk-window")) {
            offenders.push(manifest.to_string());
        }
    }
    assert!(offenders.is_empty(), "the window's code belongs in src-tauri/src (its adapters): {offenders:?}");
}

#[test]
fn sql_lives_only_in_sql_files_and_db() {
    let keywords = ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE"];
    let offenders: Vec<String> = files_under(&root().join("src-tauri"), &[".rs"])
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

/// The `#[tauri::command]` functions of the window's adapters, as (file, signature, body's first line).
fn commands() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for path in files_under(&root().join("src-tauri/src/commands"), &[".rs"]) {
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
            !signature.contains("#[tauri::command(async)]") || !body.starts_with("ppg_desk_core::state::guard(")
        })
        .map(|(file, signature, _)| format!("{file}: {signature}"))
        .collect();
    assert!(
        offenders.is_empty(),
        "mark these #[tauri::command(async)] and wrap the body in ppg_desk_core::state::guard(move || ..): {offenders:#?}"
    );
}

/// Why: a page that went wrong must not read or write any file on the computer. A path from
/// the window is a `ChosenFile`, checked against the files chosen in a dialog this session (a
/// `path: String` slipped past this once, in two imports; the one left is checked against the
/// files PPG Desk wrote for emailing).
#[test]
fn no_command_takes_a_path_from_the_window_unchecked() {
    let offenders: Vec<String> = commands()
        .into_iter()
        .filter(|(file, signature, _)| {
            let path_buf = signature.contains("PathBuf") && !signature.contains("-> Result<Option<PathBuf>>");
            let text = fs::read_to_string(root().join(file)).unwrap();
            let name = signature.split("fn ").nth(1).and_then(|s| s.split(['<', '(']).next()).unwrap_or_default();
            let body = text.split(&format!("fn {name}")).nth(1).and_then(|b| b.split("\n}").next()).unwrap_or_default();
            let string_path = signature.contains("path: String") && !body.contains("written_for_email");
            path_buf || string_path
        })
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

#[path = "tidy/house.rs"]
mod house;

/// Why: ts-rs writes each exported type to `bindings/<Name>.ts`, so two Rust types of one name
/// overwrite each other's file without a word, and the window is then typed against the wrong
/// one (the feedback log's `Source` once replaced befriending's).
#[test]
fn no_two_exported_types_share_a_typescript_name() {
    let mut seen: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    let mut clashes = Vec::new();
    for path in files_under(&root().join("src-tauri"), &[".rs"]) {
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let first_word =
            |l: &str| l.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or_default().to_string();
        for (n, line) in lines.iter().enumerate() {
            let declared = if line.trim() == "#[ts(export)]" {
                lines[n + 1..].iter().take(4).find_map(|l| {
                    let l = l.trim();
                    ["pub struct ", "pub enum "].iter().find_map(|k| l.strip_prefix(k)).map(first_word)
                })
            } else if line.trim_start().starts_with("keyed_enum!(") {
                // `keyed_enum!` exports the enum named on its first line after the doc comment.
                lines[n + 1..]
                    .iter()
                    .map(|l| l.trim())
                    .find(|l| !l.starts_with("///") && !l.starts_with("#["))
                    .map(first_word)
            } else {
                None
            };
            if let Some(name) = declared {
                if let Some(other) = seen.insert(name.clone(), relative(&path)) {
                    clashes.push(format!("{name}: {other} and {}", relative(&path)));
                }
            }
        }
    }
    assert!(seen.len() > 100, "the exported types were found: {}", seen.len());
    assert!(clashes.is_empty(), "rename one of each pair: {clashes:?}");
}
