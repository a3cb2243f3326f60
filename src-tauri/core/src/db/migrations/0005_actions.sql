-- Version 5: actions as a tracker. An owner can be someone outside the PPG (the link worker,
-- the practice manager) named in words; each action keeps a dated progress log, an entry of
-- which may be made while reviewing it at a meeting.

ALTER TABLE actions ADD COLUMN outside_owner TEXT NOT NULL DEFAULT '' CHECK (length(outside_owner) <= 200);

CREATE TABLE action_updates (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    made_on     TEXT NOT NULL CHECK (date(made_on) IS made_on),
    text        TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    -- The meeting at which the update was recorded (its matters-arising review), if any.
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL
);

CREATE INDEX action_updates_by_action ON action_updates (action_id, made_on);
CREATE INDEX action_updates_by_meeting ON action_updates (meeting_id);
CREATE INDEX actions_by_meeting ON actions (meeting_id);
CREATE INDEX actions_by_completion ON actions (completed_on);
CREATE INDEX action_owners_by_person ON action_owners (person_id, action_id);
