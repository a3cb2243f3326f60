//! The befriending scheme: its rules (`rules.rs`: the referral pipeline and consent gate,
//! waiting-list prompts, review dates, outcome scores, ranking befrienders); referrals
//! (`referrals.rs`, SQL in `sql.rs`): the person referred, who referred them and why,
//! consent, moving along the pipeline, the contacts log and the waiting list; befrienders and
//! matching with reasons, and the first meeting (`matching.rs`, SQL in `match_sql.rs`); visit
//! and call logs, safeguarding concerns and outcome scores with the next review
//! (`relationship.rs`, SQL in `relationship_sql.rs`); a referral's whole record for its page,
//! its summary sheet and subject access (`detail.rs`, `detail_sql.rs`); the anonymous report
//! (`report.rs`, `report_sql.rs`); retention and erasure keeping anonymous lines for reports
//! (`retention.rs`, `retention_sql.rs`); the window's commands (`commands.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::NaiveDate;

use self::rules::{CloseReason, Scores, Stage};

pub mod detail;
mod detail_sql;
mod match_sql;
pub mod matching;
pub mod referrals;
pub mod relationship;
mod relationship_sql;
pub mod report;
mod report_sql;
pub mod retention;
mod retention_sql;
pub mod rules;
mod sql;
pub mod summary;
pub mod views;

pub use match_sql::{befrienders, forget_old_dbs_references, get_befriender, insert_befriender, update_befriender};
pub use relationship_sql::open_concerns;
pub use retention_sql::history_count;
pub use sql::{get, insert, list};

/// Everything held about a referred person as JSON (subject access): the same record the
/// PDF prints, with when and by whom it was exported.
pub fn subject_access_json(
    conn: &rusqlite::Connection,
    referral_id: i64,
    today: chrono::NaiveDate,
) -> crate::error::Result<String> {
    let group = crate::settings::load(conn)?.unwrap_or_default().group_name;
    let record = detail::detail(conn, referral_id, today)?;
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct SubjectAccessFile {
        about: String,
        exported_on: String,
        record: detail::ReferralDetail,
    }
    let file = SubjectAccessFile {
        about: format!("Everything {group} holds about this person in its befriending scheme."),
        exported_on: today.to_string(),
        record,
    };
    Ok(serde_json::to_string_pretty(&file).expect("the record is plain data"))
}

// The rows the feature's SQL files read and write, kept here so each `*_sql.rs` imports only
// types and never the rules that use them: data flows one way inside the feature.

/// A call, visit, letter or email while the person waited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactLine {
    #[ts(type = "number")]
    pub id: i64,
    pub contacted_on: String,
    pub how: ContactHow,
    pub notes: String,
}

/// A visit or call of a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LogLine {
    #[ts(type = "number")]
    pub id: i64,
    pub befriender_name: String,
    pub happened_on: String,
    /// "visit" or "call".
    pub kind: String,
    pub minutes: Option<u32>,
    pub notes: String,
}

/// A match with a befriender: when it was made, first meeting, ending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MatchLine {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub befriender_id: Option<i64>,
    /// The befriender's name, or "A befriender no longer with the scheme".
    pub befriender_name: String,
    pub matched_on: String,
    pub first_met_on: Option<String>,
    pub ended_on: Option<String>,
}

/// A safeguarding concern, highlighted until it says who it was passed to and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Concern {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub referral_id: i64,
    /// The visit or call it was raised on, if any.
    #[ts(type = "number | null")]
    pub log_id: Option<i64>,
    pub raised_on: String,
    pub details: String,
    pub passed_to: String,
    pub passed_on: Option<String>,
}

keyed_enum!(
    /// When outcome scores were taken.
    Occasion {
        Start = "start": "At the start",
        Review = "review": "At a review",
        End = "end": "At the end",
    }
);

/// What the report needs of one referral, live or erased (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportRow {
    pub received_on: String,
    pub source: String,
    /// None for an erased referral (they were all closed).
    pub stage: Option<Stage>,
    pub closed_on: Option<String>,
    pub close_reason: String,
    pub days_to_match: Option<i64>,
    /// Outcome scores in date order (live referrals only).
    pub scores: Vec<(String, Scores)>,
}

