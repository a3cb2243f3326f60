//! The PPG's contact list: officers, committee, members and practice staff, each with only
//! the contact details they agreed to be contacted by.

use chrono::NaiveDate;

use crate::people::{Person, Role};
use crate::print::model::{Block, Column, Document, Image, Run};
use crate::settings::Settings;

fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The contact details a person agreed to share, one per line.
fn agreed_contact(person: &Person) -> String {
    let mut lines = Vec::new();
    if person.contact_by_email && !person.email.is_empty() {
        lines.push(person.email.clone());
    }
    if person.contact_by_phone && !person.phone.is_empty() {
        lines.push(person.phone.clone());
    }
    if person.contact_by_post && !person.address.is_empty() {
        lines.push(person.address.replace('\n', ", "));
    }
    if lines.is_empty() {
        "Through the secretary".into()
    } else {
        lines.join("\n")
    }
}

fn name(person: &Person) -> String {
    if person.preferred_name.is_empty() {
        person.full_name.clone()
    } else {
        format!("{} ({})", person.full_name, person.preferred_name)
    }
}

fn table(people: &[&Person], role_column: bool) -> Block {
    let mut columns = vec![Column { heading: "Name".into(), weight: 3.0 }];
    if role_column {
        columns.push(Column { heading: "Role".into(), weight: 2.0 });
    }
    columns.push(Column { heading: "Contact".into(), weight: 4.5 });
    let rows = people
        .iter()
        .map(|p| {
            let mut row = vec![name(p)];
            if role_column {
                row.push(p.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", "));
            }
            row.push(agreed_contact(p));
            row
        })
        .collect();
    Block::Table { columns, rows }
}

/// Builds the contact list from the current people (those who have left are not listed).
pub fn contact_list(settings: &Settings, people: &[Person], today: NaiveDate, logo: Option<Image>) -> Document {
    let mut doc = Document::new("Contact list", &settings.group_name);
    doc.running_header = format!("{} – contact list", settings.group_name);
    doc.subtitle.push(settings.group_name.clone());
    if !settings.practices.is_empty() {
        doc.subtitle.push(settings.practices.join(" and "));
    }
    doc.subtitle.push(format!("Printed {}", long_date(today)));
    doc.logo = logo;

    let current: Vec<&Person> =
        people.iter().filter(|p| !crate::people::has_left(p.left_on.as_deref(), today)).collect();
    let with =
        |pred: &dyn Fn(&Person) -> bool| -> Vec<&Person> { current.iter().copied().filter(|p| pred(p)).collect() };

    let officer_roles = [Role::Chair, Role::ViceChair, Role::Secretary, Role::Treasurer];
    let officers: Vec<(String, String)> = officer_roles
        .iter()
        .flat_map(|role| {
            with(&|p: &Person| p.roles.contains(role)).into_iter().map(move |p| (role.label().to_string(), name(p)))
        })
        .collect();
    doc.heading(1, "Officers");
    if officers.is_empty() {
        doc.paragraph("No officers are recorded yet.");
    } else {
        doc.push(Block::KeyValues(officers));
    }

    let committee = with(&|p: &Person| p.roles.iter().any(|r| r.is_officer() || *r == Role::Committee));
    if !committee.is_empty() {
        doc.heading(1, "Committee");
        doc.push(table(&committee, true));
    }
    let staff = with(&|p: &Person| p.roles.contains(&Role::PracticeStaff));
    if !staff.is_empty() {
        doc.heading(1, "Practice staff");
        doc.push(table(&staff, false));
    }
    let members = with(&|p: &Person| {
        !p.roles.iter().any(|r| r.is_officer() || matches!(r, Role::Committee | Role::PracticeStaff | Role::Guest))
    });
    if !members.is_empty() {
        doc.heading(1, "Members");
        doc.push(table(&members, false));
    }
    doc.push(Block::Rule);
    doc.push(Block::Paragraph(vec![
        Run::bold("Please keep this list safe. "),
        Run::plain("It shows only the contact details each person agreed to share with the PPG. Do not pass it on, and shred it when a new list is printed."),
    ]));
    doc
}
