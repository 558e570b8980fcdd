-- The rows of fact_event_mention that a load can have changed: the reports in changed documents and
-- the reports of changed events (merged again, so a report of an unchanged document may now count
-- for another event or not at all), as they are now and as they were.
select md5(report.mention_id) as mention_key
from staging.event_mentions as report
where report.document_id in (select document_id from staging.changed_documents)
union
select md5(assignment.mention_id)
from staging.event_assignments as assignment
where assignment.event_id in (select event_id from staging.changed_events)
union
select mention_key
from main.fact_event_mention
where document_key in (select md5(document_id) from staging.changed_documents)
    or event_key in (select md5(event_id) from staging.changed_events)
