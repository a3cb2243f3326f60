-- Version 38: the search index of version 37 filled with every record already in the PPG (run
-- again by `ppg-desk check --repair`, after emptying it, if it is ever found out of step).
INSERT INTO search_docs (kind, ref, at) SELECT 1, new.id, unixepoch(new.joined_on) / 86400 FROM people AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name, new.preferred_name)), search_fold(concat_ws(' ', new.address, new.email, new.notes))
    FROM search_docs d JOIN people AS new ON new.id = d.ref WHERE d.kind = 1;
INSERT INTO search_docs (kind, ref, at) SELECT 2, new.id, unixepoch(new.meets_on) / 86400 FROM meetings AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.kind)), search_fold(concat_ws(' ', new.venue, new.approval_corrections))
    FROM search_docs d JOIN meetings AS new ON new.id = d.ref WHERE d.kind = 2;
INSERT INTO search_docs (kind, ref, at) SELECT 3, new.id, unixepoch((SELECT meets_on FROM meetings WHERE id = new.meeting_id)) / 86400 FROM agenda_items AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.presenter, new.notes_for_members, new.minutes))
    FROM search_docs d JOIN agenda_items AS new ON new.id = d.ref WHERE d.kind = 3;
INSERT INTO search_docs (kind, ref, at) SELECT 4, new.id, unixepoch((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id)) / 86400 FROM decisions AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.text))
    FROM search_docs d JOIN decisions AS new ON new.id = d.ref WHERE d.kind = 4;
INSERT INTO search_docs (kind, ref, at) SELECT 5, new.id, unixepoch(new.created_on) / 86400 FROM actions AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason))
    FROM search_docs d JOIN actions AS new ON new.id = d.ref WHERE d.kind = 5;
INSERT INTO search_docs (kind, ref, at) SELECT 6, new.id, unixepoch(new.made_on) / 86400 FROM action_updates AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.text))
    FROM search_docs d JOIN action_updates AS new ON new.id = d.ref WHERE d.kind = 6;
INSERT INTO search_docs (kind, ref, at) SELECT 7, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400 FROM contacts AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.role, new.organisation, new.notes))
    FROM search_docs d JOIN contacts AS new ON new.id = d.ref WHERE d.kind = 7;
INSERT INTO search_docs (kind, ref, at) SELECT 8, new.id, unixepoch(new.happened_on) / 86400 FROM contact_interactions AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.notes))
    FROM search_docs d JOIN contact_interactions AS new ON new.id = d.ref WHERE d.kind = 8;
INSERT INTO search_docs (kind, ref, at) SELECT 9, new.id, unixepoch(new.last_checked_on) / 86400 FROM directory_entries AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes))
    FROM search_docs d JOIN directory_entries AS new ON new.id = d.ref WHERE d.kind = 9;
INSERT INTO search_docs (kind, ref, at) SELECT 10, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400 FROM drivers AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes))
    FROM search_docs d JOIN drivers AS new ON new.id = d.ref WHERE d.kind = 10;
INSERT INTO search_docs (kind, ref, at) SELECT 11, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400 FROM passengers AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.pickup_address, new.notes))
    FROM search_docs d JOIN passengers AS new ON new.id = d.ref WHERE d.kind = 11;
INSERT INTO search_docs (kind, ref, at) SELECT 12, new.id, NULL FROM destinations AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.address, new.postcode))
    FROM search_docs d JOIN destinations AS new ON new.id = d.ref WHERE d.kind = 12;
INSERT INTO search_docs (kind, ref, at) SELECT 13, new.id, unixepoch(new.goes_on) / 86400 FROM trips AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.pickup_address, new.notes))
    FROM search_docs d JOIN trips AS new ON new.id = d.ref WHERE d.kind = 13;
INSERT INTO search_docs (kind, ref, at) SELECT 14, new.id, unixepoch(new.received_on) / 86400 FROM referrals AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name))
    FROM search_docs d JOIN referrals AS new ON new.id = d.ref WHERE d.kind = 14;
INSERT INTO search_docs (kind, ref, at) SELECT 15, new.id, unixepoch(new.contacted_on) / 86400 FROM referral_contacts AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.notes))
    FROM search_docs d JOIN referral_contacts AS new ON new.id = d.ref WHERE d.kind = 15;
INSERT INTO search_docs (kind, ref, at) SELECT 16, new.id, unixepoch(new.happened_on) / 86400 FROM match_logs AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.notes))
    FROM search_docs d JOIN match_logs AS new ON new.id = d.ref WHERE d.kind = 16;
INSERT INTO search_docs (kind, ref, at) SELECT 17, new.id, unixepoch(new.raised_on) / 86400 FROM concerns AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.details, new.passed_to))
    FROM search_docs d JOIN concerns AS new ON new.id = d.ref WHERE d.kind = 17;
INSERT INTO search_docs (kind, ref, at) SELECT 18, new.id, unixepoch((SELECT month FROM bulletins WHERE id = new.bulletin_id) || '-01') / 86400 FROM bulletin_articles AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.body, new.box_text))
    FROM search_docs d JOIN bulletin_articles AS new ON new.id = d.ref WHERE d.kind = 18;
INSERT INTO search_docs (kind, ref, at) SELECT 19, new.id, unixepoch(new.received_on) / 86400 FROM feedback AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.words))
    FROM search_docs d JOIN feedback AS new ON new.id = d.ref WHERE d.kind = 19;
-- Merged into one segment: searches read one list a word, and later small writes merge
-- among themselves long before they reach it.
INSERT INTO search (search) VALUES ('optimize');
