//! The `ppg-desk` program: opens the window, or runs a command-line subcommand.

// Keeps a console window from opening alongside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;
use ppg_desk::cli::{self, Cli};
use ppg_desk::db::DataPaths;

fn main() {
    // A panic's message can quote the text being worked on (a name, an address): report
    // only where it happened, never what it said.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("PPG Desk hit an internal error{place}. Nothing half-done was saved.");
    }));
    let args = Cli::parse();
    match args.command {
        Some(command) => std::process::exit(cli::run(args.data_dir, command)),
        None => match DataPaths::resolve(args.data_dir) {
            Ok(paths) => ppg_desk::run_gui(paths),
            Err(error) => {
                eprintln!("ppg-desk: {error}");
                std::process::exit(1);
            }
        },
    }
}
