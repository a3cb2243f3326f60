-- Version 16: one PPG shared between the committee's laptops through an exchange folder
-- (see sharing/ and ARCHITECTURE.md, "Sharing"). These tables are this laptop's own and
-- never travel: only the PPG's records do, as changesets.

-- Whether and where this laptop shares. The committee key seals every exchange file; it is
-- as safe as the records themselves (inside the encrypted store when they are protected).
CREATE TABLE sharing (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    laptop_id           TEXT NOT NULL CHECK (length(laptop_id) = 32 AND laptop_id NOT GLOB '*[^0-9a-f]*'),
    laptop_name         TEXT NOT NULL CHECK (length(trim(laptop_name)) BETWEEN 1 AND 60),
    folder              TEXT NOT NULL CHECK (length(folder) BETWEEN 1 AND 4000),
    committee_key       BLOB NOT NULL CHECK (length(committee_key) = 32),
    drivers             INTEGER NOT NULL DEFAULT 0 CHECK (drivers IN (0, 1)),
    befriending         INTEGER NOT NULL DEFAULT 0 CHECK (befriending IN (0, 1)),
    started_at          TEXT NOT NULL,
    last_sent_at        TEXT,
    last_received_at    TEXT,
    last_received_from  TEXT CHECK (last_received_from IS NULL OR length(last_received_from) <= 60)
);

-- This laptop's changes, in order, each written once to the exchange folder.
CREATE TABLE sharing_outbox (
    seq        INTEGER PRIMARY KEY CHECK (seq >= 1),
    area       TEXT NOT NULL CHECK (area IN ('committee', 'drivers', 'befriending')),
    changeset  BLOB NOT NULL,
    made_at    TEXT NOT NULL,
    sent       INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))
);

-- Every other laptop's change applied here (so none is applied twice).
CREATE TABLE sharing_received (
    laptop_id    TEXT NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    laptop_name  TEXT NOT NULL,
    applied_at   TEXT NOT NULL,
    PRIMARY KEY (laptop_id, seq)
) WITHOUT ROWID;

-- "Changes that clashed": the value not kept, with who made it and when.
CREATE TABLE sharing_clashes (
    id             INTEGER PRIMARY KEY,
    table_name     TEXT NOT NULL,
    row_key        TEXT NOT NULL,
    column_name    TEXT NOT NULL,
    kept           TEXT NOT NULL,
    other          TEXT NOT NULL,
    other_laptop   TEXT NOT NULL,
    other_made_at  TEXT NOT NULL,
    why            TEXT NOT NULL CHECK (why IN ('both_changed', 'locked', 'refused')),
    noticed_at     TEXT NOT NULL,
    settled        INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
);

-- Rows another laptop deleted before this laptop had them: when they arrive later (from a
-- laptop that had not seen the deletion), they are deleted again, so a deletion always wins.
CREATE TABLE sharing_deleted (
    table_name  TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    PRIMARY KEY (table_name, row_key)
) WITHOUT ROWID;
