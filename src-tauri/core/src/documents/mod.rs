//! Printable documents as the app offers them: which documents there are, building each
//! from the store, PDF bytes for the preview, saving, and the file name it is saved under
//! (never containing personal data).

pub mod access;
pub mod actions;
pub mod agenda;
pub mod annual;
pub mod befriending;
pub mod bulletin;
pub mod directory;
pub mod drivers;
pub mod feedback;
pub mod members;
pub mod minutes;
pub mod printers;
pub mod record;
mod record_sql;
pub mod surveys;
pub mod terms;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::people::{self, PeopleFilter, PeopleQuery};
use crate::print::{self, Document, Profile};
use crate::state::AppState;

/// A document the app can print. Later features add their own kinds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum DocumentKind {
    /// The PPG's contact list (officers, committee, members, practice staff).
    Members,
    /// A meeting's agenda, with the open actions as an appendix.
    #[serde(rename_all = "camelCase")]
    Agenda {
        #[ts(type = "number")]
        meeting_id: i64,
    },
    /// A meeting's minutes: attendance, notes, decisions, actions, approval.
    #[serde(rename_all = "camelCase")]
    Minutes {
        #[ts(type = "number")]
        meeting_id: i64,
    },
    /// The open actions, grouped by owner or by how they stand.
    ActionLog { grouping: actions::ActionGrouping },
    /// "Your actions from the PPG": one page for the owner given, or for every owner.
    #[serde(rename_all = "camelCase")]
    Reminders {
        #[ts(type = "number | null")]
        owner_id: Option<i64>,
    },
    /// The driver rota for a week ("2026-W48").
    Rota { week: String },
    /// One driver's trip sheet for a week.
    #[serde(rename_all = "camelCase")]
    TripSheet {
        #[ts(type = "number")]
        driver_id: i64,
        week: String,
    },
    /// One driver's mileage claim for a month ("2026-11").
    #[serde(rename_all = "camelCase")]
    MileageClaim {
        #[ts(type = "number")]
        driver_id: i64,
        month: String,
    },
    /// The driver scheme's summary for the last `months` months.
    SchemeSummary { months: u32 },
    /// The befriending report for the months `from` to `to` ("2026-04", "2027-03").
    BefriendingReport { from: String, to: String },
    /// The coordinator's summary sheet of one befriending referral.
    #[serde(rename_all = "camelCase")]
    ReferralSheet {
        #[ts(type = "number")]
        referral_id: i64,
    },
    /// Everything held about a referred person (subject access).
    #[serde(rename_all = "camelCase")]
    SubjectAccess {
        #[ts(type = "number")]
        referral_id: i64,
    },
    /// Everything held about someone in People (subject access).
    #[serde(rename_all = "camelCase")]
    PersonRecord {
        #[ts(type = "number")]
        person_id: i64,
    },
    /// Everything held about a passenger of the driver scheme (subject access).
    #[serde(rename_all = "camelCase")]
    PassengerRecord {
        #[ts(type = "number")]
        passenger_id: i64,
    },
    /// The "Keep this safe" sheet with a recovery key just made (never stored by PPG Desk).
    #[serde(rename_all = "camelCase")]
    RecoverySheet { recovery_key: String, key_reference: String },
    /// An issue of the patient bulletin (a published issue prints exactly as it was), or its
    /// edition in a language (`edition`, a code from `languages::LANGUAGES`): its articles'
    /// translations into that language in their place.
    #[serde(rename_all = "camelCase")]
    Bulletin {
        #[ts(type = "number")]
        bulletin_id: i64,
        #[serde(default)]
        #[ts(optional)]
        edition: Option<String>,
    },
    /// What patients told the PPG in the last twelve months: themes, "You said, we did".
    Feedback,
    /// The annual report of the PPG's year `year` (April `year` to March the year after).
    AnnualReport { year: i32 },
    /// The terms of reference in force.
    TermsOfReference,
    /// A survey's paper form for the waiting room.
    #[serde(rename_all = "camelCase")]
    SurveyForm {
        #[ts(type = "number")]
        survey_id: i64,
    },
    /// A survey's results: each question's answers counted, with bars.
    #[serde(rename_all = "camelCase")]
    SurveyResults {
        #[ts(type = "number")]
        survey_id: i64,
    },
    /// The community directory by category with an index, or one category of it.
    #[serde(rename_all = "camelCase")]
    Directory {
        #[ts(type = "number | null")]
        category_id: Option<i64>,
    },
}

