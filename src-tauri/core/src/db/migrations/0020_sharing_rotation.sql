-- Version 20: removing a laptop from the committee gives everyone else new keys (see
-- sharing/rotate.rs). Each laptop has a secret of its own (its public key goes in its note in
-- the folder); keys carry a generation; older keys are kept to read older files; and the
-- laptops removed are remembered, so that nothing more is taken from them.
ALTER TABLE sharing ADD COLUMN laptop_secret BLOB CHECK (laptop_secret IS NULL OR length(laptop_secret) = 32);
ALTER TABLE sharing ADD COLUMN generation INTEGER NOT NULL DEFAULT 0 CHECK (generation >= 0);

CREATE TABLE sharing_old_keys (
    area        TEXT NOT NULL CHECK (area IN ('committee', 'drivers', 'befriending')),
    generation  INTEGER NOT NULL CHECK (generation >= 0),
    key         BLOB NOT NULL CHECK (length(key) = 32),
    PRIMARY KEY (area, generation)
) WITHOUT ROWID;

CREATE TABLE sharing_removed (
    laptop_id   TEXT PRIMARY KEY CHECK (length(laptop_id) = 32 AND laptop_id NOT GLOB '*[^0-9a-f]*'),
    removed_at  TEXT NOT NULL
) WITHOUT ROWID;
