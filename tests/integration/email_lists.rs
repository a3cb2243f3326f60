//! Mailing lists the PPG makes itself ("Practice team"): saved with their names checked,
//! reached by the same consent rules as PPG Desk's own lists, always in Bcc, and an erased
//! person taken off them.

use ppg_desk_core::documents::DocumentKind;
use ppg_desk_core::email::{self, ListKey};

use crate::email::{addresses, input, next_meeting, parse};
use crate::print::sample_store;
use crate::support::add_person;

#[test]
fn a_list_the_ppg_made_reaches_its_people_in_bcc_is_checked_when_saved_and_loses_an_erased_person() {
    let store = sample_store();
    let state = &store.state;
    let own = state.read(email::own_lists).unwrap();
    let team = own.iter().find(|l| l.key == "practice-team").expect("the sample's practice team");
    assert_eq!(team.name, "Practice team");
    let today = state.today();
    let kind = DocumentKind::Agenda { meeting_id: next_meeting(state) };
    let prepared = state.read(|conn| email::prepare(conn, &kind, ListKey::Own { id: team.id }, today)).unwrap();
    let names: Vec<&str> = prepared.audience.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Dr Helen Carter", "Sarah Mitchell"]);
    assert!(prepared.audience.recipients.iter().all(|r| !r.agreed_on.is_empty()), "each with the date they agreed");
    let (_, _, drafts) = email::send::make(state, &kind, &input(state, &kind, ListKey::Own { id: team.id })).unwrap();
    let parsed = parse(&drafts[0].bytes);
    assert!(addresses(&parsed, "to").is_empty(), "a list the PPG made goes in Bcc");
    assert_eq!(addresses(&parsed, "bcc").len(), 2);

    // Names that cannot be used are explained beside the name box, and nothing is saved.
    let refused = |name: &str, id: Option<i64>| {
        let input = email::ListInput { id, name: name.into(), people: vec![] };
        match state.write(|tx| email::save_list(tx, &input)) {
            Err(ppg_desk_core::error::Error::Invalid(fields)) => {
                assert_eq!(fields[0].field, "name");
                fields[0].message.clone()
            }
            other => panic!("{name:?} was not refused: {other:?}"),
        }
    };
    assert!(refused("Committee", None).contains("one of PPG Desk's own lists"));
    assert!(refused("practice   TEAM", None).contains("already a list called \"Practice team\""));
    assert!(refused("  ", None).contains("give the list a name"));
    assert!(refused("!!!", None).contains("at least one letter or number"));
    assert_eq!(state.read(email::own_lists).unwrap().len(), 1, "nothing was saved");
    // SQLite refuses what the checks would, should anything get past them.
    let sneaked = state.write(|tx| {
        Ok(tx.execute("INSERT INTO mailing_lists (id, name, key) VALUES (new_id(), 'Members', 'members')", [])?)
    });
    assert!(sneaked.is_err(), "a PPG list cannot take the name of PPG Desk's own");

    // Renamed with a person added; erasing that person takes them off the list.
    let helen = team.people[0];
    let nora = add_person(state, "Nora Noconsent", |p| p.email = "nora@example.org".into());
    let input = email::ListInput { id: Some(team.id), name: "Surgery staff".into(), people: vec![helen, nora] };
    state.write(|tx| email::save_list(tx, &input)).unwrap();
    let own = state.read(email::own_lists).unwrap();
    assert_eq!((own[0].key.as_str(), own[0].people.len()), ("surgery-staff", 2));
    state.erase(|tx| ppg_desk_core::people::delete(tx, nora)).unwrap();
    assert_eq!(state.read(email::own_lists).unwrap()[0].people, vec![helen], "erasure reaches the list");
    state.write(|tx| email::delete_list(tx, team.id)).unwrap();
    assert!(state.read(email::own_lists).unwrap().is_empty());
    assert!(state.read(|conn| email::prepare(conn, &kind, ListKey::Own { id: team.id }, today)).is_err());
}
