-- Corrections: records edited (earlier texts kept) and withdrawn (kept, hidden everywhere),
-- announcements counted against the units they were made for and acknowledged per version,
-- tasks shared by several units and changed after they were assigned, and the confirmation
-- buttons of a withdrawal or a unit's archiving.

-- Announcements, decisions, agenda items and tasks have a version (1: as first written, one
-- more per edit) and may be withdrawn: withdrawn_at is when, withdrawn_by/_name who. A
-- withdrawn record stays in its table but is left out of lists, search, minutes, follow-ups,
-- the recap and exports.
ALTER TABLE announcements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE announcements ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE announcements ADD COLUMN withdrawn_by INTEGER;
ALTER TABLE announcements ADD COLUMN withdrawn_by_name TEXT;

ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decisions ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE decisions ADD COLUMN withdrawn_by INTEGER;
ALTER TABLE decisions ADD COLUMN withdrawn_by_name TEXT;
-- The bot's post saying the decision was recorded (edited in place on a correction).
ALTER TABLE decisions ADD COLUMN message_id INTEGER;

ALTER TABLE agenda_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agenda_items ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE agenda_items ADD COLUMN withdrawn_by INTEGER;
ALTER TABLE agenda_items ADD COLUMN withdrawn_by_name TEXT;
ALTER TABLE agenda_items ADD COLUMN message_id INTEGER;

ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tasks ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE tasks ADD COLUMN withdrawn_by INTEGER;
ALTER TABLE tasks ADD COLUMN withdrawn_by_name TEXT;

-- A withdrawn reminder is cancelled (status) and says who withdrew it; message_id is the
-- bot's confirmation of it (edited when it is withdrawn).
ALTER TABLE reminders ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE reminders ADD COLUMN withdrawn_by INTEGER;
ALTER TABLE reminders ADD COLUMN withdrawn_by_name TEXT;
ALTER TABLE reminders ADD COLUMN message_id INTEGER;

-- The earlier texts of announcements, decisions and agenda items: `text` was the record's
-- text at `version`, replaced by `user_id` at `at` (tasks keep theirs in task_events).
CREATE TABLE record_edits (
    id        INTEGER PRIMARY KEY,
    kind      TEXT    NOT NULL CHECK (kind IN ('announcement', 'decision', 'agenda_item')),
    record_id INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    user_id   INTEGER NOT NULL,
    user_name TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    UNIQUE (kind, record_id, version)
);

-- The units an announcement is for: the group's units when it was made, written with it, so
-- that archiving or restoring a unit later never changes its figures.
CREATE TABLE announcement_units (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (announcement_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX announcement_units_unit ON announcement_units (unit_id);
INSERT INTO announcement_units (announcement_id, unit_id)
    SELECT a.id, u.id FROM announcements a
    JOIN units u ON u.group_id = a.group_id AND u.created_at <= a.created_at
        AND (u.removed_at IS NULL OR u.removed_at > a.created_at);

-- Acknowledgements per version of the announcement: a unit acknowledges each version once.
CREATE TABLE announcement_acks_by_version (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    version         INTEGER NOT NULL DEFAULT 1,
    user_id         INTEGER NOT NULL,
    acked_at        INTEGER NOT NULL,
    UNIQUE (announcement_id, unit_id, version)
);
INSERT INTO announcement_acks_by_version (announcement_id, unit_id, version, user_id, acked_at)
    SELECT announcement_id, unit_id, 1, user_id, acked_at FROM announcement_acks;
DROP TABLE announcement_acks;
ALTER TABLE announcement_acks_by_version RENAME TO announcement_acks;
CREATE INDEX announcement_acks_unit ON announcement_acks (unit_id, acked_at);

-- The units a task is assigned to, each with its own part: its status and when and by whom it
-- closed its part. The task is done when every part is (tasks.status, closed_at and closed_by
-- then tell when the last part closed); tasks.unit_id stays the first unit of the task.
CREATE TABLE task_units (
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES units (id),
    position  INTEGER NOT NULL,
    status    TEXT    NOT NULL DEFAULT 'baru'
              CHECK (status IN ('baru', 'proses', 'terkendala', 'selesai')),
    closed_at INTEGER,
    closed_by INTEGER,
    PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX task_units_unit ON task_units (unit_id);
INSERT INTO task_units (task_id, unit_id, position, status, closed_at, closed_by)
    SELECT id, unit_id, 0, status, closed_at, closed_by FROM tasks;

-- Task history with the changes made after assigning: `unit_id` the unit whose part a note,
-- closing, evidence or reopening concerns (NULL: a koordinator for the whole task);
-- `edited` keeps the earlier text in `text`; `due_changed` the new and earlier due dates;
-- `moved` the units' codes after and before (comma-separated); `reopened`.
CREATE TABLE task_events_with_changes (
    id                  INTEGER PRIMARY KEY,
    task_id             INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL
                        CHECK (kind IN ('created', 'progress', 'blocked', 'closed', 'evidence',
                                        'edited', 'due_changed', 'moved', 'reopened')),
    status              TEXT    NOT NULL
                        CHECK (status IN ('baru', 'proses', 'terkendala', 'selesai')),
    text                TEXT,
    file_id             TEXT,
    file_kind           TEXT    CHECK (file_kind IN ('document', 'photo')),
    file_name           TEXT,
    user_id             INTEGER NOT NULL,
    user_name           TEXT    NOT NULL,
    at                  INTEGER NOT NULL,
    unit_id             INTEGER REFERENCES units (id),
    due_at              INTEGER,
    previous_due_at     INTEGER,
    unit_codes          TEXT,
    previous_unit_codes TEXT,
    CHECK ((kind = 'evidence') = (file_id IS NOT NULL AND file_kind IS NOT NULL))
);
INSERT INTO task_events_with_changes (id, task_id, kind, status, text, file_id, file_kind,
                                      file_name, user_id, user_name, at, unit_id)
    SELECT e.id, e.task_id, e.kind, e.status, e.text, e.file_id, e.file_kind, e.file_name,
           e.user_id, e.user_name, e.at,
           CASE WHEN e.kind IN ('progress', 'blocked', 'closed', 'evidence') THEN t.unit_id END
    FROM task_events e JOIN tasks t ON t.id = e.task_id;
DROP TABLE task_events;
ALTER TABLE task_events_with_changes RENAME TO task_events;
CREATE INDEX task_events_task ON task_events (task_id, at);

-- A question asked with Ya/Batal buttons before something a command cannot undo (withdrawing
-- a record, archiving a unit): valid on its own message until expires_at, answered once.
CREATE TABLE confirmations (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    ref_id      INTEGER NOT NULL,
    asked_by    INTEGER NOT NULL,
    message_id  INTEGER,
    asked_at    INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    answer      TEXT    CHECK (answer IN ('yes', 'no')),
    answered_by INTEGER,
    answered_at INTEGER
);
CREATE INDEX confirmations_asked ON confirmations (asked_at);
