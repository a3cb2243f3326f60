//! The `ppg-desk` program: opens the window, or runs a command-line subcommand.

// Keeps a console window from opening alongside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;
use ppg_desk::cli::{self, Cli};
use ppg_desk::db::DataPaths;

fn main() {
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
