-- Version 12: a PPG Desk file says whether it holds the fictional sample PPG, so every
-- screen can say so and "Leave the sample" knows what it may delete. A sample loaded
-- before this version is recognised by its own name and PCN.

ALTER TABLE settings ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1));
UPDATE settings SET is_sample = 1
 WHERE group_name = 'Riverside Surgery Patient Participation Group' AND pcn = 'Riverside and Villages PCN';
