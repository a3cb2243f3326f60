//! Who a mailing list reaches, worked out from People each time (so a list is always current):
//! only people who agreed to be emailed and gave an address, never anyone who has left; the
//! rest of the list is named with the reason they were left out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ListPerson;
use crate::error::{Error, Result};

/// A mailing list: those PPG Desk works out from People, or one the PPG made itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ListKey {
    Committee,
    Officers,
    Members,
    VirtualPpg,
    /// Each person with open actions, their own reminder sheet (reminders only).
    ActionOwners,
    /// Each active volunteer driver, their own trip sheet (the rota and trip sheets only).
    Drivers,
    /// A list the PPG made itself ("Practice team"), of people chosen from People.
    Own {
        #[ts(type = "number")]
        id: i64,
    },
}

/// A list the PPG made itself: its name, how the command line names it, and who is on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OwnList {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// As typed after `--list`: the name in lower case with hyphens (`practice-team`).
    pub key: String,
    #[ts(type = "number[]")]
    pub people: Vec<i64>,
}

/// How the command line names a list called `name`: letters and digits in lower case, with
/// one hyphen for each run of anything else ("Practice team (Oakford)" is `practice-team-oakford`).
pub fn key_for(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    key.trim_end_matches('-').to_string()
}

impl ListKey {
    /// The lists PPG Desk works out from People.
    pub const ALL: [ListKey; 6] = [
        ListKey::Committee,
        ListKey::Officers,
        ListKey::Members,
        ListKey::VirtualPpg,
        ListKey::ActionOwners,
        ListKey::Drivers,
    ];

    /// PPG Desk's own name for one of its lists on the command line (`committee`,
    /// `officers`, `members`, `virtual-ppg`); `None` for a list the PPG made.
    pub fn builtin_key(self) -> Option<&'static str> {
        Some(match self {
            ListKey::Committee => "committee",
            ListKey::Officers => "officers",
            ListKey::Members => "members",
            ListKey::VirtualPpg => "virtual-ppg",
            ListKey::ActionOwners => "action-owners",
            ListKey::Drivers => "drivers",
            ListKey::Own { .. } => return None,
        })
    }

    /// As typed on the command line.
    pub fn key(self, own: &[OwnList]) -> String {
        match self.builtin_key() {
            Some(key) => key.to_string(),
            None => self.own(own).map(|l| l.key.clone()).unwrap_or_default(),
        }
    }

    /// The list typed on the command line (in any case, spaces around it ignored).
    pub fn from_key(key: &str, own: &[OwnList]) -> Option<ListKey> {
        let key = key.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|l| l.builtin_key() == Some(key.as_str()))
            .or_else(|| own.iter().find(|l| l.key == key).map(|l| ListKey::Own { id: l.id }))
    }

    fn own(self, own: &[OwnList]) -> Option<&OwnList> {
        match self {
            ListKey::Own { id } => own.iter().find(|l| l.id == id),
            _ => None,
        }
    }

    /// As shown on screen and in the record of sending.
    pub fn name(self, own: &[OwnList]) -> String {
        match self {
            ListKey::Committee => "The committee".into(),
            ListKey::Officers => "The officers".into(),
            ListKey::Members => "All members".into(),
            ListKey::VirtualPpg => "The virtual PPG".into(),
            ListKey::ActionOwners => "Each action owner".into(),
            ListKey::Drivers => "Each driver".into(),
            ListKey::Own { .. } => self.own(own).map(|l| l.name.clone()).unwrap_or_default(),
        }
    }

    /// Whether `person` belongs on the list (before asking whether they can be emailed).
    fn takes(self, person: &ListPerson, own: &[OwnList]) -> bool {
        let has = |roles: &[&str]| person.roles.iter().any(|r| roles.contains(&r.as_str()));
        match self {
            ListKey::Committee => has(&["chair", "vice_chair", "secretary", "treasurer", "committee"]),
            ListKey::Officers => has(&["chair", "vice_chair", "secretary", "treasurer"]),
            ListKey::Members => {
                person.email_only || has(&["chair", "vice_chair", "secretary", "treasurer", "committee", "member"])
            }
            ListKey::VirtualPpg => person.email_only,
            ListKey::ActionOwners => person.owns_open_actions,
            ListKey::Drivers => person.driver_id.is_some(),
            ListKey::Own { .. } => self.own(own).is_some_and(|l| l.people.contains(&person.id)),
        }
    }

    /// Beyond the committee, members never see each other's addresses: they go in Bcc (a
    /// list the PPG made may reach anyone, so it always does).
    pub fn bcc(self) -> bool {
        !matches!(self, ListKey::Committee | ListKey::Officers | ListKey::ActionOwners | ListKey::Drivers)
    }
}

