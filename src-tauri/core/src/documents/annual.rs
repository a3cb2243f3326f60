//! The annual report the AGM needs and inspectors ask for, made from the year's own records
//! (see `year`). Charts are drawn as vectors with their numbers written beside them; the
//! anonymous sections name nobody (improvements say what, not who).

use crate::print::model::{Bar, Block, Column, Document, Image, Run};
use crate::settings::Settings;
use crate::words::{long_date, miles_text};
use crate::year::{YearFigures, SECTIONS};

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn counted_table(doc: &mut Document, heading: &str, rows: &[crate::year::Counted]) {
    doc.push(Block::Table {
        columns: vec![
            Column { heading: heading.into(), weight: 4.0 },
            Column { heading: "Number".into(), weight: 1.2 },
        ],
        rows: rows.iter().map(|r| vec![r.label.clone(), r.count.to_string()]).collect(),
    });
}

pub fn annual_report(settings: &Settings, f: &YearFigures, logo: Option<Image>) -> Document {
    // "Annual report 2026 to 2027", or "Annual report 2026" for a year from January.
    let last_year = f.to.get(..4).unwrap_or_default();
    let title = if last_year == f.year.to_string() {
        format!("Annual report {}", f.year)
    } else {
        format!("Annual report {} to {last_year}", f.year)
    };
    let mut doc = Document::new(&title, &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("{} to {}", long_date(&f.from), long_date(&f.to))];
    doc.running_header = title.clone();
    doc.logo = logo;
    let shown = |key: &str| !f.choices.leave_out.iter().any(|k| k == key);
    let heading = |key: &str| SECTIONS.iter().find(|(k, _)| *k == key).map(|(_, h)| *h).unwrap_or_default();

    if shown("foreword") && !f.choices.foreword.trim().is_empty() {
        doc.heading(2, heading("foreword"));
        doc.blocks.extend(crate::print::markdown::blocks(&f.choices.foreword));
    }
    if shown("meetings") {
        doc.heading(2, heading("meetings"));
        if f.meetings_held == 0 {
            doc.paragraph("No meetings were held in the year.");
        } else {
            let average = f64::from(f.member_attendances) / f64::from(f.meetings_held);
            doc.paragraph(format!(
                "The PPG held {}. On average {:.1} members came to each; practice staff came {}. The meetings made {}.",
                plural(f.meetings_held, "meeting", "meetings"),
                average,
                plural(f.practice_attendances, "time", "times"),
                plural(f.decisions, "decision", "decisions"),
            ));
            counted_table(&mut doc, "Meetings held", &f.meetings);
        }
    }
    if shown("feedback") {
        doc.heading(2, heading("feedback"));
        doc.paragraph(format!(
            "{} told the PPG what they think, in {}.",
            plural(f.tally.patients, "patient", "patients"),
            plural(f.tally.items, "comment", "comments")
        ));
        if let Some(percent) = f.fft.positive_percent() {
            doc.paragraph(format!(
                "In the Friends and Family Test, {percent}% of the {} patients who answered over {} said the practice was good or very good.",
                f.fft.total(),
                plural(f.fft_months, "month", "months")
            ));
        }
        for survey in &f.surveys {
            doc.paragraph(format!(
                "The PPG's survey \u{201c}{}\u{201d}: {} filled in.",
                survey.label,
                plural(survey.count, "form", "forms")
            ));
        }
        if !f.tally.rows.is_empty() {
            doc.paragraph("Patients by theme (a comment counts under each of its themes):");
            doc.push(Block::Bars(
                f.tally
                    .rows
                    .iter()
                    .map(|r| Bar {
                        label: r.name.clone(),
                        value: r.total,
                        words: plural(r.total, "patient", "patients"),
                    })
                    .collect(),
            ));
        }
        doc.heading(3, "You said, we did");
        if f.done.is_empty() {
            doc.paragraph("No improvement was finished in the year.");
        } else {
            doc.push(Block::Bullets(
                f.done
                    .iter()
                    .map(|i| {
                        vec![
                            Run::bold("You said: "),
                            Run::plain(format!("{}. ", i.you_said())),
                            Run::bold("We did: "),
                            Run::plain(format!("{}.", i.we_did().trim_end_matches('.'))),
                        ]
                    })
                    .collect(),
            ));
        }
        if !f.in_hand.is_empty() {
            doc.heading(3, "Improvements still in progress");
            doc.push(Block::Bullets(
                f.in_hand
                    .iter()
                    .map(|i| vec![Run::bold(format!("{}. ", i.title)), Run::plain(format!("{}.", i.you_said()))])
                    .collect(),
            ));
        }
    }
    if shown("splw") {
        doc.heading(2, heading("splw"));
        if f.splw_work.is_empty() {
            doc.paragraph(format!(
                "The PPG has {} in its contacts. No work with them was recorded this year.",
                plural(f.link_workers, "link worker", "link workers")
            ));
        } else {
            doc.paragraph(format!(
                "The PPG has {} in its contacts. Across England fewer than half of PPGs with a link worker have ever met them; this is the PPG's own record for the year.",
                plural(f.link_workers, "link worker", "link workers")
            ));
            counted_table(&mut doc, "What the link worker and the PPG did together", &f.splw_work);
        }
    }
    if shown("schemes") {
        doc.heading(2, heading("schemes"));
        doc.push(Block::KeyValues(vec![
            (
                "Volunteer driver trips".into(),
                format!("{} made, {} miles driven", f.trips_made, miles_text(f.miles_tenths)),
            ),
            ("Trips no driver could take".into(), f.trips_not_covered.to_string()),
            (
                "Befriending referrals".into(),
                format!("{} received, {} matched with a befriender", f.referrals, f.matched),
            ),
            (
                "Community directory".into(),
                format!("{} entries, {} checked this year", f.directory_entries, f.directory_checked),
            ),
            ("Patient bulletin".into(), plural(f.bulletins_published, "issue published", "issues published")),
        ]));
    }
    if shown("membership") {
        doc.heading(2, heading("membership"));
        doc.paragraph(format!(
            "{} joined and {} left in the year; the PPG has {} now.",
            plural(f.joined, "person", "people"),
            f.left,
            plural(f.members_now, "member", "members")
        ));
        let gaps: Vec<Vec<Run>> =
            f.comparisons.iter().flat_map(|c| c.gaps.iter().map(|g| vec![Run::plain(g.clone())])).collect();
        doc.heading(3, "How well the PPG reflects the practice's patients");
        if gaps.is_empty() {
            doc.paragraph(
                "No group is ten points or more apart from the practice's patients, where figures were given.",
            );
        } else {
            doc.push(Block::Bullets(gaps));
        }
        if let Some(age) = f.comparisons.iter().find(|c| c.dimension == crate::membership::Dimension::Age) {
            let percent = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_else(|| "no figures".into());
            doc.push(Block::Table {
                columns: vec![
                    Column { heading: "Age".into(), weight: 2.0 },
                    Column { heading: "PPG members".into(), weight: 1.5 },
                    Column { heading: "Practice patients".into(), weight: 1.5 },
                ],
                rows: age
                    .rows
                    .iter()
                    .map(|r| vec![r.label.clone(), percent(r.member_percent), percent(r.patient_percent)])
                    .collect(),
            });
        }
        doc.heading(3, "What we did to reach more patients");
        if f.recruitment.is_empty() {
            doc.paragraph("Nothing was recorded this year.");
        } else {
            doc.push(Block::Bullets(
                f.recruitment
                    .iter()
                    .map(|r| {
                        let aimed = if r.aimed_at.is_empty() { String::new() } else { format!(" ({})", r.aimed_at) };
                        vec![
                            Run::bold(format!("{}{aimed}, {}. ", r.what, long_date(&r.done_on))),
                            Run::plain(format!("{} {} joined.", r.result, r.joined).trim().to_string()),
                        ]
                    })
                    .collect(),
            ));
        }
    }
    if shown("officers") && !f.officers.is_empty() {
        doc.heading(2, heading("officers"));
        doc.push(Block::Bullets(f.officers.iter().map(|o| vec![Run::plain(o.clone())]).collect()));
    }
    doc
}
