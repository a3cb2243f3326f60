-- Version 2: print settings: the default print profile and the PPG's logo (PNG, scaled
-- down by the app to at most 800 pixels on its longest side before it is stored).

ALTER TABLE settings ADD COLUMN default_profile TEXT NOT NULL DEFAULT 'standard'
    CHECK (default_profile IN ('standard', 'large_print'));

ALTER TABLE settings ADD COLUMN logo BLOB
    CHECK (logo IS NULL OR (length(logo) BETWEEN 8 AND 2097152 AND substr(logo, 1, 4) = X'89504E47'));
