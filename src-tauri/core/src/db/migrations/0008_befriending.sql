-- Version 8: the befriending scheme: referrals (only what the job needs
-- about the person, who referred them and why, the consent they gave, and where they are in
-- the pipeline), the log of contacts with people while they wait, befrienders and matches,
-- visit and call logs, safeguarding concerns, and outcome scores.

ALTER TABLE settings ADD COLUMN waiting_contact_days INTEGER NOT NULL DEFAULT 14 CHECK (waiting_contact_days BETWEEN 1 AND 90);

CREATE TABLE referrals (
    id                 INTEGER PRIMARY KEY,
    full_name          TEXT NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
    phone              TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    address            TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    born_on            TEXT CHECK (born_on IS NULL OR date(born_on) IS born_on),
    age_band           TEXT NOT NULL DEFAULT '' CHECK (age_band IN ('', 'under_50', '50_64', '65_74', '75_84', '85_plus')),
    language           TEXT NOT NULL DEFAULT '' CHECK (length(language) <= 60),
    interests          TEXT NOT NULL DEFAULT '' CHECK (length(interests) <= 500),
    area               TEXT NOT NULL DEFAULT '' CHECK (length(area) <= 100),
    wants_contact      TEXT NOT NULL DEFAULT '' CHECK (wants_contact IN ('', 'visit', 'phone')),
    befriender_gender  TEXT NOT NULL DEFAULT '' CHECK (befriender_gender IN ('', 'female', 'male')),
    days               TEXT NOT NULL DEFAULT '' CHECK (days NOT GLOB '*[^a-z ]*'),
    times              TEXT NOT NULL DEFAULT '' CHECK (length(times) <= 200),
    source             TEXT NOT NULL CHECK (source IN ('splw', 'gp', 'self', 'family', 'other')),
    referrer_contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    referrer_name      TEXT NOT NULL DEFAULT '' CHECK (length(referrer_name) <= 200),
    reason             TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    reason_categories  TEXT NOT NULL DEFAULT '' CHECK (reason_categories NOT GLOB '*[^a-z_ ]*'),
    received_on        TEXT NOT NULL CHECK (date(received_on) IS received_on),
    -- Explicit consent: when, who took it, how. Nothing past "received" without it.
    consent_on         TEXT CHECK (consent_on IS NULL OR date(consent_on) IS consent_on),
    consent_taken_by   TEXT NOT NULL DEFAULT '' CHECK (length(consent_taken_by) <= 200),
    consent_how        TEXT NOT NULL DEFAULT '' CHECK (consent_how IN ('', 'in_person', 'phone', 'written')),
    stage              TEXT NOT NULL DEFAULT 'received'
                       CHECK (stage IN ('received', 'consent_confirmed', 'contacted', 'assessed', 'waiting', 'matched', 'active', 'ending', 'closed')),
    stage_since        TEXT NOT NULL CHECK (date(stage_since) IS stage_since),
    close_reason       TEXT NOT NULL DEFAULT '' CHECK (close_reason IN ('', 'ended_well', 'moved_away', 'declined', 'went_into_care', 'died', 'other')),
    closed_on          TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    search_key         TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK ((consent_on IS NULL) = (consent_how = '') AND (consent_on IS NULL) = (consent_taken_by = '')),
    CHECK (stage IN ('received', 'closed') OR consent_on IS NOT NULL),
    CHECK ((stage = 'closed') = (close_reason <> '') AND (stage = 'closed') = (closed_on IS NOT NULL)),
    CHECK (source <> 'splw' OR referrer_contact_id IS NOT NULL OR referrer_name <> '')
);

CREATE INDEX referrals_by_stage ON referrals (stage, received_on);

-- Calls and letters to people while they wait (so nobody waiting is forgotten).
CREATE TABLE referral_contacts (
    id            INTEGER PRIMARY KEY,
    referral_id   INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    contacted_on  TEXT NOT NULL CHECK (date(contacted_on) IS contacted_on),
    how           TEXT NOT NULL CHECK (how IN ('phone', 'visit', 'letter', 'email')),
    notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    created_at    TEXT NOT NULL
);

CREATE INDEX referral_contacts_by_referral ON referral_contacts (referral_id, contacted_on);

-- Befrienders: people in People, with the fact of their DBS check (never the certificate),
-- training, what they offer for matching, and how many people they can befriend.
CREATE TABLE befrienders (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,
    dbs_checked_on   TEXT CHECK (dbs_checked_on IS NULL OR date(dbs_checked_on) IS dbs_checked_on),
    dbs_reference    TEXT NOT NULL DEFAULT '' CHECK (length(dbs_reference) <= 40),
    dbs_renew_on     TEXT CHECK (dbs_renew_on IS NULL OR date(dbs_renew_on) IS dbs_renew_on),
    trained_on       TEXT CHECK (trained_on IS NULL OR date(trained_on) IS trained_on),
    interests        TEXT NOT NULL DEFAULT '' CHECK (length(interests) <= 500),
    languages        TEXT NOT NULL DEFAULT '' CHECK (length(languages) <= 200),
    area             TEXT NOT NULL DEFAULT '' CHECK (length(area) <= 100),
    days             TEXT NOT NULL DEFAULT '' CHECK (days NOT GLOB '*[^a-z ]*'),
    contact          TEXT NOT NULL DEFAULT '' CHECK (contact IN ('', 'visit', 'phone')),
    gender           TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male')),
    capacity         INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 6),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (dbs_renew_on IS NULL OR dbs_checked_on IS NULL OR dbs_renew_on >= dbs_checked_on)
);

