-- Copies 1 .. $copies - 1 of every place but the unknown member, under its entity's copied key: places
-- of their own, each a little further east, as a real warehouse's thousands of places.
insert into main.dim_location
select original.* replace (
    copied_key(location_key, copy) as location_key,
    entity_id || '/' || copy as entity_id,
    name || ' ' || copy as name,
    longitude + copy * 0.01 as longitude
)
from main.dim_location as original, range(1, $copies) as copies(copy)
where entity_id <> 'unknown'
