-- Version 9: the monthly bulletin. An issue has a number, a month, a title and a strapline,
-- and articles in order (title, body with bold and bullet lists, an optional picture with its
-- text alternative, an optional highlighted box). A published issue is frozen: its articles
-- cannot change (triggers) and the PDFs printed on the day are kept, so it reprints exactly.

CREATE TABLE bulletins (
    id            INTEGER PRIMARY KEY,
    number        INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 9999),
    month         TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
    title         TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
    strapline     TEXT NOT NULL DEFAULT '' CHECK (length(strapline) <= 200),
    target_pages  INTEGER NOT NULL DEFAULT 2 CHECK (target_pages IN (2, 4)),
    published_on  TEXT CHECK (published_on IS NULL OR date(published_on) IS published_on),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE bulletin_articles (
    id           INTEGER PRIMARY KEY,
    bulletin_id  INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 0),
    kind         TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'diary', 'splw', 'volunteers', 'groups', 'you_said')),
    title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    body         TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    image        BLOB CHECK (image IS NULL OR length(image) BETWEEN 1 AND 5000000),
    image_alt    TEXT NOT NULL DEFAULT '' CHECK (length(image_alt) <= 300),
    box_text     TEXT NOT NULL DEFAULT '' CHECK (length(box_text) <= 2000),
    updated_at   TEXT NOT NULL,
    -- A picture always has its text alternative.
    CHECK (image IS NULL OR length(trim(image_alt)) > 0)
);

CREATE INDEX bulletin_articles_in_order ON bulletin_articles (bulletin_id, position, id);

-- The PDFs of a published issue, as printed.
CREATE TABLE bulletin_prints (
    bulletin_id  INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
    profile      TEXT NOT NULL CHECK (profile IN ('standard', 'large_print')),
    pdf          BLOB NOT NULL CHECK (substr(pdf, 1, 5) = CAST('%PDF-' AS BLOB)),
    PRIMARY KEY (bulletin_id, profile)
);

CREATE TRIGGER bulletin_articles_frozen_insert BEFORE INSERT ON bulletin_articles
WHEN (SELECT published_on FROM bulletins WHERE id = NEW.bulletin_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'This issue has been published and cannot be changed.'); END;

CREATE TRIGGER bulletin_articles_frozen_update BEFORE UPDATE ON bulletin_articles
WHEN (SELECT published_on FROM bulletins WHERE id = OLD.bulletin_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'This issue has been published and cannot be changed.'); END;

CREATE TRIGGER bulletin_articles_frozen_delete BEFORE DELETE ON bulletin_articles
WHEN (SELECT published_on FROM bulletins WHERE id = OLD.bulletin_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'This issue has been published and cannot be changed.'); END;

CREATE TRIGGER bulletins_frozen BEFORE UPDATE ON bulletins
WHEN OLD.published_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'This issue has been published and cannot be changed.'); END;
