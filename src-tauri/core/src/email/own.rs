//! Mailing lists the PPG makes itself ("Practice team", "Newsletter helpers"): a name and
//! people chosen from People. A list holds people, never addresses, so who it reaches is
//! worked out each time by the same consent rules as PPG Desk's own lists.

use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

use super::lists::{key_for, ListKey};
use super::sql;
use crate::error::Result;

pub use sql::own_lists;

/// A list as the volunteer saves it (`id` is `None` for a new list).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListInput {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    #[ts(type = "number[]")]
    pub people: Vec<i64>,
}

/// Saves a list (a new one, or new name and people for one already made); returns its id.
/// The name must make a command-line name of its own, not one of PPG Desk's lists.
pub fn save_list(conn: &Connection, input: &ListInput) -> Result<i64> {
    let mut c = crate::check::Checker::new();
    let name = c.text("name", &input.name, 60, Some("Please give the list a name, such as \"Practice team\"."));
    let key = key_for(&name);
    if !c.has_error("name") {
        let others = own_lists(conn)?;
        if key.is_empty() {
            c.fail("name", "Please use at least one letter or number in the list's name.");
        } else if let Some(builtin) = ListKey::ALL.into_iter().find(|l| l.builtin_key() == Some(key.as_str())) {
            c.fail(
                "name",
                format!("\"{}\" is one of PPG Desk's own lists. Please choose another name.", builtin.name(&[])),
            );
        } else if let Some(other) = others.iter().find(|l| l.key == key && Some(l.id) != input.id) {
            c.fail("name", format!("There is already a list called \"{}\". Please choose another name.", other.name));
        }
        if input.id.is_some_and(|id| others.iter().all(|l| l.id != id)) {
            c.fail("name", "This list has been deleted on another laptop; nothing was saved.");
        }
    }
    c.finish()?;
    let id = match input.id {
        Some(id) => {
            sql::rename_list(conn, id, &name, &key)?;
            id
        }
        None => sql::add_list(conn, &name, &key)?,
    };
    sql::set_list_people(conn, id, &input.people)?;
    Ok(id)
}

/// Deletes a list the PPG made (its people stay in People).
pub fn delete_list(conn: &Connection, id: i64) -> Result<()> {
    sql::delete_list(conn, id)
}

/// Every mailing list as it stands today: PPG Desk's own, then the PPG's, each with who it
/// reaches and who is left out and why (Settings → Email shows them).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MailingLists {
    pub audiences: Vec<super::Audience>,
    pub own: Vec<super::OwnList>,
}

pub fn mailing_lists(conn: &Connection, today: chrono::NaiveDate) -> Result<MailingLists> {
    let people = sql::people(conn)?;
    let own = own_lists(conn)?;
    let keys = ListKey::ALL.into_iter().chain(own.iter().map(|l| ListKey::Own { id: l.id }));
    let audiences = keys.map(|key| super::lists::audience(&people, &own, key, today)).collect::<Result<_>>()?;
    Ok(MailingLists { audiences, own })
}
