//! The befriending scheme (in progress): so far only its rules, kept apart from any store so
//! they can be tested on their own, in `rules.rs`: the referral pipeline and the consent
//! gate, waiting-list prompts, review dates, outcome scores (ONS4 and the UCLA 3-item
//! loneliness scale with the ONS direct question) and ranking befrienders for a match.
//! Referrals, befrienders, matches and their screens are not built yet.

pub mod rules;
