//! The befriending scheme (in progress). So far: its rules (`rules.rs`: the referral pipeline
//! and consent gate, waiting-list prompts, review dates, outcome scores, ranking
//! befrienders), and referrals in the store (`referrals.rs`, SQL in `sql.rs`): the person
//! referred, who referred them and why, consent, moving along the pipeline, the contacts log
//! and the waiting list; befrienders and matching with reasons, and the first meeting
//! (`matching.rs`, SQL in `match_sql.rs`); visit and call logs, safeguarding concerns and
//! outcome scores with the next review (`relationship.rs`, SQL in `relationship_sql.rs`).
//! Retention and erasure keeping anonymous lines for reports (`retention.rs`, SQL in
//! `retention_sql.rs`). Subject access, reports, printing and the screens are not built yet.

mod match_sql;
pub mod matching;
pub mod referrals;
pub mod relationship;
mod relationship_sql;
pub mod retention;
pub mod retention_sql;
pub mod rules;
mod sql;

pub use match_sql::{befrienders, get_befriender, insert_befriender};
pub use relationship_sql::open_concerns;
pub use sql::{get, insert, list};
