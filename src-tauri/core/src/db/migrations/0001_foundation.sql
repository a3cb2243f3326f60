-- Version 1: the PPG's own settings, its practices, and its people.
-- Every rule the app checks is repeated here, so that invalid data never reaches the file.

CREATE TABLE settings (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    group_name             TEXT NOT NULL CHECK (length(trim(group_name)) BETWEEN 1 AND 120),
    pcn                    TEXT NOT NULL DEFAULT '' CHECK (length(pcn) <= 120),
    usual_venue            TEXT NOT NULL DEFAULT '' CHECK (length(usual_venue) <= 300),
    meeting_every          INTEGER NOT NULL DEFAULT 1 CHECK (meeting_every BETWEEN 1 AND 52),
    meeting_every_unit     TEXT NOT NULL DEFAULT 'months' CHECK (meeting_every_unit IN ('weeks', 'months')),
    text_size              TEXT NOT NULL DEFAULT 'normal' CHECK (text_size IN ('normal', 'large', 'larger')),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);

CREATE TABLE practices (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 120),
    position  INTEGER NOT NULL
);

CREATE TABLE people (
    id                  INTEGER PRIMARY KEY,
    full_name           TEXT NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
    preferred_name      TEXT NOT NULL DEFAULT '' CHECK (length(preferred_name) <= 100),
    email               TEXT NOT NULL DEFAULT '' CHECK (email = '' OR (email LIKE '%_@_%._%' AND email NOT LIKE '% %')),
    phone               TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    address             TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    joined_on           TEXT CHECK (joined_on IS NULL OR date(joined_on) IS joined_on),
    left_on             TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),
    contact_by_email    INTEGER NOT NULL DEFAULT 0 CHECK (contact_by_email IN (0, 1)),
    contact_by_post     INTEGER NOT NULL DEFAULT 0 CHECK (contact_by_post IN (0, 1)),
    contact_by_phone    INTEGER NOT NULL DEFAULT 0 CHECK (contact_by_phone IN (0, 1)),
    contact_consent_on  TEXT CHECK (contact_consent_on IS NULL OR date(contact_consent_on) IS contact_consent_on),
    notes               TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    search_key          TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on),
    CHECK (contact_by_email + contact_by_post + contact_by_phone = 0 OR contact_consent_on IS NOT NULL),
    CHECK (contact_by_email = 0 OR email <> ''),
    CHECK (contact_by_phone = 0 OR phone <> ''),
    CHECK (contact_by_post = 0 OR address <> '')
);

CREATE INDEX people_by_search_key ON people (search_key);

CREATE TABLE person_roles (
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'secretary', 'treasurer', 'committee', 'member', 'practice_staff', 'guest')),
    PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
