//! Who a mailing list reaches, worked out from People each time (so a list is always current):
//! only people who agreed to be emailed and gave an address, never anyone who has left; the
//! rest of the list is named with the reason they were left out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ListPerson;

/// The lists PPG Desk keeps, named on the command line in lower case with hyphens.
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
}

impl ListKey {
    pub const ALL: [ListKey; 6] = [
        ListKey::Committee,
        ListKey::Officers,
        ListKey::Members,
        ListKey::VirtualPpg,
        ListKey::ActionOwners,
        ListKey::Drivers,
    ];

    /// As typed on the command line: `committee`, `officers`, `members`, `virtual-ppg`.
    pub fn key(self) -> &'static str {
        match self {
            ListKey::Committee => "committee",
            ListKey::Officers => "officers",
            ListKey::Members => "members",
            ListKey::VirtualPpg => "virtual-ppg",
            ListKey::ActionOwners => "action-owners",
            ListKey::Drivers => "drivers",
        }
    }

    pub fn from_key(key: &str) -> Option<ListKey> {
        Self::ALL.into_iter().find(|l| l.key() == key.trim().to_lowercase())
    }

    /// As shown on screen and in the record of sending.
    pub fn name(self) -> &'static str {
        match self {
            ListKey::Committee => "The committee",
            ListKey::Officers => "The officers",
            ListKey::Members => "All members",
            ListKey::VirtualPpg => "The virtual PPG",
            ListKey::ActionOwners => "Each action owner",
            ListKey::Drivers => "Each driver",
        }
    }

    /// Whether `person` belongs on the list (before asking whether they can be emailed).
    fn takes(self, person: &ListPerson) -> bool {
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
        }
    }

    /// Beyond the committee, members never see each other's addresses: they go in Bcc.
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

/// The list `key` as it stands on `today`, from `people`.
pub fn audience(people: &[ListPerson], key: ListKey, today: NaiveDate) -> Audience {
    let mut recipients = Vec::new();
    let mut left_out = Vec::new();
    let today = today.to_string();
    for person in people.iter().filter(|p| key.takes(p)) {
        if person.left_on.as_ref().is_some_and(|left| *left <= today) {
            continue;
        }
        let why = if person.email.is_empty() {
            Some("no email address".to_string())
        } else if !person.contact_by_email || person.consent_on.is_none() {
            Some("has not agreed to be contacted by email".to_string())
        } else {
            None
        };
        match why {
            Some(why) => left_out.push(LeftOut {
                name: person.name.clone(),
                why,
                person_id: person.id,
                driver_id: person.driver_id,
            }),
            None => recipients.push(Recipient {
                person_id: person.id,
                name: person.name.clone(),
                email: person.email.clone(),
                large_print: person.large_print,
                greeting: if person.preferred_name.is_empty() {
                    person.name.clone()
                } else {
                    person.preferred_name.clone()
                },
                driver_id: person.driver_id,
            }),
        }
    }
    Audience { list: key, name: key.name().to_string(), recipients, left_out, bcc: key.bcc() }
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
        let committee = audience(&people, ListKey::Committee, today);
        assert_eq!(committee.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [1]);
        let why: Vec<&str> = committee.left_out.iter().map(|l| l.why.as_str()).collect();
        assert_eq!(why, ["no email address", "has not agreed to be contacted by email"]);
        assert!(!committee.bcc, "the committee see each other's addresses");
        let members = audience(&people, ListKey::Members, today);
        assert_eq!(members.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [1, 5]);
        assert!(members.bcc, "members never see each other's addresses");
        assert!(audience(&people, ListKey::VirtualPpg, today).recipients.is_empty());
        let owners = audience(&people, ListKey::ActionOwners, today);
        assert_eq!(owners.recipients.iter().map(|r| r.person_id).collect::<Vec<_>>(), [5]);
        assert!(!owners.bcc, "each owner's message is to them alone");
    }

    #[test]
    fn list_names_on_the_command_line_read_back() {
        for key in ListKey::ALL {
            assert_eq!(ListKey::from_key(key.key()), Some(key));
        }
        assert_eq!(ListKey::from_key("Virtual-PPG"), Some(ListKey::VirtualPpg));
        assert_eq!(ListKey::from_key("everyone"), None);
    }

    proptest::proptest! {
        /// Whatever is typed after --list, reading it never fails, and only a list's own name
        /// (in any case, with spaces around) names it.
        #[test]
        fn any_list_name_reads_safely(typed in "\\PC{0,40}") {
            match ListKey::from_key(&typed) {
                Some(key) => proptest::prop_assert_eq!(typed.trim().to_lowercase(), key.key()),
                None => proptest::prop_assert!(ListKey::ALL.iter().all(|k| k.key() != typed.trim().to_lowercase())),
            }
        }
    }
}
