//! The ready-made sections, filled from the store and then editable like any article:
//! "Dates for your diary" (the PPG's coming meetings), "Meet your social prescriber" (the
//! link workers in Contacts and how to be referred), "Volunteers wanted" (drivers and
//! befrienders, when those schemes run), "Local groups this month" (chosen directory entries)
//! and "You said, we did" (chosen actions marked done). Bodies use the same light formatting
//! as the minutes: `**bold**` and "- " bullets.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::ArticleKind;
use crate::error::{Error, Result};
use crate::words::{long_date, spoken_time};

/// The heading and body of ready-made section `kind`; `chosen` are directory entry ids (for
/// groups) or action ids (for "You said, we did").
pub fn fill(conn: &Connection, kind: ArticleKind, chosen: &[i64], today: NaiveDate) -> Result<(String, String)> {
    let body = match kind {
        ArticleKind::Article => String::new(),
        ArticleKind::Diary => diary(conn, today)?,
        ArticleKind::Splw => splw(conn)?,
        ArticleKind::Volunteers => volunteers(conn, today)?,
        ArticleKind::Groups => groups(conn, chosen, today)?,
        ArticleKind::YouSaid => you_said(conn, chosen)?,
    };
    let title = if kind == ArticleKind::Article { "New article".to_string() } else { kind.label().to_string() };
    Ok((title, body))
}

fn diary(conn: &Connection, today: NaiveDate) -> Result<String> {
    let from = today.to_string();
    let mut coming: Vec<_> = crate::meetings::list(conn)?.into_iter().filter(|m| m.meets_on >= from).collect();
    coming.sort_by(|a, b| (&a.meets_on, &a.starts_at).cmp(&(&b.meets_on, &b.starts_at)));
    if coming.is_empty() {
        return Ok("No meetings are arranged yet. Ask at reception for the next date.".into());
    }
    let lines: Vec<String> = coming
        .iter()
        .take(6)
        .map(|m| {
            let place = if m.venue.is_empty() { String::new() } else { format!(", {}", m.venue) };
            format!("- **{}, {}**: {}{place}", long_date(&m.meets_on), spoken_time(&m.starts_at), m.kind.label())
        })
        .collect();
    Ok(format!("{}\n\nEveryone is welcome at the open meetings and the annual general meeting.", lines.join("\n")))
}

fn splw(conn: &Connection) -> Result<String> {
    let link_workers: Vec<_> =
        crate::contacts::list(conn, "")?.into_iter().filter(|c| c.role == crate::contacts::ContactRole::Splw).collect();
    if link_workers.is_empty() {
        return Ok("Our practice has a social prescribing link worker who can help with loneliness, money worries, housing and getting active. Ask at reception.".into());
    }
    let mut parts = Vec::new();
    for c in &link_workers {
        let days: Vec<&str> = c.working_days.iter().filter_map(|d| crate::words::day_name(d)).collect();
        let when = if days.is_empty() { String::new() } else { format!(" They work on {}.", days.join(", ")) };
        parts.push(format!(
            "**{}** is a social prescribing link worker{}.{when}",
            c.full_name,
            if c.organisation.is_empty() { String::new() } else { format!(" with {}", c.organisation) }
        ));
    }
    parts.push("A link worker has time to talk about what matters to you (feeling lonely, money, housing, caring for someone, getting active) and helps you find local groups and support. **To be referred**, ask your GP, the nurse or the reception team; you can also ask at reception to refer yourself.".into());
    Ok(parts.join("\n\n"))
}

fn volunteers(conn: &Connection, today: NaiveDate) -> Result<String> {
    let drivers = !crate::drivers::drivers(conn, today)?.is_empty();
    let befrienders = !crate::befriending::befrienders(conn)?.is_empty();
    let mut lines = Vec::new();
    if drivers {
        lines.push("- **Volunteer drivers**: take patients to hospital and clinic appointments in your own car, when it suits you. Mileage is paid at 45p a mile.".to_string());
    }
    if befrienders {
        lines.push("- **Befrienders**: visit or ring someone who is lonely for an hour a week. Training and support are given.".to_string());
    }
    lines.push("- **Committee members**: help shape how the practice works for patients.".to_string());
    Ok(format!("Could you give a little time?\n\n{}\n\nAll volunteers who work with patients have a DBS check, which we arrange. Ask at reception or speak to any PPG member.", lines.join("\n")))
}

fn groups(conn: &Connection, chosen: &[i64], today: NaiveDate) -> Result<String> {
    if chosen.is_empty() {
        return Err(Error::invalid("chosen", "Please tick at least one group from the directory."));
    }
    let mut parts = Vec::new();
    for id in chosen {
        let e = crate::directory::get(conn, *id, today)?;
        let details: Vec<String> = [
            e.when_text(),
            e.where_text(),
            e.cost.clone(),
            if e.phone.is_empty() { String::new() } else { format!("Phone {}", e.phone) },
        ]
        .into_iter()
        .map(|s| s.trim().trim_end_matches('.').to_string())
        .filter(|s| !s.is_empty())
        .collect();
        parts.push(format!("**{}**: {}\n{}.", e.name, e.offers, details.join(". ")));
    }
    Ok(parts.join("\n\n"))
}

fn you_said(conn: &Connection, chosen: &[i64]) -> Result<String> {
    if chosen.is_empty() {
        return Err(Error::invalid("chosen", "Please tick at least one action that has been done."));
    }
    let improvements = crate::feedback::improvements(conn)?;
    let mut lines = Vec::new();
    for id in chosen {
        let action = crate::actions::get(conn, *id)?;
        if action.status != crate::actions::ActionStatus::Done {
            return Err(Error::Refused("One of the chosen actions is not marked as done yet: only done actions can go under \"You said, we did\".".into()));
        }
        // An improvement agreed from patients' feedback says what they said and what changed.
        if let Some(i) = improvements.iter().find(|i| i.action_id == *id) {
            lines.push(format!("- **You said:** {}\n  **We did:** {}", i.you_said(), i.we_did()));
            continue;
        }
        let last = crate::actions::updates(conn, *id)?.pop().map(|u| u.text).filter(|t| !t.is_empty());
        let when = action
            .completed_on
            .as_deref()
            .map(|d| format!("Done by {}.", long_date(d)))
            .unwrap_or_else(|| "Done.".into());
        let did = last.unwrap_or_else(|| if action.detail.is_empty() { when } else { action.detail.clone() });
        lines.push(format!("- **You said:** {}\n  **We did:** {did}", action.title));
    }
    Ok(lines.join("\n"))
}
