//! The action log for a meeting pack (open actions grouped by owner or by how they stand)
//! and the reminder sheets, one page per owner: "Your actions from the PPG".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actions::views::ActionRow;
use crate::actions::Timing;
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::settings::Settings;

/// How the action log is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ActionGrouping {
    Owner,
    Status,
}

fn short_date(iso: Option<&str>) -> String {
    iso.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|| "No date".into())
}

fn standing(timing: Timing) -> &'static str {
    match timing {
        Timing::Overdue => "Overdue",
        Timing::DueSoon => "Due soon",
        Timing::Later => "Due later",
        Timing::NoDate => "No due date",
        Timing::Closed => "Closed",
    }
}

fn table(rows: &[&ActionRow]) -> Block {
    Block::Table {
        columns: vec![
            Column { heading: "Action".into(), weight: 4.2 },
            Column { heading: "Who".into(), weight: 2.5 },
            Column { heading: "Due".into(), weight: 2.4 },
            Column { heading: "Progress".into(), weight: 3.0 },
        ],
        rows: rows
            .iter()
            .map(|r| {
                let due = short_date(r.action.due_on.as_deref());
                let due = if r.timing == Timing::Overdue { format!("Overdue: {due}") } else { due };
                vec![
                    r.action.title.clone(),
                    r.action.owners_text(),
                    due,
                    r.action.latest_update.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

/// The open actions as a log, grouped by owner (an action two people share is listed under
/// each) or by how they stand against their due dates.
pub fn action_log(
    settings: &Settings,
    rows: &[ActionRow],
    grouping: ActionGrouping,
    today: NaiveDate,
    logo: Option<Image>,
) -> Document {
    let mut doc = Document::new("Action log", &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("Open actions on {}", today.format("%A %-d %B %Y"))];
    doc.running_header = format!("Action log, {}", today.format("%-d %B %Y"));
    doc.logo = logo;
    if rows.is_empty() {
        doc.paragraph("No actions are open.");
        return doc;
    }
    let overdue = rows.iter().filter(|r| r.timing == Timing::Overdue).count();
    doc.paragraph(format!(
        "{} open {}, {} overdue.",
        rows.len(),
        if rows.len() == 1 { "action" } else { "actions" },
        overdue
    ));
    match grouping {
        ActionGrouping::Status => {
            for timing in [Timing::Overdue, Timing::DueSoon, Timing::Later, Timing::NoDate] {
                let group: Vec<&ActionRow> = rows.iter().filter(|r| r.timing == timing).collect();
                if !group.is_empty() {
                    doc.heading(2, format!("{} ({})", standing(timing), group.len()));
                    doc.push(table(&group));
                }
            }
        }
        ActionGrouping::Owner => {
            let mut owners: Vec<String> = rows.iter().flat_map(owner_keys).collect();
            owners.sort_by_key(|o| crate::check::fold_for_search(o));
            owners.dedup();
            for owner in owners {
                let group: Vec<&ActionRow> = rows.iter().filter(|r| owner_keys(r).contains(&owner)).collect();
                doc.heading(2, format!("{owner} ({})", group.len()));
                doc.push(table(&group));
            }
        }
    }
    doc
}

fn owner_keys(row: &ActionRow) -> Vec<String> {
    let mut keys = row.action.owner_names.clone();
    if !row.action.outside_owner.is_empty() {
        keys.push(row.action.outside_owner.clone());
    }
    if keys.is_empty() {
        keys.push("Nobody yet".into());
    }
    keys
}

/// One page per person: their open actions, soonest first, with where each came from.
pub fn reminders(
    settings: &Settings,
    sheets: &[(String, Vec<ActionRow>)],
    today: NaiveDate,
    logo: Option<Image>,
) -> Document {
    let mut doc = Document::new("Your actions from the PPG", &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("As at {}", today.format("%A %-d %B %Y"))];
    doc.running_header = "Your actions from the PPG".into();
    doc.logo = logo;
    if sheets.is_empty() {
        doc.paragraph("Nobody has an open action.");
    }
    for (n, (name, rows)) in sheets.iter().enumerate() {
        if n > 0 {
            doc.push(Block::PageBreak);
        }
        doc.heading(1, format!("For {name}"));
        doc.paragraph(format!(
            "Thank you for helping the PPG. You have {} open {}:",
            rows.len(),
            if rows.len() == 1 { "action" } else { "actions" }
        ));
        let items = rows
            .iter()
            .map(|r| {
                let mut runs = vec![Run::bold(r.action.title.clone())];
                let due = match (r.timing, r.action.due_on.as_deref()) {
                    (Timing::Overdue, due) => format!("\nOverdue: it was due on {}.", short_date(due)),
                    (_, Some(due)) => format!("\nDue by {}.", short_date(Some(due))),
                    (_, None) => "\nNo due date.".into(),
                };
                runs.push(Run::plain(due));
                if let Some(on) = &r.action.meeting_on {
                    runs.push(Run::plain(format!(" Agreed at the meeting on {}.", short_date(Some(on)))));
                }
                let others: Vec<&String> = r.action.owner_names.iter().filter(|o| *o != name).collect();
                if !others.is_empty() {
                    runs.push(Run::plain(format!(
                        " Shared with {}.",
                        others.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                    )));
                }
                if let Some(latest) = &r.action.latest_update {
                    runs.push(Run::plain(format!("\nLatest: {latest}")));
                }
                runs
            })
            .collect();
        doc.push(Block::Numbered(items));
        doc.paragraph("When an action is done, or you are stuck, please tell the secretary.");
    }
    doc
}
