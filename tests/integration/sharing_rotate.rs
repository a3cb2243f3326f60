//! Removing a laptop from the committee: everyone else gets new keys, the laptop removed
//! reads nothing written from then on, and laptops joining later still read everything.

use ppg_desk_core::error::Error;
use ppg_desk_core::sharing::{self, Scheme};

use crate::sharing::{committee_and_code, content, names};
use crate::support::{add_person, temp_store};

#[test]
fn a_removed_laptop_reads_nothing_written_after_and_the_others_carry_on() {
    let folder = tempfile::tempdir().unwrap();
    let (laptops, old_code) = committee_and_code(folder.path(), 2);
    let (secretary, chair, treasurer) = (&laptops[0].state, &laptops[1].state, &laptops[2].state);
    add_person(treasurer, "Tess Before", |_| {});
    for state in [secretary, chair, treasurer, secretary, chair] {
        sharing::sync(state).unwrap();
    }
    let gone = sharing::status(treasurer).unwrap().unwrap().sharing.laptop_id;
    let heard = sharing::status(secretary).unwrap().unwrap().heard_from;
    assert!(heard.iter().any(|h| h.laptop_id == gone), "listed, with its id, until removed");

    let codes = sharing::remove_laptop(secretary, &gone).unwrap();
    let new_code = codes.committee.clone().expect("a new invitation code for laptops joining later");
    assert_ne!(new_code, old_code);
    assert!(sharing::status(secretary).unwrap().unwrap().heard_from.iter().all(|h| h.laptop_id != gone));

    add_person(secretary, "Sam After", |_| {});
    sharing::sync(secretary).unwrap();
    sharing::sync(chair).unwrap();
    assert!(names(chair).contains(&"Sam After".to_string()), "the chair's laptop took up the new keys");
    add_person(chair, "Cy After", |_| {});
    sharing::sync(chair).unwrap();
    sharing::sync(secretary).unwrap();
    assert_eq!(content(secretary), content(chair));

    // The laptop removed is told so, and has nothing written since.
    match sharing::sync(treasurer) {
        Err(Error::Refused(message)) => assert!(message.contains("removed from the shared PPG"), "{message}"),
        other => panic!("expected the removed laptop to be told, got {other:?}"),
    }
    let theirs = names(treasurer);
    assert!(!theirs.contains(&"Sam After".to_string()) && !theirs.contains(&"Cy After".to_string()));

    // A laptop joining now uses the new code (the old one no longer opens the PPG) and reads
    // everything, the files sealed with the older keys included.
    let late = temp_store();
    let refused = sharing::join(&late.state, folder.path(), "New", &old_code, Scheme::NotShared, Scheme::NotShared);
    assert!(matches!(refused, Err(Error::Invalid(_))), "the old invitation code no longer joins");
    sharing::join(&late.state, folder.path(), "New", &new_code, Scheme::NotShared, Scheme::NotShared).unwrap();
    assert_eq!(content(&late.state), content(secretary));
    assert!(names(&late.state).contains(&"Tess Before".to_string()));
}
