-- Version 37: the search index made smaller (issue #24). Version 35's index kept every word's
-- position (for phrases) and named each record's kind and day in words: it added 110% to a
-- busy PPG's file. Now FTS5 keeps only which column a word is in (detail = column: a quoted
-- phrase is found as its words, then checked in order against the record's own text), with
-- the same prefix indexes (two and three letters, so the start of a word typed is read as one
-- list, not gathered from every word it begins), a kind as its number in search::KINDS and a
-- day as days since 1970 (NULL when a record has none). The triggers are version 35's with
-- those two changes; migration 38 fills the new index.
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
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3', detail = column
);

-- Which record each indexed document is: its kind (search::KINDS's number), id and day.
CREATE TABLE search_docs (
    doc   INTEGER PRIMARY KEY,
    kind  INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 19),
    ref   INTEGER NOT NULL,
    at    INTEGER
);
CREATE INDEX search_docs_ref ON search_docs (ref);

CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (1, new.id, unixepoch(new.joined_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name, new.preferred_name)), search_fold(concat_ws(' ', new.address, new.email, new.notes)));
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF address, email, full_name, notes, preferred_name ON people BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 1 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 1 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (1, new.id, unixepoch(new.joined_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name, new.preferred_name)), search_fold(concat_ws(' ', new.address, new.email, new.notes)));
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 1 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 1 AND ref = old.id;
END;

CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (2, new.id, unixepoch(new.meets_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.kind)), search_fold(concat_ws(' ', new.venue, new.approval_corrections)));
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF approval_corrections, kind, meets_on, venue ON meetings BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 2 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 2 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (2, new.id, unixepoch(new.meets_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.kind)), search_fold(concat_ws(' ', new.venue, new.approval_corrections)));
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 2 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 2 AND ref = old.id;
END;

CREATE TRIGGER search_agenda_items_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (3, new.id, unixepoch((SELECT meets_on FROM meetings WHERE id = new.meeting_id)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.presenter, new.notes_for_members, new.minutes)));
END;
CREATE TRIGGER search_agenda_items_update AFTER UPDATE OF meeting_id, minutes, notes_for_members, presenter, title ON agenda_items BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 3 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 3 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (3, new.id, unixepoch((SELECT meets_on FROM meetings WHERE id = new.meeting_id)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.presenter, new.notes_for_members, new.minutes)));
END;
CREATE TRIGGER search_agenda_items_delete AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 3 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 3 AND ref = old.id;
END;

CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (4, new.id, unixepoch((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_decisions_update AFTER UPDATE OF agenda_item_id, text ON decisions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 4 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 4 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (4, new.id, unixepoch((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 4 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 4 AND ref = old.id;
END;

CREATE TRIGGER search_actions_insert AFTER INSERT ON actions BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (5, new.id, unixepoch(new.created_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason)));
END;
CREATE TRIGGER search_actions_update AFTER UPDATE OF created_on, detail, dropped_reason, outcome, outside_owner, title ON actions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 5 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 5 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (5, new.id, unixepoch(new.created_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason)));
END;
CREATE TRIGGER search_actions_delete AFTER DELETE ON actions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 5 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 5 AND ref = old.id;
END;

CREATE TRIGGER search_action_updates_insert AFTER INSERT ON action_updates BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (6, new.id, unixepoch(new.made_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_action_updates_update AFTER UPDATE OF made_on, text ON action_updates BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 6 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 6 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (6, new.id, unixepoch(new.made_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_action_updates_delete AFTER DELETE ON action_updates BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 6 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 6 AND ref = old.id;
END;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (7, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.role, new.organisation, new.notes)));
END;
CREATE TRIGGER search_contacts_update AFTER UPDATE OF full_name, notes, organisation, role ON contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 7 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 7 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (7, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.role, new.organisation, new.notes)));
END;
CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 7 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 7 AND ref = old.id;
END;

CREATE TRIGGER search_contact_interactions_insert AFTER INSERT ON contact_interactions BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (8, new.id, unixepoch(new.happened_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_contact_interactions_update AFTER UPDATE OF happened_on, notes ON contact_interactions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 8 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 8 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (8, new.id, unixepoch(new.happened_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_contact_interactions_delete AFTER DELETE ON contact_interactions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 8 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 8 AND ref = old.id;
END;

CREATE TRIGGER search_directory_entries_insert AFTER INSERT ON directory_entries BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (9, new.id, unixepoch(new.last_checked_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes)));
END;
CREATE TRIGGER search_directory_entries_update AFTER UPDATE OF accessibility_notes, address, area, contact_name, last_checked_on, name, offers, when_notes, who_for ON directory_entries BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 9 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 9 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (9, new.id, unixepoch(new.last_checked_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes)));
END;
CREATE TRIGGER search_directory_entries_delete AFTER DELETE ON directory_entries BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 9 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 9 AND ref = old.id;
END;

CREATE TRIGGER search_drivers_insert AFTER INSERT ON drivers BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (10, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes)));
END;
CREATE TRIGGER search_drivers_update AFTER UPDATE OF notes, registration, vehicle_colour, vehicle_make ON drivers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 10 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 10 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (10, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes)));
END;
CREATE TRIGGER search_drivers_delete AFTER DELETE ON drivers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 10 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 10 AND ref = old.id;
END;

CREATE TRIGGER search_passengers_insert AFTER INSERT ON passengers BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (11, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_passengers_update AFTER UPDATE OF full_name, notes, pickup_address ON passengers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 11 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 11 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (11, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_passengers_delete AFTER DELETE ON passengers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 11 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 11 AND ref = old.id;
END;

CREATE TRIGGER search_destinations_insert AFTER INSERT ON destinations BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (12, new.id, NULL);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.address, new.postcode)));
END;
CREATE TRIGGER search_destinations_update AFTER UPDATE OF address, name, postcode ON destinations BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 12 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 12 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (12, new.id, NULL);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.address, new.postcode)));
END;
CREATE TRIGGER search_destinations_delete AFTER DELETE ON destinations BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 12 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 12 AND ref = old.id;
END;