impl DocumentKind {
    fn slug(&self) -> &'static str {
        match self {
            DocumentKind::Members => "contact-list",
            DocumentKind::Agenda { .. } => "agenda",
            DocumentKind::Minutes { .. } => "minutes",
            DocumentKind::ActionLog { .. } => "action-log",
            DocumentKind::Reminders { .. } => "action-reminders",
            DocumentKind::Directory { .. } => "community-directory",
            DocumentKind::Rota { .. } => "driver-rota",
            DocumentKind::TripSheet { .. } => "trip-sheet",
            DocumentKind::MileageClaim { .. } => "mileage-claim",
            DocumentKind::SchemeSummary { .. } => "driver-scheme-summary",
            DocumentKind::BefriendingReport { .. } => "befriending-report",
            DocumentKind::Bulletin { .. } => "bulletin",
            DocumentKind::ReferralSheet { .. } => "befriending-referral-summary",
            DocumentKind::SubjectAccess { .. } => "befriending-record",
            DocumentKind::PersonRecord { .. } => "person-record",
            DocumentKind::PassengerRecord { .. } => "passenger-record",
            DocumentKind::RecoverySheet { .. } => "recovery-sheet",
            DocumentKind::Feedback => "patient-feedback",
            DocumentKind::AnnualReport { .. } => "annual-report",
            DocumentKind::TermsOfReference => "terms-of-reference",
            DocumentKind::SurveyForm { .. } => "survey-form",
            DocumentKind::SurveyResults { .. } => "survey-results",
        }
    }
}

/// A safe file name: the kind of document, the profile and the date; never a person's name.
pub fn file_name(kind: &DocumentKind, profile: Profile, today: NaiveDate) -> String {
    format!("ppg-{}-{}-{}.pdf", kind.slug(), profile.slug(), today.format("%Y-%m-%d"))
}

