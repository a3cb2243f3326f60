//! The headless command line: the same rules and store as the window, no window. What each
//! command is called and takes is in `args.rs`; what it does is here.

use std::io::Write;
use std::path::PathBuf;

use crate::db::{copy, DataPaths};
use crate::documents::{self, DocumentKind};
use crate::error::{Error, Result};
use crate::print::Profile;
use crate::state::{AppState, Topic};

mod admin_args;
mod args;
mod email;
mod repair;
mod secrets;
mod security;
mod share;

pub use admin_args::*;
pub use args::*;

/// Runs one command and returns the process exit code. Output goes through `say`, so a
/// reader that goes away (`ppg-desk people | head`) ends the command quietly.
pub fn run(data_dir: Option<PathBuf>, command: Command) -> i32 {
    match execute(data_dir, command) {
        Ok(message) => {
            say(&mut std::io::stdout(), &message);
            0
        }
        Err(error) => {
            say(&mut std::io::stderr(), &format!("ppg-desk: {error}"));
            1
        }
    }
}

/// Writes a line, ignoring a closed pipe (`println!` would panic on one).
fn say(out: &mut impl Write, text: &str) {
    let _ = writeln!(out, "{text}");
}

fn execute(data_dir: Option<PathBuf>, command: Command) -> Result<String> {
    let state = AppState::open(DataPaths::resolve(data_dir)?, Box::new(|_: &[Topic]| {}));
    if state.is_locked() {
        if let Command::Security { action: SecurityAction::Status } = command {
            return security::run(&state, SecurityAction::Status);
        }
        state.unlock(&secrets::unlocking("this PPG's data")?)?;
    }
    match state.problem() {
        Some(Error::Damaged) => return repair::on_damaged(state, command),
        Some(problem) => return Err(problem),
        None => {}
    }
    // Long work says how far it has got, on a terminal only (scripts get no noise).
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        state.on_progress(std::sync::Arc::new(|task: &'static str, percent: u32| {
            let _ = write!(std::io::stderr(), "\r{task}… {percent}%{}", if percent == 100 { "\r\x1b[K" } else { "" });
        }));
    }
    // The window shows this once on opening; a script sees it on standard error.
    if let Some(warning) = &state.backup_warning() {
        say(&mut std::io::stderr(), &format!("ppg-desk: warning: {warning}"));
    }
    match command {
        Command::Demo { years } => {
            let (today, now) = (state.today(), state.stamp());
            state.write(|tx| crate::sample::load_years(tx, today, &now, years))?;
            Ok(format!("Loaded the sample PPG into {}", state.paths().dir.display()))
        }
        Command::Backup { out } => {
            let unlocked = state.unlocked();
            let summary = state.read(|conn| copy::write_copy(conn, &out, unlocked.as_ref()))?;
            let warning = crate::cloud::copy_warning(&out).map(|w| format!("\nWarning: {w}")).unwrap_or_default();
            Ok(format!("Backed up {} people to {}{warning}", summary.people, out.display()))
        }
        Command::Restore { file } => {
            match crate::security::restore(&state, &file, None) {
                Err(Error::BackupNeedsKey) => {
                    crate::security::restore(&state, &file, Some(&secrets::unlocking("this backup")?))?
                }
                other => other?,
            }
            Ok(format!(
                "Restored from {} (what was there before is in {})",
                file.display(),
                state.paths().backups_dir().display()
            ))
        }
        Command::Check { repair } => repair::check(&state, repair),
        Command::Search { words, kind, limit } => search(&state, &words.join(" "), kind, limit),
        Command::Security { action } => security::run(&state, action),
        Command::Share { action } => share::run(&state, action),
        Command::Meetings => state.read(|conn| {
            let lines: Vec<String> = crate::meetings::list(conn)?
                .iter()
                .map(|m| {
                    format!(
                        "{:>4}  {}  {:<5}  {:<26}  {}",
                        m.id,
                        m.meets_on,
                        m.starts_at,
                        m.kind.label(),
                        m.status.label()
                    )
                })
                .collect();
            Ok(if lines.is_empty() {
                "No meetings yet.".into()
            } else {
                format!("  ID  Date        Time   Kind                        Status\n{}", lines.join("\n"))
            })
        }),
        Command::People => {
            let today = state.today();
            state.read(|conn| {
                let current =
                    crate::people::PeopleQuery { search: String::new(), filter: crate::people::PeopleFilter::Current };
                let lines: Vec<String> = crate::people::list(conn, &current, today)?
                    .iter()
                    .map(|p| format!("{:>4}  {}", p.id, p.full_name))
                    .collect();
                Ok(if lines.is_empty() { "No people yet.".into() } else { format!("  ID  Name\n{}", lines.join("\n")) })
            })
        }
        Command::Drivers => {
            let today = state.today();
            state.read(|conn| {
                let lines: Vec<String> = crate::drivers::drivers(conn, today)?
                    .iter()
                    .map(|d| {
                        format!("{:>4}  {}{}", d.id, d.name, if d.active { "" } else { " (not driving at the moment)" })
                    })
                    .collect();
                Ok(if lines.is_empty() {
                    "No drivers yet.".into()
                } else {
                    format!("  ID  Driver\n{}", lines.join("\n"))
                })
            })
        }
        Command::Passengers => state.read(|conn| {
            let lines: Vec<String> =
                crate::drivers::passengers(conn, "")?.iter().map(|p| format!("{:>4}  {}", p.id, p.full_name)).collect();
            Ok(if lines.is_empty() {
                "No passengers yet.".into()
            } else {
                format!("  ID  Passenger\n{}", lines.join("\n"))
            })
        }),
        Command::Referrals => state.read(|conn| {
            let lines: Vec<String> = crate::befriending::list(conn)?
                .iter()
                .map(|r| format!("{:>4}  {}  {:<20}  {}", r.id, r.received_on, r.stage.label(), r.full_name))
                .collect();
            Ok(if lines.is_empty() {
                "No befriending referrals yet.".into()
            } else {
                format!("  ID  Received    Stage                 Name\n{}", lines.join("\n"))
            })
        }),
        Command::Bulletins => state.read(|conn| {
            let lines: Vec<String> = crate::bulletins::list(conn)?
                .iter()
                .map(|b| {
                    format!(
                        "{:>4}  {:>5}  {}  {}{}",
                        b.id,
                        b.number,
                        b.month,
                        b.title,
                        if b.published_on.is_some() { " (published)" } else { "" }
                    )
                })
                .collect();
            Ok(if lines.is_empty() {
                "No bulletins yet.".into()
            } else {
                format!("  ID  Issue  Month    Title\n{}", lines.join("\n"))
            })
        }),
        Command::Export { what: ExportTarget::Person { referral, person, passenger, output } } => {
            let profile = if output.large_print { Profile::LargePrint } else { Profile::Standard };
            let today = state.today();
            let (kind, json) = match (referral, person, passenger) {
                (Some(referral), _, _) => (
                    DocumentKind::SubjectAccess { referral_id: referral },
                    state.read(|conn| crate::befriending::subject_access_json(conn, referral, today))?,
                ),
                (None, Some(person), _) => (
                    DocumentKind::PersonRecord { person_id: person },
                    state.read(|conn| crate::documents::record::json(conn, person, today))?,
                ),
                (None, None, Some(passenger)) => (
                    DocumentKind::PassengerRecord { passenger_id: passenger },
                    state.read(|conn| crate::documents::record::passenger_json(conn, passenger, today))?,
                ),
                (None, None, None) => {
                    return Err(Error::Refused(
                        "Say whose record: --person ID, --referral ID or --passenger ID.".into(),
                    ))
                }
            };
            let bytes = documents::render(&state, &kind, profile, state.now())?;
            let json_path = output.out.with_extension("json");
            if json_path == output.out {
                return Err(Error::Refused(
                    "Please give the PDF's file name (ending .pdf); the JSON file is written beside it.".into(),
                ));
            }
            crate::files::write_atomically(&output.out, &bytes)?;
            crate::files::write_atomically(&json_path, json.as_bytes())?;
            Ok(format!("Wrote {} and {}", output.out.display(), json_path.display()))
        }
        Command::Print { document } => {
            let (kind, output) = email::document(&state, document)?;
            let profile = if output.large_print { Profile::LargePrint } else { Profile::Standard };
            let bytes = documents::render(&state, &kind, profile, state.now())?;
            crate::files::write_atomically(&output.out, &bytes)?;
            Ok(format!("Wrote {} ({} KB)", output.out.display(), bytes.len().div_ceil(1024)))
        }
        Command::Email { list, hand_over, document } => email::run(&state, list.as_deref(), hand_over, document),
        Command::Export { what: ExportTarget::Actions { format: ExportFormat::Csv, out } } => {
            let today = state.today();
            let text = state.read(|conn| {
                let everything = crate::actions::views::ActionFilter::of(crate::actions::views::ActionView::All);
                crate::actions::csv::export(&crate::actions::all_matching(conn, &everything, today)?)
            })?;
            write_or_show(out, &text)
        }
        Command::Export { what: ExportTarget::Directory { format, out } } => {
            let today = state.today();
            let text = state.read(|conn| match format {
                DirectoryFormat::Csv => {
                    let entries = crate::directory::list(conn, &Default::default(), today)?;
                    Ok(format!("\u{feff}{}", crate::directory::csv::to_csv(&entries)?))
                }
                DirectoryFormat::Oruk => {
                    Ok(crate::directory::oruk::export(&crate::directory::oruk::entries_with_records(conn, today)?))
                }
            })?;
            write_or_show(out, &text)
        }
        Command::Export { what: ExportTarget::Contacts { format: ContactsFormat::Vcard, out } } => {
            let text = state.read(|conn| Ok(crate::contacts::vcard::export(&crate::contacts::list(conn, "")?)))?;
            write_or_show(out, &text)
        }
        Command::Import { what: ImportTarget::Directory { file } } => import_directory(&state, &file),
        Command::Import { what: ImportTarget::Contacts { file } } => {
            let text = crate::contacts::vcard::read_file(&file)?;
            let contacts = crate::contacts::vcard::read(&text).map_err(refused)?;
            let now = state.stamp();
            state.write(|tx| contacts.iter().try_for_each(|c| crate::contacts::insert(tx, c, &now).map(|_| ())))?;
            Ok(format!("Imported {} {}.", contacts.len(), if contacts.len() == 1 { "contact" } else { "contacts" }))
        }
        Command::Export { what: ExportTarget::Ics { meeting, driver, out } } => {
            let (today, now) = (state.today(), state.now());
            let text = state.read(|conn| match (meeting, driver) {
                (Some(meeting), _) => crate::meetings::ics::for_meeting(conn, meeting, now),
                (None, Some(driver)) => Ok(crate::drivers::views::calendar_for(conn, driver, today, now)?.0),
                (None, None) => Err(Error::Refused("Say which meeting (--meeting ID) or driver (--driver ID).".into())),
            })?;
            write_or_show(out, &text)
        }
    }
}

