-- Announcements acknowledged per unit, and their follow-ups.

-- One announcement of a group. message_id is the bot's post carrying the Diterima button;
-- source_message_id the group message it was made from (the command, the replied-to message or
-- the #pengumuman message). Follow-ups are planned at creation: first_followup_at and
-- second_followup_at; next_followup_at is the one still due (NULL when none is left) and
-- followups_sent how many were posted. The units an announcement is for are those that existed
-- when it was made: units.created_at <= announcements.created_at and not removed.
CREATE TABLE announcements (
    id                 INTEGER PRIMARY KEY,
    group_id           INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    number             INTEGER NOT NULL,
    author_id          INTEGER NOT NULL,
    author_name        TEXT    NOT NULL,
    unit_id            INTEGER REFERENCES units (id),
    text               TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    message_id         INTEGER,
    source_message_id  INTEGER,
    first_followup_at  INTEGER NOT NULL,
    second_followup_at INTEGER NOT NULL,
    next_followup_at   INTEGER,
    followups_sent     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (group_id, number)
);
CREATE INDEX announcements_recent ON announcements (group_id, created_at);
CREATE INDEX announcements_followup ON announcements (next_followup_at)
    WHERE next_followup_at IS NOT NULL;

-- A unit's acknowledgement: the first member of the unit to press counts for the unit.
CREATE TABLE announcement_acks (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    user_id         INTEGER NOT NULL,
    acked_at        INTEGER NOT NULL,
    UNIQUE (announcement_id, unit_id)
);
CREATE INDEX announcement_acks_unit ON announcement_acks (unit_id, acked_at);

-- Per-group follow-up time of day (minutes after midnight, group's zone); default 09.00.
CREATE TABLE announcement_settings (
    group_id        INTEGER PRIMARY KEY REFERENCES groups (chat_id) ON DELETE CASCADE,
    followup_minute INTEGER NOT NULL DEFAULT 540 CHECK (followup_minute BETWEEN 0 AND 1439)
);
