//! The sample PPG's year of feedback: what patients said at the waiting-room stand, in the
//! survey, the Friends and Family Test and the comment box, sorted into themes, and two
//! improvements agreed with the practice in answer (one done, one under way).

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::actions::ActionInput;
use crate::error::Result;
use crate::feedback::{self, AgreeInput, FeedbackInput, FeedbackSource};

/// (days ago, where, patients, words, themes)
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const SAID: [(i64, FeedbackSource, u32, &str, &[&str]); 14] = [
    (340, FeedbackSource::Survey, 12, "The phone queue at 8am is far too long; I gave up after 40 minutes", &["Phones", "Appointments"]),
    (330, FeedbackSource::Stand, 3, "Could the waiting room have a clock that is easier to read?", &["Building"]),
    (300, FeedbackSource::FriendsAndFamily, 1, "Reception were kind and patient when I was upset", &["Staff"]),
    (280, FeedbackSource::CommentBox, 4, "Repeat prescriptions take too long to be ready at the chemist", &["Prescriptions"]),
    (250, FeedbackSource::Survey, 7, "I did not know I could order prescriptions online", &["Prescriptions", "Online services", "Communication"]),
    (220, FeedbackSource::Stand, 2, "The hearing loop at reception does not seem to work", &["Building"]),
    (200, FeedbackSource::OnlineReview, 1, "Waited 25 minutes past my appointment time with no explanation", &["Waiting times", "Communication"]),
    (170, FeedbackSource::Practice, 5, "Patients ringing for results are told to ring back another day", &["Phones"]),
    (150, FeedbackSource::FriendsAndFamily, 1, "The nurse explained everything clearly", &["Staff"]),
    (120, FeedbackSource::Survey, 6, "Hard to get a same-day appointment for a child", &["Appointments"]),
    (90, FeedbackSource::CommentBox, 2, "Please put the practice newsletter on the website too", &["Communication", "Online services"]),
    (60, FeedbackSource::Stand, 3, "The new call-back service is a great help", &["Phones"]),
    (35, FeedbackSource::Meeting, 1, "Parking for blue badge holders is often taken by staff", &["Building"]),
    (10, FeedbackSource::FriendsAndFamily, 1, "Online form was easy and I got a reply the same day", &["Online services"]),
];

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    let themes = feedback::themes(tx)?;
    let mut ids = Vec::new();
    for (days, source, patients, words, names) in SAID {
        let input = FeedbackInput {
            received_on: (today - Duration::days(days)).format("%d/%m/%Y").to_string(),
            source,
            patients,
            words: words.into(),
            themes: themes.iter().filter(|t| names.contains(&t.name.as_str())).map(|t| t.id).collect(),
            names_checked: false,
        };
        ids.push(feedback::add(tx, &input.checked(today)?, now)?);
    }
    let improvement = |title: &str, owner: &str, due_in: i64, agreed_days_ago: i64, answers: &[usize]| {
        let agreed = today - Duration::days(agreed_days_ago);
        let action = ActionInput {
            title: title.into(),
            outside_owner: owner.into(),
            due_on: (agreed + Duration::days(due_in)).format("%d/%m/%Y").to_string(),
            ..Default::default()
        };
        let input = AgreeInput { action, feedback: answers.iter().map(|&i| ids[i]).collect() };
        feedback::agree(tx, &input, agreed, now)
    };
    let phones = improvement(
        "Offer a call-back instead of a queue on the phone",
        "Sarah Mitchell, practice manager",
        90,
        320,
        &[0, 7],
    )?;
    feedback::finish(
        tx,
        phones,
        "The practice added a call-back service: choose option 1 and keep your place without waiting on the line",
        today - Duration::days(75),
        now,
    )?;
    improvement("Tell patients how to order repeat prescriptions online", "Practice reception team", 120, 45, &[3, 4])?;
    // Twelve months of the Friends and Family Test, better once the call-backs began.
    use chrono::{Datelike, Months};
    let this_month = today.with_day(1).unwrap_or(today);
    for back in 1..=12u32 {
        let Some(month) = this_month.checked_sub_months(Months::new(back)) else { continue };
        let better = if back <= 8 { 40 } else { 0 };
        let answers = crate::feedback::fft::Answers {
            very_good: 150 + better + back * 3,
            good: 90 + back * 2,
            neither: 20,
            poor: 22 - back.min(10),
            very_poor: 24 - back.min(12) - if back <= 8 { 6 } else { 0 },
            dont_know: 5,
        };
        crate::feedback::fft::keep(tx, month, &answers, now)?;
    }
    Ok(())
}
