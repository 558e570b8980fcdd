-- The rows of fact_event that a load can have changed, by event_key, with the event_id it is derived from
-- (fact_event reads staging.events by event_id): the changed events, and the events reported in changed
-- documents (their counts of sources and articles follow the documents' metadata).
select surrogate_key(event_id) as event_key, event_id
from staging.changed_events
union
select surrogate_key(event_id), event_id
from staging.event_assignments
where document_id in (select document_id from staging.changed_documents)
