//! The befriending scheme's paper: the report for a period (anonymous counts only), the
//! coordinator's one-page summary of a referral, and a person's whole record for a subject
//! access request. The person's name is printed only on the last two, and never in the
//! document's title, running header or file name.

use chrono::NaiveDate;

use crate::befriending::detail::ReferralDetail;
use crate::befriending::report::{BefriendingReport, Count};
use crate::befriending::rules::change_words;
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::print::{day_month_year as short, or_not_given as or_none};
use crate::settings::Settings;

fn count_table(doc: &mut Document, heading: &str, counts: &[Count], empty: &str) {
    doc.heading(2, heading);
    if counts.is_empty() {
        doc.paragraph(empty);
        return;
    }
    doc.push(Block::Table {
        columns: vec![Column { heading: String::new(), weight: 4.0 }, Column { heading: "Number".into(), weight: 1.2 }],
        rows: counts.iter().map(|c| vec![c.label.clone(), c.count.to_string()]).collect(),
    });
}

/// The report for a month, a year or any run of months.
pub fn report(settings: &Settings, r: &BefriendingReport, logo: Option<Image>) -> Document {
    let mut doc = Document::new("Befriending scheme report", &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), r.period.clone()];
    doc.running_header = format!("Befriending scheme report, {}", r.period);
    doc.logo = logo;
    let wait = match r.average_days_to_match {
        Some(days) => format!(
            " On average people waited {days} {} from referral to being matched ({} matched).",
            if days == 1 { "day" } else { "days" },
            r.matched
        ),
        None => " Nobody referred in this period has been matched yet.".into(),
    };
    doc.paragraph(format!(
        "{} {} received. {} {} active {}.{wait}",
        r.referrals,
        if r.referrals == 1 { "referral was" } else { "referrals were" },
        r.active_matches,
        match (r.active_matches == 1, r.active_now) {
            (true, true) => "match is",
            (false, true) => "matches are",
            (true, false) => "match was",
            (false, false) => "matches were",
        },
        if r.active_now { "today" } else { "at the end of the period" },
    ));
    doc.paragraph(
        "This report counts people; it names nobody. It includes referrals whose details have since been erased.",
    );
    if let Some(as_of) = &r.shared_as_of {
        doc.paragraph(format!(
            "Made from the numbers the befriending coordinator's laptop shares with the committee (counted by month), as they were on {}.",
            crate::words::long_date(as_of.get(..10).unwrap_or(as_of))
        ));
    }
    doc.heading(2, "How people are doing");
    if r.outcome_people == 0 {
        doc.paragraph("Nobody's wellbeing and loneliness scores were taken again in this period.");
    } else {
        doc.paragraph(format!(
            "The change from the first scores to the latest, for the {} {} whose scores were taken again in this period (ONS4 personal wellbeing; UCLA 3-item loneliness scale; ONS direct loneliness question):",
            r.outcome_people,
            if r.outcome_people == 1 { "person" } else { "people" }
        ));
        doc.push(Block::Bullets(r.outcome_changes.iter().map(|c| vec![Run::plain(c.clone())]).collect()));
    }
    count_table(&mut doc, "Referrals by month", &r.by_month, "No referrals.");
    count_table(&mut doc, "Who referred them", &r.by_source, "No referrals in this period.");
    count_table(&mut doc, "Where those referrals stand now", &r.by_stage, "No referrals in this period.");
    count_table(
        &mut doc,
        "Referrals closed in the period, and why",
        &r.closed_by_reason,
        "None closed in this period.",
    );
    doc
}

