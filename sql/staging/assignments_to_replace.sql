-- The assignments replaced when reports are merged again ($mentions): those of the reports merged
-- again and those whose report is gone (reports_changed_since_merge.sql). With their events, which no
-- other report keeps: an event's reports share one date window (or one document, undated), and a window
-- is merged again whole. Whole rows, to compare with the assignments that replace them
-- (reassigned_reports.sql), and their row ids (stored_rowid), to delete them by. The row ids come first:
-- a filter through a join would read every column of each vector it lets through.
select rowid as stored_rowid, *
from staging.event_assignments
where rowid in (select rowid from staging.event_assignments where mention_id in (select unnest($mentions)))
