//! The home dashboard: the next meeting and what still needs doing for it, and the actions
//! that are overdue or due soon, the PPG's link with its social prescriber, and directory
//! entries due for checking, the driver and befriending schemes, and personal data kept past
//! its retention period. Each card says how many there are and shows the first few.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::actions::views::{self, ActionFilter, ActionRow, ActionView};
use crate::error::Result;
use crate::meetings::{Meeting, MeetingStatus};
use crate::people::{PeopleFilter, PeopleQuery};
use crate::words::long_date;

/// How many actions a card lists before "see all".
const CARD_ROWS: usize = 5;

/// The agenda should be out this many days before the meeting.
const AGENDA_NOTICE_DAYS: u64 = 7;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingCard {
    pub meeting: Meeting,
    /// What still needs doing, in words ("The agenda has not been sent out yet.").
    pub to_do: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionCard {
    pub rows: Vec<ActionRow>,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    /// The current chair, vice-chair, secretary and treasurer.
    pub officers: Vec<crate::people::Person>,
    /// How many people are current (have not left).
    pub current_people: u32,
    pub next_meeting: Option<MeetingCard>,
    /// The last meeting held, when its minutes still need work.
    pub last_meeting: Option<MeetingCard>,
    pub overdue: ActionCard,
    pub due_soon: ActionCard,
    /// A reminder about the PPG's social prescribing link worker (none recorded, or not met
    /// for the PPG's chosen number of months); None when all is well.
    pub splw_reminder: Option<String>,
    /// Officer posts that are empty, and terms that end within eight weeks or have ended.
    pub officer_reminders: Vec<String>,
    /// Directory entries not checked within the PPG's checking period.
    pub directory_due: DirectoryCard,
    /// Drivers' checks lapsed or lapsing soon, and trips soon with no driver.
    pub drivers: DriverCard,
    pub befriending: BefriendingCard,
    /// Personal data kept past the PPG's retention periods, to clear out.
    pub retention: RetentionCard,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionCard {
    /// Closed befriending referrals due for erasure.
    pub referrals: u32,
    /// Former drivers whose driver record is due for removal.
    pub former_drivers: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BefriendingCard {
    /// People waiting who need a call: "Edna Marsh: not contacted for 17 days".
    pub waiting_prompts: Vec<String>,
    /// Everyone waiting (matched or closed people are not waiting).
    pub waiting_total: u32,
    /// Safeguarding concerns not yet passed on.
    pub open_concerns: u32,
    /// Reviews overdue or due in the next 14 days: "Albert Finch: review due 3 December 2026".
    pub reviews_due: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DriverCard {
    /// "Graham Whitfield: MOT expires in 12 days (6 December 2026)".
    pub check_warnings: Vec<String>,
    /// Trips in the next seven days still without a driver.
    pub unassigned_soon: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DirectoryCard {
    /// The first few names, longest unchecked first.
    pub names: Vec<String>,
    pub total: u32,
}

/// What needs doing before `meeting`, seen on `today`; `emailed` is the last time its agenda
/// was handed to the mail program, if it was (when, and to how many).
pub fn next_meeting_to_do(
    meeting: &Meeting,
    previous: Option<&Meeting>,
    emailed: Option<&crate::email::Sent>,
    today: NaiveDate,
) -> Vec<String> {
    let mut to_do = Vec::new();
    let meets_on = NaiveDate::parse_from_str(&meeting.meets_on, "%Y-%m-%d").unwrap_or(today);
    if let Some(sent) = emailed {
        let people = if sent.recipients == 1 { "1 person".to_string() } else { format!("{} people", sent.recipients) };
        let day = sent.sent_at.get(..10).unwrap_or(&sent.sent_at);
        to_do.push(format!("The agenda was emailed to {people} on {}.", long_date(day)));
    } else if meeting.status == MeetingStatus::Planned {
        let send_by = meets_on.checked_sub_days(Days::new(AGENDA_NOTICE_DAYS)).unwrap_or(meets_on);
        to_do.push(if today >= send_by {
            "The agenda has not been sent out yet: it is due now.".to_string()
        } else {
            format!("Send out the agenda by {}.", long_date(&send_by.to_string()))
        });
    }
    if let Some(previous) = previous {
        match previous.status {
            MeetingStatus::DraftMinutes => to_do.push(format!(
                "The minutes of {} are ready to approve at this meeting.",
                long_date(&previous.meets_on)
            )),
            MeetingStatus::MinutesApproved => {}
            _ => to_do.push(format!("The minutes of {} have not been drafted yet.", long_date(&previous.meets_on))),
        }
    }
    to_do
}

/// Officer posts and terms, and the next AGM's notice.
fn officer_reminders(conn: &Connection, today: NaiveDate) -> Result<Vec<String>> {
    let mut said = crate::officers::reminders(&crate::officers::posts(conn, today)?, today);
    let next_agm = crate::meetings::list(conn)?
        .into_iter()
        .filter(|m| m.kind == crate::meetings::MeetingKind::Agm && m.meets_on >= today.to_string())
        .min_by(|a, b| a.meets_on.cmp(&b.meets_on));
    if let Some(agm) = next_agm {
        let on = NaiveDate::parse_from_str(&agm.meets_on, "%Y-%m-%d").ok();
        let sent = agm.status != MeetingStatus::Planned;
        let days = crate::settings::load(conn)?.map(|s| s.agm_notice_days).unwrap_or(28);
        said.extend(crate::officers::agm_notice(on, sent, days, today));
    }
    let terms = crate::officers::terms::versions(conn)?;
    said.extend(crate::officers::terms::review_reminder(terms.first(), today));
    Ok(said)
}

fn card(conn: &Connection, view: ActionView, today: NaiveDate) -> Result<ActionCard> {
    let list = views::list(conn, &ActionFilter::of(view), today)?;
    Ok(ActionCard { rows: list.rows.into_iter().take(CARD_ROWS).collect(), total: list.total })
}

pub fn dashboard(conn: &Connection, today: NaiveDate) -> Result<Dashboard> {
    let meetings = crate::meetings::list(conn)?;
    let today_iso = today.to_string();
    // Newest first: the next is the last of those still to come.
    let next = meetings.iter().rfind(|m| m.meets_on >= today_iso);
    let last = meetings.iter().find(|m| m.meets_on < today_iso);
    let emailed = match next {
        Some(m) => crate::email::sent_for_meeting(conn, m.id)?
            .into_iter()
            .find(|s| s.document == crate::email::EmailDocument::Agenda),
        None => None,
    };
    let next_meeting =
        next.map(|m| MeetingCard { meeting: m.clone(), to_do: next_meeting_to_do(m, last, emailed.as_ref(), today) });
    let last_meeting = last
        .filter(|m| matches!(m.status, MeetingStatus::Planned | MeetingStatus::AgendaIssued | MeetingStatus::Held))
        .map(|m| MeetingCard {
            meeting: m.clone(),
            to_do: vec![if m.status == MeetingStatus::Held {
                "Its minutes have not been drafted yet.".into()
            } else {
                "Mark it as held, then draft its minutes.".into()
            }],
        });
    let settings = crate::settings::load(conn)?;
    let splw_months = settings.as_ref().map(|s| s.splw_meet_months).unwrap_or(6);
    let splw_reminder = crate::contacts::splw_reminder(&crate::contacts::list(conn, "")?, splw_months, today);
    let due = crate::directory::list(
        conn,
        &crate::directory::DirectoryFilter { due_for_checking: true, ..Default::default() },
        today,
    )?;
    let directory_due =
        DirectoryCard { names: due.iter().take(CARD_ROWS).map(|e| e.name.clone()).collect(), total: due.len() as u32 };
    let kept = settings.unwrap_or_default();
    let people = |filter| crate::people::list(conn, &PeopleQuery { search: String::new(), filter }, today);
    Ok(Dashboard {
        officers: people(PeopleFilter::Officers)?,
        current_people: people(PeopleFilter::Current)?.len() as u32,
        next_meeting,
        last_meeting,
        overdue: card(conn, ActionView::Overdue, today)?,
        due_soon: card(conn, ActionView::DueSoon, today)?,
        splw_reminder,
        officer_reminders: officer_reminders(conn, today)?,
        directory_due,
        drivers: driver_card(conn, today)?,
        befriending: befriending_card(conn, today)?,
        retention: RetentionCard {
            referrals: crate::befriending::retention::due_for_erasure(conn, kept.befriending_retention_months, today)?
                .len() as u32,
            former_drivers: crate::drivers::former_drivers_due(conn, kept.driver_retention_months, today)?.len() as u32,
        },
    })
}

/// Who on the befriending waiting list needs a call, open concerns, and reviews due.
pub fn befriending_card(conn: &Connection, today: NaiveDate) -> Result<BefriendingCard> {
    let waiting = crate::befriending::referrals::waiting_list(conn, today)?;
    let waiting_prompts = waiting
        .iter()
        .filter_map(|w| {
            w.contact_overdue_days.map(|days| format!("{}: not contacted for {days} days", w.referral.full_name))
        })
        .collect();
    let reviews_due = crate::befriending::detail::reviews_due(conn, today, 14)?
        .into_iter()
        .map(|(_, name, on)| {
            if on < today {
                format!("{name}: review overdue since {}", long_date(&on.to_string()))
            } else {
                format!("{name}: review due {}", long_date(&on.to_string()))
            }
        })
        .collect();
    Ok(BefriendingCard {
        waiting_prompts,
        waiting_total: waiting.len() as u32,
        open_concerns: crate::befriending::open_concerns(conn, None)?.len() as u32,
        reviews_due,
    })
}

/// Active drivers' checks that have lapsed, are missing or lapse within the warning period.
pub fn driver_card(conn: &Connection, today: NaiveDate) -> Result<DriverCard> {
    use crate::drivers::rules::CheckState;
    let mut check_warnings = Vec::new();
    for driver in crate::drivers::drivers(conn, today)?.into_iter().filter(|d| d.active) {
        for check in &driver.checks {
            let when = check.expires_on.as_deref().map(long_date).unwrap_or_default();
            let text = match check.state {
                CheckState::Lapsed => format!("{}: {} lapsed on {when}", driver.name, check.kind.label()),
                CheckState::Missing => format!("{}: {} not recorded", driver.name, check.kind.label()),
                CheckState::ExpiresSoon { days: 0 } => format!("{}: {} expires today", driver.name, check.kind.label()),
                CheckState::ExpiresSoon { days: 1 } => {
                    format!("{}: {} expires tomorrow", driver.name, check.kind.label())
                }
                CheckState::ExpiresSoon { days } => {
                    format!("{}: {} expires in {days} days ({when})", driver.name, check.kind.label())
                }
                CheckState::InDate => continue,
            };
            check_warnings.push(text);
        }
    }
    let week = crate::drivers::trips_between(conn, today, today + Days::new(7), None)?;
    let unassigned_soon =
        week.iter().filter(|t| t.status == crate::drivers::trips::TripStatus::Requested).count() as u32;
    Ok(DriverCard { check_warnings, unassigned_soon })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(on: &str, status: MeetingStatus) -> Meeting {
        Meeting {
            id: 1,
            kind: crate::meetings::MeetingKind::Committee,
            meets_on: on.into(),
            starts_at: "18:30".into(),
            ends_at: None,
            venue: "x".into(),
            online_link: String::new(),
            chair_id: None,
            minute_taker_id: None,
            status,
            approved_on: None,
            approved_at_meeting_id: None,
            approval_corrections: String::new(),
        }
    }

    #[test]
    fn the_next_meeting_says_what_is_still_to_do() {
        let next = meeting("2026-12-08", MeetingStatus::Planned);
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let drafted = meeting("2026-11-10", MeetingStatus::DraftMinutes);
        assert_eq!(
            next_meeting_to_do(&next, Some(&drafted), None, today),
            vec![
                "Send out the agenda by Tuesday 1 December 2026.",
                "The minutes of Tuesday 10 November 2026 are ready to approve at this meeting."
            ]
        );
        let late = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let held = meeting("2026-11-10", MeetingStatus::Held);
        assert_eq!(
            next_meeting_to_do(&next, Some(&held), None, late),
            vec![
                "The agenda has not been sent out yet: it is due now.",
                "The minutes of Tuesday 10 November 2026 have not been drafted yet."
            ]
        );
        let issued = meeting("2026-12-08", MeetingStatus::AgendaIssued);
        assert!(next_meeting_to_do(&issued, Some(&meeting("2026-11-10", MeetingStatus::MinutesApproved)), None, late)
            .is_empty());
        // Emailed from PPG Desk: the card says when, and to how many, instead.
        let sent = crate::email::Sent {
            document: crate::email::EmailDocument::Agenda,
            list_name: "The committee".into(),
            recipients: 9,
            version: "agenda".into(),
            sent_at: "2026-12-02T10:00:00".into(),
        };
        assert_eq!(
            next_meeting_to_do(&next, Some(&held), Some(&sent), late),
            vec![
                "The agenda was emailed to 9 people on Wednesday 2 December 2026.",
                "The minutes of Tuesday 10 November 2026 have not been drafted yet."
            ]
        );
    }
}
