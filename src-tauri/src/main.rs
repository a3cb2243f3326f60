//! `ppg-desk-window`, the window app: opens PPG Desk's window on the usual data folder or the
//! one given. The command line is `ppg-desk` (src-tauri/cli), which starts this program when
//! given no command.

// Keeps a console window from opening alongside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

use clap::Parser;
use ppg_desk_core::db::DataPaths;

/// PPG Desk's window. Use `ppg-desk --help` for the command line.
#[derive(Debug, Parser)]
#[command(name = "ppg-desk-window", version, about, long_about = None)]
struct Args {
    /// Use the data in this folder instead of the usual one (also: PPG_DESK_DATA_DIR).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

fn main() {
    ppg_desk_core::report_panics_without_their_text();
    let args = Args::parse();
    match DataPaths::resolve(args.data_dir) {
        Ok(paths) => ppg_desk_window::run_gui(paths),
        Err(error) => {
            eprintln!("ppg-desk: {error}");
            std::process::exit(1);
        }
    }
}
