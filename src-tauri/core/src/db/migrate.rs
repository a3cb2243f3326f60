//! Forward-only schema migrations: numbered SQL files applied in order, each in its own
//! transaction, with `PRAGMA user_version` recording how far the file has come.

use rusqlite::Connection;

use crate::error::Result;

/// One step: SQL, or (rarely) Rust where the work depends on what the schema holds, or SQL
/// that rebuilds a table (foreign keys set aside around it, as SQLite's documentation asks,
/// and every link checked before it commits).
enum Step {
    Sql(&'static str),
    Rust(fn(&Connection) -> Result<()>),
    Rebuild(&'static str),
}

use Step::{Rebuild, Rust, Sql};

/// Each version's step, in order: index 0 takes a file from version 0 to version 1.
/// Never edit a step that has been released; add a new one.
const MIGRATIONS: &[Step] = &[
    Sql(include_str!("migrations/0001_foundation.sql")),
    Sql(include_str!("migrations/0002_print_settings.sql")),
    Sql(include_str!("migrations/0003_meetings.sql")),
    Sql(include_str!("migrations/0004_meeting_record.sql")),
    Sql(include_str!("migrations/0005_actions.sql")),
    Sql(include_str!("migrations/0006_contacts_directory.sql")),
    Sql(include_str!("migrations/0007_drivers.sql")),
    Sql(include_str!("migrations/0008_befriending.sql")),
    Sql(include_str!("migrations/0009_bulletins.sql")),
    Sql(include_str!("migrations/0010_other_miles.sql")),
    Sql(include_str!("migrations/0011_former_drivers.sql")),
    Sql(include_str!("migrations/0012_sample_flag.sql")),
    Sql(include_str!("migrations/0013_review_lock.sql")),
    Sql(include_str!("migrations/0014_idle_lock.sql")),
    // Committee-wide ids (sharing between laptops): see db/global_ids.rs.
    Rust(super::global_ids::remap),
    Sql(include_str!("migrations/0016_sharing.sql")),
    Sql(include_str!("migrations/0017_sharing_areas.sql")),
    Rebuild(include_str!("migrations/0018_agenda_order.sql")),
    // A version on every row that travels between laptops: see db/row_versions.rs.
    Rust(super::row_versions::add),
    Sql(include_str!("migrations/0020_sharing_rotation.sql")),
    Sql(include_str!("migrations/0021_scheme_numbers.sql")),
    Sql(include_str!("migrations/0022_bulletin_publications.sql")),
    Rebuild(include_str!("migrations/0023_made_twice.sql")),
    Sql(include_str!("migrations/0024_email.sql")),
    Sql(include_str!("migrations/0025_mailing_lists.sql")),
    Sql(include_str!("migrations/0026_feedback.sql")),
    Sql(include_str!("migrations/0027_membership.sql")),
    Sql(include_str!("migrations/0028_annual_report.sql")),
    Sql(include_str!("migrations/0029_officers.sql")),
    Sql(include_str!("migrations/0030_agm.sql")),
    Sql(include_str!("migrations/0031_terms_of_reference.sql")),
    Sql(include_str!("migrations/0032_friends_and_family.sql")),
    Sql(include_str!("migrations/0033_surveys.sql")),
    Sql(include_str!("migrations/0034_year_settings.sql")),
    Sql(include_str!("migrations/0035_search.sql")),
    Sql(include_str!("migrations/0036_search_fill.sql")),
    Sql(include_str!("migrations/0037_search_compact.sql")),
    Sql(include_str!("migrations/0038_search_fill.sql")),
    Sql(include_str!("migrations/0039_languages.sql")),
    Sql(include_str!("migrations/0040_search_light.sql")),
    Sql(include_str!("migrations/0041_search_refill.sql")),
    Sql(include_str!("migrations/0042_search_catch_up.sql")),
    Sql(include_str!("migrations/0043_search_merge.sql")),
    Sql(include_str!("migrations/0044_search_vocab.sql")),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to `LATEST_VERSION`. Returns the version it started from.
/// The caller backs the file up first when that version is not 0 (see `state::open_store`).
pub fn migrate(conn: &mut Connection) -> Result<i64> {
    let start = super::schema_version(conn)?;
    migrate_to(conn, LATEST_VERSION)?;
    Ok(start)
}

/// Applies migrations only up to `version` (for tests that build fixtures of older versions).
pub fn migrate_to(conn: &mut Connection, version: i64) -> Result<()> {
    let start = super::schema_version(conn)?;
    super::ids::register(conn)?;
    for (index, step) in MIGRATIONS.iter().enumerate().take(version as usize).skip(start as usize) {
        if let Rebuild(_) = step {
            conn.pragma_update(None, "foreign_keys", false)?;
        }
        let result = (|| -> Result<()> {
            let tx = conn.transaction()?;
            match step {
                Sql(sql) => tx.execute_batch(sql)?,
                Rust(run) => run(&tx)?,
                Rebuild(sql) => {
                    tx.execute_batch(sql)?;
                    let broken: i64 =
                        tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
                    if broken > 0 {
                        return Err(crate::error::Error::File(
                            "The data file's links did not survive an update.".into(),
                        ));
                    }
                }
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
            Ok(())
        })();
        if let Rebuild(_) = step {
            conn.pragma_update(None, "foreign_keys", true)?;
        }
        result?;
    }
    Ok(())
}
