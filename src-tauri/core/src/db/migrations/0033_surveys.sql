-- Version 33: the PPG's own short surveys, printed for the waiting room and typed back in
-- from the paper forms. A question is tick one box, tick any boxes, a 1 to 5 scale or words;
-- each paper form typed in is a response with one answer per question answered. Words
-- written on a form can become an item of feedback (the answer keeps the link).
CREATE TABLE surveys (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120 AND title = trim(title)),
    intro        TEXT NOT NULL DEFAULT '' CHECK (length(intro) <= 1000),
    -- The day the forms were first handed out.
    held_on      TEXT NOT NULL CHECK (date(held_on) IS held_on),
    created_at   TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE survey_questions (
    id           INTEGER PRIMARY KEY,
    survey_id    INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position BETWEEN 1 AND 30),
    kind         TEXT NOT NULL CHECK (kind IN ('tick_one', 'tick_any', 'scale', 'words')),
    wording      TEXT NOT NULL CHECK (length(trim(wording)) BETWEEN 1 AND 300),
    -- Tick boxes: the choices, one per line (2 to 9). Scale: the words for 1 and for 5, one
    -- per line. Words: empty.
    choices      TEXT NOT NULL DEFAULT '' CHECK (length(choices) <= 2000),
    row_version  TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'words') = (choices = ''))
);
CREATE INDEX survey_questions_by_survey ON survey_questions (survey_id, position);

CREATE TABLE survey_responses (
    id           INTEGER PRIMARY KEY,
    survey_id    INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    -- The number written on the paper form when it was typed in (1, 2, 3 ...).
    form_number  INTEGER NOT NULL CHECK (form_number BETWEEN 1 AND 100000),
    entered_at   TEXT NOT NULL,
    row_version  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id, form_number);

CREATE TABLE survey_answers (
    response_id  INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    -- Tick boxes: the numbers of the boxes ticked, in order ("1 3"); scale: "1" to "5";
    -- words: as written.
    answer       TEXT NOT NULL CHECK (length(trim(answer)) BETWEEN 1 AND 2000),
    -- The feedback item these words became, if they did.
    feedback_id  INTEGER REFERENCES feedback (id) ON DELETE SET NULL,
    row_version  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;
CREATE INDEX survey_answers_by_question ON survey_answers (question_id);
CREATE INDEX survey_answers_by_feedback ON survey_answers (feedback_id);
