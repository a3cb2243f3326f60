-- Version 29: officer posts (chair, vice-chair, secretary, treasurer, and any the PPG adds),
-- each with its term length, and who held each post from when to when. A post tied to a
-- role keeps People's role in step (the officers list, the emails to officers). Shared with
-- the committee.
CREATE TABLE officer_posts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 60 AND name = trim(name)),
    role         TEXT CHECK (role IS NULL OR role IN ('chair', 'vice_chair', 'secretary', 'treasurer')),
    term_years   INTEGER NOT NULL DEFAULT 3 CHECK (term_years BETWEEN 1 AND 10),
    position     INTEGER NOT NULL DEFAULT 100,
    row_version  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE officer_terms (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES officer_posts (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    from_on      TEXT NOT NULL CHECK (date(from_on) IS from_on),
    -- When the term is due to end (from the post's term length), and when it did end.
    ends_on      TEXT NOT NULL CHECK (date(ends_on) IS ends_on AND ends_on > from_on),
    ended_on     TEXT CHECK (ended_on IS NULL OR (date(ended_on) IS ended_on AND ended_on >= from_on)),
    row_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX officer_terms_by_post ON officer_terms (post_id, from_on);
CREATE INDEX officer_terms_by_person ON officer_terms (person_id);

INSERT INTO officer_posts (id, name, role, position) VALUES
    (new_id(), 'Chair', 'chair', 0), (new_id(), 'Vice-chair', 'vice_chair', 1),
    (new_id(), 'Secretary', 'secretary', 2), (new_id(), 'Treasurer', 'treasurer', 3);

-- Today's officers, as People has them, hold their posts from when they joined.
INSERT INTO officer_terms (id, post_id, person_id, from_on, ends_on)
SELECT new_id(), o.id, r.person_id, coalesce(p.joined_on, date('now')), date(coalesce(p.joined_on, date('now')), '+3 years')
  FROM person_roles r JOIN officer_posts o ON o.role = r.role JOIN people p ON p.id = r.person_id
 WHERE p.left_on IS NULL OR p.left_on > date('now');
