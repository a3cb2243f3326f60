//! Integration tests over real database files in temporary folders.

mod support;

mod actions;
mod backups;
mod befriending;
mod befriending_records;
mod bulletins;
mod changes;
mod cli;
mod cli_share;
mod cli_window;
mod contacts;
mod crash;
mod directory;
mod driver_records;
mod drivers;
mod email;
mod global_ids;
mod hardening;
mod hostile_text;
mod meeting_record;
mod meetings;
mod mileage;
mod people;
mod print;
mod progress;
mod sample_apart;
mod security;
mod sharing;
mod sharing_converge;
mod sharing_rotate;
mod sharing_schemes;
mod sharing_tidy;
mod sharing_twice;
mod store;
mod subject_access;
