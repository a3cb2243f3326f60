//! Sharing, second part: each scheme reaches only the laptops given its code; "Use the
//! other value" and a merged text reach every laptop; a laptop offline for a month catches up.

use std::path::Path;

use ppg_desk_core::error::Error;
use ppg_desk_core::sharing::{self, Scheme};
use ppg_desk_core::state::AppState;

use crate::befriending::refer;
use crate::sharing::{committee, content, names, phone, set, two_laptops};
use crate::support::{add_person, temp_store};

pub fn referrals(state: &AppState) -> Vec<String> {
    state
        .read(|conn| {
            let mut stmt = conn.prepare("SELECT full_name FROM referrals ORDER BY full_name")?;
            let names = stmt.query_map([], |r| r.get("full_name"))?.collect::<rusqlite::Result<_>>()?;
            Ok(names)
        })
        .unwrap()
}

fn field(result: Result<sharing::Joined, Error>) -> String {
    match result {
        Err(Error::Invalid(fields)) => fields[0].field.clone(),
        other => panic!("expected a message beside a field, got {other:?}"),
    }
}

fn file_holds(path: &Path, words: &str) -> bool {
    std::fs::read(path).unwrap().windows(words.len()).any(|w| w == words.as_bytes())
}

#[test]
fn each_scheme_reaches_only_the_laptops_given_its_code() {
    let folder = tempfile::tempdir().unwrap();
    let secretary = temp_store();
    add_person(&secretary.state, "Ada Secretary", |_| {});
    refer(&secretary, "Mavis Lonely", "2026-11-20");
    let codes = sharing::start(&secretary.state, folder.path(), "Secretary's laptop", false, true).unwrap();
    let (code, befriending) = (codes.committee.clone().unwrap(), codes.befriending.clone().unwrap());
    assert!(codes.drivers.is_none(), "no driver scheme shared, no code made");

    // The chair has the committee's code only: committee business, never a referral.
    let chair = temp_store();
    let joined =
        sharing::join(&chair.state, folder.path(), "Chair's laptop", &code, Scheme::NotShared, Scheme::NotShared)
            .unwrap();
    assert!(joined.report.notes.is_empty(), "{:?}", joined.report.notes);
    assert_eq!(names(&chair.state), ["Ada Secretary"]);
    assert!(referrals(&chair.state).is_empty());
    assert!(!file_holds(&chair.state.paths().db_file(), "Mavis"), "nowhere in the chair's data file");

    // The befriending coordinator: a wrong or missing code is refused beside its field.
    let coordinator = temp_store();
    let join =
        |scheme| sharing::join(&coordinator.state, folder.path(), "Befriending", &code, Scheme::NotShared, scheme);
    assert_eq!(field(join(Scheme::Shared(Some("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")))), "befriendingCode");
    assert_eq!(field(join(Scheme::Shared(None))), "befriendingCode");
    join(Scheme::Shared(Some(&befriending))).unwrap();
    assert_eq!(referrals(&coordinator.state), ["Mavis Lonely"], "the scheme's records, under its own key");
    let scheme_key: Vec<u8> = coordinator
        .state
        .read(|conn| Ok(conn.query_row("SELECT befriending_key FROM sharing", [], |r| r.get("befriending_key"))?))
        .unwrap();
    let chair_file = std::fs::read(chair.state.paths().db_file()).unwrap();
    assert!(!chair_file.windows(32).any(|w| w == scheme_key), "the scheme's key never reaches the chair");

    // A later referral travels to the coordinator only; the chair passes over it unopened.
    refer(&secretary, "Nora Newly", "2026-11-23");
    add_person(&secretary.state, "Bo Member", |_| {});
    sharing::sync(&secretary.state).unwrap();
    let report = sharing::sync(&chair.state).unwrap();
    assert!(report.notes.is_empty(), "a scheme's file is not reported as damaged: {:?}", report.notes);
    sharing::sync(&coordinator.state).unwrap();
    assert_eq!(names(&chair.state).len(), 2);
    assert!(referrals(&chair.state).is_empty());
    assert_eq!(referrals(&coordinator.state), ["Mavis Lonely", "Nora Newly"]);
    let status = sharing::status(&chair.state).unwrap().unwrap();
    assert!(status.heard_from.iter().all(|h| !h.laptop_name.is_empty()));

    // The first laptop to share the driver scheme makes its key and gets its code to give.
    let drivers = temp_store();
    let joined =
        sharing::join(&drivers.state, folder.path(), "Drivers", &code, Scheme::Shared(None), Scheme::NotShared)
            .unwrap();
    assert!(joined.codes.drivers.is_some() && joined.codes.committee.is_none());
    assert!(referrals(&drivers.state).is_empty());
}

