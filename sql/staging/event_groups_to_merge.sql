-- The groups of event reports (same mode, CAMEO root and acting side) to merge again: those with a
-- report not yet assigned to an event (new documents), and those with an assignment whose report is
-- gone (a replaced document). Every other group's events are left as they are.
select report.group_key
from staging.event_mentions as report
anti join staging.event_assignments as assignment on assignment.mention_id = report.mention_id
union
select assignment.group_key
from staging.event_assignments as assignment
anti join staging.event_mentions as report on report.mention_id = assignment.mention_id
