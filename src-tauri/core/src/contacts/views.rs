//! What the contact screens show and report, built from the rules and the store: a contact
//! with their log, and what a contact-card import did.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{CheckedContact, Contact, Interaction};
use crate::error::Result;

/// A contact with their log, for their page.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactDetail {
    pub contact: Contact,
    pub interactions: Vec<Interaction>,
}

/// A contact and their log, newest first.
pub fn detail(conn: &rusqlite::Connection, id: i64) -> Result<ContactDetail> {
    Ok(ContactDetail { contact: super::get(conn, id)?, interactions: super::interactions(conn, id)? })
}

/// What an import did: how many were added, or why nothing was.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactImport {
    pub imported: u32,
    pub problems: Vec<String>,
}

/// Adds every contact read from a file (the caller's transaction makes it all or nothing).
pub fn import(conn: &Connection, contacts: &[CheckedContact], now: &str) -> Result<ContactImport> {
    for c in contacts {
        super::insert(conn, c, now)?;
    }
    Ok(ContactImport { imported: contacts.len() as u32, problems: Vec::new() })
}