#[test]
fn use_the_other_value_and_a_merged_text_reach_every_laptop() {
    let folder = tempfile::tempdir().unwrap();
    let (secretary, chair) = two_laptops(folder.path());
    let exchange = || {
        for state in [&secretary.state, &chair.state, &secretary.state] {
            sharing::sync(state).unwrap();
        }
    };
    set(&secretary.state, "Ada Secretary", "phone", "01111 111111", "2026-12-01T10:00:00");
    set(&chair.state, "Ada Secretary", "phone", "02222 222222", "2026-12-01T10:05:00");
    exchange();
    assert_eq!(phone(&secretary.state, "Ada Secretary"), "02222 222222", "the later change is kept");
    let clashes = sharing::status(&chair.state).unwrap().unwrap().clashes;
    let clash = clashes.iter().find(|c| c.column == "phone").unwrap();
    assert!(clash.can_use_other);
    assert_eq!(clash.other, "01111 111111");

    // One click on the chair's laptop puts the secretary's number back, everywhere.
    sharing::use_other(&chair.state, clash.id, None).unwrap();
    assert!(sharing::status(&chair.state).unwrap().unwrap().clashes.iter().all(|c| c.id != clash.id));
    exchange();
    assert_eq!(phone(&secretary.state, "Ada Secretary"), "01111 111111");
    assert_eq!(phone(&chair.state, "Ada Secretary"), "01111 111111");
    assert!(matches!(sharing::use_other(&chair.state, clash.id, None), Err(Error::NotFound(_))), "only once");

    // A long text changed on both: a person merges the two versions and that is kept.
    set(&secretary.state, "Ada Secretary", "notes", "Chairs the AGM.\nLikes email.", "2026-12-02T10:00:00");
    set(&chair.state, "Ada Secretary", "notes", "Chairs the AGM.\nPhone after 6pm.", "2026-12-02T10:05:00");
    exchange();
    let clashes = sharing::status(&secretary.state).unwrap().unwrap().clashes;
    let clash = clashes.iter().find(|c| c.column == "notes").unwrap();
    let merged = "Chairs the AGM.\nLikes email.\nPhone after 6pm.";
    sharing::use_other(&secretary.state, clash.id, Some(merged)).unwrap();
    exchange();
    assert_eq!(content(&secretary.state), content(&chair.state));
    let notes: String = chair
        .state
        .read(|conn| {
            Ok(conn.query_row("SELECT notes FROM people WHERE full_name = 'Ada Secretary'", [], |r| r.get("notes"))?)
        })
        .unwrap();
    assert_eq!(notes, merged);
}

#[test]
fn a_laptop_offline_for_a_month_catches_up_and_keeps_what_it_did_meanwhile() {
    let folder = tempfile::tempdir().unwrap();
    let laptops = committee(folder.path(), 2);
    let (secretary, chair, treasurer) = (&laptops[0].state, &laptops[1].state, &laptops[2].state);
    // Offline from the first day: the treasurer adds a member and a note the others never saw.
    add_person(treasurer, "Tess Treasurer", |_| {});
    set(treasurer, "Ada Secretary", "notes", "Pays the room hire", "2026-11-01T09:00:00");
    for day in 1..=30 {
        add_person(secretary, &format!("Member {day:02}"), |_| {});
        set(secretary, "Ada Secretary", "phone", &format!("0{day:02}"), &format!("2026-11-{day:02}T10:00:00"));
        sharing::sync(secretary).unwrap();
        sharing::sync(chair).unwrap();
    }
    let report = sharing::sync(treasurer).unwrap();
    assert_eq!(report.received, 30 * 2, "a month of the secretary's changes, none left behind");
    for state in [secretary, chair, treasurer, secretary, chair] {
        sharing::sync(state).unwrap();
    }
    assert_eq!(content(secretary), content(treasurer));
    assert_eq!(content(chair), content(treasurer));
    assert_eq!(names(chair).len(), 32);
    assert_eq!(phone(treasurer, "Ada Secretary"), "030");
    let notes: String = secretary
        .read(|conn| {
            Ok(conn.query_row("SELECT notes FROM people WHERE full_name = 'Ada Secretary'", [], |r| r.get("notes"))?)
        })
        .unwrap();
    assert_eq!(notes, "Pays the room hire", "a field only the offline laptop changed survives");
}

#[test]
fn a_laptop_without_the_befriending_scheme_still_prints_its_report_from_anonymous_numbers() {
    let folder = tempfile::tempdir().unwrap();
    let secretary = temp_store();
    refer(&secretary, "Mavis Lonely", "2026-10-20");
    refer(&secretary, "Nora Newly", "2026-11-03");
    let codes = sharing::start(&secretary.state, folder.path(), "Coordinator's laptop", false, true).unwrap();
    let chair = temp_store();
    let code = codes.committee.clone().unwrap();
    sharing::join(&chair.state, folder.path(), "Chair's laptop", &code, Scheme::NotShared, Scheme::NotShared).unwrap();
    sharing::sync(&chair.state).unwrap();
    assert!(referrals(&chair.state).is_empty(), "no referral reaches the chair");

    let theirs = sharing::befriending_report(&chair.state, "2026-10", "2026-11").unwrap();
    let ours = sharing::befriending_report(&secretary.state, "2026-10", "2026-11").unwrap();
    assert!(ours.shared_as_of.is_none() && theirs.shared_as_of.is_some());
    assert_eq!(theirs.referrals, 2);
    assert_eq!(
        (&theirs.by_month, &theirs.by_source, &theirs.by_stage),
        (&ours.by_month, &ours.by_source, &ours.by_stage)
    );

    // A new referral changes the numbers, which reach the chair at the next exchange.
    refer(&secretary, "Olive Later", "2026-11-20");
    sharing::sync(&secretary.state).unwrap();
    sharing::sync(&chair.state).unwrap();
    assert_eq!(sharing::befriending_report(&chair.state, "2026-11", "2026-11").unwrap().referrals, 2);
    // What travels names nobody.
    let numbers: String = chair
        .state
        .read(|conn| Ok(conn.query_row("SELECT numbers FROM scheme_numbers", [], |r| r.get("numbers"))?))
        .unwrap();
    assert!(!numbers.contains("Mavis") && !numbers.contains("-20"), "no name and no day: {numbers}");
}
