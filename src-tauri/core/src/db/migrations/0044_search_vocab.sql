-- Version 44: the index's own word list (FTS5's fts5vocab: nothing stored, read from the
-- index), so that a start of a word longer than the prefix indexes is searched as the whole
-- words it begins (search::query::fts_query), which FTS5 reads far faster.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, row);
