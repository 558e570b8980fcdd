-- Copies of every report: $reports_per_event for each of the $copies copies of its event (copy 0's
-- first is the original), in that copy's document.
insert into main.fact_event_mention
select original.* replace (
    surrogate_key(mention_key::varchar || '/' || copy || '/' || repeat) as mention_key,
    copied_key(event_key, copy) as event_key,
    copied_key(document_key, copy) as document_key,
    copied_key(source_key, copy % $sources) as source_key,
    shifted_date_key(date_key, copy) as date_key,
    copied_key(reported_by_entity_key, copy % $entities) as reported_by_entity_key
)
from main.fact_event_mention as original, range(0, $copies) as copies(copy), range(0, $reports_per_event) as repeats(repeat)
where copy > 0 or repeat > 0
