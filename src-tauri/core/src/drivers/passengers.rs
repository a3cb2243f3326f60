//! Passengers (only what the job needs, and the date they agreed to their details being
//! kept) and the saved list of hospitals and clinics trips go to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Checker;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Passenger {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub phone: String,
    pub pickup_address: String,
    pub wheelchair: bool,
    pub walking_aid: bool,
    pub needs_escort: bool,
    pub notes: String,
    pub consent_on: String,
}

impl Passenger {
    /// "Wheelchair; walking aid; needs an escort", or "" if none.
    pub fn mobility_text(&self) -> String {
        [(self.wheelchair, "Wheelchair"), (self.walking_aid, "Walking aid"), (self.needs_escort, "Needs an escort")]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, w)| w)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PassengerInput {
    pub full_name: String,
    pub phone: String,
    pub pickup_address: String,
    pub wheelchair: bool,
    pub walking_aid: bool,
    pub needs_escort: bool,
    pub notes: String,
    pub consent_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPassenger {
    pub full_name: String,
    pub phone: String,
    pub pickup_address: String,
    pub wheelchair: bool,
    pub walking_aid: bool,
    pub needs_escort: bool,
    pub notes: String,
    pub consent_on: NaiveDate,
}

impl PassengerInput {
    pub fn checked(&self, today: NaiveDate) -> Result<CheckedPassenger> {
        let mut c = Checker::new();
        let full_name = c.text("fullName", &self.full_name, 200, Some("Please give the passenger's name."));
        let phone = c.text("phone", &self.phone, 40, None);
        let pickup_address =
            c.text("pickupAddress", &self.pickup_address, 500, Some("Please give the address to pick them up from."));
        let notes = c.text("notes", &self.notes, 2000, None);
        let consent_on = c.date("consentOn", &self.consent_on);
        if consent_on.is_none() && !c.has_error("consentOn") {
            c.fail(
                "consentOn",
                "Please give the date they agreed to their details being kept. Without it they cannot be added.",
            );
        }
        if consent_on.is_some_and(|d| d > today) {
            c.fail("consentOn", "This is in the future; give the day they agreed.");
        }
        c.finish()?;
        Ok(CheckedPassenger {
            full_name,
            phone,
            pickup_address,
            wheelchair: self.wheelchair,
            walking_aid: self.walking_aid,
            needs_escort: self.needs_escort,
            notes,
            consent_on: consent_on.expect("checked above"),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Destination {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub address: String,
    pub postcode: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct DestinationInput {
    pub name: String,
    pub address: String,
    pub postcode: String,
}

impl DestinationInput {
    pub fn checked(&self) -> Result<DestinationInput> {
        let mut c = Checker::new();
        let name = c.text("destinationName", &self.name, 120, Some("Please give the hospital or clinic's name."));
        let address = c.text("destinationAddress", &self.address, 500, None);
        let postcode = match crate::directory::tidy_postcode(&self.postcode) {
            Ok(p) => p,
            Err(m) => {
                c.fail("destinationPostcode", m);
                String::new()
            }
        };
        c.finish()?;
        Ok(DestinationInput { name, address, postcode })
    }
}
