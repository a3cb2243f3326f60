//! The sample PPG: a believable group with a year of history, for people who want to
//! explore before entering their own. Later features add their own records here.

mod befriending;
mod bulletins;
mod directory;
mod drivers;
mod feedback;
mod membership;
mod surveys;

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::error::{Error, Result};
use crate::people::{self, PersonInput, Role};
use crate::settings::{self, IntervalUnit, Settings, TextSize};

/// (name, preferred, roles, joined days ago, left days ago, email?, phone, contact by, notes)
type SamplePerson =
    (&'static str, &'static str, &'static [Role], i64, Option<i64>, bool, &'static str, &'static str, &'static str);

#[rustfmt::skip] // a table of sample rows: one row per line reads best
const PEOPLE: &[SamplePerson] = &[
    ("Margaret Ellis", "Maggie", &[Role::Chair, Role::Committee], 2900, None, true, "01632 960101", "email", "Chair since the AGM two years ago."),
    ("Zoë Brontë-Smith", "", &[Role::ViceChair, Role::Committee], 1500, None, true, "07700 900202", "email phone", ""),
    ("Siobhán O'Connor", "", &[Role::Secretary, Role::Committee], 2100, None, true, "01632 960303", "email", "Prefers agendas by email a week ahead."),
    ("Łukasz Nowak", "Luke", &[Role::Treasurer, Role::Committee], 1200, None, true, "07700 900404", "email", ""),
    ("Aisha Begum", "", &[Role::Committee], 800, None, true, "07700 900505", "email phone", "Speaks Bengali and Sylheti; helps with translated notices."),
    ("David Thompson", "Dave", &[Role::Committee], 3000, None, false, "01632 960606", "phone post", "No email. Large print papers, please."),
    ("Priya Sharma", "", &[Role::Committee], 330, None, true, "07700 900707", "email", "Joined after the patient survey stall."),
    ("Graham Whitfield", "", &[Role::Committee], 2500, None, true, "01632 960808", "email", "Runs the volunteer driver rota."),
    ("Olusegun Adeyemi", "Segun", &[Role::Committee], 600, None, true, "07700 900909", "email", ""),
    ("Eileen McCarthy", "", &[Role::Committee], 1800, None, false, "01632 960110", "post", "Coordinates the befriending scheme."),
    ("Jan Kowalski", "", &[Role::Member], 700, None, true, "", "email", ""),
    ("Fatima Hussain", "", &[Role::Member], 250, None, true, "", "email", ""),
    ("Peter Wright", "", &[Role::Member], 1400, None, false, "01632 960121", "phone", ""),
    ("Rhiannon Jones", "", &[Role::Member], 90, None, true, "", "email", "Interested in the young people's health forum."),
    ("Tomasz Wiśniewski", "Tom", &[Role::Member], 400, None, true, "07700 900131", "email", ""),
    ("Mei Ling Chen", "", &[Role::Member], 520, None, true, "", "email", ""),
    ("Bernard O'Neill", "Bernie", &[Role::Member], 150, None, false, "01632 960141", "phone", ""),
    ("Barbara Hughes", "", &[Role::Committee], 3200, Some(240), true, "01632 960151", "", "Stood down from the committee; thanked at the AGM."),
    ("Kenneth Ashworth", "Ken", &[Role::Treasurer], 3600, Some(330), false, "01632 960161", "", "Former treasurer; handed over to Łukasz."),
    ("Dr Helen Carter", "", &[Role::PracticeStaff], 2000, None, true, "01632 960999", "email", "GP partner; attends quarterly."),
    ("Sarah Mitchell", "", &[Role::PracticeStaff], 1600, None, true, "01632 960998", "email", "Practice manager."),
    ("Joanne Price", "Jo", &[Role::Guest], 60, None, true, "", "email", "Patient who came to the open forum."),
];

/// Members who take part by email only (the "virtual PPG").
const VIRTUAL_PPG: &[&str] = &["Jan Kowalski", "Rhiannon Jones", "Mei Ling Chen"];
/// People who get large print, on paper and by email.
const LARGE_PRINT: &[&str] = &["David Thompson", "Graham Whitfield"];

