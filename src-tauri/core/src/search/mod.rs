//! Find anything: one search over the whole PPG. An FTS5 index in the same database holds
//! the folded words of people, meetings' items, minutes and decisions, actions and their
//! progress, contacts and their log, the directory, drivers, passengers, places and trips,
//! befriending referrals and their notes (marked confidential), bulletin articles and
//! feedback. Triggers note every record saved in the same transaction; the index catches up
//! moments later, off the save's path, and before any search (migrations 40-44). A search
//! reads what was typed as words (`query.rs`), finds the best few (top-k, never ranking
//! everything), and shows each with its title, an excerpt with the words marked
//! (`excerpt.rs`), its date and where it opens.

pub mod excerpt;
pub mod query;
mod sql;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::search_index;
pub use crate::db::search_index::{behind, catch_up};
use crate::error::Result;
use crate::state::AppState;
use excerpt::Piece;

/// The kinds of record search finds, in the order results are grouped: key, name of the
/// group, and whether it is confidential (the befriending scheme's records).
pub const KINDS: [(&str, &str, bool); 20] = [
    ("setting", "Settings", false),
    ("person", "People", false),
    ("meeting", "Meetings", false),
    ("agenda_item", "Agenda items and minutes", false),
    ("decision", "Decisions", false),
    ("action", "Actions", false),
    ("action_update", "Actions' progress", false),
    ("contact", "Professionals", false),
    ("contact_note", "Professionals' log", false),
    ("directory_entry", "Local groups", false),
    ("driver", "Drivers", false),
    ("passenger", "Passengers", false),
    ("place", "Places", false),
    ("trip", "Trips", false),
    ("referral", "Befriending referrals", true),
    ("referral_contact", "Befriending contacts", true),
    ("match_log", "Befriending visits", true),
    ("concern", "Befriending concerns", true),
    ("article", "Bulletin articles", false),
    ("feedback", "What patients said", false),
];

/// Settings pages found by their words ("backup" finds Settings → Backups): tab key, name,
/// words.
const SETTINGS_PAGES: [(&str, &str, &str); 7] = [
    ("group", "Settings → Your group", "group name practice practices pcn venue logo meeting"),
    ("meetings", "Settings → Meetings", "quorum agenda standing items deadline agm notice year annual report"),
    (
        "reminders",
        "Settings → Reminders",
        "reminders link worker splw directory checks drivers dbs travel befriending retention",
    ),
    ("print", "Settings → Printing", "print printing large print text size printer paper"),
    ("email", "Settings → Email", "email mailing lists templates subject message"),
    ("backups", "Settings → Backups", "backup backups restore copy usb save recover"),
    (
        "security",
        "Settings → Protection",
        "password protect protection lock encryption recovery key sharing committee laptops",
    ),
];

/// What to search for, from the box or the full results page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchQuery {
    pub text: String,
    /// Kinds to keep (keys of `KINDS`); empty keeps all.
    pub kinds: Vec<String>,
    /// ISO dates, empty for no edge.
    pub from: String,
    pub to: String,
    pub limit: u32,
}

impl SearchQuery {
    pub fn words(text: &str, limit: u32) -> SearchQuery {
        SearchQuery { text: text.into(), kinds: Vec::new(), from: String::new(), to: String::new(), limit }
    }
}

/// Where a result opens: a screen, the record there, and the part of it (a meeting's item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Opens {
    pub screen: String,
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub part: Option<i64>,
    /// A settings tab ("backups"), for settings pages.
    pub tab: Option<String>,
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Hit {
    pub kind: String,
    /// The group it is shown under ("Agenda items and minutes").
    pub group: String,
    pub title: String,
    pub excerpt: Vec<Piece>,
    /// ISO date, or empty.
    pub at: String,
    pub confidential: bool,
    pub opens: Opens,
}

/// A kind of record to narrow a search to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KindChoice {
    pub key: String,
    pub name: String,
}

/// The results of one search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchResults {
    /// Every kind a search can be narrowed to, in order.
    pub kinds: Vec<KindChoice>,
    /// The words searched for, as read ("car park", "walk…").
    pub searched: String,
    pub hits: Vec<Hit>,
    /// How many records matched in all, counted up to 1,001 ("more than 1,000").
    pub total: u32,
}

/// A record the index found (the SQL's row): its kind's number in `KINDS`, its id and its
/// day (days since 1970).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: i64,
    pub id: i64,
    pub day: Option<i64>,
}

/// The first day the index can hold (1970-01-01, day 0).
fn epoch() -> NaiveDate {
    NaiveDate::default()
}

/// Days since 1970 of an ISO date typed on the results page (`None` for empty or no date).
fn day_of(iso: &str) -> Option<i64> {
    NaiveDate::parse_from_str(iso.trim(), "%Y-%m-%d").ok().map(|d| (d - epoch()).num_days())
}

/// A found record's day as the window shows it: ISO, the month alone for a bulletin's
/// article, empty when it has none.
fn day_words(kind: &str, day: Option<i64>) -> String {
    let Some(date) = day.and_then(|d| epoch().checked_add_signed(chrono::Duration::try_days(d)?)) else {
        return String::new();
    };
    if kind == "article" {
        date.format("%Y-%m").to_string()
    } else {
        date.to_string()
    }
}

