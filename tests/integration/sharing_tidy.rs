//! The exchange folder stays small and forgets erased people: change files go once every
//! laptop has applied them and a fresh starting copy holds them; a laptop joining afterwards
//! still gets everything, the schemes included (from their newest snapshot).

use std::path::Path;

use ppg_desk_core::sharing::{self, Scheme};

use crate::befriending::refer;
use crate::sharing::{committee_and_code, content, names, walk};
use crate::sharing_schemes::referrals;
use crate::support::{add_person, temp_store};

fn count(folder: &Path, ext: &str) -> usize {
    walk(folder).iter().filter(|p| p.extension().is_some_and(|e| e == ext)).count()
}

#[test]
fn an_erased_person_leaves_the_folder_once_every_laptop_has_applied_the_erasure() {
    let folder = tempfile::tempdir().unwrap();
    let (laptops, code) = committee_and_code(folder.path(), 2);
    let (secretary, chair, treasurer) = (&laptops[0].state, &laptops[1].state, &laptops[2].state);
    add_person(secretary, "Erin Erasable", |_| {});
    add_person(chair, "Carl Keeper", |_| {});
    for state in [secretary, chair, treasurer, secretary] {
        sharing::sync(state).unwrap();
    }
    assert!(sharing::files_holding(secretary, "Erin Erasable").unwrap() >= 1);
    let before = count(folder.path(), "ppgchange");

    secretary
        .erase(|tx| {
            tx.execute("DELETE FROM people WHERE full_name = 'Erin Erasable'", [])?;
            Ok(())
        })
        .unwrap();
    sharing::sync_and_tidy(secretary).unwrap();
    sharing::sync_and_tidy(chair).unwrap();
    assert!(
        sharing::files_holding(chair, "Erin Erasable").unwrap() >= 1,
        "kept while the treasurer's laptop has not applied the erasure"
    );
    for state in [treasurer, secretary, chair, treasurer] {
        sharing::sync_and_tidy(state).unwrap();
    }
    assert_eq!(count(folder.path(), "ppgchange"), 0, "all {before} change files and the erasure's are removed");
    assert_eq!(sharing::files_holding(secretary, "Erin Erasable").unwrap(), 0, "no change file holds her");
    assert_eq!(count(folder.path(), "ppgstart"), 1, "one starting copy, holding everything");
    assert!(!names(treasurer).contains(&"Erin Erasable".to_string()));

    // A laptop joining now, from the fresh copy, still gets the whole PPG, and keeps up.
    let late = temp_store();
    sharing::join(&late.state, folder.path(), "New laptop", &code, Scheme::NotShared, Scheme::NotShared).unwrap();
    assert_eq!(content(&late.state), content(secretary));
    add_person(chair, "Dee After", |_| {});
    sharing::sync(chair).unwrap();
    sharing::sync(&late.state).unwrap();
    assert_eq!(content(&late.state), content(chair));
}

#[test]
fn a_scheme_laptop_joining_after_tidying_starts_from_the_newest_snapshot() {
    let folder = tempfile::tempdir().unwrap();
    let secretary = temp_store();
    refer(&secretary, "Mavis Lonely", "2026-11-20");
    let codes = sharing::start(&secretary.state, folder.path(), "Secretary's laptop", false, true).unwrap();
    let (code, scheme) = (codes.committee.clone().unwrap(), codes.befriending.clone().unwrap());
    let coordinator = temp_store();
    let join = |store: &crate::support::TempStore, scheme_code: &str| {
        sharing::join(
            &store.state,
            folder.path(),
            "Laptop",
            &code,
            Scheme::NotShared,
            Scheme::Shared(Some(scheme_code)),
        )
        .unwrap()
    };
    join(&coordinator, &scheme);
    refer(&coordinator, "Nora Newly", "2026-11-21");
    add_person(&coordinator.state, "Bo Befriender", |_| {});
    for store in [&coordinator, &secretary, &coordinator, &secretary] {
        sharing::sync_and_tidy(&store.state).unwrap();
    }
    // The first snapshot and the referral's own change file have gone; a newer snapshot holds both.
    assert_eq!(sharing::files_holding(&secretary.state, "Nora Newly").unwrap(), 1, "only in the newest snapshot");

    let newcomer = temp_store();
    join(&newcomer, &scheme);
    assert_eq!(referrals(&newcomer.state), ["Mavis Lonely", "Nora Newly"]);
    assert_eq!(content(&newcomer.state), content(&secretary.state));
    refer(&secretary, "Olive Later", "2026-11-22");
    sharing::sync(&secretary.state).unwrap();
    sharing::sync(&newcomer.state).unwrap();
    assert_eq!(referrals(&newcomer.state), ["Mavis Lonely", "Nora Newly", "Olive Later"]);
}
