//! Search benchmark: ten years of a busy PPG made by a generator (about 100,000 searchable
//! records: 120 meetings with full minutes and decisions, 3,000 actions with 9,000 progress
//! notes, 1,500 people, 600 directory entries, 120 bulletin issues, 300 professionals with
//! 15,000 log entries, 900 passengers with 50,000 trips and their notes, 500 befriending
//! referrals with 10,000 contact notes, 5,000 items of feedback), then as-you-type searches
//! for the first page of results, the commonest words and one-letter prefixes included
//! (budgets in budgets.json: p95 is read from criterion's samples by check-budgets.py). It
//! also prints the index's share of the file and what it adds to a typical write.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use ppg_desk_core::db::DataPaths;
use ppg_desk_core::search::{self, SearchQuery};
use ppg_desk_core::state::{AppState, Topic};
use rusqlite::{params, Transaction};

/// Words a busy PPG writes, the commonest first (so they are used most).
const WORDS: &[&str] = &[
    "the",
    "patients",
    "meeting",
    "practice",
    "and",
    "to",
    "of",
    "for",
    "phone",
    "appointments",
    "group",
    "members",
    "agreed",
    "reported",
    "asked",
    "about",
    "new",
    "walking",
    "car",
    "park",
    "parking",
    "surgery",
    "doctor",
    "nurse",
    "prescriptions",
    "pharmacy",
    "online",
    "booking",
    "survey",
    "feedback",
    "waiting",
    "room",
    "reception",
    "staff",
    "volunteer",
    "drivers",
    "befriending",
    "carers",
    "café",
    "leaflet",
    "newsletter",
    "bulletin",
    "health",
    "wellbeing",
    "link",
    "worker",
    "social",
    "prescribing",
    "hearing",
    "loop",
    "wheelchair",
    "ramp",
    "hospital",
    "clinic",
    "flu",
    "vaccination",
    "covid",
    "blood",
    "tests",
    "results",
    "telephone",
    "queue",
    "call",
    "back",
    "service",
    "improvement",
    "committee",
    "chair",
    "secretary",
    "treasurer",
    "agm",
    "minutes",
    "agenda",
    "action",
    "update",
    "friendly",
    "lonely",
    "visit",
    "coffee",
    "morning",
    "library",
    "community",
    "hub",
    "garden",
    "allotment",
    "bus",
    "transport",
    "taxi",
    "hemel",
    "hempstead",
    "riverside",
    "millbrook",
    "oakford",
    "hill",
    "lane",
    "market",
    "town",
    "village",
    "zoë",
    "łukasz",
    "siobhán",
    "renée",
    "dementia",
    "diabetes",
    "stroke",
    "arthritis",
    "memory",
    "exercise",
    "yoga",
    "swimming",
];
const NAMES: &[&str] = &[
    "Margaret", "John", "Aisha", "Zoë", "Łukasz", "Siobhán", "Graham", "Priya", "Derek", "Renée", "Tom", "Fatima",
    "Brian", "Olu", "Helen", "Wojciech", "Ruth", "Imran", "Carol", "Dylan",
];
const SURNAMES: &[&str] = &[
    "Ellis",
    "Begum",
    "Nowak",
    "Whitfield",
    "Patel",
    "O'Brien",
    "Hughes",
    "Kowalski",
    "Okafor",
    "Mitchell",
    "Barker",
    "Shah",
    "Evans",
    "Murphy",
    "Clarke",
    "Ahmed",
    "Green",
    "Wright",
    "Taylor",
    "Lewis",
];

/// A deterministic stream of numbers (the same PPG every run).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        // Skewed to the front of the list, as real words are.
        let r = ((self.0 >> 33) as f64) / f64::from(u32::MAX >> 1);
        ((r * r * n as f64) as usize).min(n - 1)
    }
    fn words(&mut self, count: usize) -> String {
        let mut out: Vec<&str> = (0..count).map(|_| WORDS[self.roll(WORDS.len())]).collect();
        if let Some(first) = out.first_mut() {
            *first = WORDS[self.roll(WORDS.len())];
        }
        let mut text = out.join(" ");
        text.push('.');
        text
    }
    fn name(&mut self) -> String {
        format!("{} {}", NAMES[self.roll(NAMES.len())], SURNAMES[self.roll(SURNAMES.len())])
    }
}

fn day(n: usize) -> String {
    (NaiveDate::from_ymd_opt(2016, 4, 1).unwrap() + chrono::Duration::days((n % 3650) as i64)).to_string()
}

