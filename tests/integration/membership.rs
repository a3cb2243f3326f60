//! Whom the PPG speaks for: members' equality answers (checked, kept on this laptop, erased
//! with the person, in their own record), the practice's figures typed in or read from NHS
//! Digital's file (a bad file refused line by line), and the comparison against the store.

use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::error::Error;
use ppg_desk_core::membership::{self, Dimension, MemberProfile};
use ppg_desk_core::print::Profile;

use crate::print::sample_store;
use crate::support::add_person;

#[test]
fn the_comparison_counts_members_and_patients_as_the_store_holds_them() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let page = state.read(|conn| membership::page(conn, today)).unwrap();
    assert!(page.members_answered >= 10 && page.members_answered <= page.members);
    for c in &page.comparisons {
        let column = match c.dimension {
            Dimension::Age => "age_band",
            other => other.key(),
        };
        for row in &c.rows {
            let (members, patients): (u32, u32) = state
                .read(|conn| {
                    let members = conn.query_row(
                        &format!(
                            "SELECT count(*) FROM member_profiles m JOIN people p ON p.id = m.person_id
                              WHERE m.{column} = ?1 AND (p.left_on IS NULL OR p.left_on > ?2)"
                        ),
                        [row.group.clone(), today.to_string()],
                        |r| r.get(0),
                    )?;
                    let patients = conn.query_row(
                        "SELECT coalesce(sum(patients), 0) FROM practice_profile WHERE dimension = ?1 AND grp = ?2",
                        [c.dimension.db_key(), row.group.as_str()],
                        |r| r.get(0),
                    )?;
                    Ok((members, patients))
                })
                .unwrap();
            assert_eq!((row.members, row.patients), (members, patients), "{} {}", c.title, row.label);
            assert_eq!(row.member_percent, membership::compare::percent(members, c.members_total));
        }
        let sum: u32 = c.rows.iter().filter_map(|r| r.member_percent).sum();
        assert!(
            c.members_total == 0 || (98..=102).contains(&sum),
            "{}: whole percentages add up to about 100",
            c.title
        );
    }
    let age = &page.comparisons[0];
    assert_eq!(age.prefer_not, 1, "one member preferred not to say, counted apart");
    assert!(
        age.gaps
            .iter()
            .any(|g| g
                .starts_with("People aged 18 to 39 are 33% of the practice's patients and 18% of the PPG's members")),
        "{:?}",
        age.gaps
    );
    assert_eq!(page.recruitment.len(), 2);
}

#[test]
fn equality_answers_need_their_consent_stay_on_this_laptop_and_go_with_the_person() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let nia = add_person(state, "Nia Okafor", |p| p.roles = vec![ppg_desk_core::people::Role::Member]);
    let mut answers = MemberProfile {
        person_id: nia,
        consent_on: String::new(),
        age_band: Some("18-39".into()),
        sex: Some("prefer_not".into()),
        ethnic: Some("martian".into()),
        carer: None,
        condition: None,
    };
    let Err(Error::Invalid(fields)) = answers.checked(today) else { panic!("refused") };
    let fields: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["consentOn", "ethnic"]);
    answers.consent_on = "3/12/2026".into();
    answers.ethnic = Some("black".into());
    let checked = answers.checked(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).unwrap();
    state.write(|tx| membership::save_profile(tx, &checked)).unwrap();
    // SQLite refuses what the checks would.
    assert!(state
        .write(|tx| Ok(tx.execute("UPDATE member_profiles SET sex = 'unknown' WHERE person_id = ?1", [nia])?))
        .is_err());
    // Special category data never travels to the committee's other laptops.
    assert_eq!(ppg_desk_core::outbox::Area::of_table("member_profiles"), None);
    assert!(!ppg_desk_core::db::row_versions::travels("member_profiles"));
    // Their own record shows it, in words.
    let pdf = documents::render(state, &DocumentKind::PersonRecord { person_id: nia }, Profile::Standard, state.now())
        .unwrap();
    let text = crate::print::tool("pdftotext", &["-raw"], &pdf);
    assert!(
        text.contains("Equality monitoring") && text.contains("18 to 39") && text.contains("Prefer not to say"),
        "{text}"
    );
    // Erased with the person.
    state.erase(|tx| ppg_desk_core::people::delete(tx, nia)).unwrap();
    assert!(state.read(|conn| membership::profile(conn, nia)).unwrap().is_none());
}

