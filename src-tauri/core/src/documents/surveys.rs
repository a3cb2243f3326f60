//! A survey on paper: the form for the waiting room (each question with its boxes to tick or
//! lines to write on) and the results sheet (each question's answers as bars with the count
//! and share in words beside each, a scale's average, and the words patients wrote).

use crate::print::model::{Bar, Block, Document, Image, Run};
use crate::settings::Settings;
use crate::surveys::results::SurveyResults;
use crate::surveys::{QuestionKind, Survey};
use crate::words::long_date;

/// The form, tagged in the survey's language; PPG Desk's own English lines on it (what to
/// tick, where to hand it in) are tagged as English.
pub fn form(settings: &Settings, survey: &Survey, logo: Option<Image>) -> Document {
    let mut doc = Document::new(&survey.title, &settings.group_name);
    doc.subtitle = vec![format!("A short survey by {}", settings.group_name)];
    doc.logo = logo;
    doc.language = crate::languages::pdf_code(&survey.language);
    let (own, english) = (doc.language.clone(), crate::languages::pdf_code("en"));
    if !survey.intro.trim().is_empty() {
        doc.paragraph(survey.intro.trim());
    }
    doc.push(Block::Language(english.clone()));
    doc.paragraph("Please do not write your name. Your answers are counted together with everyone else's.");
    for q in &survey.questions {
        doc.push(Block::Language(own.clone()));
        doc.heading(3, format!("{}. {}", q.position, q.wording));
        doc.push(Block::Language(english.clone()));
        doc.push(Block::Paragraph(vec![Run::plain(q.kind.instruction())]));
        doc.push(Block::Language(own.clone()));
        doc.push(match q.kind {
            QuestionKind::Words => Block::WritingLines(4),
            _ => Block::TickBoxes(q.boxes()),
        });
    }
    doc.push(Block::Language(english));
    doc.push(Block::Paragraph(vec![Run::bold(
        "Thank you. Please hand this form in at reception or put it in the PPG's box.",
    )]));
    doc.paragraph("For the PPG only: form number ____________");
    doc
}

fn forms_words(n: u32) -> String {
    format!("{n} {}", if n == 1 { "form" } else { "forms" })
}

pub fn results(settings: &Settings, results: &SurveyResults, logo: Option<Image>) -> Document {
    let survey = &results.survey;
    let title = format!("Survey results: {}", survey.title);
    let mut doc = Document::new(&title, &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("Handed out from {}", long_date(&survey.held_on))];
    doc.running_header = title;
    doc.logo = logo;
    doc.paragraph(format!(
        "{} filled in and typed into PPG Desk. Each share is of the people who answered that question. No patient is named.",
        forms_words(survey.forms)
    ));
    for q in &results.questions {
        doc.heading(2, format!("{}. {}", q.position, q.wording));
        doc.paragraph(format!("{} of {} answered this question.", q.answered, forms_words(survey.forms)));
        match q.kind {
            QuestionKind::Words => {
                if q.written.is_empty() {
                    doc.paragraph("Nobody wrote anything here.");
                } else {
                    doc.push(Block::Bullets(
                        q.written.iter().map(|w| vec![Run::plain(format!("\u{201c}{}\u{201d}", w.words))]).collect(),
                    ));
                }
            }
            _ => {
                if q.kind == QuestionKind::TickAny {
                    doc.paragraph("People could tick more than one box, so the shares can add up to more than 100%.");
                }
                doc.push(Block::Bars(
                    q.rows
                        .iter()
                        .map(|r| Bar {
                            label: r.label.clone(),
                            value: r.count,
                            words: format!("{} ({}%)", r.count, r.percent),
                        })
                        .collect(),
                ));
                if let Some(average) = &q.average {
                    doc.push(Block::Paragraph(vec![Run::bold(format!("Average: {average} out of 5."))]));
                }
            }
        }
    }
    doc
}
