-- The reports added and removed since the last merge of reports into events: reports not yet assigned
-- to an event (is_added: a new or changed document) and assignments whose report is gone (a changed
-- or removed document). Only the documents queued for merging (staging.documents_to_merge: every write
-- of a document's rows queues it) can hold either, as a report's id covers its document, so only their
-- reports and assignments are compared, not the warehouse's. One row per report, with what the merge
-- needs of it: its group, date and document.
with queued_report as (
    select mention_id, group_key, document_id, cast(event_date as date) as event_date
    from staging.event_mentions
    where document_id in (select document_id from staging.documents_to_merge)
),
queued_assignment as (
    select mention_id, group_key, document_id, cast(event_date as date) as event_date
    from staging.event_assignments
    where document_id in (select document_id from staging.documents_to_merge)
)
select report.*, true as is_added
from queued_report as report
anti join queued_assignment as assignment on assignment.mention_id = report.mention_id
union all
select assignment.*, false as is_added
from queued_assignment as assignment
anti join queued_report as report on report.mention_id = assignment.mention_id
order by mention_id
