-- Never lost, never doubled.

-- The firing log becomes an outbox: a claim stores the message it will send, so a firing that
-- was claimed but never handed to Telegram is sent after a crash. Status:
--   pending    claimed, or to be tried again at retry_at: no request has left the rate limiter
--              since it was last known unsent
--   sending    a request left the rate limiter: the outcome is unknown until Telegram answers;
--              after a crash it is sent once more, marked as a possible repeat
--   sent       Telegram confirmed it (message_id)
--   failed     Telegram refused it for good (chat gone, bot removed, bad request)
--   uncertain  its outcome stayed unknown after the last attempt allowed
CREATE TABLE firings_outbox (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    ref_id       INTEGER NOT NULL,
    scheduled_at INTEGER NOT NULL,
    chat_id      INTEGER NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'uncertain')),
    late         INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    text         TEXT,
    buttons      TEXT,
    repeat       INTEGER NOT NULL DEFAULT 0 CHECK (repeat IN (0, 1)),
    attempts     INTEGER NOT NULL DEFAULT 0,
    retry_at     INTEGER,
    claimed_at   INTEGER NOT NULL,
    attempted_at INTEGER,
    sent_at      INTEGER,
    message_id   INTEGER,
    error        TEXT,
    snoozed_at   INTEGER,
    UNIQUE (kind, ref_id, scheduled_at)
);
-- Claims of earlier versions still 'sending' have no stored text: they stay uncertain.
INSERT INTO firings_outbox (id, kind, ref_id, scheduled_at, chat_id, status, late, claimed_at,
                            sent_at, message_id, error, snoozed_at)
    SELECT id, kind, ref_id, scheduled_at, chat_id,
           CASE status WHEN 'sending' THEN 'uncertain' ELSE status END,
           late, claimed_at, sent_at, message_id, error, snoozed_at
    FROM firings;
DROP TABLE firings;
ALTER TABLE firings_outbox RENAME TO firings;
CREATE INDEX firings_unsent ON firings (chat_id, scheduled_at, id)
    WHERE status IN ('pending', 'sending');

-- The records an update created, written in the same transaction as each record: a command
-- replayed after a crash finds its record here instead of making a second one.
CREATE TABLE update_records (
    update_id INTEGER NOT NULL REFERENCES inbox (update_id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (update_id, kind)
) WITHOUT ROWID;

-- A scheduled item that raised while being fired: set aside with back-off, logged once.
CREATE TABLE dispatch_faults (
    source   TEXT    NOT NULL,
    ref_id   INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    error    TEXT    NOT NULL,
    retry_at INTEGER,
    at       INTEGER NOT NULL,
    PRIMARY KEY (source, ref_id)
) WITHOUT ROWID;

-- A group upgraded to a supergroup gets a new id; the old one is remembered (the allow-list
-- accepts a group migrated from an allowed id).
CREATE TABLE chat_migrations (
    old_chat_id INTEGER PRIMARY KEY,
    new_chat_id INTEGER NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX chat_migrations_new ON chat_migrations (new_chat_id);

-- What `rakor status` reports of the running bot (Unix seconds).
CREATE TABLE health (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
