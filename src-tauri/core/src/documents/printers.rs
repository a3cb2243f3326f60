//! The computer's printers. On Linux and macOS through CUPS' own command-line tools
//! (`lpstat`, `lp`), which every desktop with printing has; parsing is kept apart so it can be
//! tested. Windows has no CUPS: the PDF is handed to the PDF program's own "print" (the
//! shell's print verb), and where that program has none the window opens the PDF for the
//! person to press Print (see `src-tauri/src/commands/documents.rs`).

use std::path::Path;
use std::process::Command;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Printer {
    pub name: String,
    pub is_default: bool,
}

/// Which way Print… reaches a printer on this computer; the print dialog says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrintRoute {
    /// Straight to a printer chosen in the dialog, through CUPS (Linux, macOS).
    Cups,
    /// To the usual printer through the PDF program (Windows).
    PdfProgram,
}

/// What the print dialog offers: the way, and on CUPS its printers (the default first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrintSetup {
    pub route: PrintRoute,
    pub printers: Vec<Printer>,
}

/// The way this computer prints, and its printers.
pub fn setup() -> Result<PrintSetup> {
    if cfg!(windows) {
        Ok(PrintSetup { route: PrintRoute::PdfProgram, printers: Vec::new() })
    } else {
        Ok(PrintSetup { route: PrintRoute::Cups, printers: list()? })
    }
}

/// Asks Windows to print `file` on the usual printer with the program that opens PDFs (the
/// shell's "print" verb, without a window). An error means that program cannot print this
/// way: the caller opens the PDF instead.
#[cfg(windows)]
pub fn print_with_pdf_program(file: &Path) -> Result<()> {
    use std::os::windows::process::CommandExt;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    let status = Command::new("powershell.exe")
        .args(["-NoProfile", "-NonInteractive", "-Command", "Start-Process -FilePath $env:PPG_DESK_PRINT -Verb Print"])
        .env("PPG_DESK_PRINT", file)
        .creation_flags(CREATE_NO_WINDOW)
        .status();
    match status {
        Ok(status) if status.success() => Ok(()),
        _ => Err(Error::File("The PDF program on this computer cannot print by itself.".into())),
    }
}

/// Reads `lpstat -e` (one destination per line) and `lpstat -d` output.
pub fn parse_printers(destinations: &str, default: &str) -> Vec<Printer> {
    let default_name = default.trim().rsplit_once(": ").map(|(_, name)| name.trim().to_string());
    let mut printers: Vec<Printer> = destinations
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|name| Printer { name: name.to_string(), is_default: Some(name) == default_name.as_deref() })
        .collect();
    printers.sort_by(|a, b| b.is_default.cmp(&a.is_default).then(a.name.cmp(&b.name)));
    printers
}

/// Reads the job id out of `lp`'s reply ("request id is Office-12 (1 file(s))").
pub fn parse_job(reply: &str) -> Option<String> {
    let rest = reply.split("request id is ").nth(1)?;
    Some(rest.split_whitespace().next()?.to_string())
}

fn run(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program).args(args).output().map_err(|_| {
        Error::File("Printing is not set up on this computer (CUPS was not found). You can still save the PDF and print it from another program.".into())
    })?;
    if !out.status.success() {
        let detail = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(Error::File(format!("The printer system said: {detail}")));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The printers CUPS knows, the default first.
pub fn list() -> Result<Vec<Printer>> {
    let destinations = run("lpstat", &["-e"])?;
    let default = run("lpstat", &["-d"]).unwrap_or_default();
    Ok(parse_printers(&destinations, &default))
}

/// Sends `file` to `printer` through CUPS; returns what to tell the person (with the job id).
pub fn print(file: &Path, printer: &str, copies: u32, title: &str) -> Result<String> {
    if !(1..=50).contains(&copies) {
        return Err(Error::invalid("copies", "Please choose between 1 and 50 copies."));
    }
    if !list()?.iter().any(|p| p.name == printer) {
        return Err(Error::invalid("printer", "That printer is no longer available. Please choose another."));
    }
    let path = file.to_str().ok_or_else(|| Error::File("The file could not be printed.".into()))?;
    let reply = run("lp", &["-d", printer, "-n", &copies.to_string(), "-t", title, "--", path])?;
    let job = parse_job(&reply).ok_or_else(|| Error::File("The printer did not confirm the job.".into()))?;
    Ok(format!("Sent to {printer} (job {job})."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(windows))]
    #[test]
    fn linux_and_macos_print_through_cups() {
        // No CUPS here is an error, not a silent switch to another way.
        if let Ok(setup) = setup() {
            assert_eq!(setup.route, PrintRoute::Cups);
        }
    }

    #[test]
    fn the_default_printer_comes_first() {
        let printers = parse_printers("Office_Laser\nPDF\nReception\n", "system default destination: Reception\n");
        assert_eq!(printers[0], Printer { name: "Reception".into(), is_default: true });
        assert_eq!(printers.len(), 3);
        assert!(printers[1..].iter().all(|p| !p.is_default));
    }

    #[test]
    fn no_default_and_no_printers() {
        assert!(parse_printers("", "no system default destination").is_empty());
        assert!(parse_printers("PDF\n", "no system default destination").iter().all(|p| !p.is_default));
    }

    #[test]
    fn job_ids_are_read_from_lp() {
        assert_eq!(parse_job("request id is PDF-7 (1 file(s))\n"), Some("PDF-7".into()));
        assert_eq!(parse_job("lp: error"), None);
    }
}
