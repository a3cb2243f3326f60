//! The computer's printers, through CUPS' own command-line tools (`lpstat`, `lp`), which
//! every Linux desktop with printing has. Parsing is kept apart so it can be tested.

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

/// Sends `file` to `printer`; returns the job id CUPS gave it.
pub fn print(file: &Path, printer: &str, copies: u32, title: &str) -> Result<String> {
    if !(1..=50).contains(&copies) {
        return Err(Error::invalid("copies", "Please choose between 1 and 50 copies."));
    }
    if !list()?.iter().any(|p| p.name == printer) {
        return Err(Error::invalid("printer", "That printer is no longer available. Please choose another."));
    }
    let path = file.to_str().ok_or_else(|| Error::File("The file could not be printed.".into()))?;
    let reply = run("lp", &["-d", printer, "-n", &copies.to_string(), "-t", title, "--", path])?;
    parse_job(&reply).ok_or_else(|| Error::File("The printer did not confirm the job.".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
