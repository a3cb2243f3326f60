//! The terms of reference in force, printed in either size: the text with its agreed and
//! review dates.

use crate::officers::terms::TermsVersion;
use crate::print::model::{Document, Image};
use crate::settings::Settings;
use crate::words::long_date;

pub fn terms_of_reference(settings: &Settings, terms: Option<&TermsVersion>, logo: Option<Image>) -> Document {
    let title = "Terms of reference";
    let mut doc = Document::new(title, &settings.group_name);
    doc.running_header = title.into();
    doc.logo = logo;
    match terms {
        Some(t) => {
            doc.subtitle = vec![
                settings.group_name.clone(),
                format!("Agreed on {}; next review by {}", long_date(&t.agreed_on), long_date(&t.review_on)),
            ];
            doc.blocks.extend(crate::print::markdown::blocks(&t.text));
        }
        None => {
            doc.subtitle = vec![settings.group_name.clone()];
            doc.paragraph("The PPG's terms of reference have not been added to PPG Desk yet.");
        }
    }
    doc
}
