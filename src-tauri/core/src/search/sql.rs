//! The only SQL of search: the FTS5 query over the index, each found record's own words read
//! back for its title and excerpt, and rebuilding the index.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension};

use super::{Found, Shown};
use crate::error::Result;

/// How many of the newest matching documents an unnarrowed search ranks: a word in
/// thousands of records ("meeting") is ranked among its newest few hundred, so the first page
/// comes in a few milliseconds whatever the size of the PPG's records.
pub const CANDIDATES: usize = 400;

/// Most whole words a start of a word is read as: past this it stays a prefix.
const MOST_WHOLE_WORDS: i64 = 30;

/// The words of the index that begin with `start`, if there are at most `MOST_WHOLE_WORDS`
/// (read from the index's own word list, `search_vocab`).
pub fn words_starting(conn: &Connection, start: &str) -> Result<Option<Vec<String>>> {
    let mut stmt =
        conn.prepare("SELECT term FROM search_vocab WHERE term >= ?1 AND term <= ?2 ORDER BY term LIMIT ?3")?;
    let found: Vec<String> = stmt
        .query_map(params![start, format!("{start}{}", char::MAX), MOST_WHOLE_WORDS + 1], |r| r.get("term"))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((found.len() as i64 <= MOST_WHOLE_WORDS).then_some(found))
}

/// Most matches counted: past this a search says "more than 1,000".
pub const MOST_COUNTED: u32 = 1000;

/// A document that matched: its number, record and day, and whether its title matched too.
struct Matched {
    doc: i64,
    found: Found,
    in_title: bool,
}

/// The best `limit` documents matching `fts` (FTS5 syntax made by `query::fts_query`), of the
/// kinds listed in `kinds` (",1,18," by their numbers in `KINDS`, or empty for all), dated
/// within `from`..=`to` (days since 1970, either `None` for no edge), and how many matched
/// (up to one past `MOST_COUNTED`), from one reading of the index. A match in a record's
/// title weighs ten times one in its text; newer records are lifted a little over older
/// ones, up to 30% for `today`'s. Without narrowing, only the newest `CANDIDATES` matches
/// are ranked (the index reads a word's documents newest first); narrowed, every match is.
pub fn find(
    conn: &Connection,
    fts: &str,
    kinds: &str,
    from: Option<i64>,
    to: Option<i64>,
    today: i64,
    limit: usize,
) -> Result<(Vec<Found>, u32)> {
    let narrowed = !kinds.is_empty() || from.is_some() || to.is_some();
    let window = if narrowed { -1 } else { i64::from(MOST_COUNTED) + 1 };
    let mut titles = conn.prepare("SELECT rowid AS doc FROM search_titles WHERE search_titles MATCH ?1")?;
    let titled: HashSet<i64> = titles.query_map([fts], |r| r.get("doc"))?.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT d.doc, d.kind, d.ref, d.at
           FROM (SELECT rowid AS doc FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?5) m
           JOIN search_docs d ON d.doc = m.doc
          WHERE (?2 = '' OR instr(?2, ',' || d.kind || ',') > 0)
            AND (?3 IS NULL OR d.at >= ?3)
            AND (?4 IS NULL OR d.at <= ?4)
          ORDER BY d.doc DESC",
    )?;
    let rows = stmt.query_map(params![fts, kinds, from, to, window], |r| {
        let doc: i64 = r.get("doc")?;
        Ok(Matched {
            doc,
            found: Found { kind: r.get("kind")?, id: r.get("ref")?, day: r.get("at")? },
            in_title: titled.contains(&doc),
        })
    })?;
    let mut matched: Vec<Matched> = rows.collect::<rusqlite::Result<_>>()?;
    let total = matched.len().min(MOST_COUNTED as usize + 1) as u32;
    if !narrowed {
        matched.truncate(CANDIDATES);
    }
    let score = |m: &Matched| {
        let age = (today - m.found.day.unwrap_or(today - 36_500)).max(0) as f64;
        let title = if m.in_title { 10.0 } else { 1.0 };
        title * (1.0 + 0.3 / (1.0 + age / 365.0))
    };
    // Best first; of two alike, the newer document.
    matched.sort_by(|a, b| score(b).total_cmp(&score(a)).then(b.doc.cmp(&a.doc)));
    matched.truncate(limit);
    Ok((matched.into_iter().map(|m| m.found).collect(), total))
}

