-- Searches kept for paging: a query does not fit in 64 bytes of callback data, so the
-- `Berikutnya`/`Sebelumnya` buttons carry `srch:<id>:<offset>` and the query stays here.
-- Rows older than a day are stale (a press on them is refused) and deleted when a new search
-- is stored.
CREATE TABLE search_queries (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    query      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX search_queries_created ON search_queries (created_at);
