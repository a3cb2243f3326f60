-- Version 21: the befriending scheme in anonymous numbers (by month, no name, no id: see
-- befriending/summary.rs), shared by the coordinator's laptop with the whole committee, so
-- a laptop that does not hold the scheme still prints the befriending report.
CREATE TABLE scheme_numbers (
    area         TEXT PRIMARY KEY CHECK (area IN ('befriending')),
    numbers      TEXT NOT NULL CHECK (json_valid(numbers)),
    made_at      TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
