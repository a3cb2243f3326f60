//! Tauri commands for emailing a document through the volunteer's own mail program.

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use ppg_desk_core::documents::DocumentKind;
use ppg_desk_core::email::send::HandedOver;
use ppg_desk_core::email::{
    self, EmailDocument, EmailInput, ListInput, ListKey, MailingLists, Prepared, Sent, Template, Way, Wording,
};
use ppg_desk_core::error::{Error, Result};
use ppg_desk_core::state::AppState;

/// Who `list` reaches, the subject and message filled in, and how it will be handed over.
#[tauri::command(async)]
pub fn prepare_email(state: State<'_, AppState>, kind: DocumentKind, list: ListKey) -> Result<Prepared> {
    ppg_desk_core::state::guard(move || state.read(|conn| email::prepare(conn, &kind, list, state.today())))
}

/// Writes the drafts and hands them to the mail program (opening a draft file where that is
/// the way); records that the document was sent.
#[tauri::command(async)]
pub fn hand_over_email<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: DocumentKind,
    input: EmailInput,
) -> Result<HandedOver> {
    ppg_desk_core::state::guard(move || {
        let done = email::send::hand_over(&state, &kind, &input)?;
        if done.way == Way::DraftFile {
            for draft in &done.drafts {
                app.opener().open_path(draft, None::<&str>).map_err(|_| {
                    Error::File("No mail program opened the message. Use \"Copy the addresses\" and \"Show the PDF in its folder\" instead.".into())
                })?;
            }
        }
        Ok(done)
    })
}

/// Shows a PDF written for emailing in the file manager, selected, to attach in webmail.
#[tauri::command(async)]
pub fn show_email_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: String) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = email::send::written_for_email(&state, &path)?;
        app.opener()
            .reveal_item_in_dir(&path)
            .map_err(|_| Error::File("The folder could not be shown on this computer.".into()))
    })
}

/// What was emailed for a meeting (agenda, minutes) or a bulletin issue, newest first.
#[tauri::command(async)]
pub fn email_sent(state: State<'_, AppState>, kind: DocumentKind) -> Result<Vec<Sent>> {
    ppg_desk_core::state::guard(move || {
        state.read(|conn| match kind {
            DocumentKind::Agenda { meeting_id } | DocumentKind::Minutes { meeting_id } => {
                email::sent_for_meeting(conn, meeting_id)
            }
            DocumentKind::Bulletin { bulletin_id, .. } => email::sent_for_bulletin(conn, bulletin_id),
            _ => Ok(Vec::new()),
        })
    })
}

/// The subject and message of each kind of document (Settings → Email).
#[tauri::command(async)]
pub fn list_email_wordings(state: State<'_, AppState>) -> Result<Vec<Wording>> {
    ppg_desk_core::state::guard(move || state.read(email::wordings))
}

/// Saves the secretary's own wording for one kind of document.
#[tauri::command(async)]
pub fn save_email_wording(state: State<'_, AppState>, document: EmailDocument, template: Template) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| email::save_wording(tx, document, &template)))
}

/// Goes back to PPG Desk's own wording for one kind of document.
#[tauri::command(async)]
pub fn reset_email_wording(state: State<'_, AppState>, document: EmailDocument) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| email::reset_wording(tx, document)))
}

/// Every mailing list today: who each reaches, who is left out and why, and the lists the
/// PPG made itself (Settings → Email).
#[tauri::command(async)]
pub fn list_mailing_lists(state: State<'_, AppState>) -> Result<MailingLists> {
    ppg_desk_core::state::guard(move || state.read(|conn| email::mailing_lists(conn, state.today())))
}

/// Saves a list the PPG made itself (new, or renamed with new people); returns its id.
#[tauri::command(async)]
pub fn save_mailing_list(state: State<'_, AppState>, input: ListInput) -> Result<i64> {
    ppg_desk_core::state::guard(move || state.write(|tx| email::save_list(tx, &input)))
}

/// Deletes a list the PPG made itself; its people stay in People.
#[tauri::command(async)]
pub fn delete_mailing_list(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| email::delete_list(tx, id)))
}
