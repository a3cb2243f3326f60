//! Tauri commands that show the system's open and save dialogs and record what was chosen;
//! and `ChosenFile`, the argument every command that takes a path from the window uses.

use std::path::PathBuf;

use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

use ppg_desk_core::dialogs::FileKind;
use ppg_desk_core::error::{Error, Result};
use ppg_desk_core::state::AppState;

/// A path the person chose in a dialog this session: checked as the command's arguments are
/// read, so a command cannot forget to check it.
pub struct ChosenFile(pub PathBuf);

impl<'de, R: Runtime> CommandArg<'de, R> for ChosenFile {
    fn from_command(command: CommandItem<'de, R>) -> std::result::Result<Self, InvokeError> {
        let webview = command.message.webview();
        let path = PathBuf::from_command(command)?;
        let state = webview.state::<AppState>();
        state
            .chosen
            .check(path)
            .map(ChosenFile)
            .map_err(|e| InvokeError::from(serde_json::to_value(&e).unwrap_or_default()))
    }
}

/// For the end-to-end tests only: a file that stands for the person's choice, because a
/// native dialog cannot be driven. Set in the environment when the app is started, which a
/// page cannot do.
fn test_choice() -> Option<PathBuf> {
    std::env::var_os("PPG_DESK_TEST_CHOICE").filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// Shows the system's "Open" dialog; returns the chosen file, or nothing if cancelled.
#[tauri::command(async)]
pub fn choose_open_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: FileKind,
) -> Result<Option<PathBuf>> {
    ppg_desk_core::state::guard(move || choose(&app, &state, kind, |dialog| dialog.blocking_pick_file()))
}

/// Shows the system's "Save" dialog with a suggested name; returns where, or nothing.
#[tauri::command(async)]
pub fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: FileKind,
    suggested_name: String,
) -> Result<Option<PathBuf>> {
    ppg_desk_core::state::guard(move || {
        choose(&app, &state, kind, |dialog| {
            let dialog = dialog.set_file_name(suggested_name);
            match kind.save_title() {
                Some(title) => dialog.set_title(title).blocking_save_file(),
                None => dialog.blocking_save_file(),
            }
        })
    })
}

/// Shows the system's "choose a folder" dialog for the shared folder; returns it, or nothing.
#[tauri::command(async)]
pub fn choose_shared_folder<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<String>> {
    ppg_desk_core::state::guard(move || {
        let chosen = match test_choice() {
            Some(path) => Some(path),
            None => app.dialog().file().blocking_pick_folder().and_then(|p| p.into_path().ok()),
        };
        if let Some(path) = &chosen {
            state.chosen.record(path);
        }
        Ok(chosen.map(|p| p.display().to_string()))
    })
}

/// Shows a dialog for `kind` starting in Documents (or takes the tests' stand-in) and
/// remembers what the person chose, the only paths commands will then accept.
fn choose<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    kind: FileKind,
    show: impl FnOnce(FileDialogBuilder<R>) -> Option<FilePath>,
) -> Result<Option<PathBuf>> {
    let chosen = match test_choice() {
        Some(path) => Some(path),
        None => {
            let (name, endings) = kind.filter();
            let mut dialog = app.dialog().file().add_filter(name, endings);
            if let Some(folder) = ppg_desk_core::dialogs::start_folder() {
                dialog = dialog.set_directory(folder);
            }
            show(dialog).map(|p| p.into_path().map_err(|_| unreadable())).transpose()?
        }
    };
    if let Some(path) = &chosen {
        state.chosen.record(path);
    }
    Ok(chosen)
}

fn unreadable() -> Error {
    Error::File("That place could not be used: please choose a file on this computer.".into())
}
