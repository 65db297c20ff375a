-- A delivered reminder may be snoozed once: the firing remembers when it was.
ALTER TABLE firings ADD COLUMN snoozed_at INTEGER;
