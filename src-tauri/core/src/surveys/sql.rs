//! The only SQL of surveys: the surveys and their questions, the paper forms typed in and
//! their answers.

use rusqlite::{params, Connection, OptionalExtension};

use super::{AnswerRow, CheckedSurvey, Question, QuestionInput, QuestionKind, Survey};
use crate::error::{Error, Result};

/// Every survey (or only `only`), newest first, with its questions in order.
pub fn list(conn: &Connection, only: Option<i64>) -> Result<Vec<Survey>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.title, s.intro, s.held_on, s.language,
                (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) AS forms
           FROM surveys s WHERE ?1 IS NULL OR s.id = ?1 ORDER BY s.held_on DESC, s.id DESC",
    )?;
    let mut surveys: Vec<Survey> = stmt
        .query_map([only], |r| {
            Ok(Survey {
                id: r.get("id")?,
                title: r.get("title")?,
                intro: r.get("intro")?,
                held_on: r.get("held_on")?,
                questions: Vec::new(),
                forms: r.get("forms")?,
                language: r.get("language")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, position, kind, wording, choices FROM survey_questions WHERE survey_id = ?1 ORDER BY position, id",
    )?;
    for survey in &mut surveys {
        survey.questions = stmt
            .query_map([survey.id], |r| {
                let kind: String = r.get("kind")?;
                let choices: String = r.get("choices")?;
                Ok(Question {
                    id: r.get("id")?,
                    position: r.get("position")?,
                    kind: QuestionKind::from_key(&kind).unwrap_or(QuestionKind::Words),
                    wording: r.get("wording")?,
                    choices: choices.lines().map(str::to_string).collect(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(surveys)
}

pub fn insert(conn: &Connection, s: &CheckedSurvey, now: &str) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO surveys (id, title, intro, held_on, created_at, language) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![s.title, s.intro, s.held_on.to_string(), now, s.language],
        |r| r.get("id"),
    )?)
}

pub fn update(conn: &Connection, id: i64, s: &CheckedSurvey) -> Result<()> {
    let changed = conn.execute(
        "UPDATE surveys SET title = ?2, intro = ?3, held_on = ?4, language = ?5 WHERE id = ?1",
        params![id, s.title, s.intro, s.held_on.to_string(), s.language],
    )?;
    if changed == 0 {
        return Err(Error::NotFound("That survey is no longer in PPG Desk."));
    }
    Ok(())
}

pub fn insert_questions(conn: &Connection, survey_id: i64, questions: &[QuestionInput]) -> Result<()> {
    for (n, q) in questions.iter().enumerate() {
        conn.execute(
            "INSERT INTO survey_questions (id, survey_id, position, kind, wording, choices) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5)",
            params![survey_id, n as i64 + 1, q.kind.key(), q.wording, q.choices.join("\n")],
        )?;
    }
    Ok(())
}

pub fn delete_questions(conn: &Connection, survey_id: i64) -> Result<()> {
    conn.execute("DELETE FROM survey_questions WHERE survey_id = ?1", [survey_id])?;
    Ok(())
}

pub fn reword_question(conn: &Connection, id: i64, wording: &str) -> Result<()> {
    conn.execute("UPDATE survey_questions SET wording = ?2 WHERE id = ?1 AND wording <> ?2", params![id, wording])?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM surveys WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound("That survey is no longer in PPG Desk."));
    }
    Ok(())
}

/// The highest form number typed in for the survey, 0 when none.
pub fn last_form_number(conn: &Connection, survey_id: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT coalesce(max(form_number), 0) AS last FROM survey_responses WHERE survey_id = ?1",
        [survey_id],
        |r| r.get("last"),
    )?)
}

pub fn insert_form(conn: &Connection, survey_id: i64, form_number: u32, now: &str) -> Result<i64> {
    Ok(conn.query_row(
        "INSERT INTO survey_responses (id, survey_id, form_number, entered_at) VALUES (new_id(), ?1, ?2, ?3) RETURNING id",
        params![survey_id, form_number, now],
        |r| r.get("id"),
    )?)
}

pub fn insert_answer(conn: &Connection, response_id: i64, question_id: i64, answer: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO survey_answers (response_id, question_id, answer) VALUES (?1, ?2, ?3)",
        params![response_id, question_id, answer],
    )?;
    Ok(())
}

pub fn delete_form(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM survey_responses WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound("That form has already been deleted."));
    }
    Ok(())
}

/// Every form typed in for the survey, in form order, with its answers (a form with none
/// comes back once, with `None`s).
pub fn answers(conn: &Connection, survey_id: i64) -> Result<Vec<AnswerRow>> {
    let mut stmt = conn.prepare(
        "SELECT r.id AS response_id, r.form_number, r.entered_at, a.question_id, a.answer, a.feedback_id
           FROM survey_responses r
           LEFT JOIN survey_answers a ON a.response_id = r.id
           LEFT JOIN survey_questions q ON q.id = a.question_id
          WHERE r.survey_id = ?1 ORDER BY r.form_number, r.id, q.position",
    )?;
    let rows = stmt.query_map([survey_id], |r| {
        Ok(AnswerRow {
            response_id: r.get("response_id")?,
            form_number: r.get("form_number")?,
            entered_at: r.get("entered_at")?,
            question_id: r.get("question_id")?,
            answer: r.get("answer")?,
            feedback_id: r.get("feedback_id")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The feedback an answer became: `None` when there is no such answer, `Some(None)` when it
/// has not become feedback yet.
pub fn answer_feedback(conn: &Connection, response_id: i64, question_id: i64) -> Result<Option<Option<i64>>> {
    Ok(conn
        .query_row(
            "SELECT feedback_id FROM survey_answers WHERE response_id = ?1 AND question_id = ?2",
            [response_id, question_id],
            |r| r.get("feedback_id"),
        )
        .optional()?)
}

pub fn set_answer_feedback(conn: &Connection, response_id: i64, question_id: i64, feedback_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE survey_answers SET feedback_id = ?3 WHERE response_id = ?1 AND question_id = ?2",
        params![response_id, question_id, feedback_id],
    )?;
    Ok(())
}
