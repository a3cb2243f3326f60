//! `ppg-desk`, the command line: runs a subcommand over the core, or, given none, starts the
//! window app installed beside it. It links the core only, so it starts in milliseconds.

use std::path::PathBuf;
use std::process::Command;

use clap::Parser;
use ppg_desk_core::cli::{self, Cli};

/// The window app's program, installed in the same folder as this one.
const WINDOW: &str = if cfg!(windows) { "ppg-desk-window.exe" } else { "ppg-desk-window" };

fn main() {
    ppg_desk_core::report_panics_without_their_text();
    let args = Cli::parse();
    match args.command {
        Some(command) => std::process::exit(cli::run(args.data_dir, command)),
        None => std::process::exit(open_window(args.data_dir)),
    }
}

/// Starts the window with the same data folder; on Unix it takes this process's place, so a
/// terminal's Ctrl+C and the exit code reach the window.
fn open_window(data_dir: Option<PathBuf>) -> i32 {
    let Some(program) = std::env::current_exe().ok().map(|me| me.with_file_name(WINDOW)).filter(|p| p.is_file()) else {
        eprintln!(
            "ppg-desk: the PPG Desk window ({WINDOW}) is not installed beside this program. \
             Reinstall PPG Desk, or see `ppg-desk --help` for what the command line can do."
        );
        return 1;
    };
    let mut window = Command::new(program);
    if let Some(dir) = data_dir {
        window.arg("--data-dir").arg(dir);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let error = window.exec();
        eprintln!("ppg-desk: the PPG Desk window could not start ({}).", error.kind());
        1
    }
    #[cfg(not(unix))]
    match window.spawn() {
        Ok(_) => 0,
        Err(error) => {
            eprintln!("ppg-desk: the PPG Desk window could not start ({}).", error.kind());
            1
        }
    }
}
