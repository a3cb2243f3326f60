//! A meeting's minutes: who was there (and whether enough members were present to make decisions), each item's
//! notes, decisions and actions, a table of all actions, approval of the last minutes, any
//! later amendments, and, once approved, the line for the chair's signature.

use chrono::NaiveDate;

use crate::actions::views::ReviewLine;
use crate::meetings::record::AttendanceStatus;
use crate::meetings::{MeetingDetail, MeetingStatus};
use crate::print::day_month_year;
use crate::print::markdown;
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::settings::Settings;
use crate::words::long_date;

fn short_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// Builds the minutes of the meeting in `detail`.
/// `review` is the matters-arising review of earlier actions, printed under that item.
pub fn minutes(settings: &Settings, detail: &MeetingDetail, review: &[ReviewLine], logo: Option<Image>) -> Document {
    let meeting = &detail.meeting;
    let approved = meeting.status == MeetingStatus::MinutesApproved;
    let title = format!("{}Minutes: {}", if approved { "" } else { "Draft " }, meeting.kind.label().to_lowercase());
    let mut doc = Document::new(title, &settings.group_name);
    doc.running_header = format!(
        "{}inutes of the {}, {}",
        if approved { "M" } else { "Draft m" },
        meeting.kind.label().to_lowercase(),
        day_month_year(&meeting.meets_on)
    );
    doc.logo = logo;
    doc.subtitle = super::agenda::meeting_subtitle(&settings.group_name, meeting);
    if !approved {
        doc.push(Block::Paragraph(vec![Run::bold("Draft: "), Run::plain("these minutes are not yet approved.")]));
    }

    doc.heading(1, "Attendance");
    let names = |status: AttendanceStatus| -> Vec<String> {
        detail
            .attendance
            .iter()
            .filter(|l| l.status == Some(status))
            .map(|l| {
                let officer: Vec<&str> = l.roles.iter().filter(|r| r.is_officer()).map(|r| r.label()).collect();
                if officer.is_empty() {
                    l.name.clone()
                } else {
                    format!("{} ({})", l.name, officer.join(", "))
                }
            })
            .collect()
    };
    let mut lines = Vec::new();
    for (label, status) in [
        ("Present", AttendanceStatus::Present),
        ("Apologies", AttendanceStatus::Apologies),
        ("In attendance", AttendanceStatus::InAttendance),
        ("Absent", AttendanceStatus::Absent),
    ] {
        let list = names(status);
        if !list.is_empty() || status != AttendanceStatus::Absent {
            lines.push((label.to_string(), if list.is_empty() { "None".into() } else { list.join(", ") }));
        }
    }
    if !detail.guests.is_empty() {
        let guests: Vec<String> =
            detail.guests.iter().map(|g| format!("{} ({})", g.full_name, g.role.label())).collect();
        lines.push(("Guests".into(), guests.join(", ")));
    }
    if let Some(chair) = &detail.chair_name {
        lines.push(("Chair".into(), chair.clone()));
    }
    if let Some(taker) = &detail.minute_taker_name {
        lines.push(("Minutes taken by".into(), taker.clone()));
    }
    let q = detail.quorum;
    lines.push((
        "Quorum".into(),
        format!(
            "{} committee {} present; the quorum is {}. {}",
            q.present,
            if q.present == 1 { "member" } else { "members" },
            q.needed,
            if q.met {
                "Enough members were present to make decisions."
            } else {
                "Not enough members were present to make decisions."
            }
        ),
    ));
    doc.push(Block::KeyValues(lines));

    for (n, item) in detail.items.iter().enumerate() {
        doc.heading(2, format!("{}. {}", n + 1, item.title));
        if item.standing == Some(crate::meetings::Standing::PreviousMinutes) {
            if let Some(previous) = detail.previous.as_ref().filter(|p| p.approved_at_meeting_id == Some(meeting.id)) {
                let mut runs = vec![Run::plain(format!(
                    "The minutes of the meeting held on {} were approved as a true record",
                    long_date(&previous.meets_on)
                ))];
                if previous.approval_corrections.trim().is_empty() {
                    runs.push(Run::plain("."));
                } else {
                    runs.push(Run::plain(", with these corrections: "));
                    runs.push(Run::plain(previous.approval_corrections.clone()));
                }
                doc.push(Block::Paragraph(runs));
            }
        }
        doc.blocks.extend(markdown::blocks(&item.minutes));
        let reviewed = item.standing == Some(crate::meetings::Standing::MattersArising) && !review.is_empty();
        if reviewed {
            doc.push(Block::Bullets(
                review
                    .iter()
                    .map(|line| {
                        let a = &line.row.action;
                        let said: Vec<&str> = line.updates_here.iter().map(|u| u.text.as_str()).collect();
                        let outcome = if said.is_empty() {
                            format!("{} – no update.", a.status.label())
                        } else {
                            said.join(" ")
                        };
                        vec![Run::bold(format!("{} ({}): ", a.title, a.owners_text())), Run::plain(outcome)]
                    })
                    .collect(),
            ));
        }
        for decision in detail.decisions.iter().filter(|d| d.agenda_item_id == item.id) {
            let mut runs = vec![Run::bold("Decision: "), Run::plain(decision.text.clone())];
            let particulars = decision.particulars();
            if !particulars.is_empty() {
                runs.push(Run::plain(format!(" {particulars}")));
            }
            doc.push(Block::Paragraph(runs));
        }
        let actions: Vec<Vec<Run>> = detail
            .actions
            .iter()
            .filter(|a| a.agenda_item_id == Some(item.id))
            .map(|a| {
                let due = a.due_on.as_deref().map(|d| format!(" by {}", short_date(d))).unwrap_or_default();
                vec![Run::bold("Action: "), Run::plain(format!("{} – {}{}", a.title, a.owner_names.join(", "), due))]
            })
            .collect();
        if !actions.is_empty() {
            doc.push(Block::Bullets(actions));
        }
        if !reviewed
            && item.minutes.trim().is_empty()
            && !detail.decisions.iter().any(|d| d.agenda_item_id == item.id)
            && !detail.actions.iter().any(|a| a.agenda_item_id == Some(item.id))
        {
            let approved_here = item.standing == Some(crate::meetings::Standing::PreviousMinutes)
                && detail.previous.as_ref().is_some_and(|p| p.approved_at_meeting_id == Some(meeting.id));
            if !approved_here {
                doc.paragraph("Nothing recorded.");
            }
        }
    }

    if !detail.actions.is_empty() {
        doc.heading(1, "Actions agreed");
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Action".into(), weight: 5.0 },
                Column { heading: "Who".into(), weight: 2.5 },
                Column { heading: "Due".into(), weight: 2.0 },
            ],
            rows: detail
                .actions
                .iter()
                .map(|a| {
                    vec![
                        a.title.clone(),
                        a.owner_names.join(", "),
                        a.due_on.as_deref().map(short_date).unwrap_or_else(|| "No date".into()),
                    ]
                })
                .collect(),
        });
    }

    if !detail.amendments.is_empty() {
        doc.heading(1, "Amendments made after approval");
        doc.push(Block::Bullets(
            detail
                .amendments
                .iter()
                .map(|a| vec![Run::bold(format!("{}: ", long_date(&a.made_on))), Run::plain(a.text.clone())])
                .collect(),
        ));
    }

    if let (true, Some(on)) = (approved, &meeting.approved_on) {
        doc.push(Block::Rule);
        // One paragraph, so the approval and the signature line stay together.
        doc.push(Block::Paragraph(vec![
            Run::bold(format!("Approved as a true record on {}.", long_date(on))),
            Run::plain("\nSigned (chair): ______________________________\nDate: ______________________"),
        ]));
    }
    doc
}
