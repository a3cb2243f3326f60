-- Version 43: the index of migrations 40-42 merged into one segment a table: searches read one
-- list a word, and later small writes merge into it.
INSERT INTO search (search) VALUES ('optimize');
INSERT INTO search_titles (search_titles) VALUES ('optimize');
