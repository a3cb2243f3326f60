//! One trip as stored and shown, and where it has got to: the types that both trips
//! (`trips.rs`) and suggesting drivers (`assign.rs`) use, so neither imports the other's types.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

keyed_enum!(
    /// Where a trip request has got to.
    TripStatus {
        Requested = "requested": "Requested",
        Assigned = "assigned": "Assigned",
        Confirmed = "confirmed": "Confirmed",
        Done = "done": "Done",
        Cancelled = "cancelled": "Cancelled",
        NotCovered = "not_covered": "Could not be covered",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Trip {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub passenger_id: i64,
    pub passenger_name: String,
    pub passenger_phone: String,
    pub passenger_notes: String,
    pub wheelchair: bool,
    /// "Wheelchair; needs an escort", or "".
    pub mobility: String,
    pub pickup_address: String,
    #[ts(type = "number")]
    pub destination_id: i64,
    pub destination_name: String,
    pub destination_address: String,
    pub goes_on: String,
    pub pickup_at: String,
    pub appointment_at: String,
    pub back_at: Option<String>,
    pub returns: bool,
    pub escort: bool,
    pub notes: String,
    pub status: TripStatus,
    #[ts(type = "number | null")]
    pub driver_id: Option<i64>,
    pub driver_name: Option<String>,
    pub override_reason: String,
    #[ts(type = "number | null")]
    pub series_id: Option<i64>,
    #[ts(type = "number | null")]
    pub miles_tenths: Option<i64>,
    #[ts(type = "number | null")]
    pub donation_pence: Option<i64>,
}
