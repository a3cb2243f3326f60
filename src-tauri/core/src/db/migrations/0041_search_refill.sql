-- Version 41: every record waits to be indexed (migration 42 indexes them; `ppg-desk check
-- --repair` runs this again, after emptying the index, if it is ever found out of step).
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 1 FROM people;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 2 FROM meetings;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 3 FROM agenda_items;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 4 FROM decisions;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 5 FROM actions;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 6 FROM action_updates;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 7 FROM contacts;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 8 FROM contact_interactions;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 9 FROM directory_entries;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 10 FROM drivers;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 11 FROM passengers;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 12 FROM destinations;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 13 FROM trips;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 14 FROM referrals;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 15 FROM referral_contacts;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 16 FROM match_logs;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 17 FROM concerns;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 18 FROM bulletin_articles;
INSERT OR IGNORE INTO search_pending (ref, kind) SELECT id, 19 FROM feedback;
