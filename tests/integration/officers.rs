//! Officer posts and their terms: appointing someone ends the last holder's term the day
//! before and moves People's role with it; standing down empties the post; Home says when a
//! term ends within eight weeks or a post is empty; an older PPG's officers get their terms.

use chrono::{Duration, NaiveDate};
use ppg_desk_core::db::{self, migrate};
use ppg_desk_core::officers::{self, PostInput};
use ppg_desk_core::people::Role;

use crate::print::sample_store;
use crate::support::add_person;

fn roles_of(state: &ppg_desk_core::state::AppState, person: i64) -> Vec<String> {
    state
        .read(|conn| {
            Ok(conn
                .prepare("SELECT role FROM person_roles WHERE person_id = ?1 ORDER BY role")?
                .query_map([person], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
}

#[test]
fn appointing_a_secretary_ends_the_last_term_the_day_before_and_moves_the_role() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let posts = state.read(|conn| officers::posts(conn, today)).unwrap();
    let secretary = posts.iter().find(|p| p.name == "Secretary").unwrap();
    let siobhan = secretary.holder.as_ref().unwrap().person_id;
    // The sample's secretary's three years end within eight weeks: Home says so.
    let home = state.read(|conn| ppg_desk_core::dashboard::dashboard(conn, today)).unwrap();
    assert!(
        home.officer_reminders.iter().any(|r| r.starts_with("Siobhán O'Connor's term as secretary ends on")),
        "{:?}",
        home.officer_reminders
    );

    let nia = add_person(state, "Nia Okafor", |p| p.roles = vec![Role::Committee]);
    let from = today + Duration::days(10);
    state.write(|tx| officers::appoint(tx, secretary.id, nia, from)).unwrap();
    assert!(roles_of(state, nia).contains(&"secretary".to_string()));
    assert!(!roles_of(state, siobhan).contains(&"secretary".to_string()), "the role moved");
    let ended: String = state
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT ended_on FROM officer_terms WHERE person_id = ?1 AND post_id = ?2",
                [siobhan, secretary.id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(ended, (from - Duration::days(1)).to_string());
    let later = state.read(|conn| officers::posts(conn, from)).unwrap();
    let holder = later.iter().find(|p| p.id == secretary.id).unwrap().holder.clone().unwrap();
    assert_eq!(
        (holder.name.as_str(), holder.ends_on.clone()),
        ("Nia Okafor", (from + chrono::Months::new(36)).to_string())
    );

    // Standing down empties the post, and Home says so.
    state.write(|tx| officers::stand_down(tx, secretary.id, from + Duration::days(30))).unwrap();
    let after = from + Duration::days(31);
    let posts = state.read(|conn| officers::posts(conn, after)).unwrap();
    assert!(posts.iter().find(|p| p.id == secretary.id).unwrap().holder.is_none());
    assert!(officers::reminders(&posts, after).contains(&"No one holds the post of secretary.".to_string()));
    assert!(roles_of(state, nia).iter().all(|r| r != "secretary"));
}

#[test]
fn posts_are_checked_and_sqlite_refuses_a_term_ending_before_it_starts() {
    let store = sample_store();
    let state = &store.state;
    let added = state.write(|tx| {
        officers::save_post(tx, &PostInput { id: None, name: "Membership secretary".into(), term_years: 2 })
    });
    assert!(added.is_ok());
    for (name, years, field) in [("chair", 3, "postName"), (" ", 3, "postName"), ("Minutes secretary", 0, "termYears")]
    {
        match state.write(|tx| officers::save_post(tx, &PostInput { id: None, name: name.into(), term_years: years })) {
            Err(ppg_desk_core::error::Error::Invalid(fields)) => assert_eq!(fields[0].field, field, "{name}"),
            other => panic!("{name:?} was not refused: {other:?}"),
        }
    }
    let post = added.unwrap();
    let person = add_person(state, "Olu Test", |_| {});
    let bad = state.write(|tx| {
        Ok(tx.execute(
            "INSERT INTO officer_terms (id, post_id, person_id, from_on, ends_on) VALUES (new_id(), ?1, ?2, '2026-05-01', '2026-04-01')",
            [post, person],
        )?)
    });
    assert!(bad.is_err());
}

#[test]
fn an_older_ppgs_officers_hold_their_posts_from_when_they_joined() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = db::open(&dir.path().join(db::DB_FILE), None).unwrap();
    migrate::migrate_to(&mut conn, 28).unwrap();
    conn.execute_batch(
        "INSERT INTO people (id, full_name, joined_on, created_at, updated_at) VALUES (1, 'Ann Chair', '2025-06-01', 'x', 'x');
         INSERT INTO person_roles (person_id, role) VALUES (1, 'chair'), (1, 'committee');",
    )
    .unwrap();
    migrate::migrate(&mut conn).unwrap();
    let (post, from, ends): (String, String, String) = conn
        .query_row(
            "SELECT o.name, t.from_on, t.ends_on FROM officer_terms t JOIN officer_posts o ON o.id = t.post_id WHERE t.person_id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((post.as_str(), from.as_str(), ends.as_str()), ("Chair", "2025-06-01", "2028-06-01"));
    let _ = NaiveDate::from_ymd_opt(2025, 6, 1);
}

#[test]
fn an_agm_has_its_own_agenda_its_notice_on_home_and_electing_appoints_from_the_day_after() {
    use ppg_desk_core::meetings::{self, MeetingInput, MeetingKind};
    use ppg_desk_core::officers::agm::{self, NominationInput};
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let agm_on = today + Duration::days(60);
    let input = MeetingInput {
        kind: MeetingKind::Agm,
        meets_on: agm_on.format("%d/%m/%Y").to_string(),
        starts_at: "7pm".into(),
        ends_at: "8.30pm".into(),
        venue: "Community Room".into(),
        online_link: String::new(),
        chair_id: None,
        minute_taker_id: None,
    };
    let checked = input.checked().unwrap();
    let meeting = state.write(|tx| meetings::create(tx, &checked, "now")).unwrap();
    let titles: Vec<String> =
        state.read(|conn| meetings::items(conn, meeting)).unwrap().into_iter().map(|i| i.title).collect();
    assert!(
        titles.contains(&"Election of officers".to_string())
            && titles.contains(&"Review of the terms of reference".to_string()),
        "{titles:?}"
    );
    let home = state.read(|conn| ppg_desk_core::dashboard::dashboard(conn, today)).unwrap();
    let send_by = ppg_desk_core::words::long_date(&(agm_on - Duration::days(28)).to_string());
    assert!(
        home.officer_reminders.iter().any(|r| r.contains(&format!("send the notice by {send_by}"))),
        "{:?}",
        home.officer_reminders
    );
    // A constitution asking for 35 days' notice: Settings says so, and Home follows.
    let mut settings = state.read(|conn| Ok(ppg_desk_core::settings::load(conn)?.unwrap())).unwrap();
    settings.agm_notice_days = 35;
    let settings = settings.checked().unwrap();
    state.write(|tx| ppg_desk_core::settings::save(tx, &settings, "now")).unwrap();
    let home = state.read(|conn| ppg_desk_core::dashboard::dashboard(conn, today)).unwrap();
    let send_by = ppg_desk_core::words::long_date(&(agm_on - Duration::days(35)).to_string());
    assert!(
        home.officer_reminders
            .iter()
            .any(|r| r.contains(&format!("needs 35 days' notice: send the notice by {send_by}"))),
        "{:?}",
        home.officer_reminders
    );

    let posts = state.read(|conn| officers::posts(conn, today)).unwrap();
    let chair = posts.iter().find(|p| p.name == "Chair").unwrap();
    let margaret = chair.holder.as_ref().unwrap().person_id;
    let priya = add_person(state, "Priya Again", |p| p.roles = vec![Role::Committee]);
    let seconder = add_person(state, "Sam Seconder", |p| p.roles = vec![Role::Member]);
    let nominate = |person, proposer, seconder| {
        let input = NominationInput {
            post_id: Some(chair.id),
            person_id: Some(person),
            proposer_id: proposer,
            seconder_id: seconder,
        };
        state.write(|tx| agm::nominate(tx, meeting, &input))
    };
    assert!(
        matches!(nominate(priya, Some(priya), None), Err(ppg_desk_core::error::Error::Invalid(f)) if f[0].field == "proposer")
    );
    assert!(
        matches!(nominate(priya, Some(margaret), Some(margaret)), Err(ppg_desk_core::error::Error::Invalid(f)) if f[0].field == "seconder")
    );
    let priyas = nominate(priya, Some(margaret), Some(seconder)).unwrap();
    let margarets = nominate(margaret, Some(seconder), None).unwrap();
    assert!(nominate(priya, None, None).is_err(), "nominated once per post");
    state.write(|tx| agm::elect(tx, priyas)).unwrap();
    let results = state.read(|conn| agm::nominations(conn, meeting)).unwrap();
    assert_eq!(results.iter().filter(|n| n.elected).map(|n| n.id).collect::<Vec<_>>(), [priyas]);
    assert!(results.iter().any(|n| n.id == margarets && !n.elected));
    let day_after = agm_on + Duration::days(1);
    let holder = state
        .read(|conn| officers::posts(conn, day_after))
        .unwrap()
        .into_iter()
        .find(|p| p.id == chair.id)
        .unwrap()
        .holder
        .unwrap();
    assert_eq!((holder.person_id, holder.from_on), (priya, day_after.to_string()));
    let on_agm_day = state
        .read(|conn| officers::posts(conn, agm_on))
        .unwrap()
        .into_iter()
        .find(|p| p.id == chair.id)
        .unwrap()
        .holder
        .unwrap();
    assert_eq!(on_agm_day.person_id, margaret, "Margaret chairs the AGM itself");
}

#[test]
fn the_terms_of_reference_keep_every_version_print_the_one_in_force_and_remind_before_review() {
    use ppg_desk_core::documents::{self, DocumentKind};
    use ppg_desk_core::officers::terms::{self, TermsInput};
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let before = state.read(terms::versions).unwrap();
    assert_eq!(before.len(), 1, "the sample's terms");
    assert!(terms::review_reminder(before.first(), today)
        .unwrap()
        .starts_with("The terms of reference are due for review on"));
    let uk = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let bad = TermsInput { agreed_on: uk(today), review_on: uk(today - Duration::days(1)), text: " ".into() };
    let Err(ppg_desk_core::error::Error::Invalid(fields)) = state.write(|tx| terms::save_version(tx, &bad, "now"))
    else {
        panic!("refused")
    };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["reviewOn", "termsText"]);
    let new = TermsInput {
        agreed_on: uk(today),
        review_on: uk(today + Duration::days(730)),
        text: "**1. Name.** The Riverside PPG, renamed at the AGM.".into(),
    };
    state.write(|tx| terms::save_version(tx, &new, "now")).unwrap();
    let after = state.read(terms::versions).unwrap();
    assert_eq!(after.len(), 2, "the earlier version is kept");
    assert_eq!(after[0].agreed_on, today.to_string(), "the newest is in force");
    assert_eq!(terms::review_reminder(after.first(), today), None);
    let pdf = documents::render(
        state,
        &DocumentKind::TermsOfReference,
        ppg_desk_core::print::Profile::LargePrint,
        state.now(),
    )
    .unwrap();
    let text = crate::print::tool("pdftotext", &["-raw"], &pdf);
    assert!(text.contains("renamed at the AGM") && !text.contains("Confidentiality"), "{text}");
}
