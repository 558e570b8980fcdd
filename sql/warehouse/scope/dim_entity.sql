-- The rows of dim_entity that a load can have changed, by entity_id: the entities whose descriptions or
-- dictionary row changed.
select entity_id
from staging.changed_entities
