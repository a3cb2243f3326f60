//! The headless command line: the same rules and store as the window, no window.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::backups;
use crate::documents::{self, DocumentKind};
use crate::print::actions::ActionGrouping;
use crate::print::Profile;
use crate::db::{self, copy, DataPaths};
use crate::error::{Error, Result};
use crate::state::{AppState, Topic};

/// PPG Desk: meetings, minutes, people and schemes for a Patient Participation Group.
/// With no command it opens the window.
#[derive(Debug, Parser)]
#[command(name = "ppg-desk", version, about, long_about = None)]
pub struct Cli {
    /// Use the data in this folder instead of the usual one (also: PPG_DESK_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the sample PPG into an empty data folder, to explore the app.
    Demo,
    /// Save a checked copy of all the data to FILE.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the data with the backup in FILE (the current data is backed up first).
    Restore { file: PathBuf },
    /// Check the data file's integrity and version.
    Check,
    /// List the meetings with their ids, newest first.
    Meetings,
    /// List the current people with their ids.
    People,
    /// Print a document to a PDF file.
    Print {
        #[command(subcommand)]
        document: PrintTarget,
    },
    /// Export data for other programs.
    Export {
        #[command(subcommand)]
        what: ExportTarget,
    },
    /// Bring in data from another program's file (nothing is added if any record is wrong).
    Import {
        #[command(subcommand)]
        what: ImportTarget,
    },
}

/// What `ppg-desk import` can read.
#[derive(Debug, Subcommand)]
pub enum ImportTarget {
    /// Directory entries from a CSV file (columns recognised by their headings) or an Open
    /// Referral UK JSON file (.json); ORUK entries already here are updated, not doubled.
    Directory { file: PathBuf },
    /// Professional contacts from a vCard (.vcf) file.
    Contacts { file: PathBuf },
}

