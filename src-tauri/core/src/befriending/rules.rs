//! Befriending rules: where a referral may move next (nothing past "received" without
//! recorded consent; closing needs a reason), who on the waiting list needs a call, when
//! reviews fall due, what a valid outcome score is, and how well a befriender suits a person,
//! with the reasons in words.

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

keyed_enum!(
    /// The referral pipeline, in order.
    Stage {
        Received = "received": "Received",
        ConsentConfirmed = "consent_confirmed": "Consent confirmed",
        Contacted = "contacted": "Contacted",
        Assessed = "assessed": "Assessed",
        Waiting = "waiting": "Waiting for a match",
        Matched = "matched": "Matched",
        Active = "active": "Active",
        Ending = "ending": "Ending",
        Closed = "closed": "Closed",
    }
);

keyed_enum!(
    /// Why a referral was closed.
    CloseReason {
        EndedWell = "ended_well": "Ended well",
        MovedAway = "moved_away": "Moved away",
        Declined = "declined": "Declined",
        WentIntoCare = "went_into_care": "Went into care",
        Died = "died": "Died",
        Other = "other": "Other",
    }
);

impl Stage {
    fn position(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// Why a referral cannot move from `from` to `to`, in words; None when it can. A referral
/// moves one step on (or back one step), can close from anywhere with a reason, and never
/// passes "received" without recorded consent.
pub fn transition_problem(
    from: Stage,
    to: Stage,
    has_consent: bool,
    close_reason: Option<CloseReason>,
) -> Option<String> {
    if from == to {
        return Some(format!("This referral is already {}.", to.label().to_lowercase()));
    }
    if from == Stage::Closed {
        return Some("This referral is closed. Start a new referral if they are referred again.".into());
    }
    if to == Stage::Closed {
        return match close_reason {
            None => Some("Please choose why the referral is closing.".into()),
            Some(_) => None,
        };
    }
    if to.position() > Stage::Received.position() && !has_consent {
        return Some(
            "Consent has not been recorded. Record when they agreed, who took their consent and how (in person, by phone or in writing) before going further."
                .into(),
        );
    }
    let (a, b) = (from.position(), to.position());
    if b == a + 1 || b + 1 == a {
        None
    } else {
        Some(format!(
            "A referral moves one step at a time: from {} the next step is {}.",
            from.label().to_lowercase(),
            Stage::ALL[a + 1].label().to_lowercase()
        ))
    }
}

/// Someone waiting who has not been contacted within `every_days` (from the last contact,
/// or from when they were referred): how many days it has been; None when all is well.
pub fn overdue_contact(
    stage: Stage,
    received_on: NaiveDate,
    last_contact: Option<NaiveDate>,
    every_days: u32,
    today: NaiveDate,
) -> Option<i64> {
    let waiting = matches!(
        stage,
        Stage::Received | Stage::ConsentConfirmed | Stage::Contacted | Stage::Assessed | Stage::Waiting
    );
    if !waiting {
        return None;
    }
    let since = last_contact.unwrap_or(received_on);
    let days = (today - since).num_days();
    (days >= every_days as i64).then_some(days)
}

/// When reviews fall due after the first meeting: at 6 weeks, then every 3 months.
pub fn review_dates(first_meeting: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let mut next = first_meeting + Duration::weeks(6);
    while next <= until {
        dates.push(next);
        next = next.checked_add_months(Months::new(3)).unwrap_or(until + Duration::days(1));
    }
    dates
}

/// The next review due after the last one done (or after the first meeting if none).
pub fn next_review(first_meeting: NaiveDate, reviews_done: usize) -> NaiveDate {
    let six_weeks = first_meeting + Duration::weeks(6);
    if reviews_done == 0 {
        return six_weeks;
    }
    six_weeks.checked_add_months(Months::new(3 * reviews_done as u32)).unwrap_or(six_weeks)
}

/// One set of outcome measures: ONS4 personal wellbeing (life satisfaction, worthwhile,
/// happiness, anxiety; each 0 to 10) and the UCLA 3-item loneliness scale (each 1 to 3) with
/// the ONS direct loneliness question (1 "often or always" to 5 "never").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Scores {
    pub satisfied: u8,
    pub worthwhile: u8,
    pub happy: u8,
    pub anxious: u8,
    pub lack_companionship: u8,
    pub left_out: u8,
    pub isolated: u8,
    pub direct_loneliness: u8,
}

impl Scores {
    /// What is out of range, by field, in words.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (field, value) in [
            ("satisfied", self.satisfied),
            ("worthwhile", self.worthwhile),
            ("happy", self.happy),
            ("anxious", self.anxious),
        ] {
            if value > 10 {
                out.push((field, "Please choose a score from 0 to 10.".to_string()));
            }
        }
        for (field, value) in
            [("lackCompanionship", self.lack_companionship), ("leftOut", self.left_out), ("isolated", self.isolated)]
        {
            if !(1..=3).contains(&value) {
                out.push((
                    field,
                    "Please choose 1 (hardly ever or never), 2 (some of the time) or 3 (often).".to_string(),
                ));
            }
        }
        if !(1..=5).contains(&self.direct_loneliness) {
            out.push((
                "directLoneliness",
                "Please choose an answer from 1 (often or always) to 5 (never).".to_string(),
            ));
        }
        out
    }

    /// The UCLA 3-item total: 3 (least lonely) to 9 (most lonely).
    pub fn ucla_total(&self) -> u8 {
        self.lack_companionship + self.left_out + self.isolated
    }
}

