//! What the forms typed in add up to: for each question how many answered, each box's count
//! and share of those who answered (bars on screen and on paper, the numbers always in words
//! beside them), a scale's average, and the words patients wrote (which can become feedback).
//! Also the answers as a spreadsheet, one row per paper form.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{entry, AnswerRow, QuestionKind, Survey};
use crate::error::{Error, Result};

/// One box of a question: how many ticked it and their share of those who answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResultRow {
    pub label: String,
    pub count: u32,
    pub percent: u32,
}

/// Words written on one form, and the feedback they became (if they have).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WrittenAnswer {
    #[ts(type = "number")]
    pub response_id: i64,
    pub form_number: u32,
    pub words: String,
    #[ts(type = "number | null")]
    pub feedback_id: Option<i64>,
}

/// One question's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionResult {
    #[ts(type = "number")]
    pub question_id: i64,
    pub position: u32,
    pub wording: String,
    pub kind: QuestionKind,
    /// How many forms answered this question.
    pub answered: u32,
    pub rows: Vec<ResultRow>,
    /// A scale's average to one decimal place ("3.6").
    pub average: Option<String>,
    pub written: Vec<WrittenAnswer>,
}

/// A survey's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SurveyResults {
    pub survey: Survey,
    pub questions: Vec<QuestionResult>,
}

/// Counts the answers question by question. A box ticked on a "tick all that apply" question
/// counts once per form, so its shares can add up to more than 100%.
pub fn tally(survey: &Survey, answers: &[AnswerRow]) -> Vec<QuestionResult> {
    survey
        .questions
        .iter()
        .map(|q| {
            let mine: Vec<&AnswerRow> = answers.iter().filter(|a| a.question_id == Some(q.id)).collect();
            let answered = mine.len() as u32;
            let boxes = q.boxes();
            let mut counts = vec![0u32; boxes.len()];
            let mut sum = 0u32;
            let mut written = Vec::new();
            for a in &mine {
                let text = a.answer.clone().unwrap_or_default();
                if q.kind == QuestionKind::Words {
                    written.push(WrittenAnswer {
                        response_id: a.response_id,
                        form_number: a.form_number,
                        words: text,
                        feedback_id: a.feedback_id,
                    });
                    continue;
                }
                for n in text.split_whitespace().filter_map(|n| n.parse::<usize>().ok()) {
                    if let Some(count) = counts.get_mut(n.wrapping_sub(1)) {
                        *count += 1;
                        sum += n as u32;
                    }
                }
            }
            written.sort_by_key(|w| w.form_number);
            let rows = boxes
                .into_iter()
                .zip(&counts)
                .map(|(label, count)| ResultRow {
                    label,
                    count: *count,
                    percent: crate::words::percent(*count, answered).unwrap_or(0),
                })
                .collect();
            let average = (q.kind == QuestionKind::Scale && answered > 0)
                .then(|| format!("{:.1}", f64::from(sum) / f64::from(answered)));
            QuestionResult {
                question_id: q.id,
                position: q.position,
                wording: q.wording.clone(),
                kind: q.kind,
                answered,
                rows,
                average,
                written,
            }
        })
        .collect()
}

pub fn results(conn: &Connection, survey_id: i64) -> Result<SurveyResults> {
    let survey = super::get(conn, survey_id)?;
    let answers = super::sql::answers(conn, survey_id)?;
    Ok(SurveyResults { questions: tally(&survey, &answers), survey })
}

/// The answers as CSV for a spreadsheet: one row per paper form, one column per question,
/// ticks in words ("Yes; By phone"); a byte-order mark so Excel reads the pound sign.
pub fn spreadsheet(conn: &Connection, survey_id: i64) -> Result<(String, u32)> {
    let survey = super::get(conn, survey_id)?;
    let forms = entry::forms(conn, &survey)?;
    let mut header: Vec<String> = vec!["Form".into(), "Typed in".into()];
    header.extend(survey.questions.iter().map(|q| format!("{}. {}", q.position, q.wording)));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows =
        forms.iter().rev().map(|f| {
            let mut row = vec![f.form_number.to_string(), crate::csvfile::uk_date(f.entered_at.get(..10))];
            row.extend(survey.questions.iter().map(|q| {
                f.answers.iter().find(|a| a.question_id == q.id).map(|a| a.shown.clone()).unwrap_or_default()
            }));
            row
        });
    let text = crate::csvfile::to_text(&header, rows)?;
    Ok((format!("\u{feff}{text}"), forms.len() as u32))
}

/// Makes the words written on one form an item of feedback (source: a survey) and remembers
/// that they did, so they are not logged twice.
pub fn to_feedback(
    conn: &Connection,
    response_id: i64,
    question_id: i64,
    feedback: &crate::feedback::CheckedFeedback,
    now: &str,
) -> Result<i64> {
    match super::sql::answer_feedback(conn, response_id, question_id)? {
        None => return Err(Error::NotFound("Those words are no longer in the survey.")),
        Some(Some(_)) => {
            return Err(Error::Refused("These words are already in what patients said.".into()));
        }
        Some(None) => {}
    }
    let id = crate::feedback::add(conn, feedback, now)?;
    super::sql::set_answer_feedback(conn, response_id, question_id, id)?;
    Ok(id)
}
