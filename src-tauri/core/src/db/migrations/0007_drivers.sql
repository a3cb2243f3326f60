-- Version 7: the volunteer driver scheme: drivers (people with a vehicle), the record that
-- each check was done and when it expires, their usual week and planned absences;
-- passengers (only what the job needs, with the date they agreed to it); saved destinations;
-- trips (one-off or a weekly series) with the driver assigned, any override of a check and
-- why, miles and donations.

ALTER TABLE settings ADD COLUMN check_warning_days INTEGER NOT NULL DEFAULT 30 CHECK (check_warning_days BETWEEN 1 AND 120);
ALTER TABLE settings ADD COLUMN travel_buffer_minutes INTEGER NOT NULL DEFAULT 30 CHECK (travel_buffer_minutes BETWEEN 0 AND 240);

CREATE TABLE drivers (
    id                     INTEGER PRIMARY KEY,
    person_id              INTEGER NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,
    vehicle_make           TEXT NOT NULL DEFAULT '' CHECK (length(vehicle_make) <= 80),
    vehicle_colour         TEXT NOT NULL DEFAULT '' CHECK (length(vehicle_colour) <= 40),
    registration           TEXT NOT NULL DEFAULT '' CHECK (length(registration) <= 10 AND registration NOT GLOB '*[^A-Z0-9 ]*'),
    seats                  INTEGER NOT NULL DEFAULT 3 CHECK (seats BETWEEN 1 AND 8),
    wheelchair_accessible  INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair_accessible IN (0, 1)),
    notes                  TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);

-- A record that a check was done: never the certificate itself.
CREATE TABLE driver_checks (
    driver_id   INTEGER NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('dbs', 'licence', 'insurance', 'mot')),
    checked_on  TEXT CHECK (checked_on IS NULL OR date(checked_on) IS checked_on),
    reference   TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 40),
    outcome     TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 200),
    expires_on  TEXT NOT NULL CHECK (date(expires_on) IS expires_on),
    PRIMARY KEY (driver_id, kind),
    CHECK (checked_on IS NULL OR checked_on <= expires_on)
) WITHOUT ROWID;

CREATE TABLE driver_availability (
    driver_id  INTEGER NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    day        TEXT NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
    from_time  TEXT NOT NULL CHECK (length(from_time) = 5 AND time(from_time) IS from_time || ':00'),
    to_time    TEXT NOT NULL CHECK ((length(to_time) = 5 AND time(to_time) IS to_time || ':00') OR to_time = '24:00'),
    PRIMARY KEY (driver_id, day, from_time),
    CHECK (to_time > from_time)
) WITHOUT ROWID;

CREATE TABLE driver_absences (
    id         INTEGER PRIMARY KEY,
    driver_id  INTEGER NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    starts_on  TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on    TEXT NOT NULL CHECK (date(ends_on) IS ends_on),
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK (ends_on >= starts_on)
);

CREATE TABLE passengers (
    id              INTEGER PRIMARY KEY,
    full_name       TEXT NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
    phone           TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    pickup_address  TEXT NOT NULL CHECK (length(trim(pickup_address)) BETWEEN 1 AND 500),
    wheelchair      INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair IN (0, 1)),
    walking_aid     INTEGER NOT NULL DEFAULT 0 CHECK (walking_aid IN (0, 1)),
    needs_escort    INTEGER NOT NULL DEFAULT 0 CHECK (needs_escort IN (0, 1)),
    notes           TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    -- The day they agreed to their details being kept: no passenger without it.
    consent_on      TEXT NOT NULL CHECK (date(consent_on) IS consent_on),
    search_key      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE destinations (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 120),
    address   TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    postcode  TEXT NOT NULL DEFAULT '' CHECK (length(postcode) <= 10)
);

CREATE TABLE trips (
    id               INTEGER PRIMARY KEY,
    passenger_id     INTEGER NOT NULL REFERENCES passengers (id) ON DELETE CASCADE,
    pickup_address   TEXT NOT NULL CHECK (length(trim(pickup_address)) BETWEEN 1 AND 500),
    destination_id   INTEGER NOT NULL REFERENCES destinations (id),
    -- The day of the pick-up; a later time earlier than the one before is the next day.
    goes_on          TEXT NOT NULL CHECK (date(goes_on) IS goes_on),
    pickup_at        TEXT NOT NULL CHECK (length(pickup_at) = 5 AND time(pickup_at) IS pickup_at || ':00'),
    appointment_at   TEXT NOT NULL CHECK (length(appointment_at) = 5 AND time(appointment_at) IS appointment_at || ':00'),
    back_at          TEXT CHECK (back_at IS NULL OR (length(back_at) = 5 AND time(back_at) IS back_at || ':00')),
    returns          INTEGER NOT NULL DEFAULT 1 CHECK (returns IN (0, 1)),
    escort           INTEGER NOT NULL DEFAULT 0 CHECK (escort IN (0, 1)),
    notes            TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    status           TEXT NOT NULL DEFAULT 'requested'
                     CHECK (status IN ('requested', 'assigned', 'confirmed', 'done', 'cancelled', 'not_covered')),
    driver_id        INTEGER REFERENCES drivers (id) ON DELETE SET NULL,
    -- Why the coordinator assigned a driver despite a problem (a lapsed check, say).
    override_reason  TEXT NOT NULL DEFAULT '' CHECK (length(override_reason) <= 500),
    series_id        INTEGER,
    miles_tenths     INTEGER CHECK (miles_tenths IS NULL OR miles_tenths BETWEEN 0 AND 20000),
    donation_pence   INTEGER CHECK (donation_pence IS NULL OR donation_pence BETWEEN 0 AND 1000000),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (status NOT IN ('assigned', 'confirmed') OR driver_id IS NOT NULL),
    CHECK (status = 'done' OR miles_tenths IS NULL)
);

CREATE INDEX trips_by_day ON trips (goes_on);
CREATE INDEX trips_by_driver ON trips (driver_id, goes_on);

-- A driver who leaves PPG Desk hands their coming trips back to be assigned again.
CREATE TRIGGER driver_gone_trips_return_to_requested
BEFORE DELETE ON drivers
BEGIN
    UPDATE trips SET status = 'requested', driver_id = NULL WHERE driver_id = OLD.id AND status IN ('assigned', 'confirmed');
END;