/// Ten years of a busy PPG, written in one transaction (the triggers index it as it goes).
fn generate(tx: &Transaction) -> ppg_desk_core::error::Result<()> {
    let mut dice = Dice(42);
    let now = "2026-12-01T10:00:00Z";
    for n in 0..1_500 {
        tx.execute(
            "INSERT INTO people (id, full_name, address, notes, joined_on, created_at, updated_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?5)",
            params![dice.name(), format!("{} Mill Lane, {}", n, ["Riverside", "Hemel Hempstead", "Oakford"][n % 3]), dice.words(8), day(n * 2), now],
        )?;
    }
    for m in 0..120 {
        let meeting: i64 = tx.query_row(
            "INSERT INTO meetings (id, kind, meets_on, starts_at, venue, status, created_at, updated_at) VALUES (new_id(), 'committee', ?1, '18:30', 'Community Room', 'held', ?2, ?2) RETURNING id",
            params![day(m * 30), now],
            |r| r.get(0),
        )?;
        for p in 0..10 {
            let item: i64 = tx.query_row(
                "INSERT INTO agenda_items (id, meeting_id, position, title, minutes) VALUES (new_id(), ?1, ?2, ?3, ?4) RETURNING id",
                params![meeting, p as i64, dice.words(4), format!("{} {} {}", dice.words(30), dice.words(25), dice.words(20))],
                |r| r.get(0),
            )?;
            if p % 3 == 0 {
                tx.execute(
                    "INSERT INTO decisions (id, agenda_item_id, text) VALUES (new_id(), ?1, ?2)",
                    params![item, dice.words(15)],
                )?;
            }
        }
    }
    for a in 0..3_000 {
        let action: i64 = tx.query_row(
            "INSERT INTO actions (id, title, detail, created_on, created_at, updated_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?4) RETURNING id",
            params![dice.words(7), dice.words(20), day(a), now],
            |r| r.get(0),
        )?;
        for u in 0..3 {
            tx.execute(
                "INSERT INTO action_updates (id, action_id, made_on, text, created_at) VALUES (new_id(), ?1, ?2, ?3, ?4)",
                params![action, day(a + u * 20), dice.words(15), now],
            )?;
        }
    }
    for d in 0..600 {
        tx.execute(
            "INSERT INTO directory_entries (id, oruk_id, name, offers, who_for, area, created_at, updated_at) VALUES (new_id(), ?1, ?2, ?3, ?4, 'Riverside', ?5, ?5)",
            params![format!("bench-{d}"), dice.words(3), dice.words(25), dice.words(6), now],
        )?;
    }
    for b in 0..120 {
        let issue: i64 = tx.query_row(
            "INSERT INTO bulletins (id, number, month, title, created_at, updated_at) VALUES (new_id(), ?1, ?2, 'Patient news', ?3, ?3) RETURNING id",
            params![(b + 1) as i64, &day(b * 30)[..7], now],
            |r| r.get(0),
        )?;
        for p in 0..6 {
            tx.execute(
                "INSERT INTO bulletin_articles (id, bulletin_id, position, title, body, updated_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5)",
                params![issue, p as i64, dice.words(5), format!("{} {}", dice.words(60), dice.words(60)), now],
            )?;
        }
    }
    for c in 0..300 {
        let contact: i64 = tx.query_row(
            "INSERT INTO contacts (id, full_name, role, organisation, notes, created_at, updated_at) VALUES (new_id(), ?1, 'splw', 'Riverside PCN', ?2, ?3, ?3) RETURNING id",
            params![dice.name(), dice.words(10), now],
            |r| r.get(0),
        )?;
        for l in 0..50 {
            tx.execute(
                "INSERT INTO contact_interactions (id, contact_id, happened_on, kind, notes, created_at) VALUES (new_id(), ?1, ?2, 'phone', ?3, ?4)",
                params![contact, day(c * 7 + l * 60), dice.words(18), now],
            )?;
        }
    }
    let mut places = Vec::new();
    for p in 0..60 {
        places.push(tx.query_row(
            "INSERT INTO destinations (id, name, address) VALUES (new_id(), ?1, ?2) RETURNING id",
            params![format!("{} {p}", dice.words(2)), dice.words(4)],
            |r| r.get::<_, i64>(0),
        )?);
    }
    for p in 0..900 {
        let passenger: i64 = tx.query_row(
            "INSERT INTO passengers (id, full_name, pickup_address, notes, consent_on, created_at, updated_at) VALUES (new_id(), ?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
            params![dice.name(), format!("{p} Hill Lane, Hemel Hempstead"), dice.words(10), day(p), now],
            |r| r.get(0),
        )?;
        for t in 0..55 {
            tx.execute(
                "INSERT INTO trips (id, passenger_id, pickup_address, destination_id, goes_on, pickup_at, appointment_at, notes, created_at, updated_at)
                 VALUES (new_id(), ?1, 'Home', ?2, ?3, '09:00', '09:30', ?4, ?5, ?5)",
                params![passenger, places[(p + t) % places.len()], day(p + t * 60), dice.words(10), now],
            )?;
        }
    }
    for r in 0..500 {
        let referral: i64 = tx.query_row(
            "INSERT INTO referrals (id, full_name, source, reason, interests, received_on, stage_since, created_at, updated_at) VALUES (new_id(), ?1, 'gp', ?2, ?3, ?4, ?4, ?5, ?5) RETURNING id",
            params![dice.name(), dice.words(15), dice.words(5), day(r * 7), now],
            |r| r.get(0),
        )?;
        for c in 0..20 {
            tx.execute(
                "INSERT INTO referral_contacts (id, referral_id, contacted_on, how, notes, created_at) VALUES (new_id(), ?1, ?2, 'phone', ?3, ?4)",
                params![referral, day(r * 7 + c * 14), dice.words(15), now],
            )?;
        }
    }
    for f in 0..5_000 {
        tx.execute(
            "INSERT INTO feedback (id, received_on, source, words, created_at) VALUES (new_id(), ?1, 'stand', ?2, ?3)",
            params![day(f), dice.words(14), now],
        )?;
    }
    Ok(())
}