CREATE TRIGGER search_trips_insert AFTER INSERT ON trips BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (13, new.id, unixepoch(new.goes_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_trips_update AFTER UPDATE OF goes_on, notes, pickup_address ON trips BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 13 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 13 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (13, new.id, unixepoch(new.goes_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_trips_delete AFTER DELETE ON trips BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 13 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 13 AND ref = old.id;
END;

CREATE TRIGGER search_referrals_insert AFTER INSERT ON referrals BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (14, new.id, unixepoch(new.received_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name)));
END;
CREATE TRIGGER search_referrals_update AFTER UPDATE OF address, area, full_name, interests, language, reason, received_on, referrer_name ON referrals BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 14 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 14 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (14, new.id, unixepoch(new.received_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name)));
END;
CREATE TRIGGER search_referrals_delete AFTER DELETE ON referrals BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 14 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 14 AND ref = old.id;
END;

CREATE TRIGGER search_referral_contacts_insert AFTER INSERT ON referral_contacts BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (15, new.id, unixepoch(new.contacted_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_referral_contacts_update AFTER UPDATE OF contacted_on, notes ON referral_contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 15 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 15 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (15, new.id, unixepoch(new.contacted_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_referral_contacts_delete AFTER DELETE ON referral_contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 15 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 15 AND ref = old.id;
END;

CREATE TRIGGER search_match_logs_insert AFTER INSERT ON match_logs BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (16, new.id, unixepoch(new.happened_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_match_logs_update AFTER UPDATE OF happened_on, notes ON match_logs BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 16 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 16 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (16, new.id, unixepoch(new.happened_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_match_logs_delete AFTER DELETE ON match_logs BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 16 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 16 AND ref = old.id;
END;

CREATE TRIGGER search_concerns_insert AFTER INSERT ON concerns BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (17, new.id, unixepoch(new.raised_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.details, new.passed_to)));
END;
CREATE TRIGGER search_concerns_update AFTER UPDATE OF details, passed_to, raised_on ON concerns BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 17 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 17 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (17, new.id, unixepoch(new.raised_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.details, new.passed_to)));
END;
CREATE TRIGGER search_concerns_delete AFTER DELETE ON concerns BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 17 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 17 AND ref = old.id;
END;

CREATE TRIGGER search_bulletin_articles_insert AFTER INSERT ON bulletin_articles BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (18, new.id, unixepoch((SELECT month FROM bulletins WHERE id = new.bulletin_id) || '-01') / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.body, new.box_text)));
END;
CREATE TRIGGER search_bulletin_articles_update AFTER UPDATE OF body, box_text, bulletin_id, title ON bulletin_articles BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 18 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 18 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (18, new.id, unixepoch((SELECT month FROM bulletins WHERE id = new.bulletin_id) || '-01') / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.body, new.box_text)));
END;
CREATE TRIGGER search_bulletin_articles_delete AFTER DELETE ON bulletin_articles BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 18 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 18 AND ref = old.id;
END;

CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES (19, new.id, unixepoch(new.received_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.words)));
END;
CREATE TRIGGER search_feedback_update AFTER UPDATE OF received_on, words ON feedback BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 19 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 19 AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES (19, new.id, unixepoch(new.received_on) / 86400);
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.words)));
END;
CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 19 AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 19 AND ref = old.id;
END;
