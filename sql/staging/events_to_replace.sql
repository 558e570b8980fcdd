-- The events replaced when reports are merged again: those of the assignments replaced (the temporary
-- table replaced_assignments, assignments_to_replace.sql), which no other report keeps. Whole rows, to
-- compare with the events that replace them (events_changed_by_merge.sql), and their row ids
-- (stored_rowid), to delete them by; the row ids come first, as in assignments_to_replace.sql.
select rowid as stored_rowid, *
from staging.events
where rowid in (select rowid from staging.events where event_id in (select event_id from replaced_assignments))