fn store(dir: &std::path::Path) -> AppState {
    let state = AppState::open(DataPaths::at(dir), Box::new(|_: &[Topic]| {}));
    let started = Instant::now();
    state.write(generate).unwrap();
    let written = started.elapsed();
    // Indexed and merged as migrations 42 and 43 leave a PPG's index.
    state.write_unrecorded(|tx| search::catch_up(tx)).unwrap();
    let indexed = started.elapsed() - written;
    state
        .write_unrecorded(|tx| {
            Ok(tx.execute_batch(
                "INSERT INTO search (search) VALUES ('optimize'); INSERT INTO search_titles (search_titles) VALUES ('optimize');",
            )?)
        })
        .unwrap();
    let docs: i64 =
        state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM search_docs", [], |r| r.get(0))?)).unwrap();
    eprintln!(
        "made {docs} searchable records in {:.1} s, indexed in {:.1} s, merged in {:.1} s",
        written.as_secs_f64(),
        indexed.as_secs_f64(),
        (started.elapsed() - written - indexed).as_secs_f64()
    );
    state
}

/// The index's share of the file, from SQLite's own page counts.
fn index_share(state: &AppState) {
    let (index, all): (i64, i64) = state
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT (SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'),
                        (SELECT sum(pgsize) FROM dbstat)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    eprintln!(
        "index: {:.1} MB of {:.1} MB ({:.0}% added to the file without it)",
        index as f64 / 1e6,
        all as f64 / 1e6,
        100.0 * index as f64 / (all - index) as f64
    );
    let parts: Vec<(String, i64)> = state
        .read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name, sum(pgsize) AS size FROM dbstat
                  WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%' GROUP BY name ORDER BY size DESC",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get("name")?, r.get("size")?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    for (name, size) in parts {
        eprintln!("  {name}: {:.1} MB", size as f64 / 1e6);
    }
}

fn searches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let state = store(dir.path());
    index_share(&state);
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    for (name, typed) in [
        ("meeting", "meeting"),
        ("patients", "patients"),
        ("two_letters_then_one", "pa"),
        ("prefix_p", "p"),
        ("two_words", "car park"),
        ("phrase", "\"walking group\""),
        ("name_folded", "lukasz"),
        ("rare", "swimming arthritis"),
    ] {
        let query = SearchQuery::words(typed, 20);
        c.bench_function(&format!("search_100k_{name}"), |b| {
            b.iter(|| black_box(search::everything(&state, black_box(&query), today).unwrap()))
        });
    }
}

/// Saves one record (`id` when it saves an existing one), writing words numbered `n`.
type Save<'a> = dyn Fn(&AppState, i64, usize) + 'a;

