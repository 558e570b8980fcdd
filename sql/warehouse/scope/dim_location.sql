-- The rows of dim_location that a load can have changed, by entity_id: the entities whose descriptions
-- changed (a place's descriptions give its row).
select entity_id
from staging.changed_entities
