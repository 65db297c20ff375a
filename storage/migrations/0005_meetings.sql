-- Coordination meetings: RSVPs per person (summarised per unit), agenda items, decisions,
-- and per-group settings for the two meeting reminders.

-- One meeting of a group. starts_at/ends_at are instants; zone is the zone the time was given
-- in (the group's, or the one the phrase named). day_before_at/hour_before_at are the reminders
-- still due (NULL once claimed, when switched off, or when the meeting is cancelled).
-- revision counts changes (the .ics SEQUENCE).
CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    group_id       INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    place          TEXT    NOT NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    zone           TEXT    NOT NULL,
    chair_id       INTEGER NOT NULL,
    chair_name     TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'scheduled'
                   CHECK (status IN ('scheduled', 'cancelled')),
    revision       INTEGER NOT NULL DEFAULT 0,
    message_id     INTEGER,
    day_before_at  INTEGER,
    hour_before_at INTEGER,
    created_at     INTEGER NOT NULL,
    cancelled_at   INTEGER,
    UNIQUE (group_id, number)
);
CREATE INDEX meetings_group_start ON meetings (group_id, starts_at);
CREATE INDEX meetings_day_before ON meetings (day_before_at) WHERE day_before_at IS NOT NULL;
CREATE INDEX meetings_hour_before ON meetings (hour_before_at) WHERE hour_before_at IS NOT NULL;

-- One person's answer; the unit is the person's unit when they answered.
CREATE TABLE meeting_rsvps (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    full_name  TEXT    NOT NULL,
    unit_id    INTEGER REFERENCES units (id),
    answer     TEXT    NOT NULL CHECK (answer IN ('hadir', 'tidak', 'wakil')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

-- An agenda item. meeting_id is NULL for an item carried over while no later meeting was
-- scheduled yet: it joins the next meeting created in the group. carried_from_id is the item
-- of the earlier meeting it continues; status 'carried' marks that earlier item.
CREATE TABLE agenda_items (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    meeting_id      INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id         INTEGER REFERENCES units (id),
    author_id       INTEGER NOT NULL,
    author_name     TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'carried')),
    carried_from_id INTEGER REFERENCES agenda_items (id),
    created_at      INTEGER NOT NULL,
    UNIQUE (group_id, number)
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, id);

-- A decision, linked to the meeting under way or ended that day (else NULL).
CREATE TABLE decisions (
    id                INTEGER PRIMARY KEY,
    group_id          INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    number            INTEGER NOT NULL,
    meeting_id        INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    author_id         INTEGER NOT NULL,
    author_name       TEXT    NOT NULL,
    unit_id           INTEGER REFERENCES units (id),
    text              TEXT    NOT NULL,
    source_message_id INTEGER,
    created_at        INTEGER NOT NULL,
    UNIQUE (group_id, number)
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

-- Per-group meeting settings: the day-before reminder's time of day (minutes after midnight in
-- the meeting's zone, NULL = off; default 16.00), how long before the start the second reminder
-- goes (minutes, NULL = off; default 60) and a meeting's assumed length (default 2 hours).
CREATE TABLE meeting_settings (
    group_id          INTEGER PRIMARY KEY REFERENCES groups (chat_id) ON DELETE CASCADE,
    day_before_minute INTEGER DEFAULT 960 CHECK (day_before_minute BETWEEN 0 AND 1439),
    hour_before_min   INTEGER DEFAULT 60 CHECK (hour_before_min BETWEEN 1 AND 1440),
    duration_min      INTEGER NOT NULL DEFAULT 120 CHECK (duration_min BETWEEN 15 AND 1440)
);
