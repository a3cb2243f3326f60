-- Version 10: the business miles a driver has driven for other organisations in a tax year,
-- as they told the scheme. HMRC's 10,000-mile line for the 45p rate counts every
-- organisation's miles together, so the claim counts these first.

CREATE TABLE driver_other_miles (
    driver_id       INTEGER NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    tax_year_start  TEXT NOT NULL CHECK (date(tax_year_start) IS tax_year_start AND substr(tax_year_start, 6) = '04-06'),
    tenths          INTEGER NOT NULL CHECK (tenths BETWEEN 0 AND 1000000),
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (driver_id, tax_year_start)
) WITHOUT ROWID;
