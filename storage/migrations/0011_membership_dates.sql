-- Membership from Telegram's truth: each member row remembers the date of the event that last
-- changed it (a message, a join, a leave, a ban), so that events arriving out of order never
-- undo a later one (a member who left is not let back in by an older update), and when the
-- stored state was last confirmed with Telegram (private searches ask again when it is old).
ALTER TABLE members ADD COLUMN changed_at INTEGER;
ALTER TABLE members ADD COLUMN confirmed_at INTEGER;
UPDATE members SET changed_at = max(joined_at, coalesce(left_at, 0));