/// A found record's own words and where it opens (the SQL's row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub title: String,
    pub text: String,
    pub screen: String,
    pub open_id: i64,
    pub part: Option<i64>,
}

fn kind_choices() -> Vec<KindChoice> {
    KINDS.iter().map(|(key, name, _)| KindChoice { key: (*key).into(), name: (*name).into() }).collect()
}

/// Searches everything for what was typed: the best `limit` records (at most 100), best
/// first, the settings pages whose words match first of all.
pub fn search(conn: &Connection, q: &SearchQuery, today: NaiveDate) -> Result<SearchResults> {
    let terms = query::parse(&q.text);
    let searched = terms
        .iter()
        .map(|t| match t {
            query::Term::Word(w) => w.clone(),
            query::Term::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
        })
        .collect::<Vec<_>>()
        .join(" ");
    // A failure to read the word list leaves the word a prefix: slower, never wrong.
    let whole_words = |start: &str| sql::words_starting(conn, start).ok().flatten();
    let Some(fts) = query::fts_query(&terms, &whole_words) else {
        return Ok(SearchResults { kinds: kind_choices(), searched, hits: Vec::new(), total: 0 });
    };
    let wanted: Vec<&str> = terms.iter().flat_map(|t| t.words()).collect();
    let keep = |kind: &str| q.kinds.is_empty() || q.kinds.iter().any(|k| k == kind);
    let mut hits: Vec<Hit> = Vec::new();
    if keep("setting") && q.from.is_empty() && q.to.is_empty() {
        for (tab, name, words) in SETTINGS_PAGES {
            let page_words = query::words(&format!("{name} {words}"));
            if wanted.iter().all(|w| page_words.iter().any(|p| p.starts_with(w))) {
                hits.push(Hit {
                    kind: "setting".into(),
                    group: "Settings".into(),
                    title: name.into(),
                    excerpt: Vec::new(),
                    at: String::new(),
                    confidential: false,
                    opens: Opens { screen: "settings".into(), id: 0, part: None, tab: Some(tab.into()) },
                });
            }
        }
    }
    let codes: Vec<String> = KINDS
        .iter()
        .enumerate()
        .filter(|(_, (key, _, _))| q.kinds.iter().any(|k| k == key))
        .map(|(code, _)| code.to_string())
        .collect();
    let kinds = if q.kinds.is_empty() { String::new() } else { format!(",{},", codes.join(",")) };
    let limit = q.limit.clamp(1, 100);
    let phrases = terms.iter().any(|t| matches!(t, query::Term::Phrase(_)));
    // A phrase is found as its words, so more are read and those without it in order dropped.
    let asked = if phrases { sql::CANDIDATES } else { limit as usize };
    let today = (today - epoch()).num_days();
    let (found, matched) = sql::find(conn, &fts, &kinds, day_of(&q.from), day_of(&q.to), today, asked)?;
    let mut phrased: u32 = 0;
    for f in found {
        let Some((key, group, confidential)) = usize::try_from(f.kind).ok().and_then(|k| KINDS.get(k)) else {
            continue;
        };
        let Some(shown) = sql::shown(conn, key, f.id)? else { continue };
        if phrases {
            if !query::has_phrases(&terms, &format!("{} {}", shown.title, shown.text)) {
                continue;
            }
            phrased += 1;
            if hits.len() >= limit as usize {
                continue;
            }
        }
        hits.push(Hit {
            kind: (*key).into(),
            group: (*group).into(),
            title: shown.title,
            excerpt: excerpt::excerpt(&shown.text, &wanted),
            at: day_words(key, f.day),
            confidential: *confidential,
            opens: Opens { screen: shown.screen, id: shown.open_id, part: shown.part, tab: None },
        });
    }
    let settings = hits.iter().filter(|h| h.kind == "setting").count() as u32;
    // With a phrase, the records read are counted (its words alone are found more often).
    let total = if phrases { phrased + settings } else { matched + settings };
    Ok(SearchResults { kinds: kind_choices(), searched, total, hits })
}

/// Searches as `search` does, once the index has caught up with every record saved (the
/// window and the command line search this way, so a search never misses a word saved).
pub fn everything(state: &AppState, q: &SearchQuery, today: NaiveDate) -> Result<SearchResults> {
    // Data opened to look at only cannot catch up: what is indexed is searched.
    if !state.is_read_only() && state.read(search_index::behind)? {
        state.write_unrecorded(|tx| search_index::catch_up(tx))?;
    }
    state.read(|conn| search(conn, q, today))
}

/// Empties the index and fills it again from every record (`ppg-desk check --repair`).
pub fn rebuild(conn: &Connection) -> Result<()> {
    sql::rebuild(conn)
}

/// Whether the index passes FTS5's own check and covers every record.
pub fn is_consistent(conn: &Connection) -> Result<bool> {
    sql::is_consistent(conn)
}
