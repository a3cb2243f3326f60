//! Professional contacts: the social prescribing link workers (SPLWs) who work with the
//! practice and the people around them, with a log of every dealing with each, when the PPG
//! last met its SPLW, and vCard export and import (`vcard.rs`). SQL in `sql.rs`.

mod sql;
pub mod vcard;
pub mod views;

use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;
pub use sql::{add_guest, delete, get, guests, insert, interactions, list, remove_guest, update};

keyed_enum!(
    /// What a professional contact does.
    ContactRole {
        Splw = "splw": "Social prescribing link worker",
        WellbeingCoordinator = "wellbeing_coordinator": "Wellbeing coordinator",
        HealthCoach = "health_coach": "Health and wellbeing coach",
        CareCoordinator = "care_coordinator": "Care coordinator",
        PracticeManager = "practice_manager": "Practice manager",
        GpLead = "gp_lead": "GP lead",
        Council = "council": "Council contact",
        Charity = "charity": "Charity contact",
        Other = "other": "Other",
    }
);

keyed_enum!(
    /// How they like to be reached.
    PreferredContact {
        NoPreference = "": "No preference given",
        Phone = "phone": "Phone",
        Email = "email": "Email",
        Either = "either": "Phone or email",
    }
);

keyed_enum!(
    /// A kind of dealing with a contact.
    InteractionKind {
        AttendedMeeting = "attended_meeting": "Came to a PPG meeting",
        Presentation = "presentation": "Gave a presentation",
        Phone = "phone": "Phone call",
        Email = "email": "Email",
        JointProject = "joint_project": "Joint project",
        Referral = "referral": "Referral",
        Other = "other": "Other",
    }
);

