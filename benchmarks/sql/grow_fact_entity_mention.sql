-- Copies 1 .. $copies - 1 of every entity mention, in the copied documents, of the copied entities.
insert into main.fact_entity_mention
select original.* replace (
    copied_key(entity_mention_key, copy) as entity_mention_key,
    copied_key(entity_key, copy % $entities) as entity_key,
    copied_key(document_key, copy) as document_key,
    shifted_date_key(date_key, copy) as date_key
)
from main.fact_entity_mention as original, range(1, $copies) as copies(copy)
