-- Action plans (rencana aksi): tasks assigned to a unit with a due date, their history and
-- evidence, follow-up state and the weekly digest setting.

-- One task of a group. `due_at` is the due instant; `zone` the group's zone when it was
-- assigned (follow-ups are computed in it). `message_id` is the bot's post announcing the task:
-- a document or photo sent as a reply to it is attached as evidence. `next_followup_at` is the
-- next 09.00 at which the task is due for a follow-up (NULL once closed). `meeting_id` links
-- the meeting under way when it was assigned (NULL when none was).
CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,
    number           INTEGER NOT NULL,
    unit_id          INTEGER NOT NULL REFERENCES units (id),
    text             TEXT    NOT NULL,
    pokja            TEXT,
    due_at           INTEGER NOT NULL,
    zone             TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'baru'
                     CHECK (status IN ('baru', 'proses', 'terkendala', 'selesai')),
    creator_id       INTEGER NOT NULL,
    creator_name     TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    message_id       INTEGER,
    meeting_id       INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    closed_at        INTEGER,
    closed_by        INTEGER,
    next_followup_at INTEGER,
    UNIQUE (group_id, number)
);
CREATE INDEX tasks_open ON tasks (group_id, status) WHERE status <> 'selesai';
CREATE INDEX tasks_followup ON tasks (next_followup_at) WHERE next_followup_at IS NOT NULL;
CREATE INDEX tasks_message ON tasks (group_id, message_id);
CREATE INDEX tasks_meeting ON tasks (meeting_id) WHERE meeting_id IS NOT NULL;

-- Every change of a task, with who and when: created, a progress note, blocked (the reason in
-- `text`), closed, evidence attached (a Telegram file id, photo or document).
CREATE TABLE task_events (
    id        INTEGER PRIMARY KEY,
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL
              CHECK (kind IN ('created', 'progress', 'blocked', 'closed', 'evidence')),
    status    TEXT    NOT NULL
              CHECK (status IN ('baru', 'proses', 'terkendala', 'selesai')),
    text      TEXT,
    file_id   TEXT,
    file_kind TEXT    CHECK (file_kind IN ('document', 'photo')),
    file_name TEXT,
    user_id   INTEGER NOT NULL,
    user_name TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    CHECK ((kind = 'evidence') = (file_id IS NOT NULL AND file_kind IS NOT NULL))
);
CREATE INDEX task_events_task ON task_events (task_id, at);

-- The weekly digest of open tasks per group: weekday (0 = Monday) and minute of the day in the
-- group's zone (default Monday 08.00); `next_at` the next digest due.
CREATE TABLE task_settings (
    group_id      INTEGER PRIMARY KEY REFERENCES groups (chat_id) ON DELETE CASCADE,
    digest_day    INTEGER NOT NULL DEFAULT 0 CHECK (digest_day BETWEEN 0 AND 6),
    digest_minute INTEGER NOT NULL DEFAULT 480 CHECK (digest_minute BETWEEN 0 AND 1439),
    next_digest_at INTEGER
);
CREATE INDEX task_settings_digest ON task_settings (next_digest_at)
    WHERE next_digest_at IS NOT NULL;
