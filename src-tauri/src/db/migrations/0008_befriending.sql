-- Version 8: the befriending scheme's first tables: referrals (only what the job needs
-- about the person, who referred them and why, the consent they gave, and where they are in
-- the pipeline) and the log of contacts with people while they wait. Befrienders, matches,
-- visit logs and outcome scores come in later versions.

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
