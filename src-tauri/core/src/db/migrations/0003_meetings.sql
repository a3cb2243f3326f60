-- Version 3: meetings and their agendas, attendance, minutes, decisions and actions, the
-- agenda template, amendments to approved minutes, and the quorum setting.

ALTER TABLE settings ADD COLUMN quorum INTEGER NOT NULL DEFAULT 4 CHECK (quorum BETWEEN 1 AND 50);

-- The standing items every new agenda starts from (editable in Settings).
CREATE TABLE agenda_template (
    position  INTEGER PRIMARY KEY CHECK (position >= 0),
    title     TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    purpose   TEXT NOT NULL DEFAULT 'information' CHECK (purpose IN ('information', 'discussion', 'decision')),
    -- Items that fill themselves from the previous meeting.
    standing  TEXT CHECK (standing IS NULL OR standing IN ('previous_minutes', 'matters_arising'))
);

INSERT INTO agenda_template (position, title, purpose, standing) VALUES
    (0, 'Welcome and apologies', 'information', NULL),
    (1, 'Declarations of interest', 'information', NULL),
    (2, 'Minutes of the last meeting', 'decision', 'previous_minutes'),
    (3, 'Matters arising and action log', 'discussion', 'matters_arising'),
    (4, 'Practice update', 'information', NULL),
    (5, 'Social prescribing: update from the link worker', 'information', NULL),
    (6, 'Volunteer drivers', 'information', NULL),
    (7, 'Befriending', 'information', NULL),
    (8, 'Treasurer''s report', 'information', NULL),
    (9, 'Any other business', 'discussion', NULL),
    (10, 'Date of next meeting', 'information', NULL);

CREATE TABLE meetings (
    id                      INTEGER PRIMARY KEY,
    kind                    TEXT NOT NULL CHECK (kind IN ('committee', 'agm', 'extraordinary', 'open_forum')),
    meets_on                TEXT NOT NULL CHECK (date(meets_on) IS meets_on),
    -- Local wall-clock times, HH:MM.
    starts_at               TEXT NOT NULL CHECK (length(starts_at) = 5 AND time(starts_at) IS starts_at || ':00'),
    ends_at                 TEXT CHECK (ends_at IS NULL OR (length(ends_at) = 5 AND time(ends_at) IS ends_at || ':00' AND ends_at > starts_at)),
    venue                   TEXT NOT NULL DEFAULT '' CHECK (length(venue) <= 300),
    online_link             TEXT NOT NULL DEFAULT '' CHECK (length(online_link) <= 500),
    chair_id                INTEGER REFERENCES people (id) ON DELETE SET NULL,
    minute_taker_id         INTEGER REFERENCES people (id) ON DELETE SET NULL,
    status                  TEXT NOT NULL DEFAULT 'planned'
                            CHECK (status IN ('planned', 'agenda_issued', 'held', 'draft_minutes', 'minutes_approved')),
    approved_on             TEXT CHECK (approved_on IS NULL OR date(approved_on) IS approved_on),
    approved_at_meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    approval_corrections    TEXT NOT NULL DEFAULT '' CHECK (length(approval_corrections) <= 5000),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    CHECK (venue <> '' OR online_link <> ''),
    CHECK ((status = 'minutes_approved') = (approved_on IS NOT NULL)),
    CHECK (approved_on IS NULL OR approved_on >= meets_on)
);

CREATE INDEX meetings_by_date ON meetings (meets_on);

CREATE TABLE agenda_items (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL CHECK (position >= 0),
    title              TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    presenter          TEXT NOT NULL DEFAULT '' CHECK (length(presenter) <= 120),
    minutes_allowed    INTEGER CHECK (minutes_allowed IS NULL OR minutes_allowed BETWEEN 1 AND 240),
    purpose            TEXT NOT NULL DEFAULT 'information' CHECK (purpose IN ('information', 'discussion', 'decision')),
    notes_for_members  TEXT NOT NULL DEFAULT '' CHECK (length(notes_for_members) <= 5000),
    standing           TEXT CHECK (standing IS NULL OR standing IN ('previous_minutes', 'matters_arising')),
    requested_by_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
    -- What the minute-taker wrote under this item (autosaved as they type).
    minutes            TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 100000),
    UNIQUE (meeting_id, position)
);

CREATE TABLE attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'in_attendance')),
    PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY,
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    text            TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    proposer_id     INTEGER REFERENCES people (id) ON DELETE SET NULL,
    seconder_id     INTEGER REFERENCES people (id) ON DELETE SET NULL,
    votes_for       INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_against   INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
    abstentions     INTEGER CHECK (abstentions IS NULL OR abstentions >= 0),
    CHECK (proposer_id IS NULL OR seconder_id IS NULL OR proposer_id <> seconder_id)
);

-- Actions are born in minutes (or added directly) and tracked until done or dropped.
CREATE TABLE actions (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    detail           TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 5000),
    due_on           TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    dropped_reason   TEXT NOT NULL DEFAULT '' CHECK (length(dropped_reason) <= 1000),
    completed_on     TEXT CHECK (completed_on IS NULL OR date(completed_on) IS completed_on),
    meeting_id       INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    agenda_item_id   INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    created_on       TEXT NOT NULL CHECK (date(created_on) IS created_on),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (status <> 'dropped' OR trim(dropped_reason) <> ''),
    CHECK ((status = 'done') = (completed_on IS NOT NULL))
);

CREATE INDEX actions_by_status_and_due ON actions (status, due_on);

CREATE TABLE action_owners (
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, person_id)
) WITHOUT ROWID;

-- A correction to minutes after they were approved: dated, never a silent edit.
CREATE TABLE minute_amendments (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    made_on     TEXT NOT NULL CHECK (date(made_on) IS made_on),
    text        TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 5000),
    created_at  TEXT NOT NULL
);
