-- Version 26: what patients told the PPG (without their names), sorted into themes, and the
-- improvements agreed with the practice in answer ("You said, we did"). An improvement is an
-- action like any other, linked to the feedback it answers, with what changed when done.
CREATE TABLE feedback_themes (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 60 AND name = trim(name)),
    row_version  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feedback (
    id           INTEGER PRIMARY KEY,
    received_on  TEXT NOT NULL CHECK (date(received_on) IS received_on),
    source       TEXT NOT NULL CHECK (source IN ('survey', 'friends_and_family', 'stand', 'comment_box', 'online_review', 'practice', 'meeting', 'other')),
    -- How many patients said this (a survey's 12 comments about the phones are one item).
    patients     INTEGER NOT NULL DEFAULT 1 CHECK (patients BETWEEN 1 AND 100000),
    words        TEXT NOT NULL CHECK (length(trim(words)) BETWEEN 1 AND 4000),
    created_at   TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_by_date ON feedback (received_on);

CREATE TABLE feedback_item_themes (
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    theme_id     INTEGER NOT NULL REFERENCES feedback_themes (id) ON DELETE RESTRICT,
    row_version  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (feedback_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX feedback_item_themes_by_theme ON feedback_item_themes (theme_id);

-- The improvement an action is: the feedback it answers.
CREATE TABLE action_feedback (
    action_id    INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    row_version  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (action_id, feedback_id)
) WITHOUT ROWID;
CREATE INDEX action_feedback_by_feedback ON action_feedback (feedback_id);

-- What changed, in words for patients ("The practice added a call-back service").
ALTER TABLE actions ADD COLUMN outcome TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 1000);

-- The usual themes; the PPG adds its own.
INSERT INTO feedback_themes (id, name) VALUES
    (new_id(), 'Appointments'), (new_id(), 'Phones'), (new_id(), 'Prescriptions'), (new_id(), 'Building'),
    (new_id(), 'Staff'), (new_id(), 'Communication'), (new_id(), 'Online services'), (new_id(), 'Waiting times');