fn email_for(name: &str) -> String {
    let ascii: String =
        crate::check::fold_for_search(name).chars().filter(|c| c.is_ascii_alphabetic() || *c == ' ').collect();
    let parts: Vec<&str> = ascii.split_whitespace().filter(|p| *p != "dr").collect();
    format!("{}.{}@example.org", parts[0], parts[parts.len() - 1])
}

fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Fills an empty store with the sample PPG. Refuses if a PPG is already set up.
pub fn load(tx: &Transaction, today: NaiveDate, now: &str) -> Result<()> {
    load_years(tx, today, now, 1)
}

/// The sample PPG with `years` of monthly meetings (each with its minutes, decisions and
/// actions) instead of one: a PPG Desk that has been used for a decade, to try it at scale.
pub fn load_years(tx: &Transaction, today: NaiveDate, now: &str, years: u32) -> Result<()> {
    let has_people: bool = !people::list(
        tx,
        &people::PeopleQuery { search: String::new(), filter: people::PeopleFilter::Everyone },
        today,
    )?
    .is_empty();
    if !settings::needs_setup(tx)? || has_people {
        return Err(Error::Refused(
            "The sample PPG can only be loaded into an empty PPG Desk, so that nothing of yours is mixed with it."
                .into(),
        ));
    }
    let sample = Settings {
        group_name: "Riverside Surgery Patient Participation Group".into(),
        practices: vec!["Riverside Surgery".into(), "Hill Lane Branch Surgery".into()],
        pcn: "Riverside and Villages PCN".into(),
        usual_venue: "Community Room, Riverside Surgery, Mill Lane".into(),
        meeting_every: 1,
        meeting_every_unit: IntervalUnit::Months,
        text_size: TextSize::Normal,
        default_profile: crate::print::Profile::Standard,
        quorum: 5,
        member_items_deadline_days: 7,
        splw_meet_months: 6,
        directory_check_months: 12,
        check_warning_days: 30,
        travel_buffer_minutes: 30,
        waiting_contact_days: 14,
        befriending_retention_months: 24,
        driver_retention_months: 24,
        idle_lock_minutes: 15,
        year_starts_month: 4,
        agm_notice_days: 28,
    };
    settings::save(tx, &sample, now)?;
    settings::mark_sample(tx)?;
    for (index, &(name, preferred, roles, joined, left, has_email, phone, contact_by, notes)) in
        PEOPLE.iter().enumerate()
    {
        let joined_on = today - Duration::days(joined);
        let input = PersonInput {
            full_name: name.into(),
            preferred_name: preferred.into(),
            email: if has_email { email_for(name) } else { String::new() },
            phone: phone.into(),
            address: if contact_by.contains("post") {
                format!("{} Mill Lane, Riverside, RV1 {}AB", 10 + index, index % 9 + 1)
            } else {
                String::new()
            },
            joined_on: uk(joined_on),
            left_on: left.map(|days| uk(today - Duration::days(days))).unwrap_or_default(),
            roles: roles.to_vec(),
            contact_by_email: contact_by.contains("email"),
            contact_by_post: contact_by.contains("post"),
            contact_by_phone: contact_by.contains("phone"),
            contact_consent_on: if contact_by.is_empty() { String::new() } else { uk(joined_on) },
            notes: notes.into(),
            email_only: VIRTUAL_PPG.contains(&name),
            large_print: LARGE_PRINT.contains(&name),
        };
        people::insert(tx, &input.checked(today)?, now)?;
    }
    add_practice_team(tx, today)?;
    add_officers(tx, today)?;
    add_meetings(tx, today, now, years)?;
    directory::load(tx, today, now)?;
    drivers::load(tx, today, now)?;
    befriending::load(tx, today, now)?;
    feedback::load(tx, today, now)?;
    surveys::load(tx, today, now)?;
    membership::load(tx, today, now)?;
    bulletins::load(tx, today, now)
}

