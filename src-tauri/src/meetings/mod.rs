//! Meetings: the rules so far, ahead of the meetings screens (issue 4): when the next
//! meeting falls (`schedule`) and how a meeting moves from planned to approved minutes
//! (`status`). Storage, screens and printing of agendas and minutes come next.

pub mod schedule;
pub mod status;
