//! Typing the paper forms back in: what the volunteer types for each question (the numbers
//! of the boxes ticked, "13" for boxes 1 and 3; a number from 1 to 5; or the words written)
//! checked question by question, saved as one numbered form, listed and deleted.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Question, QuestionKind, Survey};
use crate::check::Checker;
use crate::error::Result;

/// What the volunteer typed for one question of one paper form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TypedAnswer {
    #[ts(type = "number")]
    pub question_id: i64,
    pub typed: String,
}

/// The numbers of the boxes ticked, in order, from what was typed: digits, with or without
/// spaces, commas or "+" between them ("1 3", "1,3" and "13" are boxes 1 and 3). Each box is
/// one digit (there are at most nine). Read character by character, never by byte.
pub fn parse_ticks(typed: &str, boxes: usize, only_one: bool) -> std::result::Result<Vec<u8>, String> {
    let mut ticked = Vec::new();
    for c in typed.chars() {
        match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => ticked.push(d as u8),
            _ if c.is_whitespace() || matches!(c, ',' | '+' | '&' | ';' | '/') => {}
            _ if only_one => return Err(format!("Please type the number of the box ticked, from 1 to {boxes}.")),
            _ => return Err("Please type the number of each box ticked, such as 2, or 13 for boxes 1 and 3.".into()),
        }
    }
    if let Some(bad) = ticked.iter().find(|d| **d == 0 || usize::from(**d) > boxes) {
        return Err(format!("There is no box {bad}: please type numbers from 1 to {boxes}."));
    }
    ticked.sort_unstable();
    ticked.dedup();
    if only_one && ticked.len() > 1 {
        return Err("Only one box should be ticked here. If the patient ticked more than one, leave it blank.".into());
    }
    Ok(ticked)
}

/// The answer as stored ("1 3", "4" or the words), or None when nothing was typed.
pub fn stored(question: &Question, typed: &str) -> std::result::Result<Option<String>, String> {
    let boxes = question.boxes().len();
    match question.kind {
        QuestionKind::Words => {
            let words = typed.trim();
            if words.chars().count() > 2000 {
                return Err("Please keep this under 2,000 characters.".into());
            }
            Ok((!words.is_empty()).then(|| words.to_string()))
        }
        kind => {
            let ticked = parse_ticks(typed, boxes, kind != QuestionKind::TickAny)?;
            Ok((!ticked.is_empty()).then(|| ticked.iter().map(u8::to_string).collect::<Vec<_>>().join(" ")))
        }
    }
}

/// The stored answer in words, as the results and the spreadsheet show it ("Yes; By phone").
pub fn shown(question: &Question, answer: &str) -> String {
    if question.kind == QuestionKind::Words {
        return answer.to_string();
    }
    let boxes = question.boxes();
    answer
        .split_whitespace()
        .filter_map(|n| n.parse::<usize>().ok())
        .filter_map(|n| boxes.get(n.wrapping_sub(1)).cloned())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks one paper form: a message beside each answer that cannot be read, and at least one
/// answer. Gives (question, stored answer) for each question answered.
pub fn check_form(survey: &Survey, typed: &[TypedAnswer]) -> Result<Vec<(i64, String)>> {
    let mut c = Checker::new();
    let mut answers = Vec::new();
    let mut unread = false;
    for question in &survey.questions {
        let Some(t) = typed.iter().find(|t| t.question_id == question.id) else { continue };
        match stored(question, &t.typed) {
            Ok(Some(answer)) => answers.push((question.id, answer)),
            Ok(None) => {}
            Err(message) => {
                unread = true;
                c.fail(&format!("answer-{}", question.id), message);
            }
        }
    }
    if answers.is_empty() && !unread {
        c.fail("form", "Nothing is typed in for this form. Please type at least one answer.");
    }
    c.finish()?;
    Ok(answers)
}

/// Saves one paper form; returns the number to write on it (the next after the last).
pub fn add_form(conn: &Connection, survey: &Survey, typed: &[TypedAnswer], now: &str) -> Result<u32> {
    let answers = check_form(survey, typed)?;
    let number = super::sql::last_form_number(conn, survey.id)? + 1;
    let id = super::sql::insert_form(conn, survey.id, number, now)?;
    for (question_id, answer) in &answers {
        super::sql::insert_answer(conn, id, *question_id, answer)?;
    }
    Ok(number)
}

/// One answer on a form typed in, as stored and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FormAnswer {
    #[ts(type = "number")]
    pub question_id: i64,
    pub answer: String,
    pub shown: String,
}