// The referral and befriender rows, for the same reason.

keyed_enum!(
    /// Who referred the person.
    Source {
        Splw = "splw": "Social prescribing link worker",
        Gp = "gp": "GP",
        SelfReferral = "self": "Self-referral",
        Family = "family": "Family or friend",
        Other = "other": "Other",
    }
);

keyed_enum!(
    /// Why someone was referred (as many as apply), for reports.
    ReasonCategory {
        LivesAlone = "lives_alone": "Lives alone",
        Bereaved = "bereaved": "Bereavement",
        LowMood = "low_mood": "Low mood or anxiety",
        Mobility = "mobility": "Limited mobility",
        Carer = "carer": "Carer or former carer",
        NewToArea = "new_to_area": "New to the area",
        LostConfidence = "lost_confidence": "Lost confidence after illness or a fall",
        Other = "other": "Other",
    }
);

keyed_enum!(
    /// How someone waiting was contacted.
    ContactHow {
        Phone = "phone": "Phone call",
        Visit = "visit": "Visit",
        Letter = "letter": "Letter",
        Email = "email": "Email",
    }
);

keyed_enum!(
    /// How consent was given.
    ConsentHow {
        InPerson = "in_person": "In person",
        Phone = "phone": "By phone",
        Written = "written": "In writing",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Referral {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub phone: String,
    pub address: String,
    pub born_on: Option<String>,
    pub age_band: String,
    pub language: String,
    pub interests: String,
    pub area: String,
    pub wants_contact: String,
    pub befriender_gender: String,
    pub days: Vec<String>,
    pub times: String,
    pub source: Source,
    #[ts(type = "number | null")]
    pub referrer_contact_id: Option<i64>,
    pub referrer_name: String,
    /// The name of the referrer chosen from Contacts, if any.
    pub referrer_contact_name: Option<String>,
    pub reason: String,
    pub reason_categories: Vec<ReasonCategory>,
    pub received_on: String,
    pub consent_on: Option<String>,
    pub consent_taken_by: String,
    pub consent_how: Option<ConsentHow>,
    pub stage: Stage,
    pub stage_since: String,
    pub close_reason: Option<CloseReason>,
    pub closed_on: Option<String>,
    pub last_contact: Option<String>,
}

/// A referral that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedReferral {
    pub input: ReferralInput,
    pub born_on: Option<NaiveDate>,
    pub source: Source,
    pub received_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Befriender {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub dbs_checked_on: Option<String>,
    pub dbs_reference: String,
    pub dbs_renew_on: Option<String>,
    pub trained_on: Option<String>,
    pub interests: String,
    pub languages: String,
    pub area: String,
    pub days: Vec<String>,
    pub contact: String,
    pub gender: String,
    pub capacity: u32,
    pub active: bool,
    /// People they befriend now (current matches).
    pub matched: u32,
}

/// A befriender that passed every check (dates as ISO text, ready to store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedBefriender {
    pub input: BefrienderInput,
    pub person_id: i64,
    pub dbs_checked_on: Option<String>,
    pub dbs_renew_on: Option<String>,
    pub trained_on: Option<String>,
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReferralInput {
    pub full_name: String,
    pub phone: String,
    pub address: String,
    pub born_on: String,
    pub age_band: String,
    pub language: String,
    pub interests: String,
    pub area: String,
    pub wants_contact: String,
    pub befriender_gender: String,
    pub days: Vec<String>,
    pub times: String,
    pub source: Option<Source>,
    #[ts(type = "number | null")]
    pub referrer_contact_id: Option<i64>,
    pub referrer_name: String,
    pub reason: String,
    pub reason_categories: Vec<ReasonCategory>,
    pub received_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct BefrienderInput {
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    pub dbs_checked_on: String,
    pub dbs_reference: String,
    pub dbs_renew_on: String,
    pub trained_on: String,
    pub interests: String,
    pub languages: String,
    pub area: String,
    pub days: Vec<String>,
    pub contact: String,
    pub gender: String,
    pub capacity: String,
    pub active: bool,
}
