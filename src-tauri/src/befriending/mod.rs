//! The befriending scheme (in progress). So far: its rules (`rules.rs`: the referral pipeline
//! and consent gate, waiting-list prompts, review dates, outcome scores, ranking
//! befrienders), and referrals in the store (`referrals.rs`, SQL in `sql.rs`): the person
//! referred, who referred them and why, consent, moving along the pipeline, the contacts log
//! and the waiting list; befrienders and matching with reasons, and the first meeting
//! (`matching.rs`, SQL in `match_sql.rs`). Visit logs, safeguarding concerns, outcome
//! scores, data-protection tools, printing and the screens are not built yet.

mod match_sql;
pub mod matching;
pub mod referrals;
pub mod rules;
mod sql;

pub use match_sql::{befrienders, get_befriender, insert_befriender};
pub use sql::{get, insert, list};
