//! Tauri commands for printable documents: preview bytes, save, open, list printers, print.

use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::documents::printers::{self, Printer};
use ppg_desk_core::documents::DocumentKind;
use ppg_desk_core::error::{Error, Result};
use ppg_desk_core::print::Profile;
use ppg_desk_core::state::AppState;

/// The PDF itself, as raw bytes (an ArrayBuffer in the UI), for the preview.
#[tauri::command(async)]
pub fn render_document(state: State<'_, AppState>, kind: DocumentKind, profile: Profile) -> Result<Response> {
    ppg_desk_core::state::guard(move || {
        Ok(Response::new(ppg_desk_core::documents::render(&state, &kind, profile, state.now())?))
    })
}

#[tauri::command(async)]
pub fn suggest_document_file_name(state: State<'_, AppState>, kind: DocumentKind, profile: Profile) -> Result<String> {
    ppg_desk_core::state::guard(move || Ok(ppg_desk_core::documents::file_name(&kind, profile, state.today())))
}

#[tauri::command(async)]
pub fn save_document(state: State<'_, AppState>, kind: DocumentKind, profile: Profile, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let bytes = ppg_desk_core::documents::render(&state, &kind, profile, state.now())?;
        ppg_desk_core::files::write_atomically(&path, &bytes)
    })
}

#[tauri::command(async)]
pub fn open_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: DocumentKind,
    profile: Profile,
) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = ppg_desk_core::documents::export(&state, &kind, profile, state.now())?;
        app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|_| {
            Error::File("No program to show PDF files was found on this computer. Use \"Save as PDF\" instead.".into())
        })
    })
}

#[tauri::command(async)]
pub fn list_printers() -> Result<Vec<Printer>> {
    ppg_desk_core::state::guard(printers::list)
}

#[tauri::command(async)]
pub fn print_document(
    state: State<'_, AppState>,
    kind: DocumentKind,
    profile: Profile,
    printer: String,
    copies: u32,
) -> Result<String> {
    ppg_desk_core::state::guard(move || {
        let path = ppg_desk_core::documents::export(&state, &kind, profile, state.now())?;
        let sent = printers::print(&path, &printer, copies, "PPG Desk document");
        // CUPS keeps its own copy of a job once `lp` has returned: ours is no longer needed.
        let _ = std::fs::remove_file(&path);
        sent
    })
}
