//! Where the command line gets a passphrase or recovery key: a file named by an environment
//! variable (for scripts), else a prompt on the terminal that does not show what is typed.
//! Never from the command line itself, where `ps` shows it to everyone on the computer.

use std::path::PathBuf;

use zeroize::Zeroizing;

use crate::db::keys::Secret;
use crate::error::{Error, Result};

pub const PASSPHRASE_FILE: &str = "PPG_DESK_PASSPHRASE_FILE";
pub const NEW_PASSPHRASE_FILE: &str = "PPG_DESK_NEW_PASSPHRASE_FILE";
pub const RECOVERY_KEY_FILE: &str = "PPG_DESK_RECOVERY_KEY_FILE";
pub const INVITATION_FILE: &str = "PPG_DESK_INVITATION_FILE";
pub const DRIVERS_CODE_FILE: &str = "PPG_DESK_DRIVERS_CODE_FILE";
pub const BEFRIENDING_CODE_FILE: &str = "PPG_DESK_BEFRIENDING_CODE_FILE";

/// The first line of the file named by `variable`, if it is set.
fn from_file(variable: &str) -> Result<Option<Zeroizing<String>>> {
    let Some(path) = std::env::var_os(variable).filter(|v| !v.is_empty()).map(PathBuf::from) else {
        return Ok(None);
    };
    let text = Zeroizing::new(
        std::fs::read_to_string(&path)
            .map_err(|_| Error::File(format!("The file named by {variable} could not be read.")))?,
    );
    Ok(Some(Zeroizing::new(text.lines().next().unwrap_or_default().to_string())))
}

fn prompt(question: &str) -> Result<Zeroizing<String>> {
    prompt_for(question, PASSPHRASE_FILE, "This PPG's data is protected with a passphrase")
}

fn prompt_for(question: &str, variable: &str, why: &str) -> Result<Zeroizing<String>> {
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(Error::Refused(format!(
            "{why}. Type it at a terminal, or name a file holding it with {variable}."
        )));
    }
    rpassword::prompt_password(question)
        .map(Zeroizing::new)
        .map_err(|_| Error::Refused("The passphrase could not be read from the terminal.".into()))
}

/// The secret that opens protected data: the recovery key file when given, else the
/// passphrase file, else a prompt.
pub fn unlocking(what: &str) -> Result<Secret> {
    if let Some(key) = from_file(RECOVERY_KEY_FILE)? {
        return Ok(Secret::RecoveryKey(key));
    }
    if let Some(passphrase) = from_file(PASSPHRASE_FILE)? {
        return Ok(Secret::Passphrase(passphrase));
    }
    Ok(Secret::Passphrase(prompt(&format!("Passphrase for {what}: "))?))
}

/// A shared PPG's invitation code: from `PPG_DESK_INVITATION_FILE`, else typed at a prompt.
pub fn invitation_code() -> Result<Zeroizing<String>> {
    if let Some(code) = from_file(INVITATION_FILE)? {
        return Ok(code);
    }
    prompt_for("Invitation code: ", INVITATION_FILE, "Joining a shared PPG needs its invitation code")
}

/// A scheme's code (drivers or befriending) for joining: from `variable`'s file, else typed at
/// a terminal; empty or absent when no laptop shares that scheme yet (this one makes its key).
pub fn scheme_code(scheme: &str, variable: &str) -> Result<Option<Zeroizing<String>>> {
    if let Some(code) = from_file(variable)? {
        return Ok(Some(code));
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Ok(None);
    }
    let code = rpassword::prompt_password(format!(
        "The {scheme} scheme's code (press Enter if no laptop shares the {scheme} scheme yet): "
    ))
    .map(Zeroizing::new)
    .map_err(|_| Error::Refused("The code could not be read from the terminal.".into()))?;
    Ok(Some(code).filter(|c| !c.trim().is_empty()))
}

/// The current passphrase, to confirm a change.
pub fn current() -> Result<Secret> {
    if let Some(passphrase) = from_file(PASSPHRASE_FILE)? {
        return Ok(Secret::Passphrase(passphrase));
    }
    Ok(Secret::Passphrase(prompt("Current passphrase: ")?))
}

/// A new passphrase: from `file_variable`, or typed twice at the prompt.
pub fn new_passphrase(file_variable: &str) -> Result<Zeroizing<String>> {
    if let Some(passphrase) = from_file(file_variable)? {
        return Ok(passphrase);
    }
    let first = prompt("New passphrase (at least 4 words or 12 characters): ")?;
    let again = prompt("Type the new passphrase again: ")?;
    if first.as_str() != again.as_str() {
        return Err(Error::invalid("passphrase", "The two passphrases typed are not the same. Nothing was changed."));
    }
    Ok(first)
}
