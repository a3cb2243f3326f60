-- Version 14: a protected PPG locks itself after this many minutes without use (0 = never),
-- so a laptop left open at the surgery does not show the records to the next person.

ALTER TABLE settings ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 15
    CHECK (idle_lock_minutes BETWEEN 0 AND 240);
