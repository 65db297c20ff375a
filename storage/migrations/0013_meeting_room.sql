-- Meetings as they run in the room: the daftar hadir (attendance list) is posted at the start
-- time, or earlier with /rapat mulai; members press "Hadir di rapat" and a koordinator marks
-- units present with /hadir; /rapat selesai closes the meeting; /rapat notulis names the
-- minute taker. An RSVP stays what it is: an intention.

-- attendance_at: when the daftar hadir is still to be posted (the start time; NULL once it was
-- claimed, or the meeting was opened earlier, closed or cancelled).
-- opened_at: when the daftar hadir was opened (the start time, or the /rapat mulai before it).
-- closed_at: when /rapat selesai closed the meeting (NULL: not closed).
-- notetaker_id/notetaker_name: the notulis (NULL: whoever asks for the minutes).
ALTER TABLE meetings ADD COLUMN attendance_at INTEGER;
ALTER TABLE meetings ADD COLUMN opened_at INTEGER;
ALTER TABLE meetings ADD COLUMN closed_at INTEGER;
ALTER TABLE meetings ADD COLUMN notetaker_id INTEGER;
ALTER TABLE meetings ADD COLUMN notetaker_name TEXT;
-- Meetings already over get nothing posted: the source drops a list due after the end.
UPDATE meetings SET attendance_at = starts_at WHERE status = 'scheduled';
CREATE INDEX meetings_attendance ON meetings (attendance_at) WHERE attendance_at IS NOT NULL;

-- Who was present, per unit: a member's press (user_id, full_name: who attended) or a
-- koordinator's /hadir for the unit (user_id and full_name NULL). marked_by_* says who recorded
-- it, at when.
CREATE TABLE meeting_presence (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    user_id        INTEGER,
    full_name      TEXT,
    marked_by_id   INTEGER NOT NULL,
    marked_by_name TEXT    NOT NULL,
    at             INTEGER NOT NULL
);
CREATE UNIQUE INDEX meeting_presence_person ON meeting_presence (meeting_id, user_id)
    WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_presence_unit ON meeting_presence (meeting_id, unit_id)
    WHERE user_id IS NULL;
CREATE INDEX meeting_presence_meeting ON meeting_presence (meeting_id, unit_id);