/// What `ppg-desk export` can write.
#[derive(Debug, Subcommand)]
pub enum ExportTarget {
    /// Every action (open, done and dropped) for a spreadsheet.
    Actions {
        /// The only format offered: csv.
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// The file to write (without it, the rows are printed here).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The community directory as CSV (for a spreadsheet) or Open Referral UK JSON.
    Directory {
        #[arg(long, value_enum, default_value = "csv")]
        format: DirectoryFormat,
        /// The file to write (without it, the file's text is printed here).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The professional contacts (link workers and others) as vCard 4.0.
    Contacts {
        /// The only format offered: vcard.
        #[arg(long, value_enum, default_value = "vcard")]
        format: ContactsFormat,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// A meeting as a calendar invite (iCalendar .ics) that calendar programs import.
    Ics {
        #[arg(long, value_name = "ID")]
        meeting: i64,
        /// The .ics file to write (without it, the invite is printed here).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// The documents `ppg-desk print` can make.
#[derive(Debug, Subcommand)]
pub enum PrintTarget {
    /// The contact list: officers, committee, members and practice staff.
    Members {
        #[command(flatten)]
        output: PrintOutput,
    },
    /// A meeting's agenda (see `ppg-desk meetings` for the ids).
    Agenda {
        #[arg(long, value_name = "ID")]
        meeting: i64,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// The open actions as a log (grouped by owner), or with --owner that person's reminder sheet.
    Actions {
        /// Print this person's reminder sheet instead (see `ppg-desk people` for the ids).
        #[arg(long, value_name = "ID")]
        owner: Option<i64>,
        /// Group the log by how the actions stand (overdue, due soon...) instead of by owner.
        #[arg(long)]
        by_status: bool,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// A meeting's minutes, marked as a draft until they are approved.
    Minutes {
        #[arg(long, value_name = "ID")]
        meeting: i64,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// The community directory grouped by category with an index, or one category of it.
    Directory {
        /// Only this category (its name, as in the app, e.g. "Befriending").
        #[arg(long, value_name = "CATEGORY")]
        category: Option<String>,
        #[command(flatten)]
        output: PrintOutput,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DirectoryFormat {
    Csv,
    Oruk,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ContactsFormat {
    Vcard,
}

/// Where a printed document goes, and in which profile.
#[derive(Debug, clap::Args)]
pub struct PrintOutput {
    /// Large print (body text 18 pt, one column) instead of standard print.
    #[arg(long)]
    pub large_print: bool,
    /// The PDF file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// Runs one command and returns the process exit code.
pub fn run(data_dir: Option<PathBuf>, command: Command) -> i32 {
    match execute(data_dir, command) {
        Ok(message) => {
            println!("{message}");
            0
        }
        Err(error) => {
            eprintln!("ppg-desk: {error}");
            1
        }
    }
}

fn open(data_dir: Option<PathBuf>) -> Result<AppState> {
    let state = AppState::open(DataPaths::resolve(data_dir)?, Box::new(|_: &[Topic]| {}));
    match state.problem() {
        Some(problem) => Err(problem),
        None => Ok(state),
    }
}

fn execute(data_dir: Option<PathBuf>, command: Command) -> Result<String> {
    let state = open(data_dir)?;
    match command {
        Command::Demo => {
            let (today, now) = (state.today(), crate::stamp(state.now()));
            state.write(&[Topic::Settings, Topic::People], |tx| crate::sample::load(tx, today, &now))?;
            Ok(format!("Loaded the sample PPG into {}", state.paths.dir.display()))
        }
        Command::Backup { out } => {
            let summary = state.read(|conn| copy::write_copy(conn, &out))?;
            Ok(format!("Backed up {} people to {}", summary.people, out.display()))
        }
        Command::Restore { file } => {
            let now = state.now();
            state.replace_all(|conn| backups::restore(conn, &state.paths, &file, now))?;
            Ok(format!("Restored from {} (what was there before is in {})", file.display(), state.paths.backups_dir().display()))
        }
        Command::Check => check(&state),
        Command::Meetings => state.read(|conn| {
            let lines: Vec<String> = crate::meetings::list(conn)?
                .iter()
                .map(|m| format!("{:>4}  {}  {:<5}  {:<26}  {}", m.id, m.meets_on, m.starts_at, m.kind.label(), m.status.label()))
                .collect();
            Ok(if lines.is_empty() { "No meetings yet.".into() } else { format!("  ID  Date        Time   Kind                        Status\n{}", lines.join("\n")) })
        }),
        Command::People => {
            let today = state.today();
            state.read(|conn| {
                let current = crate::people::PeopleQuery { search: String::new(), filter: crate::people::PeopleFilter::Current };
                let lines: Vec<String> = crate::people::list(conn, &current, today)?.iter().map(|p| format!("{:>4}  {}", p.id, p.full_name)).collect();
                Ok(if lines.is_empty() { "No people yet.".into() } else { format!("  ID  Name\n{}", lines.join("\n")) })
            })
        }
        Command::Print { document } => {
            let (kind, output) = match document {
                PrintTarget::Members { output } => (DocumentKind::Members, output),
                PrintTarget::Agenda { meeting, output } => (DocumentKind::Agenda { meeting_id: meeting }, output),
                PrintTarget::Minutes { meeting, output } => (DocumentKind::Minutes { meeting_id: meeting }, output),
                PrintTarget::Actions { owner: Some(owner), output, .. } => (DocumentKind::Reminders { owner_id: Some(owner) }, output),
                PrintTarget::Actions { owner: None, by_status, output } => {
                    let grouping = if by_status { ActionGrouping::Status } else { ActionGrouping::Owner };
                    (DocumentKind::ActionLog { grouping }, output)
                }
                PrintTarget::Directory { category, output } => {
                    let category_id = match category {
                        None => None,
                        Some(name) => Some(state.read(|conn| category_named(conn, &name))?),
                    };
                    (DocumentKind::Directory { category_id }, output)
                }
            };
            let profile = if output.large_print { Profile::LargePrint } else { Profile::Standard };
            let bytes = documents::render(&state, &kind, profile, state.now())?;
            crate::files::write_atomically(&output.out, &bytes)?;
            Ok(format!("Wrote {} ({} KB)", output.out.display(), bytes.len().div_ceil(1024)))
        }
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
                DirectoryFormat::Oruk => Ok(crate::directory::oruk::export(&crate::directory::oruk::entries_with_records(conn, today)?)),
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
            let now = crate::stamp(state.now());
            state.write(&[Topic::Contacts], |tx| contacts.iter().try_for_each(|c| crate::contacts::insert(tx, c, &now).map(|_| ())))?;
            Ok(format!("Imported {} {}.", contacts.len(), if contacts.len() == 1 { "contact" } else { "contacts" }))
        }
        Command::Export { what: ExportTarget::Ics { meeting, out } } => {
            let now = state.now();
            let text = state.read(|conn| crate::meetings::ics::for_meeting(conn, meeting, now))?;
            write_or_show(out, &text)
        }
    }
}

/// Problems found in an import file, as one refusal listing each.
fn refused(problems: Vec<String>) -> Error {
    Error::Refused(format!("Nothing was imported:\n{}", problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")))
}

/// The id of the directory category with this name (any case), or which names there are.
fn category_named(conn: &rusqlite::Connection, name: &str) -> Result<i64> {
    crate::directory::category_id_by_name(conn, name)?.ok_or_else(|| {
        let names: Vec<String> = crate::directory::categories(conn).map(|cs| cs.into_iter().map(|c| c.name).collect()).unwrap_or_default();
        Error::Refused(format!("There is no directory category called \"{name}\". The categories are: {}.", names.join(", ")))
    })
}

/// Imports a directory file: Open Referral UK JSON by its .json name, otherwise CSV with the
/// columns recognised by their headings.
fn import_directory(state: &AppState, file: &std::path::Path) -> Result<String> {
    let (today, now) = (state.today(), crate::stamp(state.now()));
    let is_json = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let text = crate::files::read_import(file, "an Open Referral UK file", 20)?;
        let report = state.write(&[Topic::Directory], |tx| crate::directory::oruk::import(tx, &text, today, &now))?;
        if !report.problems.is_empty() {
            return Err(refused(report.problems));
        }
        return Ok(format!("Added {} and updated {} directory entries.", report.added, report.updated));
    }
    let text = crate::directory::csv::read_text(file)?;
    let preview = crate::directory::csv::preview(&text)?;
    if !preview.mapping.contains(&Some(crate::directory::csv::DirectoryField::Name)) {
        return Err(Error::Refused("No column of this file is headed \"Name\", so PPG Desk cannot tell which column holds the groups' names.".into()));
    }
    let report = state.write(&[Topic::Directory], |tx| {
        let rows = crate::directory::csv::parse(&text, &preview.mapping, &crate::directory::categories(tx)?, today);
        crate::directory::csv::import(tx, rows, &now)
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

fn check(state: &AppState) -> Result<String> {
    state.read(|conn| {
        if !db::is_intact(conn) {
            return Err(Error::Damaged);
        }
        let version = db::schema_version(conn)?;
        let backups = backups::list(&state.paths)?;
        let newest = backups.first().map(|b| b.taken_at.replace('T', " ")).unwrap_or_else(|| "none yet".into());
        Ok(format!(
            "Data folder: {}\nIntegrity: ok\nData version: {version} (this PPG Desk writes version {})\nBackups: {} (newest: {newest})",
            state.paths.dir.display(),
            db::migrate::LATEST_VERSION,
            backups.len(),
        ))
    })
}
