-- Version 32: the practice's Friends and Family Test results, month by month, as NHS England
-- publishes them (how many patients answered each way). Shared with the committee.
CREATE TABLE fft_months (
    month        TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
    very_good    INTEGER NOT NULL CHECK (very_good >= 0),
    good         INTEGER NOT NULL CHECK (good >= 0),
    neither      INTEGER NOT NULL CHECK (neither >= 0),
    poor         INTEGER NOT NULL CHECK (poor >= 0),
    very_poor    INTEGER NOT NULL CHECK (very_poor >= 0),
    dont_know    INTEGER NOT NULL CHECK (dont_know >= 0),
    imported_at  TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
