//! `ppg-desk email DOCUMENT … --list NAME --out FILE.eml`: the draft email of a document,
//! written without opening anything (for scripts and tests); and which document a `print` or
//! `email` command names.

use super::{PrintOutput, PrintTarget};
use crate::documents::actions::ActionGrouping;
use crate::documents::DocumentKind;
use crate::email::{self, EmailInput, ListKey};
use crate::error::{Error, Result};
use crate::state::AppState;

/// The document named on the command line, and where to write it.
pub fn document(state: &AppState, document: PrintTarget) -> Result<(DocumentKind, PrintOutput)> {
    Ok(match document {
        PrintTarget::Members { output } => (DocumentKind::Members, output),
        PrintTarget::Agenda { meeting, output } => (DocumentKind::Agenda { meeting_id: meeting }, output),
        PrintTarget::Minutes { meeting, output } => (DocumentKind::Minutes { meeting_id: meeting }, output),
        PrintTarget::Actions { owner: Some(owner), output, .. } => {
            (DocumentKind::Reminders { owner_id: Some(owner) }, output)
        }
        PrintTarget::Actions { owner: None, by_status, output } => {
            let grouping = if by_status { ActionGrouping::Status } else { ActionGrouping::Owner };
            (DocumentKind::ActionLog { grouping }, output)
        }
        PrintTarget::Rota { week, output } => (DocumentKind::Rota { week }, output),
        PrintTarget::TripSheet { driver, week, output } => {
            (DocumentKind::TripSheet { driver_id: driver, week }, output)
        }
        PrintTarget::Mileage { driver, month, output } => {
            (DocumentKind::MileageClaim { driver_id: driver, month }, output)
        }
        PrintTarget::SchemeSummary { months, output } => (DocumentKind::SchemeSummary { months }, output),
        PrintTarget::Feedback { output } => (DocumentKind::Feedback, output),
        PrintTarget::TermsOfReference { output } => (DocumentKind::TermsOfReference, output),
        PrintTarget::SurveyForm { survey, output } => (DocumentKind::SurveyForm { survey_id: survey }, output),
        PrintTarget::SurveyResults { survey, output } => (DocumentKind::SurveyResults { survey_id: survey }, output),
        PrintTarget::AnnualReport { year, output } => {
            crate::year::bounds(year, 1).map_err(|_| {
                Error::Refused(
                    "Please give --year as a year from 2000 to 2100: 2026 is April 2026 to March 2027.".into(),
                )
            })?;
            (DocumentKind::AnnualReport { year }, output)
        }
        PrintTarget::Bulletin { issue, edition, output } => {
            (DocumentKind::Bulletin { bulletin_id: issue, edition }, output)
        }
        PrintTarget::BefriendingReport { from, to, output } => (DocumentKind::BefriendingReport { from, to }, output),
        PrintTarget::Directory { category, output } => {
            let category_id = match category {
                None => None,
                Some(name) => Some(state.read(|conn| super::category_named(conn, &name))?),
            };
            (DocumentKind::Directory { category_id }, output)
        }
    })
}

/// Writes the draft (and a second, `…-large-print.eml`, for those who need large print).
pub fn run(state: &AppState, list: Option<&str>, hand_over: bool, target: PrintTarget) -> Result<String> {
    let own = state.read(email::own_lists)?;
    let names = ListKey::ALL.into_iter().map(|l| l.key(&own)).chain(own.iter().map(|l| l.key.clone()));
    let names = names.collect::<Vec<_>>().join(", ");
    let list = list.ok_or_else(|| Error::Refused(format!("Please say which list with --list ({names}).")))?;
    let list = ListKey::from_key(list, &own)
        .ok_or_else(|| Error::Refused(format!("There is no list called \"{list}\". The lists are: {names}.")))?;
    let (kind, output) = document(state, target)?;
    let prepared = state.read(|conn| email::prepare(conn, &kind, list, state.today()))?;
    let input = EmailInput { list, subject: prepared.subject, message: prepared.message };
    if hand_over {
        let done = email::send::hand_over(state, &kind, &input)?;
        return Ok(format!("{}\n{}", done.said, done.drafts.join("\n")));
    }
    let (audience, _, drafts) = email::send::make(state, &kind, &input)?;
    let mut wrote = Vec::new();
    let stem = output.out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    for (n, draft) in drafts.iter().enumerate() {
        // The first as named; a large-print one beside it; one per action owner numbered.
        let path = match (n, draft.large_print, list) {
            (0, _, _) => output.out.clone(),
            (_, _, ListKey::ActionOwners) => output.out.with_file_name(format!("{stem}-{}.eml", n + 1)),
            (_, true, _) => output.out.with_file_name(format!("{stem}-large-print.eml")),
            _ => output.out.with_file_name(format!("{stem}-{}.eml", n + 1)),
        };
        crate::files::write_atomically(&path, &draft.bytes)?;
        wrote.push(format!(
            "{} ({} {})",
            path.display(),
            draft.to.len(),
            if draft.to.len() == 1 { "person" } else { "people" }
        ));
    }
    let mut said = format!("Wrote {} for {}.", wrote.join(" and "), audience.name.to_lowercase());
    for left in &audience.left_out {
        said.push_str(&format!("\nLeft out: {} ({}).", left.name, left.why));
    }
    Ok(said)
}