impl InteractionKind {
    /// Counts as meeting them (for "last met").
    pub fn is_meeting(self) -> bool {
        matches!(self, InteractionKind::AttendedMeeting | InteractionKind::Presentation | InteractionKind::JointProject)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub role: ContactRole,
    pub organisation: String,
    pub pcn: String,
    pub practices: String,
    pub working_days: Vec<String>,
    pub phone: String,
    pub email: String,
    pub preferred_contact: PreferredContact,
    pub notes: String,
    /// The last time the PPG met them (a meeting, presentation or joint project), if ever.
    pub last_met: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContactInput {
    pub full_name: String,
    pub role: Option<ContactRole>,
    pub organisation: String,
    pub pcn: String,
    pub practices: String,
    pub working_days: Vec<String>,
    pub phone: String,
    pub email: String,
    pub preferred_contact: Option<PreferredContact>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedContact {
    pub full_name: String,
    pub role: ContactRole,
    pub organisation: String,
    pub pcn: String,
    pub practices: String,
    pub working_days: Vec<String>,
    pub phone: String,
    pub email: String,
    pub preferred_contact: PreferredContact,
    pub notes: String,
}

impl ContactInput {
    pub fn checked(&self) -> Result<CheckedContact> {
        let mut c = Checker::new();
        let full_name = c.text("fullName", &self.full_name, 200, Some("Please enter their name."));
        let organisation = c.text("organisation", &self.organisation, 200, None);
        let pcn = c.text("pcn", &self.pcn, 120, None);
        let practices = c.text("practices", &self.practices, 500, None);
        let phone = c.text("phone", &self.phone, 40, None);
        let email = c.email("email", &self.email);
        let notes = c.text("notes", &self.notes, 5000, None);
        let role = self.role.unwrap_or_else(|| {
            c.fail("role", "Please choose what they do.");
            ContactRole::Other
        });
        let preferred_contact = self.preferred_contact.unwrap_or(PreferredContact::NoPreference);
        if preferred_contact == PreferredContact::Phone && phone.is_empty() {
            c.fail("phone", "They prefer the phone: please give their number.");
        }
        if preferred_contact == PreferredContact::Email && email.is_empty() && !c.has_error("email") {
            c.fail("email", "They prefer email: please give their address.");
        }
        c.finish()?;
        Ok(CheckedContact {
            full_name,
            role,
            organisation,
            pcn,
            practices,
            working_days: crate::words::tidy_days(&self.working_days),
            phone,
            email,
            preferred_contact,
            notes,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Interaction {
    #[ts(type = "number")]
    pub id: i64,
    pub happened_on: String,
    pub kind: InteractionKind,
    pub notes: String,
    #[ts(type = "number | null")]
    pub action_id: Option<i64>,
    pub action_title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct InteractionInput {
    pub happened_on: String,
    pub kind: Option<InteractionKind>,
    pub notes: String,
    /// An optional follow-up: what needs doing (owned by this contact), and by when.
    pub follow_up: String,
    pub follow_up_due: String,
}

/// Records a dealing with a contact, dated as typed (not in the future), with an optional
/// follow-up action owned by them.
pub fn add_interaction(
    conn: &Connection,
    contact_id: i64,
    input: &InteractionInput,
    today: NaiveDate,
    now: &str,
) -> Result<i64> {
    let contact = get(conn, contact_id)?;
    let mut c = Checker::new();
    let happened_on = c.date("happenedOn", &input.happened_on);
    if happened_on.is_none() && !c.has_error("happenedOn") {
        c.fail("happenedOn", "Please give the date.");
    }
    if happened_on.is_some_and(|d| d > today) {
        c.fail("happenedOn", "This is in the future; please record it once it has happened.");
    }
    let kind = input.kind.unwrap_or_else(|| {
        c.fail("kind", "Please choose what kind of contact it was.");
        InteractionKind::Other
    });
    let notes = c.text("interactionNotes", &input.notes, 5000, None);
    c.finish()?;
    let happened_on = happened_on.expect("checked above");
    let action_id = if input.follow_up.trim().is_empty() {
        None
    } else {
        let follow_up = crate::actions::ActionInput {
            title: input.follow_up.clone(),
            outside_owner: contact.full_name.clone(),
            due_on: input.follow_up_due.clone(),
            ..Default::default()
        };
        let checked = follow_up
            .checked(happened_on)
            .map_err(|e| rename_fields(e, &[("actionTitle", "followUp"), ("actionDueOn", "followUpDue")]))?;
        Some(crate::actions::create(conn, &checked, today, now)?)
    };
    sql::insert_interaction(conn, contact_id, happened_on, kind, &notes, action_id, now)
}

fn rename_fields(error: crate::error::Error, renames: &[(&str, &str)]) -> crate::error::Error {
    match error {
        crate::error::Error::Invalid(mut fields) => {
            for f in &mut fields {
                if let Some((_, to)) = renames.iter().find(|(from, _)| *from == f.field) {
                    f.field = to.to_string();
                }
            }
            crate::error::Error::Invalid(fields)
        }
        other => other,
    }
}

/// Whether the PPG should be reminded about its link workers, in words; None when all is well.
pub fn splw_reminder(contacts: &[Contact], months: u32, today: NaiveDate) -> Option<String> {
    let splws: Vec<&Contact> = contacts.iter().filter(|c| c.role == ContactRole::Splw).collect();
    if splws.is_empty() {
        return Some(
            "No social prescribing link worker is recorded. Ask the practice who yours is, and add them in Contacts."
                .into(),
        );
    }
    let since = today.checked_sub_months(Months::new(months)).unwrap_or(today).to_string();
    let latest = splws.iter().filter_map(|c| c.last_met.clone()).max();
    match latest {
        None => Some("The PPG has not met its social prescribing link worker yet. Why not invite them to the next meeting?".into()),
        Some(on) if on < since => Some(format!(
            "The PPG last met its social prescribing link worker on {}, over {months} months ago. Why not invite them to the next meeting?",
            crate::words::long_date(&on)
        )),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests;