/// A mailing list the sample PPG made itself: the practice staff it emails the agenda to.
fn add_practice_team(tx: &Transaction, today: NaiveDate) -> Result<()> {
    let query = people::PeopleQuery { search: String::new(), filter: people::PeopleFilter::Current };
    let staff = people::list(tx, &query, today)?;
    let staff = staff.iter().filter(|p| p.roles.contains(&Role::PracticeStaff)).map(|p| p.id).collect();
    crate::email::save_list(tx, &crate::email::ListInput { id: None, name: "Practice team".into(), people: staff })?;
    Ok(())
}

/// The officers' terms: the treasurer took over from Kenneth at last year's AGM, and the
/// secretary's three years end in a few weeks (so Home says so).
fn add_officers(tx: &Transaction, today: NaiveDate) -> Result<()> {
    let everyone = people::list(
        tx,
        &people::PeopleQuery { search: String::new(), filter: people::PeopleFilter::Everyone },
        today,
    )?;
    let posts = crate::officers::posts(tx, today)?;
    for (post, name, days_ago) in [
        ("Chair", "Margaret Ellis", 240),
        ("Vice-chair", "Zoë Brontë-Smith", 240),
        ("Secretary", "Siobhán O'Connor", 3 * 365 - 40),
        ("Treasurer", "Kenneth Ashworth", 1800),
        ("Treasurer", "Łukasz Nowak", 330),
    ] {
        let person = everyone.iter().find(|p| p.full_name == name).map(|p| p.id);
        let post = posts.iter().find(|p| p.name == post).map(|p| p.id);
        if let (Some(person), Some(post)) = (person, post) {
            crate::officers::appoint(tx, post, person, today - Duration::days(days_ago))?;
        }
    }
    let terms = crate::officers::terms::TermsInput {
        agreed_on: uk(today - Duration::days(700)),
        review_on: uk(today + Duration::days(30)),
        text: SAMPLE_TERMS.into(),
    };
    crate::officers::terms::save_version(tx, &terms, "2025-01-06T10:00:00")?;
    Ok(())
}

/// The sample PPG's terms of reference (the shape many PPGs use).
const SAMPLE_TERMS: &str = "**1. Name.** The group is the Riverside Surgery Patient Participation Group (the PPG).

**2. Purpose.** To bring patients' views to the practice, to help the practice improve its services, and to keep patients informed.

**3. Membership.** Any registered patient of the practice aged 16 or over may join. Members may take part in person or by email only.

**4. Officers.** The PPG elects a chair, a vice-chair, a secretary and a treasurer at its annual general meeting, each for three years.

**5. Meetings.** The committee meets monthly. A meeting is quorate when five members are present. Practice staff attend as advisers.

**6. Confidentiality.** Members do not discuss individual patients' care at PPG meetings.

**7. Review.** These terms are reviewed at least every two years at the annual general meeting.";

/// What the secretary wrote under a few of the items, for the sample minutes.
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const SAMPLE_MINUTES: [(&str, &str); 4] = [
    ("Practice update", "Sarah Mitchell reported that the new telephone system is working well.\n- Call-backs now offered at busy times\n- Online requests answered within two working days"),
    ("Social prescribing: update from the link worker", "The link worker described the walking group and the new carers' café. Members agreed to add both to the directory."),
    ("Volunteer drivers", "Graham Whitfield reported 14 trips last month and asked for two more volunteer drivers."),
    ("Any other business", "None."),
];

/// Decisions and actions the sample secretary recorded, by agenda item, one set per month in turn.
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const SAMPLE_DECISIONS: [(&str, &str); 3] = [
    ("Practice update", "To run a PPG stall at the Saturday flu clinic."),
    ("Treasurer's report", "To spend up to £60 on printing the patient newsletter this quarter."),
    ("Any other business", "To invite the link worker to the next open patient forum."),
];
#[rustfmt::skip] // a table of sample rows: one row per line reads best
const SAMPLE_ACTIONS: [(&str, &str, &str); 3] = [
    ("Social prescribing: update from the link worker", "Add the walking group and carers' café to the community directory", "Aisha Begum"),
    ("Volunteer drivers", "Put up a poster asking for volunteer drivers", "Graham Whitfield"),
    ("Practice update", "Ask the practice about call-back times for the newsletter", "Siobhán O'Connor"),
];

