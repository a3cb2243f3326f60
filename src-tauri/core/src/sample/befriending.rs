//! The sample PPG's befriending scheme: six befrienders and twenty referrals at every stage,
//! taken through the same rules as the screens on the days they happened: consent, calls
//! while waiting, matches, visits and calls, a concern still open, scores at the start and
//! at reviews, endings, and one closed long enough ago to be due for erasure.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::befriending::matching::{self, BefrienderInput};
use crate::befriending::referrals::{
    self, ConsentHow, ConsentInput, ContactHow, ReasonCategory, ReferralInput, Source,
};
use crate::befriending::relationship::{self, LogInput, Occasion};
use crate::befriending::rules::{CloseReason, Scores, Stage};
use crate::error::{Error, Result};
use crate::people::{self, PeopleFilter, PeopleQuery};

/// (person, interests, languages, area, days, visit/phone, gender, capacity)
#[rustfmt::skip] // a table of sample rows: one row per line reads best
#[allow(clippy::type_complexity)] // one tuple per sample row, named in the comment above
const BEFRIENDERS: &[(&str, &str, &str, &str, &str, &str, &str, u32)] = &[
    ("Eileen McCarthy", "gardening, baking, crosswords", "English", "Riverside", "mon tue thu", "", "female", 2),
    ("Aisha Begum", "cooking, sewing, music", "English, Bengali, Sylheti", "Riverside", "tue wed fri", "visit", "female", 2),
    ("Łukasz Nowak", "football, history, chess", "English, Polish", "Millbrook", "sat sun", "", "male", 2),
    ("Mei Ling Chen", "painting, walking, reading", "English, Cantonese", "Oakford", "mon wed", "", "female", 2),
    ("Rhiannon Jones", "music, films, dogs", "English, Welsh", "Riverside", "thu fri sat", "phone", "female", 2),
    ("Priya Sharma", "reading, gardening, films", "English, Hindi, Punjabi", "Millbrook", "mon tue wed thu fri", "", "female", 3),
];

/// (name, source, link worker, interests, language, area, visit/phone, days, reasons, why, received days ago, stage, close reason)
type SampleReferral = (
    &'static str,
    Source,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [ReasonCategory],
    &'static str,
    i64,
    Stage,
    Option<CloseReason>,
);

#[rustfmt::skip] // a table of sample rows: one row per line reads best
const REFERRALS: &[SampleReferral] = &[
    ("Edna Marsh", Source::Splw, Some("Chloé Dubois"), "gardening, crosswords", "", "Riverside", "visit", "tue thu", &[ReasonCategory::Bereaved, ReasonCategory::LivesAlone], "Lost her husband in the spring; rarely goes out.", 200, Stage::Active, None),
    ("Albert Finch", Source::Gp, None, "football, history", "", "Millbrook", "", "sat", &[ReasonCategory::LivesAlone], "Lives alone since his daughter moved away.", 170, Stage::Active, None),
    ("Rahima Khatun", Source::Splw, Some("Chloé Dubois"), "cooking, sewing", "Bengali", "Riverside", "visit", "wed", &[ReasonCategory::NewToArea, ReasonCategory::LowMood], "Moved here to be near her son; speaks little English and knows nobody.", 150, Stage::Active, None),
    ("Walter Greaves", Source::Family, None, "reading, films", "", "Millbrook", "", "mon wed", &[ReasonCategory::Mobility], "Housebound after a stroke; his niece asked for him.", 140, Stage::Active, None),
    ("Irene Oldham", Source::Splw, Some("Marcus Okafor"), "painting, walking", "", "Oakford", "", "mon", &[ReasonCategory::LostConfidence], "Lost confidence after a fall in the winter.", 120, Stage::Active, None),
    ("Stanley Booth", Source::SelfReferral, None, "music, dogs", "", "Riverside", "phone", "thu fri", &[ReasonCategory::LivesAlone, ReasonCategory::Carer], "Cared for his wife for ten years; she died last year.", 110, Stage::Active, None),
    ("Gladys Fenton", Source::Splw, Some("Chloé Dubois"), "baking, crosswords", "", "Riverside", "", "tue", &[ReasonCategory::Bereaved], "Widowed; says the evenings are the hardest.", 260, Stage::Ending, None),
    ("Hilda Kaczmarek", Source::Splw, Some("Marcus Okafor"), "history, chess", "Polish", "Millbrook", "", "sun", &[ReasonCategory::LivesAlone], "Her English has faded with her memory; would love to speak Polish.", 60, Stage::Matched, None),
    ("Norman Hale", Source::Gp, None, "gardening, films", "", "Millbrook", "", "mon tue", &[ReasonCategory::LowMood], "Low mood since retiring; lives alone.", 75, Stage::Waiting, None),
    ("Violet Ashby", Source::Splw, Some("Chloé Dubois"), "reading", "", "Oakford", "visit", "wed", &[ReasonCategory::Mobility, ReasonCategory::LivesAlone], "Cannot manage the bus any more.", 50, Stage::Waiting, None),
    ("Cyril Dawson", Source::Family, None, "football", "", "Riverside", "", "sat", &[ReasonCategory::Bereaved], "His son says he has stopped going to the club.", 40, Stage::Waiting, None),
    ("Frank Lister", Source::Splw, Some("Marcus Okafor"), "chess, history", "", "Millbrook", "", "thu", &[ReasonCategory::NewToArea], "Moved into sheltered housing in the summer.", 35, Stage::Waiting, None),
    ("Mabel Crowther", Source::Gp, None, "sewing, music", "", "Riverside", "", "fri", &[ReasonCategory::LivesAlone], "Frequent GP visits; the doctor thinks she is lonely.", 30, Stage::Assessed, None),
    ("Ronald Sykes", Source::SelfReferral, None, "walking, dogs", "", "Oakford", "", "mon", &[ReasonCategory::LowMood], "Saw the poster in the waiting room.", 24, Stage::Contacted, None),
    ("Phyllis Barker", Source::Splw, Some("Chloé Dubois"), "baking", "", "Riverside", "", "tue", &[ReasonCategory::Carer], "Caring for her husband with dementia; needs someone to talk to.", 18, Stage::ConsentConfirmed, None),
    ("Leonard Yates", Source::Gp, None, "films", "", "Millbrook", "phone", "", &[ReasonCategory::LivesAlone], "Referred after a hospital stay.", 16, Stage::Received, None),
    ("Elsie Whitworth", Source::Splw, Some("Marcus Okafor"), "crosswords", "", "Riverside", "", "wed", &[ReasonCategory::Bereaved], "Referred this week.", 3, Stage::Received, None),
    ("Kwame Mensah", Source::Splw, Some("Chloé Dubois"), "football, music", "", "Riverside", "", "sat", &[ReasonCategory::NewToArea], "Came to live with his daughter.", 330, Stage::Closed, Some(CloseReason::EndedWell)),
    ("Betty Holroyd", Source::Family, None, "gardening", "", "Oakford", "", "mon", &[ReasonCategory::LivesAlone], "Family worried about her.", 180, Stage::Closed, Some(CloseReason::MovedAway)),
    ("Dennis Fairbrother", Source::Gp, None, "history", "", "Millbrook", "", "tue", &[ReasonCategory::Other], "Closed long ago; due for erasure.", 1000, Stage::Closed, Some(CloseReason::Declined)),
];

fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn person_id(tx: &Transaction, name: &str, today: NaiveDate) -> Result<i64> {
    let query = PeopleQuery { search: name.into(), filter: PeopleFilter::Current };
    people::list(tx, &query, today)?
        .into_iter()
        .find(|p| p.full_name == name)
        .map(|p| p.id)
        .ok_or(Error::NotFound("A sample befriender is missing."))
}

/// Person `n`'s scores after `better` reviews (0 to 3): each person starts a little
/// differently and not every answer moves at the same pace, as in real reviews.
fn scores(n: usize, better: u8) -> Scores {
    let s = (n % 3) as u8;
    Scores {
        satisfied: 2 + s + better,
        worthwhile: 4 + s % 2 + better.min(2),
        happy: 3 + s + better.saturating_sub(1),
        anxious: 8 - s - better.min(2),
        lack_companionship: 3 - better.min(1),
        left_out: 3 - better.min(1 + s % 2),
        isolated: 3 - better.min(2),
        direct_loneliness: 1 + s.min(1) + better.min(2),
    }
}

pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    for &(name, interests, languages, area, days, contact, gender, capacity) in BEFRIENDERS {
        let input = BefrienderInput {
            person_id: Some(person_id(tx, name, today)?),
            dbs_checked_on: uk(today - Duration::days(300)),
            dbs_reference: String::new(),
            dbs_renew_on: uk(today + Duration::days(795)),
            trained_on: uk(today - Duration::days(280)),
            interests: interests.into(),
            languages: languages.into(),
            area: area.into(),
            days: days.split_whitespace().map(String::from).collect(),
            contact: contact.into(),
            gender: gender.into(),
            capacity: capacity.to_string(),
            active: true,
        };
        crate::befriending::insert_befriender(tx, &input.checked(today)?, now)?;
    }
    let splws = crate::contacts::list(tx, "")?;
    for (n, &(name, source, splw, interests, language, area, contact, days, reasons, why, ago, stage, close)) in
        REFERRALS.iter().enumerate()
    {
        let received = today - Duration::days(ago);
        let input = ReferralInput {
            full_name: name.into(),
            phone: format!("01632 961{:03}", 100 + n),
            address: format!("{} {} Road, {area}", 3 + n * 2, ["Church", "Mill", "Park", "Station"][n % 4]),
            age_band: ["75_84", "85_plus", "65_74"][n % 3].into(),
            language: language.into(),
            interests: interests.into(),
            area: area.into(),
            wants_contact: contact.into(),
            days: days.split_whitespace().map(String::from).collect(),
            source: Some(source),
            referrer_contact_id: splw.and_then(|s| splws.iter().find(|c| c.full_name == s)).map(|c| c.id),
            reason: why.into(),
            reason_categories: reasons.to_vec(),
            received_on: uk(received),
            ..Default::default()
        };
        let id = crate::befriending::insert(tx, &input.checked(today)?, now)?;
        walk(tx, id, received, stage, close, n, today, now)?;
    }
    Ok(())
}

