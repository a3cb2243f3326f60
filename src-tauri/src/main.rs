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
    // WebKitGTK's DMA-BUF renderer holds ~80 MiB more per window where there is no GPU to
    // share buffers with (software rendering, as on many old laptops), and is the cause of
    // blank windows on some graphics drivers; the older path draws this app just as well.
    // Set before any thread starts and before WebKit reads it; a value the person set wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    let args = Args::parse();
    match DataPaths::resolve(args.data_dir) {
        Ok(paths) => ppg_desk_window::run_gui(paths),
        Err(error) => {
            eprintln!("ppg-desk: {error}");
            std::process::exit(1);
        }
    }
}
