-- Version 13: what was said about an action at a meeting (its matters-arising review) is part
-- of that meeting's record, so approved minutes lock it too, in the database itself (the
-- check was only in the window's adapter, so any other path could change an approved record).

CREATE TRIGGER approved_minutes_take_no_new_reviews
BEFORE INSERT ON action_updates
WHEN NEW.meeting_id IS NOT NULL AND (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

CREATE TRIGGER approved_minutes_keep_their_reviews
BEFORE UPDATE ON action_updates
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

CREATE TRIGGER approved_minutes_lose_no_reviews
BEFORE DELETE ON action_updates
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
  AND (SELECT count(*) FROM actions WHERE id = OLD.action_id) > 0
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;
