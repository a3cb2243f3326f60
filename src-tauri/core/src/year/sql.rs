//! The only SQL of the PPG's year: the report's choices and the year's counts.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Counted, ReportChoices};
use crate::error::Result;

pub fn choices(conn: &Connection, year: i32) -> Result<Option<ReportChoices>> {
    Ok(conn
        .query_row("SELECT year, foreword, leave_out FROM annual_reports WHERE year = ?1", [year], |r| {
            Ok(ReportChoices {
                year: r.get("year")?,
                foreword: r.get("foreword")?,
                leave_out: r.get::<_, String>("leave_out")?.split_whitespace().map(String::from).collect(),
            })
        })
        .optional()?)
}

pub fn save_choices(conn: &Connection, year: i32, foreword: &str, leave_out: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO annual_reports (year, foreword, leave_out, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (year) DO UPDATE SET foreword = excluded.foreword, leave_out = excluded.leave_out,
           updated_at = excluded.updated_at
         WHERE foreword IS NOT excluded.foreword OR leave_out IS NOT excluded.leave_out",
        params![year, foreword, leave_out, now],
    )?;
    Ok(())
}

/// Meetings held within ?1..?2, their columns prefixed with `alias` ("m." or "").
fn held(alias: &str) -> String {
    format!("{alias}status IN ('held', 'draft_minutes', 'minutes_approved') AND {alias}meets_on BETWEEN ?1 AND ?2")
}

/// Meetings held by kind; how many; members and practice staff present; decisions made.
pub fn meetings(conn: &Connection, from: &str, to: &str) -> Result<(Vec<Counted>, u32, u32, u32, u32)> {
    let mut stmt = conn.prepare(&format!(
        "SELECT kind, count(*) AS n FROM meetings WHERE {} GROUP BY kind
          ORDER BY CASE kind WHEN 'committee' THEN 0 WHEN 'open_forum' THEN 1 WHEN 'agm' THEN 2 ELSE 3 END",
        held("")
    ))?;
    let kinds = stmt
        .query_map([from, to], |r| {
            let kind: String = r.get("kind")?;
            let label = match kind.as_str() {
                "committee" => "Committee meetings",
                "open_forum" => "Open patient forums",
                "agm" => "Annual general meeting",
                _ => "Extraordinary meetings",
            };
            Ok(Counted { label: label.into(), count: r.get("n")? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let held_count: u32 = kinds.iter().map(|k| k.count).sum();
    let present = |staff: bool| -> rusqlite::Result<u32> {
        conn.query_row(
            &format!(
                "SELECT count(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id
                  WHERE {} AND a.status IN ('present', 'in_attendance')
                    AND {} EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = a.person_id AND r.role = 'practice_staff')",
                held("m."),
                if staff { "" } else { "NOT" }
            ),
            [from, to],
            |r| r.get(0),
        )
    };
    let decisions = conn.query_row(
        &format!(
            "SELECT count(*) FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
               JOIN meetings m ON m.id = i.meeting_id WHERE {}",
            held("m.")
        ),
        [from, to],
        |r| r.get(0),
    )?;
    Ok((kinds, held_count, present(false)?, present(true)?, decisions))
}

/// Members (anyone with a member, committee or officer role, or in the virtual PPG) who
/// joined, and who left, in the year; practice staff and guests are not members.
pub fn joined_and_left(conn: &Connection, from: &str, to: &str) -> Result<(u32, u32)> {
    let member = "(p.email_only = 1 OR EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id
                    AND r.role IN ('chair', 'vice_chair', 'secretary', 'treasurer', 'committee', 'member')))";
    Ok(conn.query_row(
        &format!(
            "SELECT (SELECT count(*) FROM people p WHERE p.joined_on BETWEEN ?1 AND ?2 AND {member}) AS joined,
                    (SELECT count(*) FROM people p WHERE p.left_on BETWEEN ?1 AND ?2 AND {member}) AS left_"
        ),
        [from, to],
        |r| Ok((r.get("joined")?, r.get("left_")?)),
    )?)
}

/// Directory entries now, and how many were checked in the year.
pub fn directory(conn: &Connection, from: &str, to: &str) -> Result<(u32, u32)> {
    Ok(conn.query_row(
        "SELECT count(*) AS entries, coalesce(sum(last_checked_on BETWEEN ?1 AND ?2), 0) AS checked FROM directory_entries",
        [from, to],
        |r| Ok((r.get("entries")?, r.get("checked")?)),
    )?)
}

pub fn bulletins_published(conn: &Connection, from: &str, to: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM bulletin_publications WHERE substr(published_at, 1, 10) BETWEEN ?1 AND ?2",
        [from, to],
        |r| r.get(0),
    )?)
}

/// The link workers in Contacts, and the year's work with them by kind.
pub fn splw(conn: &Connection, from: &str, to: &str) -> Result<(u32, Vec<Counted>)> {
    let workers = conn.query_row("SELECT count(*) FROM contacts WHERE role = 'splw'", [], |r| r.get(0))?;
    let mut stmt = conn.prepare(
        "SELECT i.kind, count(*) AS n FROM contact_interactions i JOIN contacts c ON c.id = i.contact_id
          WHERE c.role = 'splw' AND i.happened_on BETWEEN ?1 AND ?2 GROUP BY i.kind ORDER BY n DESC, i.kind",
    )?;
    let work = stmt
        .query_map([from, to], |r| {
            let kind: String = r.get("kind")?;
            let label = match kind.as_str() {
                "attended_meeting" => "Came to a PPG meeting",
                "presentation" => "Gave a talk",
                "joint_project" => "Worked with the PPG on a project",
                "referral" => "Referred someone to the PPG's schemes",
                "phone" => "Spoke on the phone",
                "email" => "Exchanged emails",
                _ => "Other contact",
            };
            Ok(Counted { label: label.into(), count: r.get("n")? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((workers, work))
}

/// The officers who served in the year, post by post, as "Chair: Margaret Ellis (from 11 April
/// 2026)", from their terms (a term running all year has no dates).
pub fn officers(conn: &Connection, from: &str, to: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT o.name AS post, p.full_name, t.from_on, t.ended_on FROM officer_terms t
           JOIN officer_posts o ON o.id = t.post_id JOIN people p ON p.id = t.person_id
          WHERE t.from_on <= ?2 AND (t.ended_on IS NULL OR t.ended_on >= ?1)
          ORDER BY o.position, o.name, t.from_on",
    )?;
    let rows = stmt.query_map([from, to], |r| {
        let (post, name): (String, String) = (r.get("post")?, r.get("full_name")?);
        let (start, ended): (String, Option<String>) = (r.get("from_on")?, r.get("ended_on")?);
        let mut when = Vec::new();
        if start.as_str() > from {
            when.push(format!("from {}", crate::words::long_date(&start)));
        }
        if let Some(ended) = ended.filter(|e| e.as_str() < to) {
            when.push(format!("to {}", crate::words::long_date(&ended)));
        }
        let when = if when.is_empty() { String::new() } else { format!(" ({})", when.join(" ")) };
        Ok(format!("{post}: {name}{when}"))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