/// Builds the document from what is in the store today.
pub fn build(state: &AppState, kind: &DocumentKind, today: NaiveDate) -> Result<Document> {
    state.read(|conn| {
        let settings = crate::settings::load(conn)?
            .ok_or_else(|| Error::Refused("Please set up your PPG in Settings before printing.".into()))?;
        let logo = crate::settings::load_logo(conn)?.map(|bytes| print::Image {
            bytes,
            alt: format!("{} logo", settings.group_name),
            max_width: 120.0,
        });
        match kind {
            DocumentKind::Members => {
                let everyone = PeopleQuery { search: String::new(), filter: PeopleFilter::Current };
                let people = people::list(conn, &everyone, today)?;
                Ok(members::contact_list(&settings, &people, today, logo))
            }
            DocumentKind::Agenda { meeting_id } => {
                let meeting = crate::meetings::get(conn, *meeting_id)?;
                let items = crate::meetings::items(conn, *meeting_id)?;
                let actions = crate::meetings::open_actions(conn)?;
                Ok(agenda::agenda(&settings, &meeting, &items, &actions, logo))
            }
            DocumentKind::Minutes { meeting_id } => {
                let detail = crate::meetings::agenda::detail(conn, *meeting_id)?;
                let review = crate::actions::views::review(conn, *meeting_id, &detail.meeting.meets_on, today)?;
                Ok(minutes::minutes(&settings, &detail, &review, logo))
            }
            DocumentKind::ActionLog { grouping } => {
                let rows = open_action_rows(conn, today)?;
                Ok(actions::action_log(&settings, &rows, *grouping, today, logo))
            }
            DocumentKind::Reminders { owner_id } => {
                let rows = open_action_rows(conn, today)?;
                Ok(actions::reminders(&settings, &reminder_sheets(&rows, *owner_id), today, logo))
            }
            DocumentKind::Rota { week } => {
                let monday = crate::calendar::parse_week(week)?;
                let trips = crate::drivers::trips_between(conn, monday, monday + chrono::Duration::days(6), None)?;
                Ok(drivers::rota(&settings, monday, &trips, logo))
            }
            DocumentKind::TripSheet { driver_id, week } => {
                let monday = crate::calendar::parse_week(week)?;
                let driver = crate::drivers::get_driver(conn, *driver_id, today)?;
                let trips =
                    crate::drivers::trips_between(conn, monday, monday + chrono::Duration::days(6), Some(*driver_id))?;
                Ok(drivers::trip_sheet(&settings, &driver, monday, &trips, logo))
            }
            DocumentKind::MileageClaim { driver_id, month } => {
                let (first, last) = crate::calendar::parse_month(month)?;
                let driver = crate::drivers::get_driver(conn, *driver_id, today)?;
                let claim = crate::drivers::mileage::claim_for(conn, *driver_id, first, last, today)?;
                let trips = crate::drivers::trips_between(conn, first, last, Some(*driver_id))?;
                Ok(drivers::mileage_claim(&settings, &claim, &trips, &driver, logo))
            }
            DocumentKind::SchemeSummary { months } => {
                let (from, to) = crate::drivers::summary::period(*months, today);
                let summary = crate::drivers::summary::summary(conn, from, to)?;
                Ok(drivers::summary(&settings, &summary, logo))
            }
            DocumentKind::BefriendingReport { from, to } => {
                Ok(befriending::report(&settings, &crate::sharing::befriending_report_on(conn, from, to, today)?, logo))
            }
            DocumentKind::ReferralSheet { referral_id } => Ok(befriending::referral_sheet(
                &settings,
                &crate::befriending::detail::detail(conn, *referral_id, today)?,
                logo,
            )),
            DocumentKind::SubjectAccess { referral_id } => Ok(befriending::subject_access(
                &settings,
                &crate::befriending::detail::detail(conn, *referral_id, today)?,
                today,
                logo,
            )),
            DocumentKind::PersonRecord { person_id } => {
                Ok(access::person_record(&settings, &record::gather(conn, *person_id, today)?, logo))
            }
            DocumentKind::PassengerRecord { passenger_id } => {
                Ok(access::passenger_record(&settings, &record::gather_passenger(conn, *passenger_id, today)?, logo))
            }
            DocumentKind::RecoverySheet { recovery_key, key_reference } => Ok(crate::security::recovery_sheet(
                &settings.group_name,
                recovery_key,
                key_reference,
                &crate::words::long_date(&today.to_string()),
            )),
            DocumentKind::Bulletin { bulletin_id, edition } => {
                let bulletin = crate::bulletins::get(conn, *bulletin_id)?;
                let articles = crate::bulletins::articles(conn, *bulletin_id)?;
                Ok(bulletin::bulletin(&settings, &bulletin, &articles, logo, edition.as_deref()))
            }
            DocumentKind::Feedback => {
                let page = crate::feedback::page(conn, today)?;
                let period = crate::calendar::last_months(12, today);
                Ok(feedback::feedback(&settings, &page.tally, &page.improvements, period, logo))
            }
            DocumentKind::AnnualReport { year } => {
                Ok(annual::annual_report(&settings, &crate::year::figures(conn, *year, today)?, logo))
            }
            DocumentKind::TermsOfReference => {
                let versions = crate::officers::terms::versions(conn)?;
                Ok(terms::terms_of_reference(&settings, versions.first(), logo))
            }
            DocumentKind::SurveyForm { survey_id } => {
                Ok(surveys::form(&settings, &crate::surveys::get(conn, *survey_id)?, logo))
            }
            DocumentKind::SurveyResults { survey_id } => {
                Ok(surveys::results(&settings, &crate::surveys::results::results(conn, *survey_id)?, logo))
            }
            DocumentKind::Directory { category_id } => {
                let categories = crate::directory::categories(conn)?;
                let only = match category_id {
                    Some(id) => Some(
                        categories
                            .iter()
                            .find(|c| c.id == *id)
                            .ok_or(Error::NotFound("That directory category is no longer in PPG Desk."))?,
                    ),
                    None => None,
                };
                let entries = crate::directory::list(conn, &Default::default(), today)?;
                Ok(directory::directory(&settings, &categories, &entries, only, today, logo))
            }
        }
    })
}

