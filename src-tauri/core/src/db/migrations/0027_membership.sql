-- Version 27: whom the PPG speaks for. Members may give, with their own consent and "Prefer
-- not to say" everywhere, their age band, sex, ethnic group (the 2021 census's five groups),
-- whether they are a carer and whether they have a long-term condition or disability. This is
-- special category data: it stays on this laptop (it is not shared with the committee's
-- other laptops), is shown only in the anonymous comparison and in the person's own record,
-- and goes when they are erased. NULL is "not asked".
CREATE TABLE member_profiles (
    person_id   INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    consent_on  TEXT NOT NULL CHECK (date(consent_on) IS consent_on),
    age_band    TEXT CHECK (age_band IN ('0-17', '18-39', '40-64', '65-79', '80+', 'prefer_not')),
    sex         TEXT CHECK (sex IN ('female', 'male', 'prefer_not')),
    ethnic      TEXT CHECK (ethnic IN ('asian', 'black', 'mixed', 'white', 'other', 'prefer_not')),
    carer       TEXT CHECK (carer IN ('yes', 'no', 'prefer_not')),
    condition   TEXT CHECK (condition IN ('yes', 'no', 'prefer_not'))
);

-- The practice's registered patients, group by group (typed in, or the age and sex groups
-- from NHS Digital's "Patients Registered at a GP Practice" file). Shared with the committee.
CREATE TABLE practice_profile (
    dimension    TEXT NOT NULL CHECK (dimension IN ('age', 'sex', 'ethnic', 'carer', 'condition')),
    grp          TEXT NOT NULL,
    patients     INTEGER NOT NULL CHECK (patients BETWEEN 0 AND 10000000),
    as_at        TEXT NOT NULL CHECK (date(as_at) IS as_at),
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    row_version  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dimension, grp),
    CHECK ((dimension = 'age' AND grp IN ('0-17', '18-39', '40-64', '65-79', '80+'))
        OR (dimension = 'sex' AND grp IN ('female', 'male'))
        OR (dimension = 'ethnic' AND grp IN ('asian', 'black', 'mixed', 'white', 'other'))
        OR (dimension IN ('carer', 'condition') AND grp IN ('yes', 'no')))
) WITHOUT ROWID;

-- What the PPG did to reach groups it under-represents, and what came of it.
CREATE TABLE recruitment (
    id           INTEGER PRIMARY KEY,
    done_on      TEXT NOT NULL CHECK (date(done_on) IS done_on),
    what         TEXT NOT NULL CHECK (length(trim(what)) BETWEEN 1 AND 500),
    aimed_at     TEXT NOT NULL DEFAULT '' CHECK (length(aimed_at) <= 200),
    result       TEXT NOT NULL DEFAULT '' CHECK (length(result) <= 1000),
    joined       INTEGER NOT NULL DEFAULT 0 CHECK (joined BETWEEN 0 AND 10000),
    created_at   TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recruitment_by_date ON recruitment (done_on);