/// Problems found in an import file, as one refusal listing each.
fn refused(problems: Vec<String>) -> Error {
    Error::Refused(format!(
        "Nothing was imported:\n{}",
        problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
    ))
}

/// The id of the directory category with this name (any case), or which names there are.
fn category_named(conn: &rusqlite::Connection, name: &str) -> Result<i64> {
    crate::directory::category_id_by_name(conn, name)?.ok_or_else(|| {
        let names: Vec<String> =
            crate::directory::categories(conn).map(|cs| cs.into_iter().map(|c| c.name).collect()).unwrap_or_default();
        Error::Refused(format!(
            "There is no directory category called \"{name}\". The categories are: {}.",
            names.join(", ")
        ))
    })
}

/// Imports a directory file: Open Referral UK JSON by its .json name, otherwise CSV with the
/// columns recognised by their headings.
fn import_directory(state: &AppState, file: &std::path::Path) -> Result<String> {
    let (today, now) = (state.today(), state.stamp());
    let is_json = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let text = crate::files::read_import(file, "an Open Referral UK file", 20)?;
        let progress = state.progress("Importing");
        let report = state.write(|tx| crate::directory::oruk::import(tx, &text, today, &now, &progress))?;
        if !report.problems.is_empty() {
            return Err(refused(report.problems));
        }
        return Ok(format!("Added {} and updated {} directory entries.", report.added, report.updated));
    }
    let text = crate::directory::csv::read_text(file)?;
    let preview = crate::directory::csv::preview(&text)?;
    if !preview.mapping.contains(&Some(crate::directory::csv::DirectoryField::Name)) {
        return Err(Error::Refused(
            "No column of this file is headed \"Name\", so PPG Desk cannot tell which column holds the groups' names."
                .into(),
        ));
    }
    let report = state.write(|tx| {
        let rows = crate::directory::csv::parse(&text, &preview.mapping, &crate::directory::categories(tx)?, today);
        crate::directory::csv::import(tx, rows, &now, &state.progress("Importing"))
    })?;
    if !report.problems.is_empty() {
        return Err(refused(report.problems.iter().map(|p| format!("Line {}: {}", p.line, p.message)).collect()));
    }
    Ok(format!("Added {} directory entries.", report.imported))
}

