-- The assignments replaced when reports are merged again: those of the reports merged again
-- ($mentions), and those of the documents queued for merging whose report is gone (a changed or
-- removed document; see event_groups_to_merge.sql). With their events, which no other report keeps: an
-- event's reports share one date window (or one document, undated), and a window is merged again whole.
-- Whole rows, to compare with the assignments that replace them (reassigned_reports.sql).
select assignment.*
from staging.event_assignments as assignment
where assignment.mention_id in (select unnest($mentions))
union all
select assignment.*
from staging.event_assignments as assignment
anti join (
    select mention_id
    from staging.event_mentions
    where document_id in (select document_id from staging.documents_to_merge)
) as report on report.mention_id = assignment.mention_id
where assignment.document_id in (select document_id from staging.documents_to_merge)