/// Takes a referral from received to `stage` on plausible days before `today`.
#[allow(clippy::too_many_arguments)]
fn walk(
    tx: &Transaction,
    id: i64,
    received: NaiveDate,
    stage: Stage,
    close: Option<CloseReason>,
    n: usize,
    today: NaiveDate,
    now: &str,
) -> Result<()> {
    let target = if stage == Stage::Closed {
        if close == Some(CloseReason::Declined) {
            Stage::Contacted
        } else {
            Stage::Ending
        }
    } else {
        stage
    };
    if target == Stage::Received {
        return Ok(());
    }
    let closed = match close {
        Some(CloseReason::Declined) => today - Duration::days(900),
        Some(_) => today - Duration::days(20 + n as i64),
        None => today,
    };
    let mut day = received + Duration::days(2);
    let consent = ConsentInput {
        consent_on: uk(day),
        taken_by: "Eileen McCarthy".into(),
        how: Some([ConsentHow::Phone, ConsentHow::InPerson, ConsentHow::Written][n % 3]),
    };
    referrals::record_consent(tx, id, &consent, day, now)?;
    for step in [Stage::ConsentConfirmed, Stage::Contacted, Stage::Assessed, Stage::Waiting] {
        referrals::move_to(tx, id, step, None, day, now)?;
        if step == Stage::Contacted {
            referrals::log_contact(
                tx,
                id,
                &uk(day),
                Some(ContactHow::Phone),
                "Introductory call; happy to go ahead.",
                day,
                now,
            )?;
        }
        if step == target {
            break;
        }
        day += Duration::days(4);
    }
    if target == Stage::Waiting {
        // Most people waiting were rung recently; one (n = 9) has gone longer than 14 days.
        let last = if n == 9 { today - Duration::days(20) } else { today - Duration::days(3 + n as i64 % 5) };
        if last > day {
            referrals::log_contact(
                tx,
                id,
                &uk(last),
                Some(ContactHow::Phone),
                "Checked in; still waiting, keen to be matched.",
                last,
                now,
            )?;
        }
    }
    if matches!(target, Stage::Matched | Stage::Active | Stage::Ending) {
        day += Duration::days(10);
        let top = matching::suggest(tx, id)?
            .into_iter()
            .find(|s| s.ruled_out.is_none())
            .ok_or(Error::NotFound("No sample befriender has room."))?;
        matching::make_match(tx, id, top.befriender_id, day, now)?;
    }
    if matches!(target, Stage::Active | Stage::Ending) {
        day += Duration::days(7);
        matching::first_meeting(tx, id, &uk(day), day, now)?;
        relationship::record_scores(tx, id, &uk(day), Occasion::Start, &scores(n, 0), day, now)?;
        let mut visit = day + Duration::days(7);
        let mut reviews = 0;
        while visit < (today - Duration::days(2)).min(closed - Duration::days(10)) && visit < day + Duration::days(200)
        {
            let log = LogInput {
                happened_on: uk(visit),
                kind: if n.is_multiple_of(2) { "visit" } else { "call" }.into(),
                minutes: "60".into(),
                notes: "A good chat; talked about the week.".into(),
                concern: String::new(),
            };
            relationship::log(tx, id, &log, visit, now)?;
            if (visit - day).num_days() >= 42 + reviews * 91 {
                reviews += 1;
                relationship::record_scores(
                    tx,
                    id,
                    &uk(visit),
                    Occasion::Review,
                    &scores(n, reviews.min(3) as u8),
                    visit,
                    now,
                )?;
            }
            visit += Duration::days(7);
        }
        if n == 2 {
            let log = LogInput {
                happened_on: uk(today - Duration::days(2)),
                kind: "visit".into(),
                minutes: "45".into(),
                notes: "Seemed unsteady on her feet.".into(),
                concern: "A fresh bruise on her arm; she said she had fallen but was vague about it.".into(),
            };
            relationship::log(tx, id, &log, today, now)?;
        }
    }
    if target == Stage::Ending {
        day = (today - Duration::days(10)).min(closed - Duration::days(7));
        referrals::move_to(tx, id, Stage::Ending, None, day, now)?;
    }
    if stage == Stage::Closed {
        if close == Some(CloseReason::EndedWell) {
            relationship::record_scores(tx, id, &uk(closed), Occasion::End, &scores(n, 3), closed, now)?;
        }
        referrals::move_to(tx, id, Stage::Closed, close, closed, now)?;
    }
    Ok(())
}
