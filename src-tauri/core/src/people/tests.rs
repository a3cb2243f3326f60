//! Unit tests for the people rules: field checks, filters, roles as written in spreadsheets.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn input() -> PersonInput {
    PersonInput { full_name: "Siobhán O'Connor".into(), ..Default::default() }
}

fn fields_of(result: Result<CheckedPerson>) -> Vec<(String, String)> {
    match result {
        Err(Error::Invalid(fields)) => fields.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn a_name_alone_is_enough() {
    let person = input().checked(today()).unwrap();
    assert_eq!(person.full_name, "Siobhán O'Connor");
    assert_eq!(person.contact_consent_on, None);
}

#[test]
fn a_missing_name_and_bad_email_are_both_reported() {
    let bad = PersonInput { full_name: "  ".into(), email: "zoe.example.org".into(), ..Default::default() };
    let fields = fields_of(bad.checked(today()));
    assert_eq!(fields[0].0, "fullName");
    assert_eq!(fields[1].0, "email");
    assert!(fields[1].1.contains('@'), "the email message says what is missing: {}", fields[1].1);
}

#[test]
fn leaving_before_joining_is_refused() {
    let bad = PersonInput { joined_on: "01/05/2025".into(), left_on: "30/04/2025".into(), ..input() };
    let fields = fields_of(bad.checked(today()));
    assert_eq!(fields, vec![("leftOn".into(), "The date they left is before the date they joined.".into())]);
}

#[test]
fn contact_by_email_needs_an_address_and_a_consent_date() {
    let bad = PersonInput { contact_by_email: true, ..input() };
    let fields: Vec<String> = fields_of(bad.checked(today())).into_iter().map(|f| f.0).collect();
    assert_eq!(fields, vec!["email", "contactConsentOn"]);
    let good = PersonInput {
        contact_by_email: true,
        email: "siobhan@example.org".into(),
        contact_consent_on: "3/2/2026".into(),
        ..input()
    };
    assert_eq!(good.checked(today()).unwrap().contact_consent_on, NaiveDate::from_ymd_opt(2026, 2, 3));
}

#[test]
fn consent_in_the_future_is_refused() {
    let bad = PersonInput {
        contact_by_phone: true,
        phone: "01632 960123".into(),
        contact_consent_on: "25/11/2026".into(),
        ..input()
    };
    assert_eq!(fields_of(bad.checked(today()))[0].0, "contactConsentOn");
}

#[test]
fn phone_numbers_are_digits_and_punctuation() {
    let letters = PersonInput { phone: "call me".into(), ..input() };
    assert_eq!(fields_of(letters.checked(today()))[0].0, "phone");
    let ok = PersonInput { phone: "+44 (0)1632 960123".into(), ..input() };
    assert!(ok.checked(today()).is_ok());
}

#[test]
fn roles_are_read_as_people_write_them() {
    assert_eq!(Role::from_words("Vice Chair"), Some(Role::ViceChair));
    assert_eq!(Role::from_words("vice-chair"), Some(Role::ViceChair));
    assert_eq!(Role::from_words("Committee member"), Some(Role::Committee));
    assert_eq!(Role::from_words("Practice Staff"), Some(Role::PracticeStaff));
    assert_eq!(Role::from_words("member"), Some(Role::Member));
    assert_eq!(Role::from_words("Patron"), None);
}

fn person(roles: Vec<Role>, left_on: Option<&str>) -> Person {
    Person {
        id: 1,
        full_name: "Aisha Begum".into(),
        preferred_name: "".into(),
        email: "".into(),
        phone: "".into(),
        address: "".into(),
        joined_on: None,
        left_on: left_on.map(str::to_string),
        roles,
        contact_by_email: false,
        contact_by_post: false,
        contact_by_phone: false,
        contact_consent_on: None,
        notes: "".into(),
        email_only: false,
        large_print: false,
    }
}

#[test]
fn filters_follow_roles_and_leaving_dates() {
    let chair = person(vec![Role::Chair], None);
    let committee = person(vec![Role::Committee], None);
    let former_chair = person(vec![Role::Chair], Some("2026-01-31"));
    let leaving_next_month = person(vec![Role::Treasurer], Some("2026-12-31"));
    assert!(matches_filter(&chair, PeopleFilter::Officers, today()));
    assert!(!matches_filter(&committee, PeopleFilter::Officers, today()));
    assert!(matches_filter(&committee, PeopleFilter::Committee, today()));
    assert!(!matches_filter(&former_chair, PeopleFilter::Officers, today()));
    assert!(matches_filter(&former_chair, PeopleFilter::Left, today()));
    assert!(matches_filter(&leaving_next_month, PeopleFilter::Officers, today()), "not left until the date comes");
}

#[test]
fn erasure_preview_lists_what_goes() {
    let mut p = person(vec![Role::Chair, Role::Committee], None);
    p.email = "a@example.org".into();
    p.notes = "Prefers large print".into();
    let preview = erasure_preview(&p);
    let text = preview.removes.join("; ");
    assert!(text.contains("email address") && !text.contains("phone number"), "{text}");
    assert!(text.contains("Chair, Committee member"), "{text}");
    assert!(text.contains("notes"), "{text}");
}

#[test]
fn search_key_ignores_accents_and_phone_spacing() {
    let key = search_key("Łukasz Nowak", "Luke", "", "01632 960 123");
    assert!(key.contains("lukasz nowak") && key.contains("01632960123"), "{key}");
}

#[test]
fn names_are_filed_by_surname_without_titles_or_brackets() {
    let key = |n: &str| sort_key(n);
    assert_eq!(key("Dr Helen Carter"), ("carter".into(), "helen".into()));
    assert_eq!(key("Siobhán O'Connor"), ("o'connor".into(), "siobhan".into()));
    assert_eq!(key("Revd. Canon Peter Lee (Chair)"), ("lee".into(), "canon peter".into()));
    assert_eq!(key("John Smith Jr"), ("smith".into(), "john".into()));
    assert_eq!(key("Dr"), ("dr".into(), String::new()), "a one-word name is its own key");
    assert_eq!(key("Cher"), ("cher".into(), String::new()));
    let mut names = vec!["Dr Helen Carter", "Aisha Begum", "Zoë Abbott", "bernard o'neill", "Adam Carter"];
    names.sort_by_key(|n| sort_key(n));
    assert_eq!(names, vec!["Zoë Abbott", "Aisha Begum", "Adam Carter", "Dr Helen Carter", "bernard o'neill"]);
}
