//! The PPG's own surveys: the sample's forty paper forms counted against the store, a form
//! typed in with a bad answer (nothing saved, the message beside the question), the SQL
//! refusing what Rust would, the questions locked once answers exist, words made feedback
//! once only, the spreadsheet, and the form and results sheet printed in both sizes.

use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::error::Error;
use ppg_desk_core::feedback::{FeedbackInput, FeedbackSource};
use ppg_desk_core::print::{self, Block, Profile};
use ppg_desk_core::surveys::entry::{self, TypedAnswer};
use ppg_desk_core::surveys::{self, results, QuestionInput, QuestionKind, SurveyInput};

use crate::print::sample_store;

fn sample_survey(state: &ppg_desk_core::state::AppState) -> surveys::Survey {
    state.read(surveys::list).unwrap().into_iter().find(|s| s.title == "Getting through to the practice").unwrap()
}

fn count(state: &ppg_desk_core::state::AppState, sql: &str, id: i64) -> u32 {
    state.read(|conn| Ok(conn.query_row(sql, [id], |r| r.get(0))?)).unwrap()
}

#[test]
fn the_sample_surveys_forty_forms_are_counted_as_the_store_holds_them() {
    let store = sample_store();
    let state = &store.state;
    let survey = sample_survey(state);
    assert_eq!(survey.forms, 40);
    let results = state.read(|conn| results::results(conn, survey.id)).unwrap();
    for (q, r) in survey.questions.iter().zip(&results.questions) {
        let answered = count(state, "SELECT count(*) FROM survey_answers WHERE question_id = ?1", q.id);
        assert_eq!(r.answered, answered, "{}", q.wording);
        if q.kind == QuestionKind::Words {
            assert_eq!(r.written.len() as u32, answered);
            continue;
        }
        for (n, row) in r.rows.iter().enumerate() {
            // A box is ticked on a form when its number is one of the stored numbers.
            let ticked: u32 = state
                .read(|conn| {
                    let mut stmt = conn.prepare("SELECT answer FROM survey_answers WHERE question_id = ?1")?;
                    let answers: Vec<String> =
                        stmt.query_map([q.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                    Ok(answers.iter().filter(|a| a.split(' ').any(|d| d == (n + 1).to_string())).count() as u32)
                })
                .unwrap();
            assert_eq!(row.count, ticked, "{} box {}", q.wording, n + 1);
            assert_eq!(row.percent, (ticked * 200 + answered) / (answered * 2), "rounded half up");
        }
        if q.kind == QuestionKind::TickOne {
            assert_eq!(r.rows.iter().map(|r| r.count).sum::<u32>(), answered, "one box each");
        }
        if q.kind == QuestionKind::Scale {
            let sum: u32 = r.rows.iter().enumerate().map(|(i, row)| (i as u32 + 1) * row.count).sum();
            assert_eq!(r.average.as_deref(), Some(format!("{:.1}", f64::from(sum) / f64::from(answered)).as_str()));
        }
    }
    // The annual report names the survey with its forms.
    let held_on = chrono::NaiveDate::parse_from_str(&survey.held_on, "%Y-%m-%d").unwrap();
    let year = ppg_desk_core::year::year_of(held_on, 4);
    let figures = state.read(|conn| ppg_desk_core::year::figures(conn, year, state.today())).unwrap();
    assert!(figures.surveys.iter().any(|c| c.label == survey.title && c.count == 40), "{:?}", figures.surveys);
    // One comment was logged as feedback, and says so.
    let written = &results.questions.last().unwrap().written;
    assert_eq!(written.iter().filter(|w| w.feedback_id.is_some()).count(), 1);
}

#[test]
fn a_form_with_a_box_that_is_not_there_saves_nothing_and_says_which_question() {
    let store = sample_store();
    let state = &store.state;
    let survey = sample_survey(state);
    let q = &survey.questions;
    let typed = |a: &str, b: &str| {
        vec![
            TypedAnswer { question_id: q[0].id, typed: a.into() },
            TypedAnswer { question_id: q[1].id, typed: b.into() },
        ]
    };
    let refused = state.write(|tx| entry::add_form(tx, &survey, &typed("7", "4"), "now"));
    match refused {
        Err(Error::Invalid(fields)) => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, format!("answer-{}", q[0].id));
            assert_eq!(fields[0].message, "There is no box 7: please type numbers from 1 to 4.");
        }
        other => panic!("not refused: {other:?}"),
    }
    let nothing = state.write(|tx| entry::add_form(tx, &survey, &typed(" ", ""), "now"));
    assert!(matches!(nothing, Err(Error::Invalid(f)) if f[0].field == "form"));
    assert_eq!(sample_survey(state).forms, 40, "nothing saved");
    let number = state.write(|tx| entry::add_form(tx, &survey, &typed("2", "5"), "now")).unwrap();
    assert_eq!(number, 41, "the next number to write on the paper form");
    let forms = state.read(|conn| entry::forms(conn, &survey)).unwrap();
    assert_eq!(forms[0].form_number, 41);
    assert_eq!(forms[0].answers.iter().map(|a| a.shown.as_str()).collect::<Vec<_>>(), ["Online", "5 (Very easy)"]);
    state.write(|tx| entry::delete_form(tx, forms[0].id)).unwrap();
    assert_eq!(sample_survey(state).forms, 40);
}

