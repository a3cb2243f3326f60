//! The window's adapters: one file per feature, each `#[tauri::command]` a few lines that
//! take the arguments, call the core's operation inside the panic guard and return.

pub mod actions;
pub mod backups;
pub mod befriending;
pub mod bulletins;
pub mod contacts;
pub mod dashboard;
pub mod dialogs;
pub mod directory;
pub mod documents;
pub mod drivers;
pub mod email;
pub mod feedback;
pub mod meetings;
pub mod membership;
pub mod officers;
pub mod people;
pub mod progress;
pub mod search;
pub mod security;
pub mod settings;
pub mod sharing;
pub mod startup;
pub mod surveys;