/// Typical writes (a person saved; an agenda item's minutes saved again, as autosave does)
/// with the index and, on a second PPG made the same way but without the index's triggers,
/// without: what the index adds to the time of a write. Each write is timed; the two PPGs
/// take turns (one at a time, ten turns of fifty; in runs, thirty of a hundred) so that the
/// disk's and the machine's drift falls on both alike, and the medians and means are printed
/// (a write that happens to write the WAL back into the database takes a millisecond or
/// more, so means swing from run to run). Two ways of saving: one save at a time with a
/// pause after each, the index catching up after each save (as it does when saves are more
/// than 0.3 s apart: a person typing and saving), and a run of a hundred saves with no pause
/// and no catching up between them (an import, or changes arriving from another laptop,
/// saved one by one). The catching up, off the save's path, is timed and printed too.
fn writes(_: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let person = ppg_desk_core::people::PersonInput {
        full_name: "Walter Hemelwright".into(),
        notes: "Drives on Tuesdays; happy to take wheelchair users to the hospital.".into(),
        ..Default::default()
    }
    .checked(today)
    .unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let indexed = store(a.path());
    let plain = store(b.path());
    plain
        .write(|tx| {
            let triggers: Vec<String> = tx
                .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for t in triggers {
                tx.execute_batch(&format!("DROP TRIGGER {t}"))?;
            }
            Ok(())
        })
        .unwrap();
    let items = |state: &AppState| -> Vec<i64> {
        state
            .read(|conn| {
                let mut stmt = conn.prepare("SELECT id FROM agenda_items ORDER BY id DESC LIMIT 100")?;
                let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                Ok(ids)
            })
            .unwrap()
    };
    let minutes = "The practice manager said the car park will be resurfaced in March; patients with \
                   mobility needs can use the staff spaces by the side door while the work is done.";
    let save_person = |state: &AppState, _: i64, _: usize| {
        state.write(|tx| ppg_desk_core::people::insert(tx, black_box(&person), "now")).unwrap();
    };
    let save_minutes = |state: &AppState, id: i64, n: usize| {
        state
            .write(|tx| {
                ppg_desk_core::meetings::agenda::save_minutes(tx, id, black_box(&format!("{minutes} {n}")))?;
                Ok(())
            })
            .unwrap();
    };
    let catch_up = |state: &AppState| state.write_unrecorded(|tx| search::catch_up(tx)).unwrap();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let writers: [(&str, &Save); 2] =
        [("a person saved", &save_person), ("an item's minutes saved again", &save_minutes)];
    for (name, save) in writers {
        for one_at_a_time in [true, false] {
            let (ids_indexed, ids_plain) = (items(&indexed), items(&plain));
            let (mut with, mut without, mut caught_up) = (Vec::new(), Vec::new(), Vec::new());
            // One at a time, a person pauses between saves (here 20 ms: the machine idles, as
            // it does between a person's saves); a run has no pauses.
            let pause = || {
                if one_at_a_time {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
            };
            let (turns, per_turn) = if one_at_a_time { (10, 50) } else { (30, 100) };
            // Each save writes words of its own (saving the same words again writes nothing).
            for turn in 0..turns {
                for (n, id) in ids_indexed.iter().take(per_turn).enumerate() {
                    let started = Instant::now();
                    save(&indexed, *id, turn * 1000 + n);
                    with.push(started.elapsed().as_secs_f64() * 1e6);
                    if one_at_a_time {
                        let started = Instant::now();
                        catch_up(&indexed);
                        caught_up.push(started.elapsed().as_secs_f64() * 1e6);
                    }
                    pause();
                }
                if !one_at_a_time {
                    let started = Instant::now();
                    catch_up(&indexed);
                    caught_up.push(started.elapsed().as_secs_f64() * 1e6 / per_turn as f64);
                }
                for (n, id) in ids_plain.iter().take(per_turn).enumerate() {
                    let started = Instant::now();
                    save(&plain, *id, turn * 1000 + n);
                    without.push(started.elapsed().as_secs_f64() * 1e6);
                    pause();
                }
            }
            let (mw, mwo) = (mean(&with), mean(&without));
            let (w, wo, c) = (median(&mut with), median(&mut without), median(&mut caught_up));
            let how = if one_at_a_time { "one at a time" } else { "a hundred in a run" };
            eprintln!(
                "{name}, {how}: median {w:.0} µs indexed, {wo:.0} µs without the index ({:+.0}%); \
                 mean {mw:.0} and {mwo:.0} µs ({:+.0}%); the index caught up after, {c:.0} µs a record",
                100.0 * (w - wo) / wo,
                100.0 * (mw - mwo) / mwo
            );
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = searches, writes
}
criterion_main!(benches);
