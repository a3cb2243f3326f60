-- Version 31: the PPG's terms of reference (or constitution), each version kept with the day
-- it was agreed and the day it is due for review; the newest is the one in force. Shared
-- with the committee.
CREATE TABLE terms_of_reference (
    id           INTEGER PRIMARY KEY,
    agreed_on    TEXT NOT NULL CHECK (date(agreed_on) IS agreed_on),
    review_on    TEXT NOT NULL CHECK (date(review_on) IS review_on AND review_on > agreed_on),
    text         TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 50000),
    created_at   TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX terms_of_reference_by_date ON terms_of_reference (agreed_on);
