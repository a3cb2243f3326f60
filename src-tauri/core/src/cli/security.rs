//! `ppg-desk security …`: status, protect, change the passphrase, a new recovery key, re-key.

use std::path::Path;

use super::secrets::{self, NEW_PASSPHRASE_FILE, PASSPHRASE_FILE};
use super::SecurityAction;
use crate::error::{Error, Result};
use crate::print::Profile;
use crate::security::{self, NewRecoveryKey};
use crate::state::AppState;

pub fn run(state: &AppState, action: SecurityAction) -> Result<String> {
    match action {
        SecurityAction::Status => status(state),
        SecurityAction::Protect { recovery_sheet, remember, keep_plain_backups, large_print } => {
            let passphrase = secrets::new_passphrase(PASSPHRASE_FILE)?;
            let made = security::protect(state, &passphrase, remember, !keep_plain_backups)?;
            let sheet = write_sheet(state, &made, &recovery_sheet, large_print)?;
            Ok(format!(
                "This PPG's data is now protected. {}{sheet}{}",
                removed(made.removed_plain_files),
                keyring_note(&made)
            ))
        }
        SecurityAction::ChangePassphrase => {
            let current = secrets::current()?;
            let new = secrets::new_passphrase(NEW_PASSPHRASE_FILE)?;
            security::change_passphrase(state, &current, &new)?;
            Ok("The passphrase is changed. The old one no longer opens this PPG's data.".into())
        }
        SecurityAction::NewRecoveryKey { recovery_sheet, large_print } => {
            let current = secrets::current()?;
            let made = security::new_recovery_key(state, &current)?;
            let sheet = write_sheet(state, &made, &recovery_sheet, large_print)?;
            Ok(format!("A new recovery key is made; the old sheet no longer works. {sheet}"))
        }
        SecurityAction::Rekey { recovery_sheet, remember, large_print } => {
            let current = secrets::current()?;
            let new = secrets::new_passphrase(NEW_PASSPHRASE_FILE)?;
            let made = security::rekey(state, &current, &new, remember)?;
            let sheet = write_sheet(state, &made, &recovery_sheet, large_print)?;
            Ok(format!(
                "Everything is re-encrypted with a new key. The old passphrase, key file and recovery sheet open nothing written from now on. {sheet}{}",
                keyring_note(&made)
            ))
        }
    }
}

fn status(state: &AppState) -> Result<String> {
    let s = security::status(state)?;
    let mut lines = vec![format!("Data folder: {}", state.paths().dir.display())];
    if s.sample {
        lines.push("Protected: no (this is the made-up sample PPG, which is never protected)".into());
    } else if !s.protected {
        lines.push("Protected: no. Protect it with: ppg-desk security protect --recovery-sheet FILE.pdf".into());
    } else {
        lines.push(format!(
            "Protected: yes (SQLCipher, 256-bit key; key reference {})",
            s.key_reference.clone().unwrap_or_default()
        ));
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        lines.push(format!("Passphrase: {}", yes_no(s.has_passphrase)));
        lines.push(format!("Recovery key: {}", yes_no(s.has_recovery_key)));
        lines.push(format!("Remembered on this computer: {}", yes_no(s.remembered)));
        lines.push(format!("Locked: {}", yes_no(s.locked)));
    }
    if s.plain_backups > 0 {
        lines.push(format!("Unprotected backups in the backups folder: {}", s.plain_backups));
    }
    if let Some(problem) = s.key_file_problem {
        lines.push(format!("Warning: {problem}"));
    }
    if let Some(problem) = s.keyring_problem {
        lines.push(format!("Note: {problem}"));
    }
    Ok(lines.join("\n"))
}

fn removed(count: u32) -> String {
    match count {
        0 => String::new(),
        1 => "The old unprotected data file was overwritten and removed. ".into(),
        n => format!("The old unprotected data file and {} unprotected backups were overwritten and removed (copies made elsewhere, such as on USB sticks, are not reached). ", n - 1),
    }
}

fn keyring_note(made: &NewRecoveryKey) -> String {
    made.keyring_problem.as_ref().map(|p| format!("\nNote: {p}")).unwrap_or_default()
}

/// Writes the recovery sheet the person asked for (their file: it stays plain, so they are
/// told to print it and delete it).
fn write_sheet(state: &AppState, made: &NewRecoveryKey, out: &Path, large_print: bool) -> Result<String> {
    let group = state
        .read(crate::settings::load)?
        .map(|s| s.group_name)
        .ok_or_else(|| Error::Refused("Please set up your PPG before protecting it.".into()))?;
    let made_on = crate::words::long_date(&state.today().to_string());
    let doc = security::recovery_sheet(&group, &made.recovery_key, &made.key_reference, &made_on);
    let profile = if large_print { Profile::LargePrint } else { Profile::Standard };
    let bytes = crate::print::render(&doc, profile, state.now().and_utc().timestamp())?;
    crate::files::write_atomically(out, &bytes)?;
    crate::db::make_private(out);
    Ok(format!(
        "The recovery sheet is in {}: print it, keep it somewhere safe away from this computer, then delete the file.",
        out.display()
    ))
}
