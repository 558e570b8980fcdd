-- Copies 1 .. $copies - 1 of every entity but the unknown member (copy 0 is the original).
insert into main.dim_entity
select original.* replace (copied_key(entity_key, copy) as entity_key, entity_id || '/' || copy as entity_id)
from main.dim_entity as original, range(1, $copies) as copies(copy)
where entity_id <> 'unknown'
