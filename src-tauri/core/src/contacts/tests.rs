//! Rules of contacts: what a contact needs, the link-worker reminder, and vCard both ways.

use super::*;

fn contact(role: ContactRole, last_met: Option<&str>) -> Contact {
    Contact {
        id: 1,
        full_name: "Chloé Dubois".into(),
        role,
        organisation: "Riverside PCN".into(),
        pcn: "Riverside and Villages PCN".into(),
        practices: "Riverside Surgery, Hill Lane".into(),
        working_days: vec!["mon".into(), "thu".into()],
        phone: "01632 960555".into(),
        email: "chloe.dubois@example.org".into(),
        preferred_contact: PreferredContact::Email,
        notes: "Line one; with a comma, too\nLine two: Zoë's café".into(),
        last_met: last_met.map(str::to_string),
    }
}

fn d(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

#[test]
fn the_splw_reminder_speaks_up_when_none_is_recorded_or_met_lately() {
    let today = d("2026-11-24");
    assert!(splw_reminder(&[], 6, today).unwrap().contains("No social prescribing link worker"));
    assert!(
        splw_reminder(&[contact(ContactRole::PracticeManager, Some("2026-11-01"))], 6, today).is_some(),
        "a practice manager is not an SPLW"
    );
    assert!(splw_reminder(&[contact(ContactRole::Splw, None)], 6, today).unwrap().contains("not met"));
    assert!(splw_reminder(&[contact(ContactRole::Splw, Some("2026-05-23"))], 6, today)
        .unwrap()
        .contains("23 May 2026"));
    assert_eq!(
        splw_reminder(&[contact(ContactRole::Splw, Some("2026-05-24"))], 6, today),
        None,
        "exactly six months ago is still in time"
    );
}

#[test]
fn a_contact_needs_a_name_a_role_and_the_way_they_prefer() {
    let Err(crate::error::Error::Invalid(fields)) =
        ContactInput { preferred_contact: Some(PreferredContact::Phone), ..Default::default() }.checked()
    else {
        panic!("expected invalid")
    };
    let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(named, vec!["fullName", "role", "phone"]);
    let days = ContactInput {
        full_name: "A".into(),
        role: Some(ContactRole::Splw),
        working_days: vec!["thu".into(), "mon".into(), "caturday".into()],
        ..Default::default()
    };
    assert_eq!(days.checked().unwrap().working_days, vec!["mon", "thu"], "week order, unknown days dropped");
}

#[test]
fn vcard_round_trip_keeps_accents_multiline_notes_and_ppg_fields() {
    let original = contact(ContactRole::Splw, None);
    let text = vcard::export(std::slice::from_ref(&original));
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "{text}");
    let back = vcard::read(&text).unwrap();
    assert_eq!(back.len(), 1);
    let c = &back[0];
    assert_eq!(
        (c.full_name.as_str(), c.role, c.organisation.as_str()),
        ("Chloé Dubois", ContactRole::Splw, "Riverside PCN")
    );
    assert_eq!(
        (c.phone.as_str(), c.email.as_str(), c.preferred_contact),
        ("01632 960555", "chloe.dubois@example.org", PreferredContact::Email)
    );
    assert_eq!(c.notes, original.notes);
    assert_eq!(
        (c.pcn.as_str(), c.practices.as_str(), c.working_days.clone()),
        ("Riverside and Villages PCN", "Riverside Surgery, Hill Lane", vec!["mon".to_string(), "thu".to_string()])
    );
}

#[test]
fn vcard_import_names_each_bad_card_and_keeps_missing_optional_fields_empty() {
    let minimal = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Patel\r\nEND:VCARD\r\n";
    let read = vcard::read(minimal).unwrap();
    assert_eq!(
        (read[0].full_name.as_str(), read[0].role, read[0].email.as_str()),
        ("Sam Patel", ContactRole::Other, "")
    );
    let bad = format!("{minimal}BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\r\nEMAIL:not-an-email\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nthis is not a property\r\nEND:VCARD\r\n");
    let problems = vcard::read(&bad).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("Card 2:") && problems[0].contains("name"), "{problems:?}");
    assert!(problems[1].starts_with("Card 3:"), "{problems:?}");
    assert!(vcard::read("hello").unwrap_err()[0].contains("No contact cards"));
}
