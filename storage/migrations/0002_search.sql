-- Search: one full-text index over announcements, decisions, agenda items, tasks and task notes.
-- Features call storage.search.index_record/unindex_record in the same transaction as their own
-- write; `rakor reindex` rebuilds both tables from the features' tables.

-- One row per indexed record; `body` is the original text, kept for snippets.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL,
    kind       TEXT    NOT NULL
               CHECK (kind IN ('announcement', 'decision', 'agenda_item', 'task', 'task_note')),
    record_id  INTEGER NOT NULL,
    number     INTEGER NOT NULL,
    unit_code  TEXT,
    created_at INTEGER NOT NULL,
    body       TEXT    NOT NULL
);
CREATE UNIQUE INDEX search_docs_record ON search_docs (kind, record_id);

-- rowid = search_docs.id. `exact`: the normalised words; `stems`: their Sastrawi stems;
-- `grp`: one token naming the group, so the group filter runs inside the index.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    exact,
    stems,
    grp,
    tokenize = 'unicode61 remove_diacritics 2'
);
