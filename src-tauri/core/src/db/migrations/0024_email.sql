-- Version 24: sending documents by email through the volunteer's own mail program.
-- People gain two facts: a member of the "virtual PPG" takes part by email only; someone who
-- needs large print gets the large-print PDF when a document is emailed to them.
ALTER TABLE people ADD COLUMN email_only INTEGER NOT NULL DEFAULT 0 CHECK (email_only IN (0, 1));
ALTER TABLE people ADD COLUMN large_print INTEGER NOT NULL DEFAULT 0 CHECK (large_print IN (0, 1));

-- Taking part by email only needs an email address they agreed to be contacted at.
CREATE TRIGGER people_email_only_insert BEFORE INSERT ON people
WHEN NEW.email_only = 1 AND NEW.contact_by_email = 0
BEGIN SELECT RAISE(ABORT, 'A member of the virtual PPG takes part by email: please record their email address and their agreement to be emailed.'); END;
CREATE TRIGGER people_email_only_update BEFORE UPDATE OF email_only, contact_by_email ON people
WHEN NEW.email_only = 1 AND NEW.contact_by_email = 0
BEGIN SELECT RAISE(ABORT, 'A member of the virtual PPG takes part by email: please record their email address and their agreement to be emailed.'); END;

-- The subject and covering message of each kind of document, as this laptop's secretary
-- wrote them (Settings); a kind not listed uses PPG Desk's own words.
CREATE TABLE email_templates (
    document  TEXT PRIMARY KEY CHECK (document IN ('agenda', 'minutes', 'bulletin', 'reminders', 'rota', 'trip_sheet', 'directory', 'members')),
    subject   TEXT NOT NULL CHECK (length(trim(subject)) BETWEEN 1 AND 200),
    message   TEXT NOT NULL CHECK (length(message) <= 5000)
);

-- What was handed to the mail program: when, which document and version, to which list and
-- how many people (never their addresses). Shared with the committee, so anyone can answer
-- "did the agenda go out?".
CREATE TABLE email_log (
    id           INTEGER PRIMARY KEY,
    document     TEXT NOT NULL CHECK (document IN ('agenda', 'minutes', 'bulletin', 'reminders', 'rota', 'trip_sheet', 'directory', 'members')),
    meeting_id   INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    bulletin_id  INTEGER REFERENCES bulletins (id) ON DELETE CASCADE,
    list_name    TEXT NOT NULL CHECK (length(trim(list_name)) BETWEEN 1 AND 120),
    recipients   INTEGER NOT NULL CHECK (recipients BETWEEN 1 AND 100000),
    version      TEXT NOT NULL DEFAULT '' CHECK (length(version) <= 200),
    way          TEXT NOT NULL CHECK (way IN ('mail_program', 'draft_file', 'webmail')),
    sent_at      TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX email_log_by_meeting ON email_log (meeting_id, sent_at);
CREATE INDEX email_log_by_bulletin ON email_log (bulletin_id, sent_at);