/// The change from the first scores to the latest, in words a coordinator can report
/// ("Life satisfaction up 3 (from 4 to 7)"), better or worse as each measure runs.
pub fn change_words(first: &Scores, latest: &Scores) -> Vec<String> {
    let mut out = Vec::new();
    let mut say = |name: &str, from: u8, to: u8, higher_is_better: bool| {
        let diff = to as i16 - from as i16;
        let words = match diff {
            0 => format!("{name} unchanged at {to}"),
            d => {
                let better = (d > 0) == higher_is_better;
                format!(
                    "{name} {} {} (from {from} to {to}; {})",
                    if d > 0 { "up" } else { "down" },
                    d.abs(),
                    if better { "better" } else { "worse" }
                )
            }
        };
        out.push(words);
    };
    say("Life satisfaction", first.satisfied, latest.satisfied, true);
    say("Feeling things are worthwhile", first.worthwhile, latest.worthwhile, true);
    say("Happiness yesterday", first.happy, latest.happy, true);
    say("Anxiety yesterday", first.anxious, latest.anxious, false);
    say("Loneliness (UCLA, 3 to 9)", first.ucla_total(), latest.ucla_total(), false);
    say("How often lonely (1 often to 5 never)", first.direct_loneliness, latest.direct_loneliness, true);
    out
}

/// What a person referred would like, for matching.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wants {
    pub interests: Vec<String>,
    pub language: String,
    pub area: String,
    pub days: Vec<String>,
    /// "visit", "phone" or "" (either).
    pub contact: String,
    /// "female", "male" or "" (no preference).
    pub befriender_gender: String,
}

/// What a befriender offers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Offers {
    pub interests: Vec<String>,
    pub languages: Vec<String>,
    pub area: String,
    pub days: Vec<String>,
    /// "visit", "phone" or "" (either).
    pub contact: String,
    pub gender: String,
    pub capacity: u32,
    pub matched: u32,
}

fn folded(words: &[String]) -> Vec<String> {
    words.iter().map(|w| crate::check::fold_for_search(w.trim())).filter(|w| !w.is_empty()).collect()
}

/// How well `offers` suits `wants`: a score and the reasons for it, or why they cannot be
/// matched at all (no room, the wrong kind of contact, a gender preference).
pub fn suitability(wants: &Wants, offers: &Offers) -> Result<(u32, Vec<String>), String> {
    if offers.matched >= offers.capacity {
        return Err(format!("has no room ({} of {} already)", offers.matched, offers.capacity));
    }
    if !wants.contact.is_empty() && !offers.contact.is_empty() && wants.contact != offers.contact {
        return Err(format!("offers {} only", if offers.contact == "phone" { "phone calls" } else { "visits" }));
    }
    if !wants.befriender_gender.is_empty() && !offers.gender.is_empty() && wants.befriender_gender != offers.gender {
        return Err("does not match their preference for a befriender".into());
    }
    let mut score = 0;
    let mut reasons = Vec::new();
    let theirs = folded(&offers.interests);
    let shared: Vec<String> =
        wants.interests.iter().filter(|i| theirs.contains(&crate::check::fold_for_search(i.trim()))).cloned().collect();
    if !shared.is_empty() {
        score += 3 * shared.len() as u32;
        reasons.push(format!("shares an interest in {}", shared.join(", ")));
    }
    if !wants.language.is_empty() && folded(&offers.languages).contains(&crate::check::fold_for_search(&wants.language))
    {
        score += 4;
        reasons.push(format!("speaks {}", wants.language));
    }
    if !wants.area.is_empty()
        && crate::check::fold_for_search(&wants.area) == crate::check::fold_for_search(&offers.area)
    {
        score += 2;
        reasons.push(format!("lives in {} too", offers.area));
    }
    let days: Vec<&String> = wants.days.iter().filter(|d| offers.days.contains(d)).collect();
    if !days.is_empty() {
        score += 2;
        reasons.push(format!(
            "free on {}",
            days.iter()
                .filter_map(|d| crate::words::day_name(d))
                .map(|d| format!("{d}s"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let room = offers.capacity - offers.matched;
    score += room.min(3);
    reasons.push(format!("has room for {room} more"));
    Ok((score, reasons))
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
