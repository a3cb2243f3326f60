//! Actions as a CSV file for a spreadsheet: one row per action, dates as people write them,
//! written with the csv crate (quoting done properly) and a byte-order mark for Excel.

use super::Action;
use crate::error::Result;

const HEADERS: [&str; 10] = [
    "Action",
    "Detail",
    "Who",
    "Due",
    "Status",
    "From the meeting of",
    "Agreed on",
    "Completed on",
    "Reason dropped",
    "Latest progress",
];

pub fn export(actions: &[Action]) -> Result<String> {
    let text = crate::csvfile::to_text(
        &HEADERS,
        actions.iter().map(|a| {
            vec![
                a.title.clone(),
                a.detail.clone(),
                a.owners_text(),
                crate::csvfile::uk_date(a.due_on.as_deref()),
                a.status.label().to_string(),
                crate::csvfile::uk_date(a.meeting_on.as_deref()),
                crate::csvfile::uk_date(Some(&a.created_on)),
                crate::csvfile::uk_date(a.completed_on.as_deref()),
                a.dropped_reason.clone(),
                a.latest_update.clone().unwrap_or_default(),
            ]
        }),
    )?;
    Ok(format!("\u{feff}{text}"))
}