#[test]
fn sqlite_refuses_a_question_or_answer_that_rust_would() {
    let store = sample_store();
    let state = &store.state;
    let survey = sample_survey(state);
    for sql in [
        "INSERT INTO survey_questions (id, survey_id, position, kind, wording, choices) VALUES (new_id(), ?1, 1, 'maybe', 'Q', 'a')",
        "INSERT INTO survey_questions (id, survey_id, position, kind, wording, choices) VALUES (new_id(), ?1, 1, 'words', 'Q', 'a')",
        "INSERT INTO survey_questions (id, survey_id, position, kind, wording, choices) VALUES (new_id(), ?1, 1, 'scale', '  ', 'a')",
        "INSERT INTO survey_responses (id, survey_id, form_number, entered_at) VALUES (new_id(), ?1, 0, 'now')",
        "UPDATE surveys SET held_on = '2026-02-30' WHERE id = ?1",
        "UPDATE surveys SET title = ' padded ' WHERE id = ?1",
    ] {
        assert!(state.write(|tx| Ok(tx.execute(sql, [survey.id])?)).is_err(), "{sql}");
    }
}

fn question(kind: QuestionKind, wording: &str, choices: &[&str]) -> QuestionInput {
    QuestionInput { kind, wording: wording.into(), choices: choices.iter().map(|c| c.to_string()).collect() }
}

#[test]
fn a_survey_is_checked_field_by_field_and_its_boxes_are_locked_once_forms_are_in() {
    let store = sample_store();
    let state = &store.state;
    let bad = SurveyInput {
        title: " ".into(),
        intro: String::new(),
        held_on: "31/2/2026".into(),
        questions: vec![
            question(QuestionKind::TickOne, "Which day?", &["Monday"]),
            question(QuestionKind::Scale, "", &["Low", ""]),
            question(QuestionKind::TickAny, "Which?", &["A", "a"]),
        ],
        language: Some("xx".into()),
    };
    let fields: Vec<String> = match bad.checked() {
        Err(Error::Invalid(fields)) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("not refused: {other:?}"),
    };
    assert_eq!(fields, ["title", "heldOn", "language", "choices-1", "question-2", "choices-2", "choices-3"]);

    let survey = sample_survey(state);
    let mut same: Vec<QuestionInput> = survey
        .questions
        .iter()
        .map(|q| QuestionInput { kind: q.kind, wording: q.wording.clone(), choices: q.choices.clone() })
        .collect();
    same[0].wording = "How did you last book an appointment?".into();
    let input = |questions: Vec<QuestionInput>| SurveyInput {
        title: survey.title.clone(),
        intro: survey.intro.clone(),
        held_on: "1/10/2026".into(),
        questions,
        language: None,
    };
    state.write(|tx| surveys::save(tx, Some(survey.id), &input(same.clone()).checked()?, "now")).unwrap();
    assert_eq!(
        sample_survey(state).questions[0].wording,
        "How did you last book an appointment?",
        "wording can be put right"
    );
    let mut reshaped = same.clone();
    reshaped[0].choices.push("By letter".into());
    let refused = state.write(|tx| surveys::save(tx, Some(survey.id), &input(reshaped).checked()?, "now"));
    assert!(matches!(refused, Err(Error::Refused(m)) if m.starts_with("40 paper forms have been typed in")));
    assert_eq!(sample_survey(state).questions[0].choices.len(), 4);
}

