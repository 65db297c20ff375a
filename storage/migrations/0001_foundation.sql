-- Foundation: the durable inbox, groups, units, people and their roles.
-- Instants are stored as INTEGER seconds since the Unix epoch (UTC); Telegram ids as INTEGER
-- (SQLite integers are 64-bit).

-- Every update from Telegram, stored before Telegram is told it was received.
-- The payload is dropped once the update was handled; the row stays to recognise a re-delivery.
CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    payload     TEXT,
    received_at INTEGER NOT NULL,
    done_at     INTEGER
);
CREATE INDEX inbox_pending ON inbox (update_id) WHERE done_at IS NULL;

CREATE TABLE groups (
    chat_id       INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    timezone      TEXT    NOT NULL,
    language      TEXT    NOT NULL CHECK (language IN ('id', 'en')),
    registered_at INTEGER NOT NULL,
    registered_by INTEGER
);

-- What happened with chats the bot does not serve (refusals); nothing else of them is stored.
CREATE TABLE chat_audit (
    id      INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    event   TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX chat_audit_chat ON chat_audit (chat_id, event);

CREATE TABLE users (
    user_id    INTEGER PRIMARY KEY,
    username   TEXT,
    full_name  TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX users_username ON users (username COLLATE NOCASE);

-- Work units (OPD/UKPD) of a group. A removed unit keeps its row for the history it has.
CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    code       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER
);
CREATE UNIQUE INDEX units_active_code ON units (group_id, code COLLATE NOCASE)
    WHERE removed_at IS NULL;

-- A person in a group: one unit at most, one role.
CREATE TABLE members (
    group_id  INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (user_id),
    unit_id   INTEGER REFERENCES units (id),
    role      TEXT    NOT NULL DEFAULT 'anggota'
              CHECK (role IN ('koordinator', 'anggota', 'pengamat')),
    joined_at INTEGER NOT NULL,
    left_at   INTEGER,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX members_unit ON members (unit_id);
