-- Version 28: the annual report of each of the PPG's years (April to March; 2026 is the year
-- that starts in April 2026): the chair's foreword and the sections left out. Everything else
-- in it is worked out from the year's own records when it is printed. Shared with the committee.
CREATE TABLE annual_reports (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    foreword     TEXT NOT NULL DEFAULT '' CHECK (length(foreword) <= 20000),
    -- The keys of the sections left out, separated by spaces.
    leave_out    TEXT NOT NULL DEFAULT '' CHECK (length(leave_out) <= 200),
    updated_at   TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);