fn person_block(doc: &mut Document, d: &ReferralDetail) {
    let r = &d.referral;
    let contact = match r.wants_contact.as_str() {
        "visit" => "Visits",
        "phone" => "Phone calls",
        _ => "Visits or phone calls",
    };
    let days: Vec<String> = r.days.iter().filter_map(|d| crate::words::day_name(d)).map(String::from).collect();
    let categories: Vec<&str> = r.reason_categories.iter().map(|c| c.label()).collect();
    doc.push(Block::KeyValues(vec![
        ("Name".into(), r.full_name.clone()),
        ("Phone".into(), or_none(&r.phone)),
        ("Address".into(), or_none(&r.address)),
        ("Date of birth".into(), r.born_on.as_deref().map(short).unwrap_or_else(|| "Not given".into())),
        ("Age".into(), crate::befriending::referrals::age_band_label(&r.age_band).into()),
        ("Language".into(), or_none(&r.language)),
        ("Interests".into(), or_none(&r.interests)),
        (
            "Would like".into(),
            format!(
                "{contact}{}",
                if r.befriender_gender.is_empty() {
                    String::new()
                } else {
                    format!(", {}", crate::words::befriender_wanted(&r.befriender_gender))
                }
            ),
        ),
        (
            "Good days and times".into(),
            or_none(
                &[days.join(", "), r.times.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ),
        ("Referred by".into(), r.referred_by()),
        ("Received".into(), short(&r.received_on)),
        (
            "Why".into(),
            or_none(
                &[categories.join(", "), r.reason.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(". "),
            ),
        ),
        (
            "Consent".into(),
            match (&r.consent_on, r.consent_how) {
                (Some(on), Some(how)) => {
                    format!("Given {} ({}), taken by {}", short(on), how.label().to_lowercase(), r.consent_taken_by)
                }
                _ => "NOT YET RECORDED".into(),
            },
        ),
        (
            "Stage".into(),
            format!(
                "{} since {}{}",
                r.stage.label(),
                short(&r.stage_since),
                r.close_reason.map(|c| format!(" ({})", c.label().to_lowercase())).unwrap_or_default()
            ),
        ),
    ]));
}

/// The coordinator's summary of one referral: the person, the match, open concerns, progress.
pub fn referral_sheet(settings: &Settings, d: &ReferralDetail, logo: Option<Image>) -> Document {
    let mut doc = Document::new("Befriending referral summary", &settings.group_name);
    doc.subtitle = vec![settings.group_name.clone(), format!("Referral {}", d.referral.id)];
    doc.running_header = format!("Befriending referral {} (confidential)", d.referral.id);
    doc.logo = logo;
    doc.paragraph("Confidential: keep this sheet safe and shred it when it is no longer needed.");
    person_block(&mut doc, d);
    doc.heading(2, "Befriender");
    match d.matches.iter().find(|m| m.ended_on.is_none()) {
        Some(m) => doc.paragraph(format!(
            "{}, matched {}{}.",
            m.befriender_name,
            short(&m.matched_on),
            m.first_met_on
                .as_deref()
                .map(|f| format!(", first met {}", short(f)))
                .unwrap_or_else(|| ", not met yet".into())
        )),
        None => doc.paragraph("Not matched at the moment."),
    };
    let open: Vec<_> = d.concerns.iter().filter(|c| c.is_open()).collect();
    doc.heading(2, "Safeguarding concerns not yet passed on");
    if open.is_empty() {
        doc.paragraph("None.");
    } else {
        doc.push(Block::Bullets(
            open.iter()
                .map(|c| {
                    vec![Run::bold(format!("OPEN since {}: ", short(&c.raised_on))), Run::plain(c.details.clone())]
                })
                .collect(),
        ));
    }
    doc.heading(2, "Progress");
    let mut lines = d.progress.changes.clone();
    if let Some(next) = &d.progress.next_review {
        lines.push(format!("Next review due {}", short(next)));
    }
    if lines.is_empty() {
        doc.paragraph("No scores taken again yet.");
    } else {
        doc.push(Block::Bullets(lines.into_iter().map(|l| vec![Run::plain(l)]).collect()));
    }
    doc
}

/// Everything held about the person, for a subject access request.
pub fn subject_access(settings: &Settings, d: &ReferralDetail, today: NaiveDate, logo: Option<Image>) -> Document {
    let mut doc = super::access::record_document(
        settings,
        "Your befriending record",
        &today.to_string(),
        "in its befriending scheme. If anything is wrong, please tell us and we will correct it.",
        logo,
    );
    doc.heading(2, "About you and your referral");
    person_block(&mut doc, d);
    doc.heading(2, "Times we contacted you while you waited");
    if d.contacts.is_empty() {
        doc.paragraph("None recorded.");
    } else {
        let rows =
            d.contacts.iter().map(|c| vec![short(&c.contacted_on), c.how.label().into(), c.notes.clone()]).collect();
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Date".into(), weight: 1.6 },
                Column { heading: "How".into(), weight: 1.2 },
                Column { heading: "Notes".into(), weight: 4.0 },
            ],
            rows,
        });
    }
    doc.heading(2, "Your befrienders");
    if d.matches.is_empty() {
        doc.paragraph("None yet.");
    } else {
        let lines = d.matches.iter().map(|m| {
            let met = m.first_met_on.as_deref().map(|f| format!("; first met {}", short(f))).unwrap_or_default();
            let ended = m.ended_on.as_deref().map(|e| format!("; ended {}", short(e))).unwrap_or_default();
            vec![Run::plain(format!("{}: matched {}{met}{ended}", m.befriender_name, short(&m.matched_on)))]
        });
        doc.push(Block::Bullets(lines.collect()));
    }
    doc.heading(2, "Visits and calls");
    if d.logs.is_empty() {
        doc.paragraph("None recorded.");
    } else {
        let rows = d
            .logs
            .iter()
            .map(|l| {
                vec![
                    short(&l.happened_on),
                    format!(
                        "{}{}",
                        if l.kind == "visit" { "Visit" } else { "Call" },
                        l.minutes.map(|m| format!(", {m} min")).unwrap_or_default()
                    ),
                    l.notes.clone(),
                ]
            })
            .collect();
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Date".into(), weight: 1.6 },
                Column { heading: "Visit or call".into(), weight: 1.4 },
                Column { heading: "Notes".into(), weight: 4.0 },
            ],
            rows,
        });
    }
    doc.heading(2, "Concerns about your safety or wellbeing");
    if d.concerns.is_empty() {
        doc.paragraph("None recorded.");
    } else {
        let lines = d.concerns.iter().map(|c| {
            let passed = match (&c.passed_on, c.passed_to.as_str()) {
                (Some(on), to) => format!(" Passed to {to} on {}.", short(on)),
                _ => " Not yet passed on.".into(),
            };
            vec![Run::bold(format!("{}: ", short(&c.raised_on))), Run::plain(format!("{}{passed}", c.details))]
        });
        doc.push(Block::Bullets(lines.collect()));
    }
    doc.heading(2, "Wellbeing and loneliness scores");
    if d.scores.is_empty() {
        doc.paragraph("None recorded.");
    } else {
        let rows = d
            .scores
            .iter()
            .map(|s| {
                let v = &s.scores;
                vec![
                    short(&s.taken_on),
                    s.occasion.label().into(),
                    format!("{}, {}, {}, {}", v.satisfied, v.worthwhile, v.happy, v.anxious),
                    v.ucla_total().to_string(),
                    v.direct_loneliness.to_string(),
                ]
            })
            .collect();
        doc.push(Block::Table {
            columns: vec![
                Column { heading: "Date".into(), weight: 1.6 },
                Column { heading: "When".into(), weight: 1.4 },
                Column { heading: "Wellbeing (ONS4)".into(), weight: 1.8 },
                Column { heading: "Loneliness (UCLA)".into(), weight: 1.4 },
                Column { heading: "How often lonely".into(), weight: 1.4 },
            ],
            rows,
        });
        if let (Some(first), Some(last)) = (d.scores.first(), d.scores.last()) {
            if d.scores.len() > 1 {
                doc.push(Block::Bullets(
                    change_words(&first.scores, &last.scores).into_iter().map(|l| vec![Run::plain(l)]).collect(),
                ));
            }
        }
    }
    doc
}
