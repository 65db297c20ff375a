-- Search, laid out for large indexes (see storage/search.py):
-- * every indexed word starts with its group's tag (`7_rapat`, `_` joins them into one
--   token), so a search reads only its own groups' postings of a word;
-- * the rebuild numbers the records oldest first, so FTS5's rowid order is the order of
--   creation (new records are indexed as they are written, so their ids follow).
-- The words are stemmed in Python, so this migration only empties the index and asks for a
-- rebuild; the bot rebuilds it at start-up (storage.search.rebuild_if_requested).

-- A row here makes the bot rebuild the index at its next start (a rebuild empties it). Asked
-- for only when there is an index to carry over: a new database has nothing to rebuild.
CREATE TABLE search_rebuild (
    reason TEXT NOT NULL
);
INSERT INTO search_rebuild (reason)
    SELECT 'every word now carries its group''s tag' WHERE EXISTS (SELECT 1 FROM search_docs);

DROP TABLE search_fts;
DELETE FROM search_docs;

-- A small number per group for the word prefixes (chat ids are 14 digits long).
CREATE TABLE search_groups (
    tag      INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL UNIQUE
);

-- rowid = search_docs.id. `exact`: the normalised words; `stems`: their Sastrawi stems.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    exact,
    stems,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
);
