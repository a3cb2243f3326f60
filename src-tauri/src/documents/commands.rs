//! Tauri commands for printable documents: preview bytes, save, open, list printers, print.

use std::path::PathBuf;

use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::printers::{self, Printer};
use super::DocumentKind;
use crate::error::{Error, Result};
use crate::print::Profile;
use crate::state::AppState;

/// The PDF itself, as raw bytes (an ArrayBuffer in the UI), for the preview.
#[tauri::command]
pub fn render_document(state: State<'_, AppState>, kind: DocumentKind, profile: Profile) -> Result<Response> {
    Ok(Response::new(super::render(&state, &kind, profile, state.now())?))
}

#[tauri::command]
pub fn suggest_document_file_name(state: State<'_, AppState>, kind: DocumentKind, profile: Profile) -> String {
    super::file_name(&kind, profile, state.today())
}

#[tauri::command]
pub fn save_document(state: State<'_, AppState>, kind: DocumentKind, profile: Profile, path: PathBuf) -> Result<()> {
    let bytes = super::render(&state, &kind, profile, state.now())?;
    crate::files::write_atomically(&path, &bytes)
}

#[tauri::command]
pub fn open_document(app: AppHandle, state: State<'_, AppState>, kind: DocumentKind, profile: Profile) -> Result<()> {
    let path = super::export(&state, &kind, profile, state.now())?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|_| Error::File("No program to show PDF files was found on this computer. Use \"Save as PDF\" instead.".into()))
}

#[tauri::command]
pub fn list_printers() -> Result<Vec<Printer>> {
    printers::list()
}

#[tauri::command]
pub fn print_document(state: State<'_, AppState>, kind: DocumentKind, profile: Profile, printer: String, copies: u32) -> Result<String> {
    let path = super::export(&state, &kind, profile, state.now())?;
    printers::print(&path, &printer, copies, "PPG Desk document")
}
