//! "What patients told us": the last twelve months of feedback for the committee, the
//! practice and inspectors. The themes as a bar chart (each bar's number in words beside it)
//! and a table by quarter, then "You said, we did" and the improvements still in hand. No
//! patient is named: the log holds no names.

use chrono::NaiveDate;

use crate::actions::ActionStatus;
use crate::feedback::{Improvement, Tally};
use crate::print::model::{Bar, Block, Column, Document, Image, Run};
use crate::settings::Settings;
use crate::words::long_date;

fn patients(n: u32) -> String {
    format!("{n} {}", if n == 1 { "patient" } else { "patients" })
}

/// "Apr to Jun 2026" for months "2026-04".."2026-06".
fn quarter_name(months: &[String]) -> String {
    let name = |m: &str| {
        NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .map(|d| d.format("%b %Y").to_string())
            .unwrap_or_default()
    };
    match (months.first(), months.last()) {
        (Some(first), Some(last)) if first != last => {
            let short = name(first).split(' ').next().unwrap_or_default().to_string();
            format!("{short} to {}", name(last))
        }
        (Some(only), _) => name(only),
        _ => String::new(),
    }
}

pub fn feedback(
    settings: &Settings,
    tally: &Tally,
    improvements: &[Improvement],
    (from, to): (NaiveDate, NaiveDate),
    logo: Option<Image>,
) -> Document {
    let title = "What patients told us";
    let mut doc = Document::new(title, &settings.group_name);
    doc.subtitle = vec![
        settings.group_name.clone(),
        format!("{} to {}", long_date(&from.to_string()), long_date(&to.to_string())),
    ];
    doc.running_header = title.into();
    doc.logo = logo;
    doc.paragraph(format!(
        "{} told the PPG what they think, in {} {}: at the PPG's stand, in surveys, the Friends and Family Test, the comment box, online reviews and through the practice. No patient is named here.",
        patients(tally.patients),
        tally.items,
        if tally.items == 1 { "comment" } else { "comments" }
    ));

    doc.heading(2, "What it was about");
    if tally.rows.is_empty() {
        doc.paragraph("No feedback was logged in these months.");
    } else {
        doc.paragraph("Patients by theme (a comment counts under each of its themes):");
        doc.push(Block::Bars(
            tally
                .rows
                .iter()
                .map(|r| Bar { label: r.name.clone(), value: r.total, words: patients(r.total) })
                .collect(),
        ));
        let quarters: Vec<&[String]> = tally.months.chunks(3).collect();
        let mut columns = vec![Column { heading: "Theme".into(), weight: 2.6 }];
        columns.extend(quarters.iter().map(|q| Column { heading: quarter_name(q), weight: 1.4 }));
        columns.push(Column { heading: "Year".into(), weight: 1.0 });
        let rows = tally
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![r.name.clone()];
                row.extend(r.by_month.chunks(3).map(|q| q.iter().sum::<u32>().to_string()));
                row.push(r.total.to_string());
                row
            })
            .collect();
        doc.heading(3, "Patients by theme, quarter by quarter");
        doc.push(Block::Table { columns, rows });
    }

    let (done, in_hand): (Vec<&Improvement>, Vec<&Improvement>) =
        improvements.iter().filter(|i| i.status != ActionStatus::Dropped).partition(|i| i.status == ActionStatus::Done);
    let (first, last) = (from.to_string(), to.to_string());
    let done: Vec<&Improvement> = done
        .into_iter()
        .filter(|i| i.completed_on.as_deref().is_some_and(|d| d >= first.as_str() && d <= last.as_str()))
        .collect();
    doc.heading(2, "You said, we did");
    if done.is_empty() {
        doc.paragraph("No improvement was finished in these months.");
    } else {
        doc.push(Block::Bullets(
            done.iter()
                .map(|i| {
                    vec![
                        Run::bold("You said: "),
                        Run::plain(format!("{}. ", i.you_said())),
                        Run::bold("We did: "),
                        Run::plain(format!(
                            "{} ({}).",
                            i.we_did().trim_end_matches('.'),
                            i.completed_on.as_deref().map(long_date).unwrap_or_default()
                        )),
                    ]
                })
                .collect(),
        ));
    }
    if !in_hand.is_empty() {
        doc.heading(2, "Still in hand");
        doc.push(Block::Bullets(
            in_hand
                .iter()
                .map(|i| {
                    let due = i.due_on.as_deref().map(|d| format!(", due {}", long_date(d))).unwrap_or_default();
                    let who = if i.owners.is_empty() { String::new() } else { format!(" ({}{due})", i.owners) };
                    vec![Run::bold(format!("{}{who}. ", i.title)), Run::plain(format!("{}.", i.you_said()))]
                })
                .collect(),
        ));
    }
    doc
}
