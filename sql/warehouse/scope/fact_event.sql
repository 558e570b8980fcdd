-- The rows of fact_event that a load can have changed, by event_key: the changed events, and the events reported
-- in changed documents (their counts of sources and articles follow the documents' metadata).
-- Read after fact_event_mention is up to date.
select md5(event_id) as event_key
from staging.changed_events
union
select event_key
from main.fact_event_mention
where document_key in (select md5(document_id) from staging.changed_documents)