/// Writes `text` to `out`, or returns it to be printed when no file was given.
fn write_or_show(out: Option<PathBuf>, text: &str) -> Result<String> {
    match out {
        Some(path) => {
            crate::files::write_atomically(&path, text.as_bytes())?;
            Ok(format!("Wrote {}", path.display()))
        }
        None => Ok(text.trim_start_matches('\u{feff}').trim_end().to_string()),
    }
}

/// `ppg-desk search WORDS`: each record found as kind, id, title and excerpt (the words found
/// in [brackets]).
fn search(state: &AppState, words: &str, kind: Option<String>, limit: u32) -> Result<String> {
    if let Some(k) = &kind {
        if !crate::search::KINDS.iter().any(|(key, _, _)| key == k) {
            let known: Vec<&str> = crate::search::KINDS.iter().map(|(key, _, _)| *key).collect();
            return Err(Error::Refused(format!("There is no kind \"{k}\". The kinds: {}.", known.join(", "))));
        }
    }
    let query = crate::search::SearchQuery {
        kinds: kind.into_iter().collect(),
        ..crate::search::SearchQuery::words(words, limit)
    };
    let today = state.today();
    let results = crate::search::everything(state, &query, today)?;
    if results.hits.is_empty() {
        return Ok(format!("Nothing found for {}. Try fewer words, or the start of a word.", results.searched));
    }
    let lines: Vec<String> = results
        .hits
        .iter()
        .map(|h| {
            let excerpt: String =
                h.excerpt.iter().map(|p| if p.marked { format!("[{}]", p.text) } else { p.text.clone() }).collect();
            let secret = if h.confidential { " (confidential)" } else { "" };
            format!("{:<16} {:>16}  {}{secret}\n{:>35}{excerpt}", h.kind, h.opens.id, h.title, "")
        })
        .collect();
    let total = if results.total > 1000 { "More than 1,000".to_string() } else { results.total.to_string() };
    Ok(format!("{total} found for {} (showing {}):\n{}", results.searched, results.hits.len(), lines.join("\n")))
}
