//! What patients told the PPG: the feedback log (when, where, how many patients, their words
//! without names, the themes), the themes counted by month, and the improvements agreed with
//! the practice in answer: actions linked back to the feedback, with what changed ("You said,
//! we did").

pub mod fft;
mod fft_sql;
pub mod improvements;
pub mod names;
mod sql;
pub mod tally;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;

pub use improvements::{agree, finish, improvements, AgreeInput, Improvement};
pub use tally::{tally, Tally, ThemeRow};

/// Where patients said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FeedbackSource {
    Survey,
    FriendsAndFamily,
    Stand,
    CommentBox,
    OnlineReview,
    Practice,
    Meeting,
    Other,
}

impl FeedbackSource {
    pub const ALL: [FeedbackSource; 8] = [
        FeedbackSource::Survey,
        FeedbackSource::FriendsAndFamily,
        FeedbackSource::Stand,
        FeedbackSource::CommentBox,
        FeedbackSource::OnlineReview,
        FeedbackSource::Practice,
        FeedbackSource::Meeting,
        FeedbackSource::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            FeedbackSource::Survey => "survey",
            FeedbackSource::FriendsAndFamily => "friends_and_family",
            FeedbackSource::Stand => "stand",
            FeedbackSource::CommentBox => "comment_box",
            FeedbackSource::OnlineReview => "online_review",
            FeedbackSource::Practice => "practice",
            FeedbackSource::Meeting => "meeting",
            FeedbackSource::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<FeedbackSource> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            FeedbackSource::Survey => "A survey",
            FeedbackSource::FriendsAndFamily => "Friends and Family Test",
            FeedbackSource::Stand => "The PPG's stand in the waiting room",
            FeedbackSource::CommentBox => "The comment box",
            FeedbackSource::OnlineReview => "An online review",
            FeedbackSource::Practice => "Passed on by the practice",
            FeedbackSource::Meeting => "A PPG meeting",
            FeedbackSource::Other => "Somewhere else",
        }
    }
}

/// One thing patients said, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Feedback {
    #[ts(type = "number")]
    pub id: i64,
    /// ISO date.
    pub received_on: String,
    pub source: FeedbackSource,
    pub patients: u32,
    pub words: String,
    #[ts(type = "number[]")]
    pub themes: Vec<i64>,
    /// The improvements (action ids) agreed in answer to it.
    #[ts(type = "number[]")]
    pub answered_by: Vec<i64>,
}

/// A theme feedback is sorted into, with how many items use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Theme {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub uses: u32,
}

/// Feedback as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedbackInput {
    /// As typed ("14/3/2026").
    pub received_on: String,
    pub source: FeedbackSource,
    pub patients: u32,
    pub words: String,
    #[ts(type = "number[]")]
    pub themes: Vec<i64>,
    /// The volunteer saw the warning that the words may name someone, and saves them anyway.
    pub names_checked: bool,
}

/// Feedback that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFeedback {
    pub received_on: NaiveDate,
    pub source: FeedbackSource,
    pub patients: u32,
    pub words: String,
    pub themes: Vec<i64>,
}

impl FeedbackInput {
    /// Checks the form: one message per field. Words that look as if they name someone
    /// ("Mrs Patel") are a warning only: saved once the volunteer says so.
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedFeedback> {
        let mut c = Checker::new();
        let received_on = c.date("receivedOn", &self.received_on);
        if self.received_on.trim().is_empty() {
            c.fail("receivedOn", "Please give the date patients said this, for example 14/3/2026.");
        }
        if received_on.is_some_and(|d| d > today) {
            c.fail("receivedOn", "This date is in the future. Please give the day patients said it.");
        }
        let words = c.text("words", &self.words, 4000, Some("Please write down what patients said."));
        if !c.has_error("words") && !self.names_checked {
            if let Some(name) = names::looks_like_a_name(&words) {
                c.fail(
                    "words",
                    format!("This looks as if it names someone (\"{name}\"). Feedback is kept without patients' names: please take the name out. If it is not a patient (a doctor, say), press \"Save anyway\"."),
                );
            }
        }
        if !(1..=100_000).contains(&self.patients) {
            c.fail("patients", "Please give how many patients said this: 1 or more.");
        }
        c.finish()?;
        let mut themes = self.themes.clone();
        themes.sort_unstable();
        themes.dedup();
        Ok(CheckedFeedback {
            received_on: received_on.unwrap_or(today),
            source: self.source,
            patients: self.patients,
            words,
            themes,
        })
    }
}

/// All feedback, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Feedback>> {
    sql::list(conn)
}

pub fn add(conn: &Connection, input: &CheckedFeedback, now: &str) -> Result<i64> {
    let id = sql::insert(conn, input, now)?;
    sql::set_themes(conn, id, &input.themes)?;
    Ok(id)
}

pub fn update(conn: &Connection, id: i64, input: &CheckedFeedback) -> Result<()> {
    sql::update(conn, id, input)?;
    sql::set_themes(conn, id, &input.themes)
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    sql::delete(conn, id)
}

/// The themes, by name, with how often each is used.
pub fn themes(conn: &Connection) -> Result<Vec<Theme>> {
    sql::themes(conn)
}

/// Adds a theme (`id` None) or renames one; the name must not be one already used.
pub fn save_theme(conn: &Connection, id: Option<i64>, name: &str) -> Result<i64> {
    let mut c = Checker::new();
    let name = c.text("themeName", name, 60, Some("Please give the theme a name, such as \"Parking\"."));
    if !c.has_error("themeName") {
        let taken =
            themes(conn)?.into_iter().find(|t| t.name.to_lowercase() == name.to_lowercase() && Some(t.id) != id);
        if let Some(t) = taken {
            c.fail("themeName", format!("There is already a theme called \"{}\".", t.name));
        }
    }
    c.finish()?;
    match id {
        Some(id) => sql::rename_theme(conn, id, &name).map(|_| id),
        None => sql::add_theme(conn, &name),
    }
}

/// Removes a theme no feedback uses.
pub fn delete_theme(conn: &Connection, id: i64) -> Result<()> {
    if themes(conn)?.iter().any(|t| t.id == id && t.uses > 0) {
        return Err(crate::error::Error::Refused(
            "Feedback is sorted under this theme, so it cannot be removed. Rename it instead.".into(),
        ));
    }
    sql::delete_theme(conn, id)
}

/// Everything the feedback screen shows: the log, the themes, the last twelve months counted,
/// and the improvements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedbackPage {
    pub items: Vec<Feedback>,
    pub themes: Vec<Theme>,
    pub tally: Tally,
    pub improvements: Vec<Improvement>,
}

pub fn page(conn: &Connection, today: NaiveDate) -> Result<FeedbackPage> {
    let items = list(conn)?;
    let themes = themes(conn)?;
    let (from, to) = crate::calendar::last_months(12, today);
    Ok(FeedbackPage { tally: tally(&items, &themes, from, to), improvements: improvements(conn)?, items, themes })
}
