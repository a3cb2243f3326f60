//! Improvements agreed with the practice in answer to feedback: each is an action (owned at
//! the practice, say), linked back to the feedback it answers, with what changed when done.
//! "You said, we did" in the bulletin is made from these links.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{sql, Feedback};
use crate::actions::{self, ActionInput, ActionStatus};
use crate::check::Checker;
use crate::error::{Error, Result};

/// "Agree an improvement": the action, and the feedback it answers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgreeInput {
    pub action: ActionInput,
    #[ts(type = "number[]")]
    pub feedback: Vec<i64>,
}

/// An improvement as the feedback screen and "You said, we did" show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Improvement {
    #[ts(type = "number")]
    pub action_id: i64,
    pub title: String,
    pub status: ActionStatus,
    pub owners: String,
    pub due_on: Option<String>,
    pub completed_on: Option<String>,
    /// What changed, in words for patients.
    pub outcome: String,
    /// The feedback it answers, oldest first.
    pub said: Vec<Feedback>,
    /// How many patients said it, in all.
    pub patients: u32,
}

impl Improvement {
    /// "You said" in a sentence: "12 patients said: “The phone queue is too long”".
    pub fn you_said(&self) -> String {
        let words = self.said.first().map(|f| f.words.trim().trim_end_matches('.')).unwrap_or_default();
        let who =
            if self.patients == 1 { "1 patient said".to_string() } else { format!("{} patients said", self.patients) };
        format!("{who}: \u{201c}{words}\u{201d}")
    }

    /// "We did": what changed, or the action itself when no outcome was written.
    pub fn we_did(&self) -> String {
        if self.outcome.trim().is_empty() {
            self.title.clone()
        } else {
            self.outcome.trim().to_string()
        }
    }
}

/// Agrees an improvement: makes the action and links it to the feedback it answers.
pub fn agree(conn: &Connection, input: &AgreeInput, today: NaiveDate, now: &str) -> Result<i64> {
    let checked = input.action.checked(today);
    if input.feedback.is_empty() {
        let mut c = Checker::new();
        if let Err(Error::Invalid(fields)) = &checked {
            for f in fields {
                c.fail(&f.field, f.message.clone());
            }
        }
        c.fail("feedback", "Please tick the feedback this improvement answers.");
        c.finish()?;
    }
    let action = actions::create(conn, &checked?, today, now)?;
    for feedback in &input.feedback {
        sql::link(conn, action, *feedback)?;
    }
    Ok(action)
}

/// Marks an improvement done on `on`, with what changed (required: it is what patients read).
pub fn finish(conn: &Connection, action_id: i64, outcome: &str, on: NaiveDate, now: &str) -> Result<()> {
    let mut c = Checker::new();
    let outcome = c.text(
        "outcome",
        outcome,
        1000,
        Some("Please say what changed, in words for patients: for example \"The practice added a call-back service\"."),
    );
    c.finish()?;
    sql::set_outcome(conn, action_id, &outcome)?;
    if actions::get(conn, action_id)?.status != ActionStatus::Done {
        actions::mark_done(conn, action_id, on, now)?;
    }
    Ok(())
}

/// Every improvement: those in progress first (by due date), then those done (latest first).
pub fn improvements(conn: &Connection) -> Result<Vec<Improvement>> {
    let feedback = super::list(conn)?;
    let mut out = Vec::new();
    for (action_id, outcome) in sql::improvement_actions(conn)? {
        let action = actions::get(conn, action_id)?;
        let mut said: Vec<Feedback> = feedback.iter().filter(|f| f.answered_by.contains(&action_id)).cloned().collect();
        said.sort_by(|a, b| a.received_on.cmp(&b.received_on));
        out.push(Improvement {
            action_id,
            patients: said.iter().map(|f| f.patients).sum(),
            title: action.title.clone(),
            status: action.status,
            owners: action.owners_text(),
            due_on: action.due_on.clone(),
            completed_on: action.completed_on.clone(),
            outcome,
            said,
        });
    }
    out.sort_by(|a, b| {
        let done = |i: &Improvement| i.status == ActionStatus::Done;
        done(a).cmp(&done(b)).then_with(|| {
            if done(a) {
                b.completed_on.cmp(&a.completed_on)
            } else {
                a.due_on.cmp(&b.due_on)
            }
        })
    });
    Ok(out)
}
