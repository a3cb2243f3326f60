-- Version 4: how long before a meeting members may ask for agenda items, and the lock on
-- approved minutes enforced by the database itself (a correction is a dated amendment).

ALTER TABLE settings ADD COLUMN member_items_deadline_days INTEGER NOT NULL DEFAULT 7
    CHECK (member_items_deadline_days BETWEEN 0 AND 60);

CREATE TRIGGER approved_minutes_keep_their_items
BEFORE UPDATE OF title, presenter, minutes_allowed, purpose, notes_for_members, minutes, position ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

CREATE TRIGGER approved_minutes_take_no_new_items
BEFORE INSERT ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

CREATE TRIGGER approved_minutes_take_no_new_decisions
BEFORE INSERT ON decisions
WHEN (SELECT m.status FROM meetings m JOIN agenda_items i ON i.meeting_id = m.id WHERE i.id = NEW.agenda_item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

CREATE TRIGGER approved_minutes_keep_their_attendance
BEFORE INSERT ON attendance
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

-- An amendment is only ever made to approved minutes.
CREATE TRIGGER amendments_only_to_approved_minutes
BEFORE INSERT ON minute_amendments
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) <> 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'only approved minutes take amendments');
END;
