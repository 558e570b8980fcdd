-- The assignments replaced when reports are merged again: those of the reports merged again
-- ($mentions), and those of the groups to merge again ($groups) whose report is gone (a replaced or
-- changed document). With their events, which no other report keeps: an event's reports share one
-- date window (or one document, undated), and a window is merged again whole. Whole rows, to compare
-- with the assignments that replace them (reassigned_reports.sql).
select assignment.*
from staging.event_assignments as assignment
where assignment.mention_id in (select unnest($mentions))
union all
select assignment.*
from staging.event_assignments as assignment
anti join staging.event_mentions as report on report.mention_id = assignment.mention_id
where assignment.group_key in (select unnest($groups))
