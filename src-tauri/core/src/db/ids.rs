//! Record ids that are unique across every laptop of a committee, so two laptops that each
//! add "a person" never both make person 57 (see ARCHITECTURE.md, "Ids").
//!
//! An id is a 53-bit integer (JavaScript holds it exactly): the milliseconds since 2024 in
//! the high 42 bits (good until the year 2163) and 11 random bits below. Ids therefore grow
//! with the time they were made, so "in the order they were added" (`ORDER BY …, id`) keeps
//! meaning what it meant with counted ids, and two laptops collide only if they make a row
//! of the same table in the same millisecond *and* draw the same 11 bits. Within one process
//! ids only ever increase. SQL makes them with `new_id()`, registered on every connection.

use std::sync::atomic::{AtomicI64, Ordering};

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::OsRng;
use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

/// 2024-01-01T00:00:00Z in milliseconds since 1970.
const EPOCH_MS: i64 = 1_704_067_200_000;
const RANDOM_BITS: u32 = 11;
/// The largest id JavaScript holds exactly (2^53 - 1).
pub const MAX_ID: i64 = (1 << 53) - 1;
/// Every id made here is at least this: above any id an older PPG Desk counted out (1, 2, 3…),
/// so a made id can never meet one of those.
pub const MIN_ID: i64 = 1 << 40;

static LAST: AtomicI64 = AtomicI64::new(0);

/// A new id, larger than every id this process made before.
pub fn new_id() -> i64 {
    let ms = chrono::Utc::now().timestamp_millis().saturating_sub(EPOCH_MS).max(0);
    let random = i64::from(OsRng.next_u32() & ((1 << RANDOM_BITS) - 1));
    let fresh = ((ms << RANDOM_BITS) | random).clamp(MIN_ID, MAX_ID);
    let mut last = LAST.load(Ordering::Relaxed);
    loop {
        let id = fresh.max(last + 1).min(MAX_ID);
        match LAST.compare_exchange_weak(last, id, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return id,
            Err(seen) => last = seen,
        }
    }
}

/// Lets SQL on `conn` call `new_id()` (every INSERT of a row with an `id` does) and
/// `search_fold(text)` (the search index's triggers fold what they index with it: lower case,
/// accents and letters such as "ł" folded, as `check::fold_for_search` does for typing).
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function("new_id", 0, FunctionFlags::SQLITE_UTF8, |_| Ok(new_id()))?;
    conn.create_scalar_function(
        "search_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|text| crate::check::fold_for_search(&text)).unwrap_or_default()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_grow_stay_within_javascript_and_above_counted_ids() {
        let ids: Vec<i64> = (0..10_000).map(|_| new_id()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids must grow within one process");
        assert!(ids.iter().all(|id| (MIN_ID..=MAX_ID).contains(id)));
    }

    #[test]
    fn ids_carry_the_time_they_were_made() {
        let before = chrono::Utc::now().timestamp_millis() - EPOCH_MS;
        let id = new_id();
        let after = chrono::Utc::now().timestamp_millis() - EPOCH_MS;
        let ms = id >> RANDOM_BITS;
        // Another test in this process may have pushed the counter a little ahead.
        assert!(ms >= before && ms <= after + 50, "{before} <= {ms} <= {after}");
    }

    #[test]
    fn sql_makes_ids_with_new_id() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, x); INSERT INTO t VALUES (new_id(), 1), (new_id(), 2);",
        )
        .unwrap();
        let ids: Vec<i64> = conn
            .prepare("SELECT id FROM t ORDER BY x")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(ids[0] < ids[1] && ids[0] >= MIN_ID);
    }
}
