//! The sample PPG's autumn survey, "Getting through to the practice": five questions handed
//! out at the waiting-room stand, and forty paper forms typed back in (as a volunteer types
//! them: the numbers of the boxes ticked), one comment logged as feedback.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::error::Result;
use crate::feedback::{FeedbackInput, FeedbackSource};
use crate::surveys::entry::{self, TypedAnswer};
use crate::surveys::{self, QuestionInput, QuestionKind, SurveyInput};

const FORMS: usize = 40;

/// What was written in the last question, on some forms.
const WRITTEN: [&str; 8] = [
    "The call-back service is much better than waiting in the queue",
    "I would like to be able to book blood tests online",
    "Reception are always friendly",
    "It is hard to get through before 9am",
    "Please send texts the day before appointments",
    "The NHS App is confusing for older people",
    "I did not know there was a PPG until today",
    "Longer opening on a Saturday morning would help people who work",
];

fn question(kind: QuestionKind, wording: &str, choices: &[&str]) -> QuestionInput {
    QuestionInput { kind, wording: wording.into(), choices: choices.iter().map(|c| c.to_string()).collect() }
}

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    let input = SurveyInput {
        title: "Getting through to the practice".into(),
        intro: "The Patient Participation Group is a group of patients who work with the practice to make it better for everyone. Please tell us how it is for you: it takes about three minutes.".into(),
        held_on: (today - Duration::days(70)).format("%d/%m/%Y").to_string(),
        questions: vec![
            question(QuestionKind::TickOne, "How did you last try to book an appointment?", &["By phone", "Online", "At reception", "Through the NHS App"]),
            question(QuestionKind::Scale, "How easy was it to get through on the phone?", &["Very hard", "Very easy"]),
            question(
                QuestionKind::TickAny,
                "Which of these would help you most?",
                &["A call-back instead of queueing", "More appointments to book online", "Longer opening hours", "A text the day before"],
            ),
            question(QuestionKind::Scale, "Overall, how would you rate the practice?", &["Very poor", "Very good"]),
            question(QuestionKind::Words, "Is there anything else you would like to tell us?", &[]),
        ],
        language: None,
    };
    let id = surveys::save(tx, None, &input.checked()?, now)?;
    let survey = surveys::get(tx, id)?;
    let ids: Vec<i64> = survey.questions.iter().map(|q| q.id).collect();
    for n in 0..FORMS {
        let typed = [
            ["1", "1", "3", "1", "2", "1", "4", "1"][n % 8].to_string(),
            ["2", "1", "2", "3", "1", "4", "2", "5", "3", "2"][n % 10].to_string(),
            if n % 7 == 6 { String::new() } else { ["1", "13", "2", "14", "1 2", "3", "1"][n % 7].to_string() },
            ["4", "5", "3", "4", "4", "2", "5", "4", "3"][n % 9].to_string(),
            if n % 5 == 0 { WRITTEN[n / 5].to_string() } else { String::new() },
        ];
        let answers: Vec<TypedAnswer> =
            ids.iter().zip(typed).map(|(id, typed)| TypedAnswer { question_id: *id, typed }).collect();
        entry::add_form(tx, &survey, &answers, now)?;
    }
    // The first comment was logged as feedback when the results were read at a meeting.
    let results = surveys::results::results(tx, id)?;
    if let Some(first) = results.questions.last().and_then(|q| q.written.first()) {
        let said = FeedbackInput {
            received_on: (today - Duration::days(40)).format("%d/%m/%Y").to_string(),
            source: FeedbackSource::Survey,
            patients: 1,
            words: first.words.clone(),
            themes: crate::feedback::themes(tx)?.iter().filter(|t| t.name == "Phones").map(|t| t.id).collect(),
            names_checked: false,
        };
        surveys::results::to_feedback(tx, first.response_id, *ids.last().unwrap_or(&0), &said.checked(today)?, now)?;
    }
    Ok(())
}
