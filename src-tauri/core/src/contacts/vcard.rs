//! Contacts as vCard 4.0 (RFC 6350), written and read with the vcard4 crate: name, role,
//! organisation, phone, email and notes in the standard properties, and what vCard has no
//! place for (PCN, practices covered, working days, preferred contact) in X-PPG- properties.
//! Import reads each card on its own, so a bad card is named, and nothing is added unless
//! every card is right.

use vcard4::property::{AnyProperty, ExtensionProperty, TextOrUriProperty};
use vcard4::{Vcard, VcardBuilder};

use super::{CheckedContact, Contact, ContactInput, ContactRole, PreferredContact};
use crate::error::{Error, Result};

fn extension(name: &str, value: &str) -> ExtensionProperty {
    ExtensionProperty { name: name.into(), group: None, value: AnyProperty::Text(value.into()), parameters: None }
}

fn card(contact: &Contact) -> Vcard {
    let mut builder = VcardBuilder::new(contact.full_name.clone()).role(contact.role.label().to_string());
    if !contact.organisation.is_empty() {
        builder = builder.org(vec![contact.organisation.clone()]);
    }
    if !contact.phone.is_empty() {
        builder = builder.telephone(contact.phone.clone());
    }
    if !contact.email.is_empty() {
        builder = builder.email(contact.email.clone());
    }
    if !contact.notes.is_empty() {
        builder = builder.note(contact.notes.clone());
    }
    let mut card = builder.finish();
    for (name, value) in [
        ("X-PPG-PCN", contact.pcn.clone()),
        ("X-PPG-PRACTICES", contact.practices.clone()),
        ("X-PPG-WORKING-DAYS", contact.working_days.join(" ")),
        ("X-PPG-PREFERRED-CONTACT", contact.preferred_contact.key().to_string()),
    ] {
        if !value.is_empty() {
            card.extensions.push(extension(name, &value));
        }
    }
    card
}

/// The contacts as one vCard file.
pub fn export(contacts: &[Contact]) -> String {
    contacts.iter().map(|c| card(c).to_string()).collect::<Vec<_>>().join("")
}

fn text(card: &Vcard, name: &str) -> String {
    card.extensions
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case(name))
        .and_then(|e| match &e.value {
            AnyProperty::Text(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// What a card says, as the contact form would receive it.
fn input(card: &Vcard) -> ContactInput {
    let role_words = card.role.first().or(card.title.first()).map(|r| r.value.clone()).unwrap_or_default();
    let phone = card.tel.first().map(|t| match t {
        TextOrUriProperty::Text(t) => t.value.clone(),
        TextOrUriProperty::Uri(u) => u.value.to_string().trim_start_matches("tel:").to_string(),
    });
    ContactInput {
        full_name: card.formatted_name.first().map(|n| n.value.clone()).unwrap_or_default(),
        role: Some(ContactRole::from_label(&role_words).unwrap_or(ContactRole::Other)),
        organisation: card.org.first().map(|o| o.value.join(", ")).unwrap_or_default(),
        pcn: text(card, "X-PPG-PCN"),
        practices: text(card, "X-PPG-PRACTICES"),
        working_days: text(card, "X-PPG-WORKING-DAYS").split_whitespace().map(str::to_string).collect(),
        phone: phone.unwrap_or_default(),
        email: card.email.first().map(|e| e.value.clone()).unwrap_or_default(),
        preferred_contact: PreferredContact::from_key(&text(card, "X-PPG-PREFERRED-CONTACT")),
        notes: card.note.iter().map(|n| n.value.clone()).collect::<Vec<_>>().join("\n"),
    }
}

/// Splits a file into its cards (BEGIN:VCARD .. END:VCARD), so each is read on its own.
/// A card that is never ended (another BEGIN, or the end of the file, comes first) is a
/// problem named by its line: reading on would silently lose it or merge two people.
fn cards(text: &str) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in text.lines().enumerate() {
        let upper = line.trim().to_ascii_uppercase();
        if upper == "BEGIN:VCARD" {
            if let Some((began, _)) = current {
                return Err(unended(out.len() + 1, began));
            }
            current = Some((index + 1, String::new()));
        }
        if let Some((_, card)) = current.as_mut() {
            card.push_str(line.trim_end_matches('\r'));
            card.push_str("\r\n");
        }
        if upper == "END:VCARD" {
            out.extend(current.take().map(|(_, card)| card));
        }
    }
    match current {
        Some((began, _)) => Err(unended(out.len() + 1, began)),
        None => Ok(out),
    }
}

fn unended(card: usize, line: usize) -> String {
    format!("Card {card} (starting on line {line}) has no END:VCARD, so the file looks cut short or damaged.")
}

/// Reads every card, or says which are wrong and why (then nothing is imported).
pub fn read(text: &str) -> std::result::Result<Vec<CheckedContact>, Vec<String>> {
    let found = cards(text).map_err(|problem| vec![problem])?;
    if found.is_empty() {
        return Err(vec!["No contact cards were found in this file (a vCard file starts with BEGIN:VCARD).".into()]);
    }
    let mut contacts = Vec::new();
    let mut problems = Vec::new();
    for (n, card) in found.iter().enumerate() {
        let parsed = vcard4::parse_loose(card).ok().and_then(|mut v| v.pop());
        match parsed.map(|card| input(&card).checked()) {
            None => problems.push(format!("Card {}: it could not be read as a vCard.", n + 1)),
            Some(Err(Error::Invalid(fields))) => problems.push(format!(
                "Card {}: {}",
                n + 1,
                fields.iter().map(|f| f.message.clone()).collect::<Vec<_>>().join(" ")
            )),
            Some(Err(other)) => problems.push(format!("Card {}: {other}", n + 1)),
            Some(Ok(contact)) => contacts.push(contact),
        }
    }
    if problems.is_empty() {
        Ok(contacts)
    } else {
        Err(problems)
    }
}

/// Reads a vCard file, refusing anything too large to be a list of contacts.
pub fn read_file(path: &std::path::Path) -> Result<String> {
    crate::files::read_import(path, "a list of contacts", 5)
}
