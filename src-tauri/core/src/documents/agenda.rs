//! A meeting's agenda: the meeting's details, the numbered items with presenter, time
//! allowed and purpose, notes for members, and the open actions as an appendix.

use chrono::NaiveDate;

use crate::meetings::{AgendaItem, Meeting};
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::settings::Settings;
use crate::words::{long_date, spoken_time};

/// Builds the agenda of `meeting`. `actions` are (what, owners, due date) of the open actions.
pub fn agenda(
    settings: &Settings,
    meeting: &Meeting,
    items: &[AgendaItem],
    actions: &[(String, String, Option<String>)],
    logo: Option<Image>,
) -> Document {
    let title = format!("Agenda: {}", meeting.kind.label().to_lowercase());
    let mut doc = Document::new(title, &settings.group_name);
    doc.running_header = format!(
        "Agenda for the {}, {}",
        meeting.kind.label().to_lowercase(),
        crate::print::day_month_year(&meeting.meets_on)
    );
    doc.logo = logo;
    doc.subtitle = meeting_subtitle(&settings.group_name, meeting);
    let numbered = items
        .iter()
        .map(|item| {
            let mut runs = vec![Run::bold(&item.title)];
            let mut details = Vec::new();
            if !item.presenter.is_empty() {
                details.push(item.presenter.clone());
            }
            if let Some(member) = &item.requested_by_name {
                details.push(format!("asked for by {member}"));
            }
            if let Some(minutes) = item.minutes_allowed {
                details.push(format!("{minutes} minutes"));
            }
            details.push(item.purpose.label().to_lowercase());
            runs.push(Run::plain(format!("\n{}", capitalise(&details.join(", ")))));
            if !item.notes_for_members.is_empty() {
                runs.push(Run::plain(format!("\n{}", item.notes_for_members)));
            }
            runs
        })
        .collect();
    doc.push(Block::Numbered(numbered));
    if !actions.is_empty() {
        doc.heading(1, "Appendix: open actions");
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Action".into(), weight: 5.0 },
                Column { heading: "Who".into(), weight: 2.5 },
                Column { heading: "Due".into(), weight: 2.0 },
            ],
            rows: actions
                .iter()
                .map(|(what, who, due)| {
                    let due = due.as_deref().map(|d| {
                        NaiveDate::parse_from_str(d, "%Y-%m-%d")
                            .map(|d| d.format("%-d %b %Y").to_string())
                            .unwrap_or_default()
                    });
                    vec![
                        what.clone(),
                        if who.is_empty() { "Not yet given".into() } else { who.clone() },
                        due.unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }
    doc
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The lines under an agenda's or minutes' title: the PPG, when, and where (room and/or link).
pub(super) fn meeting_subtitle(group_name: &str, meeting: &Meeting) -> Vec<String> {
    let when = match &meeting.ends_at {
        Some(end) => {
            format!("{}, {} to {}", long_date(&meeting.meets_on), spoken_time(&meeting.starts_at), spoken_time(end))
        }
        None => format!("{}, {}", long_date(&meeting.meets_on), spoken_time(&meeting.starts_at)),
    };
    let mut lines = vec![group_name.to_string(), when];
    if !meeting.venue.is_empty() {
        lines.push(format!("At: {}", meeting.venue));
    }
    if !meeting.online_link.is_empty() {
        lines.push(format!("Online: {}", meeting.online_link));
    }
    lines
}
