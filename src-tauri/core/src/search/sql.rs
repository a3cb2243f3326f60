//! The only SQL of search: the FTS5 query over the index, each found record's own words read
//! back for its title and excerpt, and rebuilding the index.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Found, Shown};
use crate::error::Result;

/// How many of the newest matching documents an unnarrowed search ranks: a word in
/// thousands of records (\"meeting\") is ranked among its newest few hundred, so the first page
/// comes in a few milliseconds whatever the size of the PPG's records.
pub const CANDIDATES: u32 = 400;

/// The best `limit` documents matching `fts` (FTS5 syntax made by `query::fts_query`), of the
/// kinds listed in `kinds` (",1,18," by their numbers in `KINDS`, or empty for all), dated
/// within `from`..=`to` (days since 1970, either `None` for no edge). Titles weigh ten times
/// body text; newer records are lifted a little over older ones, up to 30% for `today`'s
/// (ranks are negative: lower is better). Without narrowing, only the newest `CANDIDATES`
/// matches are ranked (FTS5 walks a word's documents newest first and stops); narrowed,
/// every match is.
pub fn find(
    conn: &Connection,
    fts: &str,
    kinds: &str,
    from: Option<i64>,
    to: Option<i64>,
    today: i64,
    limit: u32,
) -> Result<Vec<Found>> {
    let narrowed = !kinds.is_empty() || from.is_some() || to.is_some();
    let window = if narrowed { u32::MAX } else { CANDIDATES };
    let mut stmt = conn.prepare(
        "SELECT d.kind, d.ref, d.at
           FROM (SELECT rowid AS doc, bm25(search, 10.0, 1.0) AS score FROM search
                  WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?7) m
           JOIN search_docs d ON d.doc = m.doc
          WHERE (?2 = '' OR instr(?2, ',' || d.kind || ',') > 0)
            AND (?3 IS NULL OR d.at >= ?3)
            AND (?4 IS NULL OR d.at <= ?4)
          ORDER BY m.score * (1.0 + 0.3 / (1.0 + max(0, ?5 - coalesce(d.at, ?5 - 36500)) / 365.0))
          LIMIT ?6",
    )?;
    let rows = stmt.query_map(params![fts, kinds, from, to, today, limit, window], |r| {
        Ok(Found { kind: r.get("kind")?, id: r.get("ref")?, day: r.get("at")? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Most matches counted: past this a search says "more than 1,000".
pub const MOST_COUNTED: u32 = 1000;

/// How many documents of `kinds` match `fts`, counted up to one past `MOST_COUNTED`.
pub fn count(conn: &Connection, fts: &str, kinds: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) AS n FROM (SELECT 1 FROM search JOIN search_docs d ON d.doc = search.rowid
          WHERE search MATCH ?1 AND (?2 = '' OR instr(?2, ',' || d.kind || ',') > 0) LIMIT ?3)",
        params![fts, kinds, MOST_COUNTED + 1],
        |r| r.get("n"),
    )?)
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

/// Empties the index and fills it again from every record (the same SQL as migration 38).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM search_docs; INSERT INTO search (search) VALUES ('delete-all');")?;
    conn.execute_batch(include_str!("../db/migrations/0038_search_fill.sql"))?;
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

/// Whether the index passes FTS5's own check and lists exactly as many records as the
/// tables it covers hold.
pub fn is_consistent(conn: &Connection) -> Result<bool> {
    if conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 0)", []).is_err() {
        return Ok(false);
    }
    let rows = TABLES.iter().map(|t| format!("(SELECT count(*) FROM {t})")).collect::<Vec<_>>().join(" + ");
    let (records, docs): (i64, i64) =
        conn.query_row(&format!("SELECT {rows} AS records, (SELECT count(*) FROM search_docs) AS docs"), [], |r| {
            Ok((r.get("records")?, r.get("docs")?))
        })?;
    Ok(records == docs)
}
