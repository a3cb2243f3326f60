-- Version 23: the same record made on two laptops at once (a destination, a driver, a
-- befriender, a directory category or entry, an issue number, a referral's current match).
-- Each laptop keeps the one with the smaller id, moves the other's links to it, and lists the
-- other's values under "Changes that clashed" ("made_twice"), to use in one click. The ids
-- folded away are remembered here, so links to them that arrive later follow them.
-- "Changes that clashed" is rebuilt to take the new reason (no other table links to it).
CREATE TABLE sharing_clashes_new (
    id             INTEGER PRIMARY KEY,
    table_name     TEXT NOT NULL,
    row_key        TEXT NOT NULL,
    column_name    TEXT NOT NULL,
    kept           TEXT NOT NULL,
    other          TEXT NOT NULL,
    other_laptop   TEXT NOT NULL,
    other_made_at  TEXT NOT NULL,
    why            TEXT NOT NULL CHECK (why IN ('both_changed', 'locked', 'refused', 'made_twice')),
    noticed_at     TEXT NOT NULL,
    settled        INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1)),
    other_value,
    row_json       TEXT CHECK (row_json IS NULL OR json_valid(row_json))
);
INSERT INTO sharing_clashes_new (id, table_name, row_key, column_name, kept, other, other_laptop, other_made_at, why,
                                 noticed_at, settled, other_value, row_json)
SELECT id, table_name, row_key, column_name, kept, other, other_laptop, other_made_at, why,
       noticed_at, settled, other_value, row_json
  FROM sharing_clashes;
DROP TABLE sharing_clashes;
ALTER TABLE sharing_clashes_new RENAME TO sharing_clashes;

CREATE TABLE sharing_aliases (
    table_name  TEXT NOT NULL CHECK (length(table_name) BETWEEN 1 AND 64),
    from_id     INTEGER NOT NULL,
    to_id       INTEGER NOT NULL CHECK (to_id < from_id),
    PRIMARY KEY (table_name, from_id)
);
