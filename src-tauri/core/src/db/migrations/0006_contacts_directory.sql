-- Version 6: professional contacts (the social prescribing link worker and the people around
-- them) with a log of dealings with each and their visits to meetings as guests, and the
-- community directory of local groups,
-- clubs, charities and services, with categories and when each entry was last checked.

ALTER TABLE settings ADD COLUMN splw_meet_months INTEGER NOT NULL DEFAULT 6 CHECK (splw_meet_months BETWEEN 1 AND 36);
ALTER TABLE settings ADD COLUMN directory_check_months INTEGER NOT NULL DEFAULT 12 CHECK (directory_check_months BETWEEN 1 AND 60);

CREATE TABLE contacts (
    id                 INTEGER PRIMARY KEY,
    full_name          TEXT NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
    role               TEXT NOT NULL CHECK (role IN ('splw', 'wellbeing_coordinator', 'health_coach', 'care_coordinator', 'practice_manager',
                                                     'gp_lead', 'council', 'charity', 'other')),
    organisation       TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
    pcn                TEXT NOT NULL DEFAULT '' CHECK (length(pcn) <= 120),
    practices          TEXT NOT NULL DEFAULT '' CHECK (length(practices) <= 500),
    -- Day keys ("mon tue thu"), in week order.
    working_days       TEXT NOT NULL DEFAULT '' CHECK (working_days NOT GLOB '*[^a-z ]*'),
    phone              TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    email              TEXT NOT NULL DEFAULT '' CHECK (email = '' OR (email LIKE '%_@_%._%' AND email NOT LIKE '% %')),
    preferred_contact  TEXT NOT NULL DEFAULT '' CHECK (preferred_contact IN ('', 'phone', 'email', 'either')),
    notes              TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    search_key         TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (preferred_contact <> 'phone' OR phone <> ''),
    CHECK (preferred_contact <> 'email' OR email <> '')
);

CREATE TABLE contact_interactions (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    happened_on  TEXT NOT NULL CHECK (date(happened_on) IS happened_on),
    kind         TEXT NOT NULL CHECK (kind IN ('attended_meeting', 'presentation', 'phone', 'email', 'joint_project', 'referral', 'other')),
    notes        TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    action_id    INTEGER REFERENCES actions (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL
);

CREATE INDEX contact_interactions_by_contact ON contact_interactions (contact_id, happened_on);

CREATE TABLE directory_categories (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 80),
    position  INTEGER NOT NULL
);

INSERT INTO directory_categories (name, position) VALUES
    ('Loneliness and isolation', 0), ('Befriending', 1), ('Mental wellbeing', 2), ('Physical activity', 3),
    ('Carers', 4), ('Older people', 5), ('Young people', 6), ('Money and benefits', 7), ('Food', 8),
    ('Transport', 9), ('Disability', 10), ('Language and cultural groups', 11), ('Health conditions', 12);

CREATE TABLE directory_entries (
    id                   INTEGER PRIMARY KEY,
    -- The entry's id in Open Referral UK files (kept from an import, or made here).
    oruk_id              TEXT NOT NULL UNIQUE CHECK (length(oruk_id) BETWEEN 1 AND 100),
    name                 TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    offers               TEXT NOT NULL DEFAULT '' CHECK (length(offers) <= 5000),
    who_for              TEXT NOT NULL DEFAULT '' CHECK (length(who_for) <= 1000),
    address              TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    postcode             TEXT NOT NULL DEFAULT '' CHECK (length(postcode) <= 10),
    area                 TEXT NOT NULL DEFAULT '' CHECK (length(area) <= 100),
    days                 TEXT NOT NULL DEFAULT '' CHECK (days NOT GLOB '*[^a-z ]*'),
    opens_at             TEXT CHECK (opens_at IS NULL OR (length(opens_at) = 5 AND time(opens_at) IS opens_at || ':00')),
    closes_at            TEXT CHECK (closes_at IS NULL OR (length(closes_at) = 5 AND time(closes_at) IS closes_at || ':00')),
    when_notes           TEXT NOT NULL DEFAULT '' CHECK (length(when_notes) <= 1000),
    cost                 TEXT NOT NULL DEFAULT '' CHECK (length(cost) <= 200),
    contact_name         TEXT NOT NULL DEFAULT '' CHECK (length(contact_name) <= 200),
    phone                TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    email                TEXT NOT NULL DEFAULT '' CHECK (email = '' OR (email LIKE '%_@_%._%' AND email NOT LIKE '% %')),
    website              TEXT NOT NULL DEFAULT '' CHECK (length(website) <= 500),
    step_free            INTEGER NOT NULL DEFAULT 0 CHECK (step_free IN (0, 1)),
    hearing_loop         INTEGER NOT NULL DEFAULT 0 CHECK (hearing_loop IN (0, 1)),
    accessibility_notes  TEXT NOT NULL DEFAULT '' CHECK (length(accessibility_notes) <= 1000),
    refer_self           INTEGER NOT NULL DEFAULT 0 CHECK (refer_self IN (0, 1)),
    refer_splw           INTEGER NOT NULL DEFAULT 0 CHECK (refer_splw IN (0, 1)),
    refer_gp             INTEGER NOT NULL DEFAULT 0 CHECK (refer_gp IN (0, 1)),
    last_checked_on      TEXT CHECK (last_checked_on IS NULL OR date(last_checked_on) IS last_checked_on),
    checked_by           TEXT NOT NULL DEFAULT '' CHECK (length(checked_by) <= 120),
    -- The Open Referral UK record this entry was imported from, so a round trip keeps
    -- every field of the standard, including those PPG Desk does not show.
    oruk_json            TEXT NOT NULL DEFAULT '' CHECK (oruk_json = '' OR json_valid(oruk_json)),
    search_key           TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

CREATE INDEX directory_entries_by_checked ON directory_entries (last_checked_on);

CREATE TABLE directory_entry_categories (
    entry_id     INTEGER NOT NULL REFERENCES directory_entries (id) ON DELETE CASCADE,
    category_id  INTEGER NOT NULL REFERENCES directory_categories (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, category_id)
) WITHOUT ROWID;

-- Professional contacts who came to a meeting as guests (the link worker, say). Coming to a
-- meeting that took place counts as the PPG meeting them ("last met").
CREATE TABLE meeting_guests (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, contact_id)
) WITHOUT ROWID;

CREATE INDEX meeting_guests_by_contact ON meeting_guests (contact_id);

CREATE TRIGGER approved_minutes_keep_their_guests
BEFORE INSERT ON meeting_guests
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;
