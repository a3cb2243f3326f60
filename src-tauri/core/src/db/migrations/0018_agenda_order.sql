-- Version 18: an agenda's order is kept by each item's place, and two laptops reordering the
-- same agenda at the same time may, for a moment, give two items one place; items at one
-- place are listed in the order they were added (by id), the same on every laptop. So the
-- place is no longer unique. Run with foreign keys set aside (the table is rebuilt, as
-- SQLite's documentation describes), and every link is checked before it commits.
-- Other triggers name agenda_items (decisions' lock); they are left as written while the
-- table is swapped (legacy renaming), and name the new table once it has the old name.
PRAGMA legacy_alter_table = ON;
CREATE TABLE agenda_items_new (
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
    minutes            TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 100000)
);
INSERT INTO agenda_items_new (id, meeting_id, position, title, presenter, minutes_allowed, purpose, notes_for_members,
                              standing, requested_by_id, minutes)
SELECT id, meeting_id, position, title, presenter, minutes_allowed, purpose, notes_for_members, standing,
       requested_by_id, minutes FROM agenda_items;
DROP TABLE agenda_items;
ALTER TABLE agenda_items_new RENAME TO agenda_items;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX agenda_items_in_order ON agenda_items (meeting_id, position, id);

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
