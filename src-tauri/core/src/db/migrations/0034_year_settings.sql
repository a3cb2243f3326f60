-- Version 34: the PPG's own year and its AGM notice as settings: the month the PPG's year
-- starts (April by default, so 2026 is April 2026 to March 2027) and how many days' notice
-- members are given of the AGM (28 by default; the PPG's constitution says).
ALTER TABLE settings ADD COLUMN year_starts_month INTEGER NOT NULL DEFAULT 4 CHECK (year_starts_month BETWEEN 1 AND 12);
ALTER TABLE settings ADD COLUMN agm_notice_days INTEGER NOT NULL DEFAULT 28 CHECK (agm_notice_days BETWEEN 7 AND 90);
