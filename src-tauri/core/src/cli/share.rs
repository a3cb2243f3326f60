//! `ppg-desk share …`: start sharing, join, send and receive now, and where things stand.

use super::secrets;
use super::ShareAction;
use crate::error::Result;
use crate::sharing::{self, Codes, Scheme, SyncReport};
use crate::state::AppState;

pub fn run(state: &AppState, action: ShareAction) -> Result<String> {
    match action {
        ShareAction::Start { folder, name, drivers, befriending } => {
            let codes = sharing::start(state, &folder, &name, drivers, befriending)?;
            Ok(format!("This PPG is now shared in {}.\n{}", folder.display(), describe_codes(&codes)))
        }
        ShareAction::Join { folder, name, drivers, befriending } => {
            let code = secrets::invitation_code()?;
            let drivers_code = if drivers { secrets::scheme_code("driver", secrets::DRIVERS_CODE_FILE)? } else { None };
            let befriending_code =
                if befriending { secrets::scheme_code("befriending", secrets::BEFRIENDING_CODE_FILE)? } else { None };
            let sharing::Joined { report, codes } = sharing::join(
                state,
                &folder,
                &name,
                &code,
                Scheme::chosen(drivers, drivers_code.as_deref().map(String::as_str)),
                Scheme::chosen(befriending, befriending_code.as_deref().map(String::as_str)),
            )?;
            Ok(format!("Joined the shared PPG.\n{}\n{}", describe(&report), describe_codes(&codes)).trim_end().into())
        }
        ShareAction::Sync => Ok(describe(&sharing::sync(state)?)),
        ShareAction::Tidy => Ok(describe(&sharing::sync_and_tidy(state)?)),
        ShareAction::Remove { laptop } => {
            let codes = sharing::remove_laptop(state, &laptop)?;
            Ok(format!(
                "That laptop is removed: the others get new keys at their next exchange.\n{}",
                describe_codes(&codes)
            ))
        }
        ShareAction::Status => {
            let Some(sharing::SharingStatus { sharing: me, heard_from: heard, clashes }) = sharing::status(state)?
            else {
                return Ok("This laptop does not share its PPG.".into());
            };
            let mut lines = vec![
                format!("Shared as \"{}\" in {}", me.laptop_name, me.folder),
                format!("Last sent: {}", me.last_sent_at.as_deref().unwrap_or("not yet")),
                match (&me.last_received_at, &me.last_received_from) {
                    (Some(at), Some(from)) => format!("Last received: {at} from {from}"),
                    _ => "Last received: not yet".into(),
                },
            ];
            lines.extend(heard.iter().map(|h| {
                format!(
                    "  {} ({}): last change applied {}",
                    h.laptop_name,
                    h.laptop_id,
                    h.last_applied_at.as_deref().unwrap_or("not yet")
                )
            }));
            lines.push(format!("Changes that clashed: {}", clashes.len()));
            for c in &clashes {
                lines.push(format!(
                    "  {} {} ({}): kept \"{}\"; {} made \"{}\" at {}",
                    c.table, c.column, c.row_key, c.kept, c.other_laptop, c.other, c.other_made_at
                ));
            }
            Ok(lines.join("\n"))
        }
    }
}

/// The codes to hand over, each with who should get it.
fn describe_codes(codes: &Codes) -> String {
    let mut lines = Vec::new();
    if let Some(code) = &codes.committee {
        lines.push(format!("Invitation code: {code}"));
        lines.push("Give it to the committee in person (not by email); each types it to join.".into());
    }
    if let Some(code) = &codes.drivers {
        lines.push(format!("Driver scheme code: {code}"));
        lines.push("Give it only to the laptops that run the driver scheme.".into());
    }
    if let Some(code) = &codes.befriending {
        lines.push(format!("Befriending scheme code: {code}"));
        lines.push("Give it only to the laptops that run the befriending scheme.".into());
    }
    lines.join("\n")
}

fn describe(report: &SyncReport) -> String {
    let mut lines = vec![format!(
        "Sent {} changes, received {}, clashes {}, old files removed {}.",
        report.sent, report.received, report.clashes, report.removed
    )];
    lines.extend(report.notes.iter().cloned());
    lines.join("\n")
}
