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

pub mod commands;
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
pub mod retention_sql;
pub mod rules;
mod sql;

pub use match_sql::{befrienders, forget_old_dbs_references, get_befriender, insert_befriender, update_befriender};
pub use relationship_sql::open_concerns;
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
