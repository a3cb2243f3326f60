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
