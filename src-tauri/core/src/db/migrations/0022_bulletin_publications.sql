-- Version 22: a published bulletin as published: the articles it locks, kept as one JSON
-- record that travels with the publication, so a laptop where the issue was edited at the
-- same time puts the articles back as published (locked_sql.rs), like approved minutes.
CREATE TABLE bulletin_publications (
    bulletin_id   INTEGER PRIMARY KEY REFERENCES bulletins (id) ON DELETE CASCADE,
    content       TEXT NOT NULL CHECK (json_valid(content)),
    published_at  TEXT NOT NULL,
    row_version   TEXT NOT NULL DEFAULT ''
);

-- A published issue's own record takes its version stamp (sharing) like every record that
-- travels; only what it says is frozen.
DROP TRIGGER bulletins_frozen;
CREATE TRIGGER bulletins_frozen
BEFORE UPDATE OF number, month, title, strapline, target_pages, published_on, created_at, updated_at ON bulletins
WHEN OLD.published_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'This issue has been published and cannot be changed.'); END;