/// A paper form typed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PaperForm {
    #[ts(type = "number")]
    pub id: i64,
    pub form_number: u32,
    pub entered_at: String,
    pub answers: Vec<FormAnswer>,
}

/// The forms typed in for a survey, newest first.
pub fn forms(conn: &Connection, survey: &Survey) -> Result<Vec<PaperForm>> {
    let rows = super::sql::answers(conn, survey.id)?;
    let mut forms: Vec<PaperForm> = Vec::new();
    for row in rows {
        if forms.last().is_none_or(|f| f.id != row.response_id) {
            forms.push(PaperForm {
                id: row.response_id,
                form_number: row.form_number,
                entered_at: row.entered_at.clone(),
                answers: Vec::new(),
            });
        }
        let (Some(form), Some(question_id), Some(answer)) = (forms.last_mut(), row.question_id, row.answer) else {
            continue;
        };
        let shown =
            survey.questions.iter().find(|q| q.id == question_id).map(|q| shown(q, &answer)).unwrap_or_default();
        form.answers.push(FormAnswer { question_id, answer, shown });
    }
    forms.reverse();
    Ok(forms)
}

/// Deletes one form typed in (typed twice, or typed wrongly).
pub fn delete_form(conn: &Connection, id: i64) -> Result<()> {
    super::sql::delete_form(conn, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn boxes_typed_together_apart_or_with_commas_are_the_same() {
        for typed in ["13", "1 3", "3,1", " 1 + 3 ", "1 3 3"] {
            assert_eq!(parse_ticks(typed, 4, false), Ok(vec![1, 3]), "{typed}");
        }
        assert_eq!(parse_ticks("", 4, false), Ok(vec![]));
    }

    #[test]
    fn a_box_that_is_not_there_or_two_where_one_is_asked_is_said_plainly() {
        assert_eq!(parse_ticks("5", 4, true), Err("There is no box 5: please type numbers from 1 to 4.".into()));
        assert_eq!(parse_ticks("0", 4, false), Err("There is no box 0: please type numbers from 1 to 4.".into()));
        assert!(parse_ticks("12", 4, true).unwrap_err().starts_with("Only one box"));
        assert!(parse_ticks("yes", 4, true).unwrap_err().starts_with("Please type the number of the box ticked"));
        assert!(parse_ticks("٣", 4, false).is_err(), "only the digits 0 to 9 are box numbers");
    }

    proptest! {
        /// Why: whatever a volunteer types (any script, any length) is read without a panic,
        /// and what is accepted names only boxes that exist, once each, in order.
        #[test]
        fn any_typing_is_read_safely_into_boxes_that_exist(typed in "\\PC{0,40}", boxes in 1usize..=9, only_one: bool) {
            if let Ok(ticked) = parse_ticks(&typed, boxes, only_one) {
                prop_assert!(ticked.iter().all(|d| *d >= 1 && usize::from(*d) <= boxes));
                prop_assert!(ticked.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(!only_one || ticked.len() <= 1);
            }
        }

        /// Why: the boxes a volunteer types come back as the same boxes however they are spaced.
        #[test]
        fn boxes_typed_in_any_order_and_spacing_read_back_the_same(set in proptest::collection::btree_set(1u8..=9, 0..9), sep in "[ ,+]{0,2}") {
            let typed = set.iter().rev().map(u8::to_string).collect::<Vec<_>>().join(&sep);
            prop_assert_eq!(parse_ticks(&typed, 9, false), Ok(set.into_iter().collect::<Vec<_>>()));
        }
    }
}
