-- Version 40: the search index made small and quick to write (issue #24). Version 37's index
-- added 67% to a busy PPG's file and more than doubled the time of a save: FTS5 writes each
-- transaction's words as a new segment. Now:
-- * the words of a record are one column, kept without positions or columns (detail = none)
--   and without lengths (columnsize = 0), with two- and three-letter prefix indexes; its title
--   words are also in search_titles, so a match in a title ranks above one in the text;
-- * a save (or a deletion) only notes which record changed in search_pending, and, for a
--   record already in the index, the words it was indexed with, which have to be taken out
--   again: the index keeps no copy of them. Every record is either indexed or waiting. The
--   triggers do this in the same transaction as every write, so no write path can forget it;
--   the index catches up moments later, off the save's path, with migration 42's SQL
--   (db::search_index::catch_up), which every search runs first if anything is waiting, so
--   a search never misses a word saved, and every erasure runs before merging the index.
-- Derived data: it never travels between laptops (each laptop indexes what arrives).

DROP TRIGGER search_people_insert;
DROP TRIGGER search_people_update;
DROP TRIGGER search_people_delete;
DROP TRIGGER search_meetings_insert;
DROP TRIGGER search_meetings_update;
DROP TRIGGER search_meetings_delete;
DROP TRIGGER search_agenda_items_insert;
DROP TRIGGER search_agenda_items_update;
DROP TRIGGER search_agenda_items_delete;
DROP TRIGGER search_decisions_insert;
DROP TRIGGER search_decisions_update;
DROP TRIGGER search_decisions_delete;
DROP TRIGGER search_actions_insert;
DROP TRIGGER search_actions_update;
DROP TRIGGER search_actions_delete;
DROP TRIGGER search_action_updates_insert;
DROP TRIGGER search_action_updates_update;
DROP TRIGGER search_action_updates_delete;
DROP TRIGGER search_contacts_insert;
DROP TRIGGER search_contacts_update;
DROP TRIGGER search_contacts_delete;
DROP TRIGGER search_contact_interactions_insert;
DROP TRIGGER search_contact_interactions_update;
DROP TRIGGER search_contact_interactions_delete;
DROP TRIGGER search_directory_entries_insert;
DROP TRIGGER search_directory_entries_update;
DROP TRIGGER search_directory_entries_delete;
DROP TRIGGER search_drivers_insert;
DROP TRIGGER search_drivers_update;
DROP TRIGGER search_drivers_delete;
DROP TRIGGER search_passengers_insert;
DROP TRIGGER search_passengers_update;
DROP TRIGGER search_passengers_delete;
DROP TRIGGER search_destinations_insert;
DROP TRIGGER search_destinations_update;
DROP TRIGGER search_destinations_delete;
DROP TRIGGER search_trips_insert;
DROP TRIGGER search_trips_update;
DROP TRIGGER search_trips_delete;
DROP TRIGGER search_referrals_insert;
DROP TRIGGER search_referrals_update;
DROP TRIGGER search_referrals_delete;
DROP TRIGGER search_referral_contacts_insert;
DROP TRIGGER search_referral_contacts_update;
DROP TRIGGER search_referral_contacts_delete;
DROP TRIGGER search_match_logs_insert;
DROP TRIGGER search_match_logs_update;
DROP TRIGGER search_match_logs_delete;
DROP TRIGGER search_concerns_insert;
DROP TRIGGER search_concerns_update;
DROP TRIGGER search_concerns_delete;
DROP TRIGGER search_bulletin_articles_insert;
DROP TRIGGER search_bulletin_articles_update;
DROP TRIGGER search_bulletin_articles_delete;
DROP TRIGGER search_feedback_insert;
DROP TRIGGER search_feedback_update;
DROP TRIGGER search_feedback_delete;

DROP TABLE search;
DROP TABLE search_docs;

CREATE VIRTUAL TABLE search USING fts5 (
    words,
    content = '', columnsize = 0, detail = none, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_titles USING fts5 (
    words,
    content = '', columnsize = 0, detail = none, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Which record each indexed document is: its kind (search::KINDS's number), id and day. Not
-- indexed by record (that index cost as much as the words' prefixes): catching up, off the
-- save's path, reads it through once.
CREATE TABLE search_docs (
    doc   INTEGER PRIMARY KEY,
    kind  INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 19),
    ref   INTEGER NOT NULL,
    at    INTEGER
);

-- Records saved since the index last caught up. For one already in the index, its title and
-- other words as they were indexed (both NULL for a record not yet indexed).
CREATE TABLE search_pending (
    ref        INTEGER PRIMARY KEY,
    kind       INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 19),
    old_title  TEXT,
    old_body   TEXT,
    CHECK ((old_title IS NULL) = (old_body IS NULL))
);

CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 1);
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF address, email, full_name, notes, preferred_name ON people BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 1, concat_ws(' ', old.full_name, old.preferred_name), concat_ws(' ', old.address, old.email, old.notes));
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 1, concat_ws(' ', old.full_name, old.preferred_name), concat_ws(' ', old.address, old.email, old.notes));
END;

CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 2);
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF approval_corrections, kind, meets_on, venue ON meetings BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 2, concat_ws(' ', old.kind), concat_ws(' ', old.venue, old.approval_corrections));
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 2, concat_ws(' ', old.kind), concat_ws(' ', old.venue, old.approval_corrections));
END;

CREATE TRIGGER search_agenda_items_insert AFTER INSERT ON agenda_items BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 3);
END;
CREATE TRIGGER search_agenda_items_update AFTER UPDATE OF meeting_id, minutes, notes_for_members, presenter, title ON agenda_items BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 3, concat_ws(' ', old.title), concat_ws(' ', old.presenter, old.notes_for_members, old.minutes));
END;
CREATE TRIGGER search_agenda_items_delete AFTER DELETE ON agenda_items BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 3, concat_ws(' ', old.title), concat_ws(' ', old.presenter, old.notes_for_members, old.minutes));
END;

CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 4);
END;
CREATE TRIGGER search_decisions_update AFTER UPDATE OF agenda_item_id, text ON decisions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 4, '', concat_ws(' ', old.text));
END;
CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 4, '', concat_ws(' ', old.text));
END;

CREATE TRIGGER search_actions_insert AFTER INSERT ON actions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 5);
END;
CREATE TRIGGER search_actions_update AFTER UPDATE OF created_on, detail, dropped_reason, outcome, outside_owner, title ON actions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 5, concat_ws(' ', old.title), concat_ws(' ', old.detail, old.outside_owner, old.outcome, old.dropped_reason));
END;
CREATE TRIGGER search_actions_delete AFTER DELETE ON actions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 5, concat_ws(' ', old.title), concat_ws(' ', old.detail, old.outside_owner, old.outcome, old.dropped_reason));
END;

CREATE TRIGGER search_action_updates_insert AFTER INSERT ON action_updates BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 6);
END;
CREATE TRIGGER search_action_updates_update AFTER UPDATE OF made_on, text ON action_updates BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 6, '', concat_ws(' ', old.text));
END;
CREATE TRIGGER search_action_updates_delete AFTER DELETE ON action_updates BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 6, '', concat_ws(' ', old.text));
END;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 7);
END;
CREATE TRIGGER search_contacts_update AFTER UPDATE OF full_name, notes, organisation, role ON contacts BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 7, concat_ws(' ', old.full_name), concat_ws(' ', old.role, old.organisation, old.notes));
END;
CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 7, concat_ws(' ', old.full_name), concat_ws(' ', old.role, old.organisation, old.notes));
END;

CREATE TRIGGER search_contact_interactions_insert AFTER INSERT ON contact_interactions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 8);
END;
CREATE TRIGGER search_contact_interactions_update AFTER UPDATE OF happened_on, notes ON contact_interactions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 8, '', concat_ws(' ', old.notes));
END;
CREATE TRIGGER search_contact_interactions_delete AFTER DELETE ON contact_interactions BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 8, '', concat_ws(' ', old.notes));
END;

CREATE TRIGGER search_directory_entries_insert AFTER INSERT ON directory_entries BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 9);
END;
CREATE TRIGGER search_directory_entries_update AFTER UPDATE OF accessibility_notes, address, area, contact_name, last_checked_on, name, offers, when_notes, who_for ON directory_entries BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 9, concat_ws(' ', old.name), concat_ws(' ', old.offers, old.who_for, old.area, old.address, old.when_notes, old.contact_name, old.accessibility_notes));
END;
CREATE TRIGGER search_directory_entries_delete AFTER DELETE ON directory_entries BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 9, concat_ws(' ', old.name), concat_ws(' ', old.offers, old.who_for, old.area, old.address, old.when_notes, old.contact_name, old.accessibility_notes));
END;

CREATE TRIGGER search_drivers_insert AFTER INSERT ON drivers BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 10);
END;
CREATE TRIGGER search_drivers_update AFTER UPDATE OF notes, registration, vehicle_colour, vehicle_make ON drivers BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 10, '', concat_ws(' ', old.vehicle_make, old.vehicle_colour, old.registration, old.notes));
END;
CREATE TRIGGER search_drivers_delete AFTER DELETE ON drivers BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 10, '', concat_ws(' ', old.vehicle_make, old.vehicle_colour, old.registration, old.notes));
END;

