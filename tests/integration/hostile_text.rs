//! Property tests: every parser and checker that reads text from a person or a file, given
//! arbitrary Unicode (accents, 4-byte characters, controls, right-to-left marks, digits in
//! odd places), never panics: it parses, or it returns a message for the field. Thousands of
//! cases run for the cheap parsers on every `make test`.

use chrono::NaiveDate;
use ppg_desk_core::{check, contacts, csvfile, directory, drivers, people};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// Text that looks like what volunteers type, with hostile characters mixed in: the shapes
/// parsers split on (digits, `:`, `.`, `/`, `-`, spaces) beside multi-byte characters.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9:./ -]{0,8}[é°ł€😀\u{202E}\u{0}]?[0-9:./ apmAPM-]{0,8}",
        "[0-9]{1,4}[é°😀][0-9]{0,4}",
        "[ -~éßłŁ°£€😀\u{202E}\u{200B}\u{FEFF}\r\n\t,\";']{0,60}",
    ]
}

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(cases(4000))]

    #[test]
    fn dates_and_times_parse_or_say_why(text in typed()) {
        let _ = check::parse_date(&text);
        if let Ok(time) = check::parse_time(&text) {
            prop_assert_eq!(time.len(), 5, "a time is always HH:MM");
        }
    }

    #[test]
    fn emails_postcodes_money_and_miles_parse_or_say_why(text in typed()) {
        let _ = check::check_email(&text);
        let _ = check::fold_for_search(&text);
        if let Ok(postcode) = directory::tidy_postcode(&text) {
            prop_assert!(postcode.is_empty() || postcode.contains(' '));
        }
        if let Ok(pence) = drivers::mileage::parse_money(&text) {
            prop_assert!((0..=1_000_000).contains(&pence));
        }
        if let Ok(tenths) = drivers::mileage::parse_miles(&text) {
            prop_assert!((0..=20_000).contains(&tenths));
        }
        let _ = drivers::mileage::parse_other_miles(&text);
        let _ = directory::csv::read_days(&text);
        let _ = drivers::tidy_registration(&text);
    }

    #[test]
    fn weeks_and_months_parse_only_within_sensible_years(text in typed(), year in any::<i32>(), n in any::<u32>()) {
        for candidate in [text.clone(), format!("{year}-W{n}"), format!("{year}-{n}")] {
            if let Ok(monday) = drivers::trips::parse_week(&candidate) {
                prop_assert!((2000..=2101).contains(&chrono::Datelike::year(&monday)));
            }
            if let Ok((first, _)) = drivers::trips::parse_month(&candidate) {
                prop_assert!(drivers::trips::YEARS.contains(&chrono::Datelike::year(&first)));
            }
        }
    }

    #[test]
    fn a_person_form_of_any_text_is_checked_not_crashed(name in typed(), phone in typed(), email in typed(), joined in typed()) {
        let input = people::PersonInput { full_name: name, phone, email, joined_on: joined, ..Default::default() };
        let _ = input.checked(today());
    }

    #[test]
    fn a_directory_entry_of_any_text_is_checked_not_crashed(name in typed(), postcode in typed(), opens in typed(), closes in typed()) {
        let input = directory::EntryInput { name, postcode, opens_at: opens, closes_at: closes, ..Default::default() };
        let _ = input.checked(today());
    }
}

proptest! {
    #![proptest_config(cases(600))]

    #[test]
    fn any_csv_text_is_read_or_refused_by_line(text in typed(), rows in proptest::collection::vec(typed(), 0..6)) {
        let file = format!("Name,Phone,Opens at,Postcode\n{}\n{}", text, rows.join("\n"));
        let _ = csvfile::table(&file);
        if let Ok(preview) = people::csv::preview(&file) {
            let _ = people::csv::parse(&file, &preview.mapping, today());
        }
        if let Ok(preview) = directory::csv::preview(&file) {
            let _ = directory::csv::parse(&file, &preview.mapping, &[], today());
        }
    }

    #[test]
    fn any_vcard_text_is_read_or_refused_by_card(lines in proptest::collection::vec(typed(), 0..8)) {
        let text = format!("BEGIN:VCARD\r\nVERSION:4.0\r\n{}\r\nEND:VCARD\r\n", lines.join("\r\n"));
        let _ = contacts::vcard::read(&text);
        let _ = contacts::vcard::read(&lines.join("\n"));
    }

    #[test]
    fn any_oruk_json_is_read_or_refused(name in typed(), opens in typed(), closes in typed(), junk in typed()) {
        let store = crate::support::temp_store();
        let service = serde_json::json!({
            "id": junk, "name": name, "description": junk,
            "schedules": [{ "opens_at": opens, "closes_at": closes, "byday": junk }],
            "service_areas": [{ "service_area": junk }],
            "locations": [{ "location": { "postal_address": [{ "postal_code": junk, "address_1": name }] } }],
        });
        for text in [service.to_string(), serde_json::json!({ "content": [service] }).to_string(), junk.clone()] {
            let _ = store.state.write(|tx| directory::oruk::import(tx, &text, today(), "2026-11-24T10:00:00", &ppg_desk_core::progress::Progress::silent()));
        }
    }
}
