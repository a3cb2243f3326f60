//! Integration tests over real database files in temporary folders.

mod support;

mod backups;
mod cli;
mod meetings;
mod people;
mod print;
mod store;