/// One person a message goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recipient {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub large_print: bool,
    /// When they agreed to be contacted by email (ISO date).
    pub agreed_on: String,
    /// How a message to them alone begins ("Dear Maggie"): their preferred name, or their name.
    pub greeting: String,
    /// Their driver record, when they drive for the scheme.
    #[ts(type = "number | null")]
    pub driver_id: Option<i64>,
}

/// Someone on the list that the message will not reach, and why, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LeftOut {
    pub name: String,
    pub why: String,
    /// Who they are, to narrow a list to one owner or one driver.
    #[serde(skip)]
    #[ts(skip)]
    pub person_id: i64,
    #[serde(skip)]
    #[ts(skip)]
    pub driver_id: Option<i64>,
}

/// Who a list reaches today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Audience {
    pub list: ListKey,
    pub name: String,
    pub recipients: Vec<Recipient>,
    pub left_out: Vec<LeftOut>,
    pub bcc: bool,
}

/// The list `key` as it stands on `today`, from `people` (and the PPG's own lists, `own`).
pub fn audience(people: &[ListPerson], own: &[OwnList], key: ListKey, today: NaiveDate) -> Result<Audience> {
    if matches!(key, ListKey::Own { .. }) && key.own(own).is_none() {
        return Err(Error::invalid("list", "That list has been deleted. Please choose another."));
    }
    let mut recipients = Vec::new();
    let mut left_out = Vec::new();
    let today = today.to_string();
    for person in people.iter().filter(|p| key.takes(p, own)) {
        if person.left_on.as_ref().is_some_and(|left| *left <= today) {
            continue;
        }
        let agreed_on = person.consent_on.as_ref().filter(|_| person.contact_by_email);
        let why = match (person.email.is_empty(), agreed_on) {
            (true, _) => Err("no email address".to_string()),
            (false, None) => Err("has not agreed to be contacted by email".to_string()),
            (false, Some(on)) => Ok(on.clone()),
        };
        match why {
            Err(why) => left_out.push(LeftOut {
                name: person.name.clone(),
                why,
                person_id: person.id,
                driver_id: person.driver_id,
            }),
            Ok(agreed_on) => recipients.push(Recipient {
                person_id: person.id,
                name: person.name.clone(),
                email: person.email.clone(),
                large_print: person.large_print,
                agreed_on,
                greeting: if person.preferred_name.is_empty() {
                    person.name.clone()
                } else {
                    person.preferred_name.clone()
                },
                driver_id: person.driver_id,
            }),
        }
    }
    Ok(Audience { list: key, name: key.name(own), recipients, left_out, bcc: key.bcc() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, roles: &[&str], email: &str, consent: bool) -> ListPerson {
        ListPerson {
            id,
            name: format!("Person {id}"),
            email: email.into(),
            contact_by_email: consent,
            consent_on: consent.then(|| "2026-01-01".into()),
            left_on: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            email_only: false,
            large_print: false,
            preferred_name: String::new(),
            owns_open_actions: id == 5,
            driver_id: None,
        }
    }

    #[test]
    fn only_people_who_agreed_to_email_are_reached_and_the_rest_are_named_with_why() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let mut left = person(4, &["committee"], "d@example.org", true);
        left.left_on = Some("2026-11-30".into());
        let people = vec![
            person(1, &["chair"], "a@example.org", true),
            person(2, &["committee"], "", false),
            person(3, &["committee"], "c@example.org", false),
            left,
            person(5, &["member"], "e@example.org", true),
        ];
        let committee = audience(&people, &[], ListKey::Committee, today).unwrap();
        assert_eq!(committee.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [1]);
        let why: Vec<&str> = committee.left_out.iter().map(|l| l.why.as_str()).collect();
        assert_eq!(why, ["no email address", "has not agreed to be contacted by email"]);
        assert!(!committee.bcc, "the committee see each other's addresses");
        let members = audience(&people, &[], ListKey::Members, today).unwrap();
        assert_eq!(members.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [1, 5]);
        assert!(members.bcc, "members never see each other's addresses");
        assert!(audience(&people, &[], ListKey::VirtualPpg, today).unwrap().recipients.is_empty());
        let owners = audience(&people, &[], ListKey::ActionOwners, today).unwrap();
        assert_eq!(owners.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [5]);
        assert!(!owners.bcc, "each owner's message is to them alone");
    }

    #[test]
    fn a_list_the_ppg_made_reaches_only_its_people_who_agreed_to_email_and_always_in_bcc() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let people = vec![
            person(1, &["practice_staff"], "a@example.org", true),
            person(2, &["practice_staff"], "b@example.org", false),
            person(3, &["member"], "c@example.org", true),
        ];
        let own = [OwnList { id: 9, name: "Practice team".into(), key: "practice-team".into(), people: vec![1, 2] }];
        let team = audience(&people, &own, ListKey::Own { id: 9 }, today).unwrap();
        assert_eq!(team.name, "Practice team");
        assert_eq!(team.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [1]);
        assert_eq!(team.left_out.iter().map(|l| l.person_id).collect::<Vec<_>>(), [2]);
        assert!(team.bcc, "a list the PPG made may reach anyone: Bcc");
        let gone = audience(&people, &[], ListKey::Own { id: 9 }, today);
        assert!(matches!(gone, Err(Error::Invalid(_))), "a deleted list is refused, not sent to nobody");
    }

    #[test]
    fn list_names_on_the_command_line_read_back() {
        let own = [OwnList { id: 9, name: "Practice team".into(), key: "practice-team".into(), people: vec![] }];
        for key in ListKey::ALL.into_iter().chain([ListKey::Own { id: 9 }]) {
            assert_eq!(ListKey::from_key(&key.key(&own), &own), Some(key));
        }
        assert_eq!(ListKey::from_key("Virtual-PPG", &own), Some(ListKey::VirtualPpg));
        assert_eq!(ListKey::from_key(" Practice-Team ", &own), Some(ListKey::Own { id: 9 }));
        assert_eq!(ListKey::from_key("everyone", &own), None);
        assert_eq!(key_for("Practice team (Oakford)"), "practice-team-oakford");
        assert_eq!(key_for("  Łukasz's helpers!  "), "łukasz-s-helpers");
        assert_eq!(key_for("***"), "");
    }

    proptest::proptest! {
        /// Whatever is typed after --list, reading it never fails, and only a list's own name
        /// (in any case, with spaces around) names it.
        #[test]
        fn any_list_name_reads_safely(typed in "\\PC{0,40}") {
            let lower = typed.trim().to_lowercase();
            match ListKey::from_key(&typed, &[]) {
                Some(key) => proptest::prop_assert_eq!(Some(lower.as_str()), key.builtin_key()),
                None => proptest::prop_assert!(ListKey::ALL.iter().all(|k| k.builtin_key() != Some(lower.as_str()))),
            }
        }

        /// Any name a volunteer types makes a command-line name of letters, digits and single
        /// hyphens, never starting or ending with one, so `--list` can always be typed.
        #[test]
        fn any_list_name_makes_a_typeable_key(name in "\\PC{0,80}") {
            let key = key_for(&name);
            proptest::prop_assert!(!key.starts_with('-') && !key.ends_with('-') && !key.contains("--"), "{key}");
            proptest::prop_assert!(key.chars().all(|c| c == '-' || c.is_alphanumeric()), "{key}");
            proptest::prop_assert_eq!(key.to_lowercase(), key.clone());
        }
    }
}
