//! The PPG's own short surveys: questions with tick boxes, a 1 to 5 scale or room to write,
//! printed as a clear-print form for the waiting room, the paper answers typed back in (fast,
//! from the keyboard), counted as numbers, percentages and bars, printed as a results sheet and
//! saved as a spreadsheet. Words patients wrote can become feedback.

pub mod entry;
pub mod results;
mod sql;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::{Error, Result};

/// Most questions on one form: a form longer than two sides is not filled in.
pub const MOST_QUESTIONS: usize = 30;
/// Most tick boxes to a question: each is typed back in as one digit.
pub const MOST_CHOICES: usize = 9;

/// How a question is answered on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum QuestionKind {
    /// Tick one box.
    TickOne,
    /// Tick all the boxes that apply.
    TickAny,
    /// Tick one number from 1 to 5.
    Scale,
    /// Write in the space.
    Words,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] =
        [QuestionKind::TickOne, QuestionKind::TickAny, QuestionKind::Scale, QuestionKind::Words];

    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::TickOne => "tick_one",
            QuestionKind::TickAny => "tick_any",
            QuestionKind::Scale => "scale",
            QuestionKind::Words => "words",
        }
    }

    pub fn from_key(key: &str) -> Option<QuestionKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What the paper form asks the patient to do.
    pub fn instruction(self) -> &'static str {
        match self {
            QuestionKind::TickOne => "Please tick one box.",
            QuestionKind::TickAny => "Please tick all the boxes that apply.",
            QuestionKind::Scale => "Please tick one number: 1 is the lowest, 5 the highest.",
            QuestionKind::Words => "Please write in the space below.",
        }
    }
}

/// One question of a survey. For a scale, `choices` holds the words for 1 and for 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Question {
    #[ts(type = "number")]
    pub id: i64,
    pub position: u32,
    pub kind: QuestionKind,
    pub wording: String,
    pub choices: Vec<String>,
}

impl Question {
    /// The boxes printed for the question, in order: the choices, or 1 to 5 for a scale (the
    /// ends with their words).
    pub fn boxes(&self) -> Vec<String> {
        match self.kind {
            QuestionKind::TickOne | QuestionKind::TickAny => self.choices.clone(),
            QuestionKind::Scale => {
                let (low, high) = (self.choices.first(), self.choices.last().filter(|_| self.choices.len() == 2));
                (1..=5)
                    .map(|n| match (n, low, high) {
                        (1, Some(low), _) => format!("1 ({low})"),
                        (5, _, Some(high)) => format!("5 ({high})"),
                        _ => n.to_string(),
                    })
                    .collect()
            }
            QuestionKind::Words => Vec::new(),
        }
    }
}

/// A survey with its questions and how many paper forms have been typed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Survey {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub intro: String,
    /// ISO date the forms were first handed out.
    pub held_on: String,
    pub questions: Vec<Question>,
    pub forms: u32,
    /// The language it is written in (a code from `languages::LANGUAGES`).
    pub language: String,
}

/// One stored answer with the form it is on (`None`s for a form with no answers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub response_id: i64,
    pub form_number: u32,
    pub entered_at: String,
    pub question_id: Option<i64>,
    pub answer: Option<String>,
    pub feedback_id: Option<i64>,
}

/// A question as typed in the survey form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionInput {
    pub kind: QuestionKind,
    pub wording: String,
    /// Tick boxes: one choice each. Scale: the words for 1 and for 5. Words: empty.
    pub choices: Vec<String>,
}

/// A survey as typed in its form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SurveyInput {
    pub title: String,
    pub intro: String,
    /// As typed ("1/10/2026").
    pub held_on: String,
    pub questions: Vec<QuestionInput>,
    /// A code from `languages::LANGUAGES`; empty (or left out) for English.
    #[serde(default)]
    #[ts(optional)]
    pub language: Option<String>,
}

/// A survey that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSurvey {
    pub title: String,
    pub intro: String,
    pub held_on: NaiveDate,
    pub questions: Vec<QuestionInput>,
    pub language: String,
}

