//! Actions as a CSV file for a spreadsheet: one row per action, dates as people write them,
//! written with the csv crate (quoting done properly) and a byte-order mark for Excel.

use chrono::NaiveDate;

use super::Action;
use crate::error::{Error, Result};

const HEADERS: [&str; 10] = ["Action", "Detail", "Who", "Due", "Status", "From the meeting of", "Agreed on", "Completed on", "Reason dropped", "Latest progress"];

fn uk(iso: Option<&str>) -> String {
    iso.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()
}

pub fn export(actions: &[Action]) -> Result<String> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let failed = |_| Error::File("The actions could not be written as CSV.".into());
    writer.write_record(HEADERS).map_err(failed)?;
    for a in actions {
        writer
            .write_record([
                a.title.clone(),
                a.detail.clone(),
                a.owners_text(),
                uk(a.due_on.as_deref()),
                a.status.label().to_string(),
                uk(a.meeting_on.as_deref()),
                uk(Some(&a.created_on)),
                uk(a.completed_on.as_deref()),
                a.dropped_reason.clone(),
                a.latest_update.clone().unwrap_or_default(),
            ])
            .map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|_| Error::File("The actions could not be written as CSV.".into()))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}
