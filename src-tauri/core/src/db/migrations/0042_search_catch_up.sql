-- Version 42: the index catches up with every record waiting in search_pending (this SQL is
-- also db::search_index::catch_up, run moments after a save, before every search and in
-- every erasure). The documents of the records waiting are found (search_docs read through
-- once); the words each was indexed with come out; each record still there goes in again
-- with its words now, under a new document number (newer documents are read first); and
-- nothing is left waiting. Only numbers go into the two temporary tables, kept in memory.
CREATE TEMP TABLE IF NOT EXISTS search_old (ref INTEGER PRIMARY KEY, doc INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS search_new (ref INTEGER PRIMARY KEY, doc INTEGER NOT NULL);
INSERT INTO temp.search_old (ref, doc) SELECT ref, doc FROM search_docs WHERE ref IN (SELECT ref FROM search_pending);
INSERT INTO search (search, rowid, words)
    SELECT 'delete', o.doc, search_fold(concat_ws(' ', p.old_title, p.old_body))
      FROM temp.search_old o JOIN search_pending p ON p.ref = o.ref WHERE p.old_body IS NOT NULL;
INSERT INTO search_titles (search_titles, rowid, words)
    SELECT 'delete', o.doc, search_fold(p.old_title)
      FROM temp.search_old o JOIN search_pending p ON p.ref = o.ref WHERE p.old_body IS NOT NULL;
DELETE FROM search_docs WHERE doc IN (SELECT doc FROM temp.search_old);
INSERT INTO temp.search_new (ref, doc)
    SELECT ref, (SELECT coalesce(max(doc), 0) FROM search_docs) + row_number() OVER (ORDER BY ref) FROM search_pending;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 1, new.id, unixepoch(new.joined_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN people AS new ON new.id = p.ref WHERE p.kind = 1;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.full_name, new.preferred_name), concat_ws(' ', new.address, new.email, new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN people AS new ON new.id = p.ref WHERE p.kind = 1;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.full_name, new.preferred_name))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN people AS new ON new.id = p.ref WHERE p.kind = 1;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 2, new.id, unixepoch(new.meets_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN meetings AS new ON new.id = p.ref WHERE p.kind = 2;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.kind), concat_ws(' ', new.venue, new.approval_corrections)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN meetings AS new ON new.id = p.ref WHERE p.kind = 2;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.kind))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN meetings AS new ON new.id = p.ref WHERE p.kind = 2;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 3, new.id, unixepoch((SELECT meets_on FROM meetings WHERE id = new.meeting_id)) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN agenda_items AS new ON new.id = p.ref WHERE p.kind = 3;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.title), concat_ws(' ', new.presenter, new.notes_for_members, new.minutes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN agenda_items AS new ON new.id = p.ref WHERE p.kind = 3;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.title))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN agenda_items AS new ON new.id = p.ref WHERE p.kind = 3;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 4, new.id, unixepoch((SELECT m.meets_on FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = new.agenda_item_id)) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN decisions AS new ON new.id = p.ref WHERE p.kind = 4;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.text)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN decisions AS new ON new.id = p.ref WHERE p.kind = 4;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN decisions AS new ON new.id = p.ref WHERE p.kind = 4;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 5, new.id, unixepoch(new.created_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN actions AS new ON new.id = p.ref WHERE p.kind = 5;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.title), concat_ws(' ', new.detail, new.outside_owner, new.outcome, new.dropped_reason)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN actions AS new ON new.id = p.ref WHERE p.kind = 5;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.title))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN actions AS new ON new.id = p.ref WHERE p.kind = 5;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 6, new.id, unixepoch(new.made_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN action_updates AS new ON new.id = p.ref WHERE p.kind = 6;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.text)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN action_updates AS new ON new.id = p.ref WHERE p.kind = 6;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN action_updates AS new ON new.id = p.ref WHERE p.kind = 6;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 7, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN contacts AS new ON new.id = p.ref WHERE p.kind = 7;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.full_name), concat_ws(' ', new.role, new.organisation, new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN contacts AS new ON new.id = p.ref WHERE p.kind = 7;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.full_name))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN contacts AS new ON new.id = p.ref WHERE p.kind = 7;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 8, new.id, unixepoch(new.happened_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN contact_interactions AS new ON new.id = p.ref WHERE p.kind = 8;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN contact_interactions AS new ON new.id = p.ref WHERE p.kind = 8;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN contact_interactions AS new ON new.id = p.ref WHERE p.kind = 8;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 9, new.id, unixepoch(new.last_checked_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN directory_entries AS new ON new.id = p.ref WHERE p.kind = 9;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.name), concat_ws(' ', new.offers, new.who_for, new.area, new.address, new.when_notes, new.contact_name, new.accessibility_notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN directory_entries AS new ON new.id = p.ref WHERE p.kind = 9;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.name))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN directory_entries AS new ON new.id = p.ref WHERE p.kind = 9;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 10, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN drivers AS new ON new.id = p.ref WHERE p.kind = 10;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.vehicle_make, new.vehicle_colour, new.registration, new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN drivers AS new ON new.id = p.ref WHERE p.kind = 10;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN drivers AS new ON new.id = p.ref WHERE p.kind = 10;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 11, new.id, unixepoch(substr(new.created_at, 1, 10)) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN passengers AS new ON new.id = p.ref WHERE p.kind = 11;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.full_name), concat_ws(' ', new.pickup_address, new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN passengers AS new ON new.id = p.ref WHERE p.kind = 11;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.full_name))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN passengers AS new ON new.id = p.ref WHERE p.kind = 11;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 12, new.id, NULL
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN destinations AS new ON new.id = p.ref WHERE p.kind = 12;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.name), concat_ws(' ', new.address, new.postcode)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN destinations AS new ON new.id = p.ref WHERE p.kind = 12;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.name))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN destinations AS new ON new.id = p.ref WHERE p.kind = 12;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 13, new.id, unixepoch(new.goes_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN trips AS new ON new.id = p.ref WHERE p.kind = 13;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.pickup_address, new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN trips AS new ON new.id = p.ref WHERE p.kind = 13;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN trips AS new ON new.id = p.ref WHERE p.kind = 13;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 14, new.id, unixepoch(new.received_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN referrals AS new ON new.id = p.ref WHERE p.kind = 14;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.full_name), concat_ws(' ', new.address, new.interests, new.language, new.area, new.reason, new.referrer_name)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN referrals AS new ON new.id = p.ref WHERE p.kind = 14;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.full_name))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN referrals AS new ON new.id = p.ref WHERE p.kind = 14;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 15, new.id, unixepoch(new.contacted_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN referral_contacts AS new ON new.id = p.ref WHERE p.kind = 15;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN referral_contacts AS new ON new.id = p.ref WHERE p.kind = 15;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN referral_contacts AS new ON new.id = p.ref WHERE p.kind = 15;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 16, new.id, unixepoch(new.happened_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN match_logs AS new ON new.id = p.ref WHERE p.kind = 16;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.notes)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN match_logs AS new ON new.id = p.ref WHERE p.kind = 16;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN match_logs AS new ON new.id = p.ref WHERE p.kind = 16;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 17, new.id, unixepoch(new.raised_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN concerns AS new ON new.id = p.ref WHERE p.kind = 17;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.details, new.passed_to)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN concerns AS new ON new.id = p.ref WHERE p.kind = 17;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN concerns AS new ON new.id = p.ref WHERE p.kind = 17;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 18, new.id, unixepoch((SELECT month FROM bulletins WHERE id = new.bulletin_id) || '-01') / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN bulletin_articles AS new ON new.id = p.ref WHERE p.kind = 18;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', concat_ws(' ', new.title), concat_ws(' ', new.body, new.box_text)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN bulletin_articles AS new ON new.id = p.ref WHERE p.kind = 18;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', new.title))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN bulletin_articles AS new ON new.id = p.ref WHERE p.kind = 18;
INSERT INTO search_docs (doc, kind, ref, at) SELECT n.doc, 19, new.id, unixepoch(new.received_on) / 86400
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN feedback AS new ON new.id = p.ref WHERE p.kind = 19;
INSERT INTO search (rowid, words) SELECT n.doc, search_fold(concat_ws(' ', '', concat_ws(' ', new.words)))
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN feedback AS new ON new.id = p.ref WHERE p.kind = 19;
INSERT INTO search_titles (rowid, words) SELECT n.doc, search_fold('')
    FROM search_pending p JOIN temp.search_new n ON n.ref = p.ref JOIN feedback AS new ON new.id = p.ref WHERE p.kind = 19;
DELETE FROM search_pending;
DELETE FROM temp.search_old;
DELETE FROM temp.search_new;
