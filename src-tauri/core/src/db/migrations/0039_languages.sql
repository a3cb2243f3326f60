-- Version 39: the language of what is printed (issue #25). A bulletin article, a survey and a
-- directory entry each say which language they are in (a code from languages::LANGUAGES,
-- such as 'bn' or 'zh-Hant'; English until chosen), for the PDF's language tags. An article
-- can be the translation of another article of its issue: the issue as written prints the
-- originals, and an edition in a language prints each original's translation in its place.
ALTER TABLE bulletin_articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
    CHECK (language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z][a-z]' OR language GLOB '[a-z][a-z]-[A-Z][a-z][a-z][a-z]');
ALTER TABLE bulletin_articles ADD COLUMN translation_of INTEGER REFERENCES bulletin_articles (id) ON DELETE CASCADE
    CHECK (translation_of IS NULL OR translation_of <> id);
CREATE INDEX bulletin_articles_translations ON bulletin_articles (translation_of);

-- One translation per language of an article, never a translation of a translation.
CREATE TRIGGER bulletin_articles_translation_insert BEFORE INSERT ON bulletin_articles
WHEN NEW.translation_of IS NOT NULL AND (
    (SELECT translation_of FROM bulletin_articles WHERE id = NEW.translation_of) IS NOT NULL
    OR (SELECT bulletin_id FROM bulletin_articles WHERE id = NEW.translation_of) IS NOT NEW.bulletin_id
    OR EXISTS (SELECT 1 FROM bulletin_articles WHERE translation_of = NEW.translation_of AND language = NEW.language))
BEGIN SELECT RAISE(ABORT, 'That article already has a translation in this language.'); END;

-- A language changed later: a translation's never to its original's nor another's, an
-- original's never to one of its translations'.
CREATE TRIGGER bulletin_articles_translation_update BEFORE UPDATE OF language, translation_of ON bulletin_articles
WHEN (NEW.translation_of IS NOT NULL AND (
    NEW.language = (SELECT language FROM bulletin_articles WHERE id = NEW.translation_of)
    OR EXISTS (SELECT 1 FROM bulletin_articles
                WHERE translation_of = NEW.translation_of AND language = NEW.language AND id <> NEW.id)))
  OR (NEW.translation_of IS NULL
      AND EXISTS (SELECT 1 FROM bulletin_articles WHERE translation_of = NEW.id AND language = NEW.language))
BEGIN SELECT RAISE(ABORT, 'That article already has a translation in this language.'); END;

ALTER TABLE surveys ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
    CHECK (language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z][a-z]' OR language GLOB '[a-z][a-z]-[A-Z][a-z][a-z][a-z]');
ALTER TABLE directory_entries ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
    CHECK (language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z][a-z]' OR language GLOB '[a-z][a-z]-[A-Z][a-z][a-z][a-z]');