/// The SQL reading one kind's record back: title, text, screen, the record the screen opens
/// and the part of it (an agenda item of a meeting), all by `?1`, the record's id.
fn shown_sql(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "person" => "SELECT full_name AS title, notes AS text, 'people' AS screen, id AS open_id, NULL AS part FROM people WHERE id = ?1",
        "meeting" => "SELECT 'Meeting on ' || meets_on AS title, venue AS text, 'meetings' AS screen, id AS open_id, NULL AS part FROM meetings WHERE id = ?1",
        "agenda_item" => "SELECT a.title AS title, coalesce(nullif(a.minutes, ''), a.notes_for_members) AS text, 'meetings' AS screen, a.meeting_id AS open_id, a.id AS part FROM agenda_items a WHERE a.id = ?1",
        "decision" => "SELECT 'Decision: ' || a.title AS title, d.text AS text, 'meetings' AS screen, a.meeting_id AS open_id, a.id AS part FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE d.id = ?1",
        "action" => "SELECT title, concat_ws(' ', detail, outcome) AS text, 'actions' AS screen, id AS open_id, NULL AS part FROM actions WHERE id = ?1",
        "action_update" => "SELECT a.title AS title, u.text AS text, 'actions' AS screen, a.id AS open_id, u.id AS part FROM action_updates u JOIN actions a ON a.id = u.action_id WHERE u.id = ?1",
        "contact" => "SELECT full_name AS title, concat_ws(' · ', nullif(role, ''), nullif(organisation, ''), nullif(notes, '')) AS text, 'contacts' AS screen, id AS open_id, NULL AS part FROM contacts WHERE id = ?1",
        "contact_note" => "SELECT c.full_name AS title, i.notes AS text, 'contacts' AS screen, c.id AS open_id, i.id AS part FROM contact_interactions i JOIN contacts c ON c.id = i.contact_id WHERE i.id = ?1",
        "directory_entry" => "SELECT name AS title, concat_ws(' · ', nullif(offers, ''), nullif(who_for, ''), nullif(when_notes, ''), nullif(address, ''), nullif(accessibility_notes, '')) AS text, 'directory' AS screen, id AS open_id, NULL AS part FROM directory_entries WHERE id = ?1",
        "driver" => "SELECT p.full_name AS title, concat_ws(' ', d.vehicle_colour, d.vehicle_make, d.notes) AS text, 'drivers' AS screen, d.id AS open_id, NULL AS part FROM drivers d JOIN people p ON p.id = d.person_id WHERE d.id = ?1",
        "passenger" => "SELECT full_name AS title, concat_ws(' · ', nullif(pickup_address, ''), nullif(notes, '')) AS text, 'drivers' AS screen, id AS open_id, NULL AS part FROM passengers WHERE id = ?1",
        "place" => "SELECT name AS title, concat_ws(', ', nullif(address, ''), nullif(postcode, '')) AS text, 'drivers' AS screen, id AS open_id, NULL AS part FROM destinations WHERE id = ?1",
        "trip" => "SELECT 'Trip for ' || p.full_name || ' on ' || t.goes_on AS title, concat_ws(' · ', nullif(t.notes, ''), nullif(t.pickup_address, '')) AS text, 'drivers' AS screen, t.id AS open_id, NULL AS part FROM trips t JOIN passengers p ON p.id = t.passenger_id WHERE t.id = ?1",
        "referral" => "SELECT full_name AS title, concat_ws(' · ', nullif(reason, ''), nullif(interests, '')) AS text, 'befriending' AS screen, id AS open_id, NULL AS part FROM referrals WHERE id = ?1",
        "referral_contact" => "SELECT r.full_name AS title, c.notes AS text, 'befriending' AS screen, r.id AS open_id, c.id AS part FROM referral_contacts c JOIN referrals r ON r.id = c.referral_id WHERE c.id = ?1",
        "match_log" => "SELECT r.full_name AS title, l.notes AS text, 'befriending' AS screen, r.id AS open_id, l.id AS part FROM match_logs l JOIN matches m ON m.id = l.match_id JOIN referrals r ON r.id = m.referral_id WHERE l.id = ?1",
        "concern" => "SELECT r.full_name AS title, c.details AS text, 'befriending' AS screen, r.id AS open_id, c.id AS part FROM concerns c JOIN referrals r ON r.id = c.referral_id WHERE c.id = ?1",
        "article" => "SELECT a.title AS title, a.body AS text, 'bulletins' AS screen, a.bulletin_id AS open_id, a.id AS part FROM bulletin_articles a WHERE a.id = ?1",
        "feedback" => "SELECT 'What patients said' AS title, words AS text, 'feedback' AS screen, id AS open_id, NULL AS part FROM feedback WHERE id = ?1",
        _ => return None,
    })
}

