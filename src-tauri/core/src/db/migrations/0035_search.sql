-- Version 35: one search over the whole PPG (issue #24). An FTS5 index holding only words
-- (contentless: no copy of the text, so nothing erased survives in it once merged), with
-- accents, case and letters such as "ł" folded by search_fold() (check::fold_for_search,
-- registered on every connection) and prefix indexes (two and three letters) for search as you
-- type. search_docs
-- says which record each indexed document is, of which kind and on what day. Triggers keep
-- both in step in the same transaction as every write, so no write path can forget them.
-- Derived data: it never travels (each laptop's triggers index what arrives).
CREATE VIRTUAL TABLE search USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE search_docs (
    doc   INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    ref   INTEGER NOT NULL,
    at    TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, ref)
);

CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('person', new.id, coalesce(new.joined_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name, new.preferred_name)), search_fold(concat_ws(' ', new.address, new.email, new.notes)));
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF address, email, full_name, notes, preferred_name ON people BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'person' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'person' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('person', new.id, coalesce(new.joined_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name, new.preferred_name)), search_fold(concat_ws(' ', new.address, new.email, new.notes)));
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'person' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'person' AND ref = old.id;
END;

CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('meeting', new.id, coalesce(new.meets_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.kind)), search_fold(concat_ws(' ', new.venue, new.approval_corrections)));
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF approval_corrections, kind, meets_on, venue ON meetings BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'meeting' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'meeting' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('meeting', new.id, coalesce(new.meets_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.kind)), search_fold(concat_ws(' ', new.venue, new.approval_corrections)));
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'meeting' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'meeting' AND ref = old.id;
END;

CREATE TRIGGER search_agenda_items_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('agenda_item', new.id, coalesce((SELECT meets_on FROM meetings WHERE id = new.meeting_id), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.presenter, new.notes_for_members, new.minutes)));
END;
CREATE TRIGGER search_agenda_items_update AFTER UPDATE OF meeting_id, minutes, notes_for_members, presenter, title ON agenda_items BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'agenda_item' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'agenda_item' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('agenda_item', new.id, coalesce((SELECT meets_on FROM meetings WHERE id = new.meeting_id), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.presenter, new.notes_for_members, new.minutes)));
END;
CREATE TRIGGER search_agenda_items_delete AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'agenda_item' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'agenda_item' AND ref = old.id;
END;

CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('decision', new.id, coalesce((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_decisions_update AFTER UPDATE OF agenda_item_id, text ON decisions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'decision' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'decision' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('decision', new.id, coalesce((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'decision' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'decision' AND ref = old.id;
END;

CREATE TRIGGER search_actions_insert AFTER INSERT ON actions BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('action', new.id, coalesce(new.created_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason)));
END;
CREATE TRIGGER search_actions_update AFTER UPDATE OF created_on, detail, dropped_reason, outcome, outside_owner, title ON actions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'action' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'action' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('action', new.id, coalesce(new.created_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason)));
END;
CREATE TRIGGER search_actions_delete AFTER DELETE ON actions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'action' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'action' AND ref = old.id;
END;

CREATE TRIGGER search_action_updates_insert AFTER INSERT ON action_updates BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('action_update', new.id, coalesce(new.made_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_action_updates_update AFTER UPDATE OF made_on, text ON action_updates BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'action_update' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'action_update' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('action_update', new.id, coalesce(new.made_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.text)));
END;
CREATE TRIGGER search_action_updates_delete AFTER DELETE ON action_updates BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'action_update' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'action_update' AND ref = old.id;
END;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('contact', new.id, coalesce(substr(new.created_at, 1, 10), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.role, new.organisation, new.notes)));
END;
CREATE TRIGGER search_contacts_update AFTER UPDATE OF full_name, notes, organisation, role ON contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'contact' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'contact' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('contact', new.id, coalesce(substr(new.created_at, 1, 10), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.role, new.organisation, new.notes)));
END;
CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'contact' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'contact' AND ref = old.id;
END;

CREATE TRIGGER search_contact_interactions_insert AFTER INSERT ON contact_interactions BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('contact_note', new.id, coalesce(new.happened_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_contact_interactions_update AFTER UPDATE OF happened_on, notes ON contact_interactions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'contact_note' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'contact_note' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('contact_note', new.id, coalesce(new.happened_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_contact_interactions_delete AFTER DELETE ON contact_interactions BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'contact_note' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'contact_note' AND ref = old.id;
END;

CREATE TRIGGER search_directory_entries_insert AFTER INSERT ON directory_entries BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('directory_entry', new.id, coalesce(new.last_checked_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes)));
END;
CREATE TRIGGER search_directory_entries_update AFTER UPDATE OF accessibility_notes, address, area, contact_name, last_checked_on, name, offers, when_notes, who_for ON directory_entries BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'directory_entry' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'directory_entry' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('directory_entry', new.id, coalesce(new.last_checked_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes)));
END;
CREATE TRIGGER search_directory_entries_delete AFTER DELETE ON directory_entries BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'directory_entry' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'directory_entry' AND ref = old.id;
END;

CREATE TRIGGER search_drivers_insert AFTER INSERT ON drivers BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('driver', new.id, coalesce(substr(new.created_at, 1, 10), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes)));
END;
CREATE TRIGGER search_drivers_update AFTER UPDATE OF notes, registration, vehicle_colour, vehicle_make ON drivers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'driver' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'driver' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('driver', new.id, coalesce(substr(new.created_at, 1, 10), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes)));
END;
CREATE TRIGGER search_drivers_delete AFTER DELETE ON drivers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'driver' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'driver' AND ref = old.id;
END;

CREATE TRIGGER search_passengers_insert AFTER INSERT ON passengers BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('passenger', new.id, coalesce(substr(new.created_at, 1, 10), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_passengers_update AFTER UPDATE OF full_name, notes, pickup_address ON passengers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'passenger' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'passenger' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('passenger', new.id, coalesce(substr(new.created_at, 1, 10), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_passengers_delete AFTER DELETE ON passengers BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'passenger' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'passenger' AND ref = old.id;
END;

CREATE TRIGGER search_destinations_insert AFTER INSERT ON destinations BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('place', new.id, coalesce('', ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.address, new.postcode)));
END;
CREATE TRIGGER search_destinations_update AFTER UPDATE OF address, name, postcode ON destinations BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'place' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'place' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('place', new.id, coalesce('', ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.address, new.postcode)));
END;
CREATE TRIGGER search_destinations_delete AFTER DELETE ON destinations BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'place' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'place' AND ref = old.id;
END;

CREATE TRIGGER search_trips_insert AFTER INSERT ON trips BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('trip', new.id, coalesce(new.goes_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_trips_update AFTER UPDATE OF goes_on, notes, pickup_address ON trips BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'trip' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'trip' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('trip', new.id, coalesce(new.goes_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.pickup_address, new.notes)));
END;
CREATE TRIGGER search_trips_delete AFTER DELETE ON trips BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'trip' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'trip' AND ref = old.id;
END;

CREATE TRIGGER search_referrals_insert AFTER INSERT ON referrals BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('referral', new.id, coalesce(new.received_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name)));
END;
CREATE TRIGGER search_referrals_update AFTER UPDATE OF address, area, full_name, interests, language, reason, received_on, referrer_name ON referrals BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'referral' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'referral' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('referral', new.id, coalesce(new.received_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name)));
END;
CREATE TRIGGER search_referrals_delete AFTER DELETE ON referrals BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'referral' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'referral' AND ref = old.id;
END;

CREATE TRIGGER search_referral_contacts_insert AFTER INSERT ON referral_contacts BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('referral_contact', new.id, coalesce(new.contacted_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_referral_contacts_update AFTER UPDATE OF contacted_on, notes ON referral_contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'referral_contact' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'referral_contact' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('referral_contact', new.id, coalesce(new.contacted_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_referral_contacts_delete AFTER DELETE ON referral_contacts BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'referral_contact' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'referral_contact' AND ref = old.id;
END;

CREATE TRIGGER search_match_logs_insert AFTER INSERT ON match_logs BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('match_log', new.id, coalesce(new.happened_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_match_logs_update AFTER UPDATE OF happened_on, notes ON match_logs BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'match_log' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'match_log' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('match_log', new.id, coalesce(new.happened_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.notes)));
END;
CREATE TRIGGER search_match_logs_delete AFTER DELETE ON match_logs BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'match_log' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'match_log' AND ref = old.id;
END;

CREATE TRIGGER search_concerns_insert AFTER INSERT ON concerns BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('concern', new.id, coalesce(new.raised_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.details, new.passed_to)));
END;
CREATE TRIGGER search_concerns_update AFTER UPDATE OF details, passed_to, raised_on ON concerns BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'concern' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'concern' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('concern', new.id, coalesce(new.raised_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.details, new.passed_to)));
END;
CREATE TRIGGER search_concerns_delete AFTER DELETE ON concerns BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'concern' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'concern' AND ref = old.id;
END;

CREATE TRIGGER search_bulletin_articles_insert AFTER INSERT ON bulletin_articles BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('article', new.id, coalesce((SELECT month FROM bulletins WHERE id = new.bulletin_id), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.body, new.box_text)));
END;
CREATE TRIGGER search_bulletin_articles_update AFTER UPDATE OF body, box_text, bulletin_id, title ON bulletin_articles BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'article' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'article' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('article', new.id, coalesce((SELECT month FROM bulletins WHERE id = new.bulletin_id), ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.body, new.box_text)));
END;
CREATE TRIGGER search_bulletin_articles_delete AFTER DELETE ON bulletin_articles BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'article' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'article' AND ref = old.id;
END;

CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search_docs (kind, ref, at) VALUES ('feedback', new.id, coalesce(new.received_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.words)));
END;
CREATE TRIGGER search_feedback_update AFTER UPDATE OF received_on, words ON feedback BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'feedback' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'feedback' AND ref = old.id;
    INSERT INTO search_docs (kind, ref, at) VALUES ('feedback', new.id, coalesce(new.received_on, ''));
    INSERT INTO search (rowid, title, body) VALUES (last_insert_rowid(), '', search_fold(concat_ws(' ', new.words)));
END;
CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM search WHERE rowid = (SELECT doc FROM search_docs WHERE kind = 'feedback' AND ref = old.id);
    DELETE FROM search_docs WHERE kind = 'feedback' AND ref = old.id;
END;
