-- Version 11: the day a driver stopped driving, so former drivers' records (vehicle, checks,
-- usual week, absences) are listed for removal after a set period (a setting, default 24
-- months). Drivers already stopped count from their record's last change.

ALTER TABLE settings ADD COLUMN driver_retention_months INTEGER NOT NULL DEFAULT 24 CHECK (driver_retention_months BETWEEN 6 AND 120);
ALTER TABLE drivers ADD COLUMN stopped_on TEXT CHECK (stopped_on IS NULL OR (date(stopped_on) IS stopped_on AND active = 0));
UPDATE drivers SET stopped_on = substr(updated_at, 1, 10) WHERE active = 0;