#[test]
fn nhs_digitals_file_is_read_for_one_practice_and_a_bad_line_refuses_it_whole() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let header = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,ORG_CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n";
    let line = |sex: &str, age: &str, n: &str| {
        format!("GP_PRAC_PAT_LIST,01-Nov-2026,GP,52R,E38000243,C84001,NG5 1AB,{sex},{age},{n}\n")
    };
    let mut good = header.to_string();
    good.push_str("GP_PRAC_PAT_LIST,01-Nov-2026,GP,52R,E38000243,C84999,NG5 9ZZ,ALL,ALL,7777\n");
    for (age, n) in [("0", "100"), ("17", "50"), ("30", "400"), ("64", "300"), ("79", "120"), ("95+", "30")] {
        good.push_str(&line("ALL", age, n));
    }
    good.push_str(&line("FEMALE", "ALL", "520"));
    good.push_str(&line("MALE", "ALL", "480"));
    let mut bad = good.clone();
    bad.push_str(&line("ALL", "forty", "12"));
    bad.push_str(&line("ALL", "41", "a dozen"));

    let before = state.read(|conn| membership::page(conn, today)).unwrap().practice;
    let report = state.write(|tx| membership::import_practice(tx, &bad, "C84001", today)).unwrap();
    assert_eq!(report.imported, 0);
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [11, 12]);
    assert_eq!(state.read(|conn| membership::page(conn, today)).unwrap().practice, before, "nothing changed");

    let report = state.write(|tx| membership::import_practice(tx, &good, "c84001", today)).unwrap();
    assert_eq!(report.imported, 7);
    let page = state.read(|conn| membership::page(conn, today)).unwrap();
    let figure =
        |d: Dimension, g: &str| page.practice.iter().find(|p| p.dimension == d && p.group == g).unwrap().patients;
    assert_eq!(
        [
            figure(Dimension::Age, "0-17"),
            figure(Dimension::Age, "18-39"),
            figure(Dimension::Age, "40-64"),
            figure(Dimension::Age, "65-79"),
            figure(Dimension::Age, "80+")
        ],
        [150, 400, 300, 120, 30]
    );
    assert_eq!((figure(Dimension::Sex, "female"), figure(Dimension::Sex, "male")), (520, 480));
    assert!(
        page.practice_source.contains("C84001") && page.practice_source.contains("01-Nov-2026"),
        "{}",
        page.practice_source
    );
    assert!(matches!(
        state.write(|tx| membership::import_practice(tx, &good, "Z99999", today)),
        Err(Error::File(m)) if m.contains("Z99999")
    ));
}

#[test]
fn equality_answers_are_left_out_of_the_starting_copy_and_of_every_change_sent() {
    use ppg_desk_core::sharing::{self, Scheme};
    let folder = tempfile::tempdir().unwrap();
    let secretary = crate::support::temp_store();
    let ada = add_person(&secretary.state, "Ada Secretary", |_| {});
    let answers = |person_id| MemberProfile {
        person_id,
        consent_on: "2026-11-01".into(),
        age_band: Some("65-79".into()),
        sex: Some("female".into()),
        ethnic: None,
        carer: None,
        condition: Some("yes".into()),
    };
    secretary.state.write(|tx| membership::save_profile(tx, &answers(ada))).unwrap();
    let code = sharing::start(&secretary.state, folder.path(), "Secretary's laptop", false, false)
        .unwrap()
        .committee
        .clone()
        .unwrap();
    let chair = crate::support::temp_store();
    sharing::join(&chair.state, folder.path(), "Chair's laptop", &code, Scheme::NotShared, Scheme::NotShared).unwrap();
    let held = |state: &ppg_desk_core::state::AppState| -> i64 {
        state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM member_profiles", [], |r| r.get(0))?)).unwrap()
    };
    assert_eq!(held(&chair.state), 0, "the starting copy holds none");
    // A new answer and a new person: the person travels, the answer does not.
    let bo = add_person(&secretary.state, "Bo Newcomer", |_| {});
    secretary.state.write(|tx| membership::save_profile(tx, &answers(bo))).unwrap();
    sharing::sync(&secretary.state).unwrap();
    sharing::sync(&chair.state).unwrap();
    let people: i64 =
        chair.state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?)).unwrap();
    assert_eq!((people, held(&chair.state), held(&secretary.state)), (2, 0, 2));
    for file in crate::sharing::walk(folder.path()) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(!bytes.windows(5).any(|w| w == b"65-79"), "{} holds an answer in plain sight", file.display());
    }
}
