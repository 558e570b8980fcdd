-- staging.changed_entities: the entities whose descriptions (staging.entity_descriptions) or whose
-- dictionary row changed since the star schema was last brought up to date. A queue like
-- staging.changed_documents, filled by every write of entity mentions and of the actor dictionary.
create table if not exists staging.changed_entities (entity_id varchar primary key)