/// `years` of monthly committee meetings on the second Tuesday at 6.30pm, chaired by the
/// chair and minuted by the secretary: the past ones held, with attendance, notes,
/// decisions and actions, each approved at the next (the last still in draft); the next
/// one planned. Older actions are done; the last two months' are open.
fn add_meetings(tx: &Transaction, today: NaiveDate, now: &str, years: u32) -> Result<()> {
    use crate::actions::ActionInput;
    use crate::meetings::record::{self, AttendanceStatus, DecisionInput};
    use crate::meetings::{self, schedule, CheckedMeeting, MeetingKind, MeetingStatus};
    use chrono::{Datelike, Months};
    let everyone = people::list(
        tx,
        &people::PeopleQuery { search: String::new(), filter: people::PeopleFilter::Everyone },
        today,
    )?;
    let id_of = |name: &str| everyone.iter().find(|p| p.full_name == name).map(|p| p.id);
    let start = today.with_day(1).and_then(|d| d.checked_sub_months(Months::new(12 * years))).unwrap_or(today);
    let mut date =
        NaiveDate::from_weekday_of_month_opt(start.year(), start.month(), chrono::Weekday::Tue, 2).unwrap_or(start);
    let mut held: Vec<i64> = Vec::new();
    loop {
        let meeting = CheckedMeeting {
            kind: MeetingKind::Committee,
            meets_on: date,
            starts_at: "18:30".into(),
            ends_at: Some("20:00".into()),
            venue: "Community Room, Riverside Surgery, Mill Lane".into(),
            online_link: String::new(),
            chair_id: id_of("Margaret Ellis"),
            minute_taker_id: id_of("Siobhán O'Connor"),
        };
        let id = meetings::create(tx, &meeting, now)?;
        if date >= today {
            break;
        }
        let month = held.len();
        let items = meetings::items(tx, id)?;
        let item_id = |title: &str| items.iter().find(|i| i.title == title).map(|i| i.id);
        for item in &items {
            if let Some((_, text)) = SAMPLE_MINUTES.iter().find(|(title, _)| *title == item.title) {
                meetings::update_item_minutes(tx, item.id, text)?;
            }
        }
        let detail = meetings::agenda::detail(tx, id)?;
        let committee: Vec<i64> = detail.attendance.iter().filter(|l| l.committee).map(|l| l.person_id).collect();
        for (n, person) in committee.iter().enumerate() {
            let status =
                if n == month % committee.len() { AttendanceStatus::Apologies } else { AttendanceStatus::Present };
            record::set_attendance(tx, id, *person, Some(status))?;
        }
        if let Some(manager) = id_of("Sarah Mitchell") {
            record::set_attendance(tx, id, manager, Some(AttendanceStatus::InAttendance))?;
        }
        let (title, text) = SAMPLE_DECISIONS[month % SAMPLE_DECISIONS.len()];
        if let Some(item) = item_id(title) {
            let decision = DecisionInput {
                text: text.into(),
                proposer_id: id_of("Zoë Brontë-Smith"),
                seconder_id: id_of("Łukasz Nowak"),
                votes_for: String::new(),
                votes_against: String::new(),
                abstentions: String::new(),
            };
            record::add_decision(tx, item, &decision.checked()?)?;
        }
        let (title, what, owner) = SAMPLE_ACTIONS[month % SAMPLE_ACTIONS.len()];
        if let (Some(item), Some(owner)) = (item_id(title), id_of(owner)) {
            let due = date + Duration::days(21);
            let action =
                ActionInput { title: what.into(), owner_ids: vec![owner], due_on: uk(due), ..Default::default() };
            let action_id = record::add_action(tx, item, &action, now)?;
            if due + Duration::days(45) < today {
                crate::actions::mark_done(tx, action_id, due, now)?;
            }
        }
        meetings::update_status(tx, id, MeetingStatus::DraftMinutes, None, now)?;
        held.push(id);
        date = schedule::next_meeting_date(date, 1, crate::settings::IntervalUnit::Months).unwrap_or(today);
    }
    // Each meeting's minutes were approved at the next one; the last are still a draft.
    for next in held.iter().skip(1) {
        record::approve_previous(tx, *next, "", today, now)?;
    }
    Ok(())
}
