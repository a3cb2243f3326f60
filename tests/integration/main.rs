//! Integration tests over real database files in temporary folders.

mod support;
#[path = "../common/names.rs"]
mod names;

mod actions;
mod backups;
mod changes;
mod cli;
mod contacts_directory;
mod crash;
mod befriending;
mod befriending_records;
mod bulletins;
mod drivers;
mod hardening;
mod hostile_commands;
mod hostile_text;
mod meeting_record;
mod meetings;
mod mileage;
mod people;
mod print;
mod sample_apart;
mod store;
mod subject_access;
