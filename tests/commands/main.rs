//! Tests of the window's command index, through Tauri's mock runtime (no display needed).

#[path = "../common/names.rs"]
mod names;

mod hostile;