impl SurveyInput {
    /// Checks the survey: one message per field, questions numbered from 1 as on the form
    /// (`question-1`, `choices-1`).
    pub fn checked(&self) -> Result<CheckedSurvey> {
        let mut c = Checker::new();
        let title = c.text(
            "title",
            &self.title,
            120,
            Some("Please give the survey a title, such as \"Getting through to the practice\"."),
        );
        let intro = c.text("intro", &self.intro, 1000, None);
        let held_on = c.date("heldOn", &self.held_on);
        if self.held_on.trim().is_empty() {
            c.fail("heldOn", "Please give the day the forms are first handed out, for example 1/10/2026.");
        }
        let language = crate::languages::checked(&mut c, "language", self.language.as_deref().unwrap_or_default());
        if self.questions.is_empty() {
            c.fail("questions", "Please add at least one question.");
        } else if self.questions.len() > MOST_QUESTIONS {
            c.fail(
                "questions",
                format!("A survey can have up to {MOST_QUESTIONS} questions: shorter forms get filled in."),
            );
        }
        let mut questions = Vec::new();
        for (n, q) in self.questions.iter().take(MOST_QUESTIONS).enumerate() {
            let n = n + 1;
            let wording = c.text(&format!("question-{n}"), &q.wording, 300, Some("Please write the question."));
            let choices: Vec<String> =
                q.choices.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            let field = format!("choices-{n}");
            match q.kind {
                QuestionKind::TickOne | QuestionKind::TickAny => {
                    if choices.len() < 2 {
                        c.fail(&field, "Please give at least two boxes to tick, one on each line.");
                    } else if choices.len() > MOST_CHOICES {
                        c.fail(
                            &field,
                            format!(
                                "Please give up to {MOST_CHOICES} boxes to tick (each is typed back in as one number)."
                            ),
                        );
                    } else if choices.iter().any(|s| s.chars().count() > 100) {
                        c.fail(&field, "Each box's words must be under 100 characters.");
                    } else if choices
                        .iter()
                        .enumerate()
                        .any(|(i, s)| choices[..i].iter().any(|t| t.to_lowercase() == s.to_lowercase()))
                    {
                        c.fail(&field, "Two boxes have the same words: please make each one different.");
                    }
                }
                QuestionKind::Scale => {
                    if choices.len() != 2 || q.choices.len() != 2 {
                        c.fail(
                            &field,
                            "Please give the words for 1 and for 5, such as \"Very poor\" and \"Very good\".",
                        );
                    } else if choices.iter().any(|s| s.chars().count() > 40) {
                        c.fail(&field, "The words for 1 and 5 must each be under 40 characters.");
                    }
                }
                QuestionKind::Words => {}
            }
            let choices = if q.kind == QuestionKind::Words { Vec::new() } else { choices };
            questions.push(QuestionInput { kind: q.kind, wording, choices });
        }
        c.finish()?;
        Ok(CheckedSurvey { title, intro, held_on: held_on.unwrap_or_default(), questions, language })
    }
}

/// Every survey, newest first, with its questions.
pub fn list(conn: &Connection) -> Result<Vec<Survey>> {
    sql::list(conn, None)
}

pub fn get(conn: &Connection, id: i64) -> Result<Survey> {
    sql::list(conn, Some(id))?.into_iter().next().ok_or(Error::NotFound("That survey is no longer in PPG Desk."))
}

/// Saves a survey (new when `id` is None). Once forms are typed in, the questions' wording can
/// be put right but not what can be ticked, or the answers would no longer fit.
pub fn save(conn: &Connection, id: Option<i64>, input: &CheckedSurvey, now: &str) -> Result<i64> {
    let Some(id) = id else {
        let id = sql::insert(conn, input, now)?;
        sql::insert_questions(conn, id, &input.questions)?;
        return Ok(id);
    };
    let survey = get(conn, id)?;
    sql::update(conn, id, input)?;
    if survey.forms == 0 {
        sql::delete_questions(conn, id)?;
        sql::insert_questions(conn, id, &input.questions)?;
        return Ok(id);
    }
    let same_shape = survey.questions.len() == input.questions.len()
        && survey.questions.iter().zip(&input.questions).all(|(q, i)| q.kind == i.kind && q.choices == i.choices);
    if !same_shape {
        return Err(Error::Refused(format!(
            "{} paper {} been typed in, so the questions and their boxes cannot change now. You can still put the wording right, or change the title and introduction.",
            survey.forms,
            if survey.forms == 1 { "form has" } else { "forms have" }
        )));
    }
    for (q, i) in survey.questions.iter().zip(&input.questions) {
        sql::reword_question(conn, q.id, &i.wording)?;
    }
    Ok(id)
}

/// Deletes a survey with every form typed in (feedback made from its words stays).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    sql::delete(conn, id)
}
