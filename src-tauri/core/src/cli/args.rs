//! The command line's words: every command, its arguments and their help text (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{SecurityAction, ShareAction};

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
    Demo {
        /// Years of monthly meetings, minutes and actions to make (1 to 30): try a PPG at scale.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=30))]
        years: u32,
    },
    /// Save a checked copy of all the data to FILE.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the data with the backup in FILE (the current data is backed up first).
    Restore { file: PathBuf },
    /// Check the data file's integrity and version (and the search index).
    Check {
        /// Rebuild the search index from every record if it is found out of step.
        #[arg(long)]
        repair: bool,
    },
    /// Search everything for WORDS ("car park", walk): kind, id, title and excerpt of each
    /// record found, best first.
    Search {
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        /// Only this kind of record: person, meeting, agenda_item, decision, action, contact,
        /// directory_entry, driver, passenger, trip, referral, article, feedback, …
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// How many to show (1 to 100).
        #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
        limit: u32,
    },
    /// List the meetings with their ids, newest first.
    Meetings,
    /// List the current people with their ids.
    People,
    /// List the volunteer drivers with their ids.
    Drivers,
    /// List the driver scheme's passengers with their ids.
    Passengers,
    /// List the befriending referrals with their ids and where they stand.
    Referrals,
    /// List the bulletin's issues with their ids.
    Bulletins,
    /// Print a document to a PDF file.
    Print {
        #[command(subcommand)]
        document: PrintTarget,
    },
    /// Write a document as a draft email (the PDF attached) for a mailing list, without
    /// opening anything: `ppg-desk email agenda --meeting 13 --list committee --out agenda.eml`.
    /// The lists: committee, officers, members, virtual-ppg. Only people who agreed to be
    /// emailed are on them; those who need large print get a second draft with that version.
    Email {
        /// The mailing list: committee, officers, members or virtual-ppg.
        #[arg(long, global = true, value_name = "NAME")]
        list: Option<String>,
        /// Also hand it to this computer's mail program now (a new message to check and send
        /// there), and record that it was sent.
        #[arg(long, global = true)]
        hand_over: bool,
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
    /// Protect the data with a passphrase, and manage its keys. Passphrases are typed at a
    /// prompt (not shown), or read from the file named by PPG_DESK_PASSPHRASE_FILE (and
    /// PPG_DESK_NEW_PASSPHRASE_FILE for a new one); the recovery key likewise from
    /// PPG_DESK_RECOVERY_KEY_FILE. Never on the command line, where others can see it.
    Security {
        #[command(subcommand)]
        action: SecurityAction,
    },
    /// Share this PPG with the committee's other laptops through a shared folder or a USB
    /// stick. The invitation code is typed at a prompt, or read from the file named by
    /// PPG_DESK_INVITATION_FILE.
    Share {
        #[command(subcommand)]
        action: ShareAction,
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
    /// Everything held about one person (subject access): someone in People (--person, see
    /// `ppg-desk people`), a befriending referral (--referral, see `ppg-desk referrals`) or a
    /// passenger of the driver scheme (--passenger, see `ppg-desk passengers`). A readable PDF
    /// at --out and the same record as JSON beside it (the same name ending .json).
    #[command(group(clap::ArgGroup::new("whose").required(true).args(["referral", "person", "passenger"])))]
    Person {
        #[arg(long, value_name = "ID")]
        referral: Option<i64>,
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        #[arg(long, value_name = "ID")]
        passenger: Option<i64>,
        #[command(flatten)]
        output: PrintOutput,
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
    /// A meeting as a calendar invite, or a driver's trips as a calendar (iCalendar .ics).
    Ics {
        #[arg(long, value_name = "ID", conflicts_with = "driver", required_unless_present = "driver")]
        meeting: Option<i64>,
        /// A driver's trips (see `ppg-desk drivers` for the ids), in UK local time.
        #[arg(long, value_name = "ID")]
        driver: Option<i64>,
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
    /// The driver rota for a week: every trip by day, with driver and passenger.
    Rota {
        /// The ISO week, for example 2026-W48.
        #[arg(long, value_name = "YYYY-Www")]
        week: String,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// A driver's trip sheet for a week (see `ppg-desk drivers` for the ids).
    TripSheet {
        #[arg(long, value_name = "ID")]
        driver: i64,
        #[arg(long, value_name = "YYYY-Www")]
        week: String,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// A driver's mileage claim for a month, for signature.
    Mileage {
        #[arg(long, value_name = "ID")]
        driver: i64,
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// The driver scheme's summary: trips made, not covered and cancelled, miles and
    /// donations by month, and each driver's totals, for the last --months months.
    SchemeSummary {
        /// How many months, this one included (1 to 36).
        #[arg(long, value_name = "N", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=36))]
        months: u32,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// What patients told the PPG in the last twelve months: the themes as a chart and a
    /// table, "You said, we did", and the improvements still in hand.
    Feedback {
        #[command(flatten)]
        output: PrintOutput,
    },
    /// The annual report of the PPG's year: --year 2026 is 1 April 2026 to 31 March 2027.
    AnnualReport {
        #[arg(long, value_name = "YYYY")]
        year: i32,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// The PPG's terms of reference in force.
    TermsOfReference {
        #[command(flatten)]
        output: PrintOutput,
    },
    /// A survey's paper form for the waiting room.
    SurveyForm {
        #[arg(long, value_name = "ID")]
        survey: i64,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// A survey's results: each question's answers counted, with bars.
    SurveyResults {
        #[arg(long, value_name = "ID")]
        survey: i64,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// An issue of the patient bulletin (a published issue exactly as it was printed).
    Bulletin {
        #[arg(long, value_name = "ID")]
        issue: i64,
        /// The edition in a language its articles are translated into (bn, ur, pl, zh-Hant…)
        #[arg(long, value_name = "LANGUAGE")]
        edition: Option<String>,
        #[command(flatten)]
        output: PrintOutput,
    },
    /// The befriending scheme's report (anonymous counts) for the months --from to --to.
    BefriendingReport {
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
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
