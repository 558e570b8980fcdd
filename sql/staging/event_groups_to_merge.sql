-- The groups of event reports (same mode, CAMEO root and acting side) to merge again: those with a
-- report not yet assigned to an event (a new or changed document), and those with an assignment whose
-- report is gone (a changed or removed document). Only the documents queued for merging
-- (staging.documents_to_merge) can hold either, as a report's id covers its document, so only their
-- reports and assignments are compared, not the warehouse's.
with queued_report as (
    select mention_id, group_key
    from staging.event_mentions
    where document_id in (select document_id from staging.documents_to_merge)
),
queued_assignment as (
    select mention_id, group_key
    from staging.event_assignments
    where document_id in (select document_id from staging.documents_to_merge)
)
select report.group_key
from queued_report as report
anti join queued_assignment as assignment on assignment.mention_id = report.mention_id
union
select assignment.group_key
from queued_assignment as assignment
anti join queued_report as report on report.mention_id = assignment.mention_id
