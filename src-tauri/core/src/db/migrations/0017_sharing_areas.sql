-- Version 17: sharing, second part (see sharing/ and ARCHITECTURE.md, "Sharing").

-- A clash keeps the value not kept exactly as it was (its type too: no type on the column)
-- and the record's key as JSON, so "Use the other value" can put it back in one click.
ALTER TABLE sharing_clashes ADD COLUMN other_value;
ALTER TABLE sharing_clashes ADD COLUMN row_json TEXT CHECK (row_json IS NULL OR json_valid(row_json));

-- Need-to-know: the driver and befriending schemes have keys of their own, held only by the
-- laptops that share them (their coordinators give those laptops a separate code).
ALTER TABLE sharing ADD COLUMN drivers_key BLOB CHECK (drivers_key IS NULL OR length(drivers_key) = 32);
ALTER TABLE sharing ADD COLUMN befriending_key BLOB CHECK (befriending_key IS NULL OR length(befriending_key) = 32);
-- A laptop that shares a scheme holds its key; one that does not holds none.
CREATE TRIGGER sharing_area_keys_insert BEFORE INSERT ON sharing
WHEN (NEW.drivers = 1) <> (NEW.drivers_key IS NOT NULL) OR (NEW.befriending = 1) <> (NEW.befriending_key IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a laptop holds the key of exactly the schemes it shares'); END;
CREATE TRIGGER sharing_area_keys_update BEFORE UPDATE ON sharing
WHEN (NEW.drivers = 1) <> (NEW.drivers_key IS NOT NULL) OR (NEW.befriending = 1) <> (NEW.befriending_key IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a laptop holds the key of exactly the schemes it shares'); END;

-- Each area travels as its own numbered stream of changes per laptop (a laptop's committee
-- changes 1, 2, 3…; its befriending changes 1, 2…), so a laptop without a scheme never sees
-- that scheme's files and a scheme's old files can be tidied away without leaving gaps in
-- another area. `sharing_received.laptop_id` now holds the stream: the laptop's id for
-- committee business, "<laptop id>-drivers" or "<laptop id>-befriending" for a scheme.
ALTER TABLE sharing_outbox ADD COLUMN area_seq INTEGER CHECK (area_seq IS NULL OR area_seq >= 1);
UPDATE sharing_outbox SET area_seq =
    (SELECT count(*) FROM sharing_outbox o WHERE o.area = sharing_outbox.area AND o.seq <= sharing_outbox.seq);
CREATE UNIQUE INDEX sharing_outbox_area_seq ON sharing_outbox (area, area_seq);
CREATE TRIGGER sharing_outbox_area_seq BEFORE INSERT ON sharing_outbox WHEN NEW.area_seq IS NULL
BEGIN SELECT RAISE(ABORT, 'every change has its number in its area'); END;

-- A scheme's snapshot travels like a change, with what it holds (JSON: stream → last change
-- number) as read before it was made. A laptop newly holding the scheme starts from it.
ALTER TABLE sharing_outbox ADD COLUMN snapshot INTEGER NOT NULL DEFAULT 0 CHECK (snapshot IN (0, 1));
ALTER TABLE sharing_outbox ADD COLUMN covers TEXT CHECK (covers IS NULL OR json_valid(covers));
-- When this laptop last wrote a fresh starting copy and tidied the folder.
ALTER TABLE sharing ADD COLUMN last_tidied_at TEXT;

-- Approved minutes as approved: the records the approval locks, kept as one JSON record that
-- travels with the approval, so a laptop where the minutes were changed at the same time puts
-- them back as approved and every laptop holds the same minutes (locked_sql.rs).
CREATE TABLE minutes_approvals (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    content      TEXT NOT NULL CHECK (json_valid(content)),
    approved_at  TEXT NOT NULL
);
