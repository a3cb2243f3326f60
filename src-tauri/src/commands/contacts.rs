//! Tauri commands for contacts: thin adapters over `contacts` and `contacts::vcard`.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::contacts::views::{self, ContactDetail, ContactImport};
use ppg_desk_core::contacts::{Contact, ContactInput, InteractionInput};
use ppg_desk_core::error::Result;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_contacts(state: State<'_, AppState>, search: String) -> Result<Vec<Contact>> {
    ppg_desk_core::state::guard(move || state.read(|conn| ppg_desk_core::contacts::list(conn, &search)))
}

#[tauri::command(async)]
pub fn get_contact(state: State<'_, AppState>, id: i64) -> Result<ContactDetail> {
    ppg_desk_core::state::guard(move || state.read(|conn| views::detail(conn, id)))
}

#[tauri::command(async)]
pub fn create_contact(state: State<'_, AppState>, input: ContactInput) -> Result<ContactDetail> {
    ppg_desk_core::state::guard(move || {
        let contact = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            let id = ppg_desk_core::contacts::insert(tx, &contact, &now)?;
            views::detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_contact(state: State<'_, AppState>, id: i64, input: ContactInput) -> Result<ContactDetail> {
    ppg_desk_core::state::guard(move || {
        let contact = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::contacts::update(tx, id, &contact, &now)?;
            views::detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn delete_contact(state: State<'_, AppState>, id: i64) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| ppg_desk_core::contacts::delete(tx, id)))
}

#[tauri::command(async)]
pub fn add_contact_interaction(state: State<'_, AppState>, id: i64, input: InteractionInput) -> Result<ContactDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            ppg_desk_core::contacts::add_interaction(tx, id, &input, today, &now)?;
            views::detail(tx, id)
        })
    })
}

/// Writes one contact (`id`) or all of them as a vCard file where the person chose.
#[tauri::command(async)]
pub fn save_contacts_vcard(state: State<'_, AppState>, id: Option<i64>, path: ChosenFile) -> Result<u32> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let contacts = state.read(|conn| match id {
            Some(id) => Ok(vec![ppg_desk_core::contacts::get(conn, id)?]),
            None => ppg_desk_core::contacts::list(conn, ""),
        })?;
        ppg_desk_core::files::write_atomically(&path, ppg_desk_core::contacts::vcard::export(&contacts).as_bytes())?;
        Ok(contacts.len() as u32)
    })
}

#[tauri::command(async)]
pub fn import_contacts_vcard(state: State<'_, AppState>, path: ChosenFile) -> Result<ContactImport> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let text = ppg_desk_core::contacts::vcard::read_file(&path)?;
        let now = state.stamp();
        match ppg_desk_core::contacts::vcard::read(&text) {
            Err(problems) => Ok(ContactImport { imported: 0, problems }),
            Ok(contacts) => state.write(|tx| views::import(tx, &contacts, &now)),
        }
    })
}