/// One found record's own words and where it opens.
pub fn shown(conn: &Connection, kind: &str, id: i64) -> Result<Option<Shown>> {
    let Some(sql) = shown_sql(kind) else { return Ok(None) };
    Ok(conn
        .query_row(sql, [id], |r| {
            Ok(Shown {
                title: r.get::<_, Option<String>>("title")?.unwrap_or_default(),
                text: r.get::<_, Option<String>>("text")?.unwrap_or_default(),
                screen: r.get("screen")?,
                open_id: r.get("open_id")?,
                part: r.get("part")?,
            })
        })
        .optional()?)
}

/// Empties the index and fills it again from every record (the same SQL as migrations 41-43).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM search_docs;
         DELETE FROM search_pending;
         INSERT INTO search (search) VALUES ('delete-all');
         INSERT INTO search_titles (search_titles) VALUES ('delete-all');",
    )?;
    conn.execute_batch(include_str!("../db/migrations/0041_search_refill.sql"))?;
    crate::db::search_index::catch_up(conn)?;
    conn.execute_batch(include_str!("../db/migrations/0043_search_merge.sql"))?;
    Ok(())
}

/// The tables the index covers, one per kind.
const TABLES: [&str; 19] = [
    "people",
    "meetings",
    "agenda_items",
    "decisions",
    "actions",
    "action_updates",
    "contacts",
    "contact_interactions",
    "directory_entries",
    "drivers",
    "passengers",
    "destinations",
    "trips",
    "referrals",
    "referral_contacts",
    "match_logs",
    "concerns",
    "bulletin_articles",
    "feedback",
];

/// Whether both indexes pass FTS5's own check and every record the tables hold is either
/// indexed or waiting to be (each once), and nothing else is.
pub fn is_consistent(conn: &Connection) -> Result<bool> {
    for check in [
        "INSERT INTO search (search, rank) VALUES ('integrity-check', 0)",
        "INSERT INTO search_titles (search_titles, rank) VALUES ('integrity-check', 0)",
    ] {
        if conn.execute(check, []).is_err() {
            return Ok(false);
        }
    }
    let records = TABLES.iter().map(|t| format!("(SELECT count(*) FROM {t})")).collect::<Vec<_>>().join(" + ");
    // Waiting: records still there (a deleted one waits too, until its words come out).
    let waiting = TABLES
        .iter()
        .zip(1..)
        .map(|(t, kind)| {
            format!("(SELECT count(*) FROM search_pending p JOIN {t} r ON r.id = p.ref WHERE p.kind = {kind})")
        })
        .collect::<Vec<_>>()
        .join(" + ");
    let (records, known, docs, distinct): (i64, i64, i64, i64) = conn.query_row(
        &format!(
            "SELECT {records} AS records,
                    (SELECT count(*) FROM search_docs WHERE ref NOT IN (SELECT ref FROM search_pending)) + {waiting} AS known,
                    (SELECT count(*) FROM search_docs) AS docs,
                    (SELECT count(DISTINCT ref) FROM search_docs) AS distinct_refs"
        ),
        [],
        |r| Ok((r.get("records")?, r.get("known")?, r.get("docs")?, r.get("distinct_refs")?)),
    )?;
    Ok(records == known && docs == distinct)
}
