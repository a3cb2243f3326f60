//! The command line's arguments for looking after the data: sharing with the committee's other
//! laptops and protecting the records (kept apart from `args.rs`, which names the documents).

use std::path::PathBuf;

use clap::Subcommand;

/// What `ppg-desk share` can do.
#[derive(Debug, Subcommand)]
pub enum ShareAction {
    /// Start sharing this PPG in DIR, and print the invitation code for the others.
    Start {
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// This laptop's name, shown beside its changes.
        #[arg(long, default_value = "Secretary's laptop")]
        name: String,
        /// Also share the driver scheme (passengers' details) with this laptop's changes.
        #[arg(long)]
        drivers: bool,
        /// Also share the befriending scheme (referrals' details).
        #[arg(long)]
        befriending: bool,
    },
    /// Join the PPG shared in DIR, into this empty PPG Desk.
    Join {
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        #[arg(long, default_value = "Committee laptop")]
        name: String,
        #[arg(long)]
        drivers: bool,
        #[arg(long)]
        befriending: bool,
    },
    /// Send this laptop's changes and receive everyone else's now.
    Sync,
    /// Send and receive, write a fresh starting copy and remove the files every laptop has.
    Tidy,
    /// Remove a laptop (lost, or its owner has left) from the committee: the others get new
    /// keys. Its id is shown by `share status`. Prints the new codes for laptops joining later.
    Remove {
        #[arg(long, value_name = "ID")]
        laptop: String,
    },
    /// Say where this laptop shares, when it last sent and received, and any clashes.
    Status,
}

/// What `ppg-desk security` can do.
#[derive(Debug, Subcommand)]
pub enum SecurityAction {
    /// Say whether the data is protected and which ways to open it exist.
    Status,
    /// Encrypt the data with a new passphrase, and write the recovery sheet to FILE.pdf.
    Protect {
        #[arg(long, value_name = "FILE.pdf")]
        recovery_sheet: PathBuf,
        /// Remember the key on this computer (in the system keyring), so it opens without asking.
        #[arg(long)]
        remember: bool,
        /// Leave the older backups as they are (unencrypted) instead of replacing them.
        #[arg(long)]
        keep_plain_backups: bool,
        #[arg(long)]
        large_print: bool,
    },
    /// Choose a new passphrase (the data is not re-encrypted; the old passphrase stops working).
    ChangePassphrase,
    /// Make a new recovery key (the old sheet stops working) and write its sheet to FILE.pdf.
    NewRecoveryKey {
        #[arg(long, value_name = "FILE.pdf")]
        recovery_sheet: PathBuf,
        #[arg(long)]
        large_print: bool,
    },
    /// Someone has left the committee: re-encrypt everything with a new key, a new passphrase
    /// and a new recovery key (written to FILE.pdf).
    Rekey {
        #[arg(long, value_name = "FILE.pdf")]
        recovery_sheet: PathBuf,
        #[arg(long)]
        remember: bool,
        #[arg(long)]
        large_print: bool,
    },
}
