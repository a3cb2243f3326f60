//! The printed community directory: the document a PPG gives its social prescribing link
//! worker and leaves in reception. Grouped by category: each entry is printed in full once,
//! numbered under its most specific category (the smallest), and named with a pointer under its others; a contents
//! list comes first and an A to Z index of every group at the back.

use chrono::NaiveDate;

use crate::directory::{Category, Entry};
use crate::print::model::{Block, Column, Document, Image};
use crate::settings::Settings;

fn month_year(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").map(|d| d.format("%B %Y").to_string()).unwrap_or_default()
}

fn contact_text(e: &Entry) -> String {
    [e.contact_name.as_str(), e.phone.as_str(), e.email.as_str(), e.website.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One entry: its name and what it offers tagged in its own language, the details (labelled
/// by PPG Desk in English) in the document's.
fn entry_blocks(doc: &mut Document, number: &str, e: &Entry) {
    doc.push(Block::Language(crate::languages::pdf_code(&e.language)));
    doc.heading(3, format!("{number}  {}", e.name));
    // "What it offers" is written with Bold and bullets (stored as Markdown), as minutes are.
    doc.blocks.extend(crate::print::markdown::blocks(&e.offers));
    doc.push(Block::Language(doc.language.clone()));
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut add = |label: &str, value: String| {
        if !value.is_empty() {
            pairs.push((label.to_string(), value));
        }
    };
    add("Who for", e.who_for.clone());
    add("When", e.when_text());
    add("Where", e.where_text());
    add("Cost", e.cost.clone());
    add("Contact", contact_text(e));
    add("Access", e.access_text());
    add("How to join", e.referral_text());
    let checked = match (&e.last_checked_on, e.out_of_date) {
        (Some(on), false) => month_year(on).to_string(),
        (Some(on), true) => format!("{}. Not checked recently: please ring before you go.", month_year(on)),
        (None, _) => "Not yet checked: please ring before you go.".into(),
    };
    add("Checked", checked);
    doc.push(Block::KeyValues(pairs));
}

/// The directory, or one category of it (`only`), as of `today`.
pub fn directory(
    settings: &Settings,
    categories: &[Category],
    entries: &[Entry],
    only: Option<&Category>,
    today: NaiveDate,
    logo: Option<Image>,
) -> Document {
    let title = match only {
        Some(c) => format!("Community directory: {}", c.name),
        None => "Community directory".to_string(),
    };
    let mut doc = Document::new(title.clone(), &settings.group_name);
    doc.subtitle = vec![
        settings.group_name.clone(),
        format!("Local groups, clubs and services. Updated {}.", today.format("%-d %B %Y")),
    ];
    doc.running_header = format!("{title}, {}", today.format("%B %Y"));
    doc.logo = logo;

    let mut sections: Vec<(String, Vec<&Entry>)> = categories
        .iter()
        .filter(|c| only.is_none_or(|o| o.id == c.id))
        .map(|c| (c.name.clone(), entries.iter().filter(|e| e.category_ids.contains(&c.id)).collect::<Vec<_>>()))
        .filter(|(_, list)| !list.is_empty())
        .collect();
    if only.is_none() {
        let uncategorised: Vec<&Entry> = entries.iter().filter(|e| e.category_ids.is_empty()).collect();
        if !uncategorised.is_empty() {
            sections.push(("Other groups and services".into(), uncategorised));
        }
    }
    let listed: usize = {
        let mut ids: Vec<i64> = sections.iter().flat_map(|(_, list)| list.iter().map(|e| e.id)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    if listed == 0 {
        doc.paragraph("There are no groups in the directory yet.");
        return doc;
    }
    doc.paragraph(format!(
        "{listed} local {} that can help with health and wellbeing, checked by volunteers from {}. \
         Each group is described once, under its main heading, and mentioned under the other headings it fits; the index at the back lists every group from A to Z. \
         Times and costs can change, so please ring before you go.",
        if listed == 1 { "group or service" } else { "groups and services" },
        settings.group_name
    ));
    if sections.len() > 1 {
        doc.heading(2, "Contents");
        doc.push(Block::Numbered(
            sections
                .iter()
                .map(|(name, list)| vec![crate::print::Run::plain(format!("{name} ({})", list.len()))])
                .collect(),
        ));
    }
    doc.push(Block::Columns(2));
    // Each group is printed in full once, under its first category; the other sections it
    // belongs to point to it, so the directory stays short enough to hand over.
    let mut numbers: Vec<(i64, String)> = Vec::new();
    // Its main heading is the most specific one: the smallest section it is in.
    let main_section = |e: &Entry| {
        sections
            .iter()
            .enumerate()
            .filter(|(_, (_, list))| list.iter().any(|x| x.id == e.id))
            .min_by_key(|(i, (_, list))| (list.len(), *i))
            .map(|(i, _)| i)
            .unwrap_or(0)
    };
    for (s, (name, list)) in sections.iter().enumerate() {
        doc.heading(2, format!("{}. {name}", s + 1));
        let mut n = 0;
        for entry in list.iter().filter(|e| only.is_some() || main_section(e) == s) {
            n += 1;
            let number = format!("{}.{n}", s + 1);
            entry_blocks(&mut doc, &number, entry);
            numbers.push((entry.id, number));
        }
        let elsewhere: Vec<&&Entry> = list.iter().filter(|e| only.is_none() && main_section(e) != s).collect();
        if !elsewhere.is_empty() {
            doc.heading(3, format!("Also for {}", name.to_lowercase()));
            doc.push(Block::Bullets(
                elsewhere
                    .iter()
                    .map(|e| {
                        let at = numbers.iter().find(|(id, _)| *id == e.id).map(|(_, n)| n.clone()).unwrap_or_default();
                        vec![crate::print::Run::plain(format!("{}, see {at}", e.name))]
                    })
                    .collect(),
            ));
        }
    }
    let mut index: Vec<(String, String)> = numbers
        .into_iter()
        .map(|(id, number)| (entries.iter().find(|e| e.id == id).map(|e| e.name.clone()).unwrap_or_default(), number))
        .collect();
    doc.push(Block::Columns(1));
    index.sort_by_key(|(name, _)| crate::check::fold_for_search(name));
    doc.heading(2, "Index of groups, A to Z");
    doc.push(Block::Table {
        columns: vec![Column { heading: "Group".into(), weight: 5.0 }, Column { heading: "See".into(), weight: 2.0 }],
        rows: index.into_iter().map(|(name, number)| vec![name, number]).collect(),
    });
    doc
}
