//! The annual report of the PPG's year (April to March unless Settings says), made from the
//! year's own records: each section's figures checked against the store, the year's edges,
//! sections left out, the foreword kept, both print sizes, and nobody named in the anonymous
//! sections.

use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::feedback::{self, FeedbackInput, FeedbackSource};
use ppg_desk_core::print::{self, Profile};
use ppg_desk_core::year::{self, ReportChoices};

use crate::print::sample_store;
use crate::support::add_person;

fn count(state: &ppg_desk_core::state::AppState, sql: &str, from: &str, to: &str) -> u32 {
    state.read(|conn| Ok(conn.query_row(sql, [from, to], |r| r.get(0))?)).unwrap()
}

#[test]
fn every_figure_of_the_year_is_the_stores_own() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let y = year::year_of(today, 4);
    let f = state.read(|conn| year::figures(conn, y, today)).unwrap();
    let (from, to) = (f.from.as_str(), f.to.as_str());
    let held = "status IN ('held', 'draft_minutes', 'minutes_approved') AND meets_on BETWEEN ?1 AND ?2";
    assert_eq!(f.meetings_held, count(state, &format!("SELECT count(*) FROM meetings WHERE {held}"), from, to));
    assert!(f.meetings_held > 0, "the sample held meetings this year");
    assert_eq!(
        f.decisions,
        count(
            state,
            "SELECT count(*) FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id JOIN meetings m ON m.id = i.meeting_id
              WHERE m.status IN ('held', 'draft_minutes', 'minutes_approved') AND m.meets_on BETWEEN ?1 AND ?2",
            from,
            to
        )
    );
    assert_eq!(
        f.tally.patients,
        count(state, "SELECT coalesce(sum(patients), 0) FROM feedback WHERE received_on BETWEEN ?1 AND ?2", from, to)
    );
    assert_eq!(
        f.bulletins_published,
        count(
            state,
            "SELECT count(*) FROM bulletin_publications WHERE substr(published_at, 1, 10) BETWEEN ?1 AND ?2",
            from,
            to
        )
    );
    // Members only: practice staff and guests do not join the PPG.
    let members = |column: &str| {
        let sql = format!(
            "SELECT count(DISTINCT p.id) FROM people p LEFT JOIN person_roles r ON r.person_id = p.id
              WHERE p.{column} BETWEEN ?1 AND ?2 AND (p.email_only = 1 OR r.role NOT IN ('practice_staff', 'guest'))"
        );
        count(state, &sql, from, to)
    };
    assert_eq!((f.joined, f.left), (members("joined_on"), members("left_on")));
    let guest = add_person(state, "Gina Guest", |p| {
        p.roles = vec![ppg_desk_core::people::Role::Guest];
        p.joined_on = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap().format("%d/%m/%Y").to_string();
    });
    let again = state.read(|conn| year::figures(conn, y, today)).unwrap();
    assert_eq!(again.joined, f.joined, "a guest ({guest}) is not counted as joining");
    assert_eq!(
        f.directory_checked,
        count(state, "SELECT count(*) FROM directory_entries WHERE last_checked_on BETWEEN ?1 AND ?2", from, to)
    );
    assert!(f.done.iter().all(|i| i.completed_on.as_deref().is_some_and(|d| d >= from && d <= to)));
    assert_eq!(f.officers.len(), 4, "chair, vice-chair, secretary, treasurer");
    let (first_month, last_month) = (&from[..7], &to[..7]);
    let (answered, positive): (u32, u32) = state
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT coalesce(sum(very_good + good + neither + poor + very_poor + dont_know), 0), coalesce(sum(very_good + good), 0)
                   FROM fft_months WHERE month BETWEEN ?1 AND ?2",
                [first_month, last_month],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    assert_eq!((f.fft.total(), f.fft.very_good + f.fft.good), (answered, positive));
}

