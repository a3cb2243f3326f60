//! Tauri commands for contacts: thin adapters over `contacts` and `contacts::vcard`.

use tauri::State;

use super::views::{self, ContactDetail, ContactImport};
use super::{Contact, ContactInput, InteractionInput};
use crate::dialogs::commands::ChosenFile;
use crate::error::Result;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_contacts(state: State<'_, AppState>, search: String) -> Result<Vec<Contact>> {
    crate::state::guard(move || state.read(|conn| super::list(conn, &search)))
}

#[tauri::command(async)]
pub fn get_contact(state: State<'_, AppState>, id: i64) -> Result<ContactDetail> {
    crate::state::guard(move || state.read(|conn| views::detail(conn, id)))
}

#[tauri::command(async)]
pub fn create_contact(state: State<'_, AppState>, input: ContactInput) -> Result<ContactDetail> {
    crate::state::guard(move || {
        let contact = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            let id = super::insert(tx, &contact, &now)?;
            views::detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_contact(state: State<'_, AppState>, id: i64, input: ContactInput) -> Result<ContactDetail> {
    crate::state::guard(move || {
        let contact = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            super::update(tx, id, &contact, &now)?;
            views::detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn delete_contact(state: State<'_, AppState>, id: i64) -> Result<()> {
    crate::state::guard(move || state.write(|tx| super::delete(tx, id)))
}

#[tauri::command(async)]
pub fn add_contact_interaction(state: State<'_, AppState>, id: i64, input: InteractionInput) -> Result<ContactDetail> {
    crate::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            super::add_interaction(tx, id, &input, today, &now)?;
            views::detail(tx, id)
        })
    })
}

/// Writes one contact (`id`) or all of them as a vCard file where the person chose.
#[tauri::command(async)]
pub fn save_contacts_vcard(state: State<'_, AppState>, id: Option<i64>, path: ChosenFile) -> Result<u32> {
    crate::state::guard(move || {
        let path = path.0;
        let contacts = state.read(|conn| match id {
            Some(id) => Ok(vec![super::get(conn, id)?]),
            None => super::list(conn, ""),
        })?;
        crate::files::write_atomically(&path, super::vcard::export(&contacts).as_bytes())?;
        Ok(contacts.len() as u32)
    })
}

#[tauri::command(async)]
pub fn import_contacts_vcard(state: State<'_, AppState>, path: ChosenFile) -> Result<ContactImport> {
    crate::state::guard(move || {
        let path = path.0;
        let text = super::vcard::read_file(&path)?;
        let now = state.stamp();
        match super::vcard::read(&text) {
            Err(problems) => Ok(ContactImport { imported: 0, problems }),
            Ok(contacts) => state.write(|tx| views::import(tx, &contacts, &now)),
        }
    })
}
