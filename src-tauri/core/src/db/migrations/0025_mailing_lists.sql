-- Version 25: mailing lists the PPG makes itself ("Practice team", "Newsletter helpers"),
-- beside the lists PPG Desk works out from People. A list holds people, never addresses: who
-- it reaches is worked out from People each time, so nobody without consent to be emailed is
-- ever reached and a change of address is never missed. Shared with the committee.
CREATE TABLE mailing_lists (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60 AND name = trim(name)),
    -- As typed after --list on the command line: the name in lower case with hyphens.
    key          TEXT NOT NULL UNIQUE CHECK (
                     length(key) BETWEEN 1 AND 240 AND key = lower(key) AND key NOT GLOB '*[ ]*'
                     AND key NOT IN ('committee', 'officers', 'members', 'virtual-ppg', 'action-owners', 'drivers')),
    row_version  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mailing_list_people (
    list_id      INTEGER NOT NULL REFERENCES mailing_lists (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    row_version  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, person_id)
) WITHOUT ROWID;
CREATE INDEX mailing_list_people_by_person ON mailing_list_people (person_id);