fn open_action_rows(conn: &rusqlite::Connection, today: NaiveDate) -> Result<Vec<crate::actions::views::ActionRow>> {
    use crate::actions::views::{self, ActionFilter, ActionView};
    let actions = crate::actions::all_matching(conn, &ActionFilter::of(ActionView::Open), today)?;
    Ok(actions.into_iter().map(|a| views::row(a, today)).collect())
}

/// Each person with open actions (or only `owner`), by name, with theirs.
fn reminder_sheets(
    rows: &[crate::actions::views::ActionRow],
    owner: Option<i64>,
) -> Vec<(String, Vec<crate::actions::views::ActionRow>)> {
    let mut people: Vec<(i64, String)> = rows
        .iter()
        .flat_map(|r| r.action.owner_ids.iter().copied().zip(r.action.owner_names.iter().cloned()))
        .filter(|(id, _)| owner.is_none_or(|o| o == *id))
        .collect();
    people.sort_by(|a, b| {
        crate::check::fold_for_search(&a.1).cmp(&crate::check::fold_for_search(&b.1)).then(a.0.cmp(&b.0))
    });
    people.dedup_by_key(|(id, _)| *id);
    people
        .into_iter()
        .map(|(id, name)| (name, rows.iter().filter(|r| r.action.owner_ids.contains(&id)).cloned().collect()))
        .collect()
}

/// The PDF of `kind` in `profile`.
pub fn render(state: &AppState, kind: &DocumentKind, profile: Profile, now: NaiveDateTime) -> Result<Vec<u8>> {
    if let DocumentKind::Bulletin { bulletin_id, edition: None } = kind {
        if let Some(kept) =
            state.read(|conn| crate::bulletins::printed(conn, *bulletin_id, crate::bulletins::profile_key(profile)))?
        {
            return Ok(kept);
        }
    }
    let document = build(state, kind, now.date())?;
    print::render_with(&document, profile, now.and_utc().timestamp(), &state.progress("Printing"))
}

/// Writes the PDF into the data folder's `exports/` (for opening or printing) and returns its
/// path. The file lasts only for this session: `DataPaths::clear_exports` removes it.
pub fn export(state: &AppState, kind: &DocumentKind, profile: Profile, now: NaiveDateTime) -> Result<PathBuf> {
    let bytes = render(state, kind, profile, now)?;
    let dir = state.paths().exports_dir();
    crate::db::create_private_dir(&dir)?;
    let path = dir.join(file_name(kind, profile, now.date()));
    crate::files::write_atomically(&path, &bytes)?;
    crate::db::make_private(&path);
    Ok(path)
}

// One line of what PPG Desk holds about a person, here so `record_sql.rs` imports only types.

/// One thing held about them, with the day it happened (ISO) where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeldItem {
    pub on: Option<String>,
    pub what: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_and_when_but_not_who() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(
            file_name(&DocumentKind::Members, Profile::LargePrint, day),
            "ppg-contact-list-large-print-2026-11-24.pdf"
        );
    }
}
