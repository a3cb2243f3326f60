-- Version 36: the search index filled with every record already in the PPG (run again by
-- `ppg-desk check --repair`, after emptying it, if it is ever found out of step).
-- The records already there, indexed (the same as `search::rebuild` does).
INSERT INTO search_docs (kind, ref, at) SELECT 'person', new.id, coalesce(new.joined_on, '') FROM people AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name, new.preferred_name)), search_fold(concat_ws(' ', new.address, new.email, new.notes))
    FROM search_docs d JOIN people AS new ON new.id = d.ref WHERE d.kind = 'person';
INSERT INTO search_docs (kind, ref, at) SELECT 'meeting', new.id, coalesce(new.meets_on, '') FROM meetings AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.kind)), search_fold(concat_ws(' ', new.venue, new.approval_corrections))
    FROM search_docs d JOIN meetings AS new ON new.id = d.ref WHERE d.kind = 'meeting';
INSERT INTO search_docs (kind, ref, at) SELECT 'agenda_item', new.id, coalesce((SELECT meets_on FROM meetings WHERE id = new.meeting_id), '') FROM agenda_items AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.presenter, new.notes_for_members, new.minutes))
    FROM search_docs d JOIN agenda_items AS new ON new.id = d.ref WHERE d.kind = 'agenda_item';
INSERT INTO search_docs (kind, ref, at) SELECT 'decision', new.id, coalesce((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id), '') FROM decisions AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.text))
    FROM search_docs d JOIN decisions AS new ON new.id = d.ref WHERE d.kind = 'decision';
INSERT INTO search_docs (kind, ref, at) SELECT 'action', new.id, coalesce(new.created_on, '') FROM actions AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason))
    FROM search_docs d JOIN actions AS new ON new.id = d.ref WHERE d.kind = 'action';
INSERT INTO search_docs (kind, ref, at) SELECT 'action_update', new.id, coalesce(new.made_on, '') FROM action_updates AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.text))
    FROM search_docs d JOIN action_updates AS new ON new.id = d.ref WHERE d.kind = 'action_update';
INSERT INTO search_docs (kind, ref, at) SELECT 'contact', new.id, coalesce(substr(new.created_at, 1, 10), '') FROM contacts AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.role, new.organisation, new.notes))
    FROM search_docs d JOIN contacts AS new ON new.id = d.ref WHERE d.kind = 'contact';
INSERT INTO search_docs (kind, ref, at) SELECT 'contact_note', new.id, coalesce(new.happened_on, '') FROM contact_interactions AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.notes))
    FROM search_docs d JOIN contact_interactions AS new ON new.id = d.ref WHERE d.kind = 'contact_note';
INSERT INTO search_docs (kind, ref, at) SELECT 'directory_entry', new.id, coalesce(new.last_checked_on, '') FROM directory_entries AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes))
    FROM search_docs d JOIN directory_entries AS new ON new.id = d.ref WHERE d.kind = 'directory_entry';
INSERT INTO search_docs (kind, ref, at) SELECT 'driver', new.id, coalesce(substr(new.created_at, 1, 10), '') FROM drivers AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes))
    FROM search_docs d JOIN drivers AS new ON new.id = d.ref WHERE d.kind = 'driver';
INSERT INTO search_docs (kind, ref, at) SELECT 'passenger', new.id, coalesce(substr(new.created_at, 1, 10), '') FROM passengers AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.pickup_address, new.notes))
    FROM search_docs d JOIN passengers AS new ON new.id = d.ref WHERE d.kind = 'passenger';
INSERT INTO search_docs (kind, ref, at) SELECT 'place', new.id, coalesce('', '') FROM destinations AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.name)), search_fold(concat_ws(' ', new.address, new.postcode))
    FROM search_docs d JOIN destinations AS new ON new.id = d.ref WHERE d.kind = 'place';
INSERT INTO search_docs (kind, ref, at) SELECT 'trip', new.id, coalesce(new.goes_on, '') FROM trips AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.pickup_address, new.notes))
    FROM search_docs d JOIN trips AS new ON new.id = d.ref WHERE d.kind = 'trip';
INSERT INTO search_docs (kind, ref, at) SELECT 'referral', new.id, coalesce(new.received_on, '') FROM referrals AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.full_name)), search_fold(concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name))
    FROM search_docs d JOIN referrals AS new ON new.id = d.ref WHERE d.kind = 'referral';
INSERT INTO search_docs (kind, ref, at) SELECT 'referral_contact', new.id, coalesce(new.contacted_on, '') FROM referral_contacts AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.notes))
    FROM search_docs d JOIN referral_contacts AS new ON new.id = d.ref WHERE d.kind = 'referral_contact';
INSERT INTO search_docs (kind, ref, at) SELECT 'match_log', new.id, coalesce(new.happened_on, '') FROM match_logs AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.notes))
    FROM search_docs d JOIN match_logs AS new ON new.id = d.ref WHERE d.kind = 'match_log';
INSERT INTO search_docs (kind, ref, at) SELECT 'concern', new.id, coalesce(new.raised_on, '') FROM concerns AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.details, new.passed_to))
    FROM search_docs d JOIN concerns AS new ON new.id = d.ref WHERE d.kind = 'concern';
INSERT INTO search_docs (kind, ref, at) SELECT 'article', new.id, coalesce((SELECT month FROM bulletins WHERE id = new.bulletin_id), '') FROM bulletin_articles AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, search_fold(concat_ws(' ', new.title)), search_fold(concat_ws(' ', new.body, new.box_text))
    FROM search_docs d JOIN bulletin_articles AS new ON new.id = d.ref WHERE d.kind = 'article';
INSERT INTO search_docs (kind, ref, at) SELECT 'feedback', new.id, coalesce(new.received_on, '') FROM feedback AS new;
INSERT INTO search (rowid, title, body) SELECT d.doc, '', search_fold(concat_ws(' ', new.words))
    FROM search_docs d JOIN feedback AS new ON new.id = d.ref WHERE d.kind = 'feedback';