#[test]
fn written_words_become_feedback_once_and_the_spreadsheet_has_a_row_per_form() {
    let store = sample_store();
    let state = &store.state;
    let survey = sample_survey(state);
    let today = state.today();
    let results = state.read(|conn| results::results(conn, survey.id)).unwrap();
    let words = results.questions.last().unwrap();
    let fresh = words.written.iter().find(|w| w.feedback_id.is_none()).unwrap();
    let said = FeedbackInput {
        received_on: "1/11/2026".into(),
        source: FeedbackSource::Survey,
        patients: 1,
        words: fresh.words.clone(),
        themes: vec![],
        names_checked: false,
    }
    .checked(today)
    .unwrap();
    let before = count(state, "SELECT count(*) FROM feedback WHERE ?1 = ?1", 0);
    state.write(|tx| results::to_feedback(tx, fresh.response_id, words.question_id, &said, "now")).unwrap();
    let again = state.write(|tx| results::to_feedback(tx, fresh.response_id, words.question_id, &said, "now"));
    assert!(matches!(again, Err(Error::Refused(_))), "not logged twice");
    assert_eq!(count(state, "SELECT count(*) FROM feedback WHERE ?1 = ?1", 0), before + 1);

    let (csv, forms) = state.read(|conn| results::spreadsheet(conn, survey.id)).unwrap();
    assert_eq!(forms, 40);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "Form");
    assert_eq!(&header[2], "1. How did you last try to book an appointment?");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 40);
    assert_eq!(&rows[0][0], "1", "in form order");
    assert!(["By phone", "Online", "At reception", "Through the NHS App"].contains(&&rows[0][2]), "ticks in words");
}

#[test]
fn the_form_and_the_results_print_in_both_sizes_with_every_count_in_words() {
    let store = sample_store();
    let state = &store.state;
    let survey = sample_survey(state);
    let today = state.today();
    let results = state.read(|conn| results::results(conn, survey.id)).unwrap();
    for profile in [Profile::Standard, Profile::LargePrint] {
        let form =
            documents::render(state, &DocumentKind::SurveyForm { survey_id: survey.id }, profile, state.now()).unwrap();
        let text = crate::print::tool("pdftotext", &["-raw"], &form);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for q in &survey.questions {
            assert!(text.contains(&q.wording), "{profile:?}: {}", q.wording);
            for b in q.boxes() {
                assert!(text.contains(&b), "{profile:?}: box {b}");
            }
        }
        let sheet =
            documents::render(state, &DocumentKind::SurveyResults { survey_id: survey.id }, profile, state.now())
                .unwrap();
        let text = crate::print::tool("pdftotext", &["-raw"], &sheet);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("40 forms filled in"), "{profile:?}");
        for q in results.questions.iter().filter(|q| q.kind != QuestionKind::Words) {
            for r in &q.rows {
                assert!(
                    text.contains(&format!("{} {} ({}%)", r.label, r.count, r.percent)),
                    "{profile:?}: {}",
                    r.label
                );
            }
        }
        for kind in
            [DocumentKind::SurveyForm { survey_id: survey.id }, DocumentKind::SurveyResults { survey_id: survey.id }]
        {
            let laid = print::lay_out(&documents::build(state, &kind, today).unwrap(), profile);
            let smallest = crate::print::smallest_text(&laid);
            assert!(smallest >= if profile == Profile::LargePrint { 16.0 } else { 12.0 }, "{profile:?}: {smallest}");
        }
    }
    let form = documents::build(state, &DocumentKind::SurveyForm { survey_id: survey.id }, today).unwrap();
    let boxes = form.blocks.iter().filter(|b| matches!(b, Block::TickBoxes(_))).count();
    assert_eq!(boxes, 4, "a set of boxes for every question but the one to write in");
    assert!(form.blocks.iter().any(|b| matches!(b, Block::WritingLines(_))));
}
