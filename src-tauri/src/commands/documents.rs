//! Tauri commands for printable documents: preview bytes, save, open, list printers, print.

use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::documents::printers::{self, PrintSetup};
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

/// The way this computer prints (CUPS, or on Windows the PDF program) and its printers.
#[tauri::command(async)]
pub fn list_printers() -> Result<PrintSetup> {
    ppg_desk_core::state::guard(printers::setup)
}

/// Prints the document; returns what to tell the person. On Windows the PDF program prints it
/// on the usual printer, or, when it cannot print by itself, opens it for the person to press
/// Print there.
#[tauri::command(async)]
pub fn print_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: DocumentKind,
    profile: Profile,
    printer: String,
    copies: u32,
) -> Result<String> {
    ppg_desk_core::state::guard(move || {
        let path = ppg_desk_core::documents::export(&state, &kind, profile, state.now())?;
        if cfg!(windows) {
            return print_on_windows(&app, &path);
        }
        let sent = printers::print(&path, &printer, copies, "PPG Desk document");
        // CUPS keeps its own copy of a job once `lp` has returned: ours is no longer needed.
        let _ = std::fs::remove_file(&path);
        sent
    })
}

/// The PDF program prints the file (it reads it in its own time, so the file stays in the
/// session's exports until PPG Desk closes), or shows it for the person to print.
fn print_on_windows<R: Runtime>(app: &AppHandle<R>, path: &std::path::Path) -> Result<String> {
    #[cfg(windows)]
    if printers::print_with_pdf_program(path).is_ok() {
        return Ok("Sent to your usual printer through your PDF program.".into());
    }
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|_| {
        Error::File("No program to show PDF files was found on this computer. Use \"Save as PDF\" instead.".into())
    })?;
    Ok("The document is open in your PDF program: press Print there (or Ctrl and P).".into())
}
