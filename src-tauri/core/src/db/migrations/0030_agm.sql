-- Version 30: nominations at an annual general meeting, for each officer post: who, proposed
-- and seconded by whom, and who was elected. Electing someone appoints them to the post from
-- the day after the AGM. Shared with the committee.
CREATE TABLE agm_nominations (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    post_id      INTEGER NOT NULL REFERENCES officer_posts (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    proposer_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    seconder_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    elected      INTEGER NOT NULL DEFAULT 0 CHECK (elected IN (0, 1)),
    row_version  TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, post_id, person_id),
    CHECK (proposer_id IS NULL OR proposer_id <> person_id),
    CHECK (seconder_id IS NULL OR (seconder_id <> person_id AND seconder_id IS NOT proposer_id))
);
CREATE INDEX agm_nominations_by_person ON agm_nominations (person_id);
