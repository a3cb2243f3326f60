//! The "Keep this safe" sheet: one page with the recovery key in large, unambiguous
//! characters and what to do with it, for the chair's drawer or the practice safe.

use crate::print::model::{Block, Document, Run};

/// The recovery sheet for `group_name`'s key `key_reference`, made on `made_on` (words).
pub fn recovery_sheet(group_name: &str, recovery_key: &str, key_reference: &str, made_on: &str) -> Document {
    let title = "Keep this safe: PPG Desk recovery key";
    let mut doc = Document::new(title, group_name);
    doc.subtitle = vec![group_name.to_string(), format!("Made on {made_on}. Key reference {key_reference}.")];
    doc.running_header = title.into();
    doc.push(Block::Paragraph(vec![
        Run::plain("This key opens "),
        Run::bold(format!("{group_name}'s records")),
        Run::plain(" in PPG Desk if the passphrase is forgotten. Anyone who has it can read them: keep it locked away from the laptop (the chair's drawer, the practice safe)."),
    ]));
    doc.heading(2, "The recovery key");
    // The largest type the page has: six groups of four, with wide gaps between them.
    doc.heading(1, recovery_key.replace('-', "   "));
    doc.paragraph("No 0, O, 1, I or L is used: only A to Z and 2 to 9.");
    doc.heading(2, "How to use it");
    doc.push(Block::Numbered(
        [
            "Open PPG Desk and choose \"Use the recovery key\".",
            "Type the six groups. Capitals and spaces do not matter.",
            "Choose a new passphrase when asked.",
        ]
        .iter()
        .map(|s| vec![Run::plain(*s)])
        .collect(),
    ));
    doc.heading(2, "When to make a new one");
    doc.paragraph(
        "If this sheet is lost or copied, or someone leaves the committee: Settings, Security. Then shred this sheet.",
    );
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::{render, Profile};

    #[test]
    fn the_key_reference_has_no_look_alike_characters() {
        let reference = crate::security::key_reference("0123456789abcdef0011");
        assert_eq!(reference, "23456789");
        assert_eq!(crate::security::key_reference("fedcba98"), "HGFEDCBA");
    }

    #[test]
    fn the_sheet_fits_one_page_in_both_sizes_and_prints_the_key() {
        let doc = recovery_sheet("Riverside PPG", "7KQM-3XHD-ABCD-EFGH-JKMN-PQRS", "1A2B3C4D", "6 December 2026");
        for profile in [Profile::Standard, Profile::LargePrint] {
            let laid = crate::print::lay_out(&doc, profile);
            assert_eq!(laid.pages.len(), 1, "{profile:?} runs to more than one page");
            let pdf = render(&doc, profile, 0).unwrap();
            assert!(pdf.starts_with(b"%PDF"));
            if let Ok(dir) = std::env::var("PPG_DESK_SHEET_OUT") {
                std::fs::write(format!("{dir}/sheet-{}.pdf", profile.slug()), &pdf).unwrap();
            }
        }
    }
}