-- A befriender matched to a referred person: when, their first meeting, and the ending.
CREATE TABLE matches (
    id             INTEGER PRIMARY KEY,
    referral_id    INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    befriender_id  INTEGER REFERENCES befrienders (id) ON DELETE SET NULL,
    matched_on     TEXT NOT NULL CHECK (date(matched_on) IS matched_on),
    first_met_on   TEXT CHECK (first_met_on IS NULL OR (date(first_met_on) IS first_met_on AND first_met_on >= matched_on)),
    ended_on       TEXT CHECK (ended_on IS NULL OR (date(ended_on) IS ended_on AND ended_on >= matched_on)),
    created_at     TEXT NOT NULL
);

-- One current match per person at a time.
CREATE UNIQUE INDEX matches_one_current_per_referral ON matches (referral_id) WHERE ended_on IS NULL;

-- Each visit or call of a match.
CREATE TABLE match_logs (
    id           INTEGER PRIMARY KEY,
    match_id     INTEGER NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    happened_on  TEXT NOT NULL CHECK (date(happened_on) IS happened_on),
    kind         TEXT NOT NULL CHECK (kind IN ('visit', 'call')),
    minutes      INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 600),
    notes        TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    created_at   TEXT NOT NULL
);

-- Safeguarding concerns, on a referral or a log entry; open until it says who it was passed
-- to and when.
CREATE TABLE concerns (
    id           INTEGER PRIMARY KEY,
    referral_id  INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    log_id       INTEGER REFERENCES match_logs (id) ON DELETE CASCADE,
    raised_on    TEXT NOT NULL CHECK (date(raised_on) IS raised_on),
    details      TEXT NOT NULL CHECK (length(trim(details)) BETWEEN 1 AND 2000),
    passed_to    TEXT NOT NULL DEFAULT '' CHECK (length(passed_to) <= 200),
    passed_on    TEXT CHECK (passed_on IS NULL OR (date(passed_on) IS passed_on AND passed_on >= raised_on)),
    created_at   TEXT NOT NULL,
    CHECK ((passed_on IS NULL) = (passed_to = ''))
);

-- Outcome measures at the start, each review and the end: ONS4 personal wellbeing (0-10)
-- and the UCLA 3-item loneliness scale (1-3) with the ONS direct loneliness question (1-5).
CREATE TABLE outcome_scores (
    id                  INTEGER PRIMARY KEY,
    referral_id         INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    taken_on            TEXT NOT NULL CHECK (date(taken_on) IS taken_on),
    occasion            TEXT NOT NULL CHECK (occasion IN ('start', 'review', 'end')),
    satisfied           INTEGER NOT NULL CHECK (satisfied BETWEEN 0 AND 10),
    worthwhile          INTEGER NOT NULL CHECK (worthwhile BETWEEN 0 AND 10),
    happy               INTEGER NOT NULL CHECK (happy BETWEEN 0 AND 10),
    anxious             INTEGER NOT NULL CHECK (anxious BETWEEN 0 AND 10),
    lack_companionship  INTEGER NOT NULL CHECK (lack_companionship BETWEEN 1 AND 3),
    left_out            INTEGER NOT NULL CHECK (left_out BETWEEN 1 AND 3),
    isolated            INTEGER NOT NULL CHECK (isolated BETWEEN 1 AND 3),
    direct_loneliness   INTEGER NOT NULL CHECK (direct_loneliness BETWEEN 1 AND 5),
    created_at          TEXT NOT NULL
);

CREATE INDEX outcome_scores_by_referral ON outcome_scores (referral_id, taken_on);

ALTER TABLE settings ADD COLUMN befriending_retention_months INTEGER NOT NULL DEFAULT 24 CHECK (befriending_retention_months BETWEEN 6 AND 120);

-- What is kept of an erased referral for reports: no name, no contact details, nothing that
-- identifies the person; only months, the source, how it ended and how long the wait was.
CREATE TABLE befriending_history (
    id              INTEGER PRIMARY KEY,
    received_month  TEXT NOT NULL CHECK (length(received_month) = 7),
    source          TEXT NOT NULL CHECK (source IN ('splw', 'gp', 'self', 'family', 'other')),
    closed_month    TEXT CHECK (closed_month IS NULL OR length(closed_month) = 7),
    close_reason    TEXT NOT NULL DEFAULT '' CHECK (close_reason IN ('', 'ended_well', 'moved_away', 'declined', 'went_into_care', 'died', 'other')),
    was_matched     INTEGER NOT NULL CHECK (was_matched IN (0, 1)),
    days_to_match   INTEGER CHECK (days_to_match IS NULL OR days_to_match >= 0)
);