#[test]
fn feedback_on_the_last_day_of_march_belongs_to_the_year_before() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let y = year::year_of(today, 4);
    let add = |on: String, patients: u32| {
        let input = FeedbackInput {
            received_on: on,
            source: FeedbackSource::Stand,
            patients,
            words: "The chairs in the waiting room are too low".into(),
            themes: vec![],
            names_checked: false,
        };
        let checked = input.checked(today).unwrap();
        state.write(|tx| feedback::add(tx, &checked, "now")).unwrap();
    };
    let before = |y: i32| state.read(|conn| year::figures(conn, y, today)).unwrap().tally.patients;
    let (this, last) = (before(y), before(y - 1));
    add(format!("31/3/{y}"), 100);
    add(format!("1/4/{y}"), 1000);
    assert_eq!(before(y), this + 1000, "1 April starts the year");
    assert_eq!(before(y - 1), last + 100, "31 March ends the year before");
}

#[test]
fn the_report_prints_its_sections_keeps_the_foreword_leaves_out_what_is_chosen_and_names_nobody_anonymous() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let y = year::year_of(today, 4);
    let kind = DocumentKind::AnnualReport { year: y };
    let names: Vec<String> = state
        .read(|conn| {
            Ok(conn
                .prepare("SELECT full_name FROM people")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    for profile in [Profile::Standard, Profile::LargePrint] {
        let pdf = documents::render(state, &kind, profile, state.now()).unwrap();
        let text = crate::print::tool("pdftotext", &["-raw"], &pdf);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for heading in [
            "Annual report",
            "Meetings",
            "What patients told us, and what changed",
            "You said, we did",
            "Working with the social prescribing link worker",
            "The schemes, the directory and the bulletin",
            "Our members",
            "How well the PPG reflects the practice's patients",
            "Officers",
        ] {
            assert!(text.contains(heading), "{profile:?}: {heading}");
        }
        let anonymous = &text[..text.find("Officers").unwrap()];
        for name in &names {
            assert!(!anonymous.contains(name.as_str()), "{name} is named in an anonymous section");
        }
        let document = documents::build(state, &kind, today).unwrap();
        let laid = print::lay_out(&document, profile);
        let smallest = crate::print::smallest_text(&laid);
        assert!(smallest >= if profile == Profile::LargePrint { 16.0 } else { 12.0 }, "{profile:?}: {smallest}");
    }
    let choices = ReportChoices {
        year: y,
        foreword: "Thank you to **every** volunteer.".into(),
        leave_out: vec!["officers".into(), "splw".into(), "nonsense".into()],
    };
    state.write(|tx| year::save_choices(tx, &choices, "now")).unwrap();
    let kept = state.read(|conn| year::choices(conn, y)).unwrap();
    assert_eq!(kept.leave_out, ["officers", "splw"], "unknown sections are not kept");
    let pdf = documents::render(state, &kind, Profile::Standard, state.now()).unwrap();
    let text = crate::print::tool("pdftotext", &["-raw"], &pdf);
    assert!(text.contains("The chair's foreword") && text.contains("Thank you to every volunteer."), "{text}");
    assert!(!text.contains("Officers") && !text.contains("social prescribing link worker"), "{text}");
    assert!(state.read(|conn| year::choices(conn, 1999)).is_err());
}

#[test]
fn a_ppg_whose_year_starts_in_january_reports_on_the_calendar_year() {
    let store = sample_store();
    let state = &store.state;
    let today = state.today();
    let mut settings = state.read(|conn| Ok(ppg_desk_core::settings::load(conn)?.unwrap())).unwrap();
    settings.year_starts_month = 1;
    let settings = settings.checked().unwrap();
    state.write(|tx| ppg_desk_core::settings::save(tx, &settings, "now")).unwrap();
    let years = state.read(|conn| year::report_years(conn, today)).unwrap();
    let this = chrono::Datelike::year(&today);
    assert_eq!(years[0].year, this);
    assert_eq!(years[0].name, format!("January {this} to December {this}"));
    let figures = state.read(|conn| year::figures(conn, this, today)).unwrap();
    assert_eq!((figures.from, figures.to), (format!("{this}-01-01"), format!("{this}-12-31")));
    let pdf =
        documents::render(state, &DocumentKind::AnnualReport { year: this }, Profile::Standard, state.now()).unwrap();
    let text = crate::print::tool("pdftotext", &["-raw"], &pdf);
    assert!(text.contains(&format!("1 January {this} to")), "the report says its own months");
    assert!(
        text.contains(&format!("Annual report {this}\n")) && !text.contains(&format!("{this} to {}", this + 1)),
        "a calendar year's report is titled by its one year"
    );
}
