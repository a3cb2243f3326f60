//! `ppg-desk share …`: start sharing, join, send and receive now, and where things stand.

use super::secrets;
use super::ShareAction;
use crate::error::Result;
use crate::sharing::{self, SyncReport};
use crate::state::AppState;

pub fn run(state: &AppState, action: ShareAction) -> Result<String> {
    match action {
        ShareAction::Start { folder, name, drivers, befriending } => {
            let code = sharing::start(state, &folder, &name, drivers, befriending)?;
            Ok(format!(
                "This PPG is now shared in {}.\nInvitation code: {}\nGive it to the others in person (not by email); each types it to join.",
                folder.display(),
                code.as_str()
            ))
        }
        ShareAction::Join { folder, name, drivers, befriending } => {
            let code = secrets::invitation_code()?;
            let report = sharing::join(state, &folder, &name, &code, drivers, befriending)?;
            Ok(format!("Joined the shared PPG.\n{}", describe(&report)))
        }
        ShareAction::Sync => Ok(describe(&sharing::sync(state)?)),
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
            lines.extend(
                heard.iter().map(|h| format!("  {}: last change applied {}", h.laptop_name, h.last_applied_at)),
            );
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

fn describe(report: &SyncReport) -> String {
    let mut lines =
        vec![format!("Sent {} changes, received {}, clashes {}.", report.sent, report.received, report.clashes)];
    lines.extend(report.notes.iter().cloned());
    lines.join("\n")
}