CREATE TRIGGER search_passengers_insert AFTER INSERT ON passengers BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 11);
END;
CREATE TRIGGER search_passengers_update AFTER UPDATE OF full_name, notes, pickup_address ON passengers BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 11, concat_ws(' ', old.full_name), concat_ws(' ', old.pickup_address, old.notes));
END;
CREATE TRIGGER search_passengers_delete AFTER DELETE ON passengers BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 11, concat_ws(' ', old.full_name), concat_ws(' ', old.pickup_address, old.notes));
END;

CREATE TRIGGER search_destinations_insert AFTER INSERT ON destinations BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 12);
END;
CREATE TRIGGER search_destinations_update AFTER UPDATE OF address, name, postcode ON destinations BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 12, concat_ws(' ', old.name), concat_ws(' ', old.address, old.postcode));
END;
CREATE TRIGGER search_destinations_delete AFTER DELETE ON destinations BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 12, concat_ws(' ', old.name), concat_ws(' ', old.address, old.postcode));
END;

CREATE TRIGGER search_trips_insert AFTER INSERT ON trips BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 13);
END;
CREATE TRIGGER search_trips_update AFTER UPDATE OF goes_on, notes, pickup_address ON trips BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 13, '', concat_ws(' ', old.pickup_address, old.notes));
END;
CREATE TRIGGER search_trips_delete AFTER DELETE ON trips BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 13, '', concat_ws(' ', old.pickup_address, old.notes));
END;

CREATE TRIGGER search_referrals_insert AFTER INSERT ON referrals BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 14);
END;
CREATE TRIGGER search_referrals_update AFTER UPDATE OF address, area, full_name, interests, language, reason, received_on, referrer_name ON referrals BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 14, concat_ws(' ', old.full_name), concat_ws(' ', old.address, old.interests, old.language, old.area, old.reason, old.referrer_name));
END;
CREATE TRIGGER search_referrals_delete AFTER DELETE ON referrals BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 14, concat_ws(' ', old.full_name), concat_ws(' ', old.address, old.interests, old.language, old.area, old.reason, old.referrer_name));
END;

CREATE TRIGGER search_referral_contacts_insert AFTER INSERT ON referral_contacts BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 15);
END;
CREATE TRIGGER search_referral_contacts_update AFTER UPDATE OF contacted_on, notes ON referral_contacts BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 15, '', concat_ws(' ', old.notes));
END;
CREATE TRIGGER search_referral_contacts_delete AFTER DELETE ON referral_contacts BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 15, '', concat_ws(' ', old.notes));
END;

CREATE TRIGGER search_match_logs_insert AFTER INSERT ON match_logs BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 16);
END;
CREATE TRIGGER search_match_logs_update AFTER UPDATE OF happened_on, notes ON match_logs BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 16, '', concat_ws(' ', old.notes));
END;
CREATE TRIGGER search_match_logs_delete AFTER DELETE ON match_logs BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 16, '', concat_ws(' ', old.notes));
END;

CREATE TRIGGER search_concerns_insert AFTER INSERT ON concerns BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 17);
END;
CREATE TRIGGER search_concerns_update AFTER UPDATE OF details, passed_to, raised_on ON concerns BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 17, '', concat_ws(' ', old.details, old.passed_to));
END;
CREATE TRIGGER search_concerns_delete AFTER DELETE ON concerns BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 17, '', concat_ws(' ', old.details, old.passed_to));
END;

CREATE TRIGGER search_bulletin_articles_insert AFTER INSERT ON bulletin_articles BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 18);
END;
CREATE TRIGGER search_bulletin_articles_update AFTER UPDATE OF body, box_text, bulletin_id, title ON bulletin_articles BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 18, concat_ws(' ', old.title), concat_ws(' ', old.body, old.box_text));
END;
CREATE TRIGGER search_bulletin_articles_delete AFTER DELETE ON bulletin_articles BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 18, concat_ws(' ', old.title), concat_ws(' ', old.body, old.box_text));
END;

CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind) VALUES (new.id, 19);
END;
CREATE TRIGGER search_feedback_update AFTER UPDATE OF received_on, words ON feedback BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 19, '', concat_ws(' ', old.words));
END;
CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    INSERT OR IGNORE INTO search_pending (ref, kind, old_title, old_body) VALUES (old.id, 19, '', concat_ws(' ', old.words));
END;
