-- The rows of fact_event_mention that a load can have changed, by document_key: the changed documents,
-- and the documents that report a changed event (merged again, so a report of an unchanged document may
-- now count for another event or not at all), as the events are now and as they were.
-- Each part filters one stage or fact table on a plain column, so DuckDB reads only the rows in scope.
select md5(document_id) as document_key
from staging.changed_documents
union
select md5(report.document_id)
from staging.event_assignments as assignment
inner join staging.event_mentions as report on report.mention_id = assignment.mention_id
where assignment.event_id in (select event_id from staging.changed_events)
union
select document_key
from main.fact_event_mention
where event_key in (select md5(event_id) from staging.changed_events)
