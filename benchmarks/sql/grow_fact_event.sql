-- Copies 1 .. $copies - 1 of every event: its actors and place among the $entities copies of the
-- entities, its date moved back in time.
insert into main.fact_event
select original.* replace (
    copied_key(event_key, copy) as event_key,
    event_id || '/' || copy as event_id,
    shifted_date_key(date_key, copy) as date_key,
    copied_key(actor1_entity_key, copy % $entities) as actor1_entity_key,
    copied_key(actor2_entity_key, copy % $entities) as actor2_entity_key,
    copied_key(location_key, copy % $entities) as location_key
)
from main.fact_event as original, range(1, $copies) as copies(copy)
