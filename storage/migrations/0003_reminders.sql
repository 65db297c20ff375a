-- Reminders and the firing log shared by everything Rakor sends on a schedule.

-- The source of truth for reminders; the job queue only holds the next due time.
CREATE TABLE reminders (
    id           INTEGER PRIMARY KEY,
    chat_id      INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    creator_id   INTEGER NOT NULL,
    creator_name TEXT    NOT NULL,
    for_group    INTEGER NOT NULL CHECK (for_group IN (0, 1)),
    text         TEXT    NOT NULL,
    phrase       TEXT    NOT NULL,
    rule         TEXT,
    zone         TEXT    NOT NULL,
    zone_named   INTEGER NOT NULL CHECK (zone_named IN (0, 1)),
    next_at      INTEGER,
    status       TEXT    NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'done', 'cancelled', 'failed')),
    created_at   INTEGER NOT NULL,
    UNIQUE (chat_id, number)
);
CREATE INDEX reminders_due ON reminders (next_at) WHERE status = 'pending';

-- One row per scheduled sending, claimed before it is sent: (kind, ref_id, scheduled_at) is
-- unique, so a firing is never sent twice, even across a crash between claim and send.
CREATE TABLE firings (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    ref_id       INTEGER NOT NULL,
    scheduled_at INTEGER NOT NULL,
    chat_id      INTEGER NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'sending'
                 CHECK (status IN ('sending', 'sent', 'failed', 'uncertain')),
    late         INTEGER NOT NULL DEFAULT 0,
    claimed_at   INTEGER NOT NULL,
    sent_at      INTEGER,
    message_id   INTEGER,
    error        TEXT,
    UNIQUE (kind, ref_id, scheduled_at)
);
CREATE INDEX firings_sending ON firings (status) WHERE status = 'sending';
