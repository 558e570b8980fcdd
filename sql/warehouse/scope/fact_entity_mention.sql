-- The rows of fact_entity_mention that a load can have changed: the entity mentions the changed
-- documents hold now, and those they held before.
select md5(mention.mention_id) as entity_mention_key
from staging.entity_mentions as mention
where mention.document_id in (select document_id from staging.changed_documents)
union
select entity_mention_key
from main.fact_entity_mention
where document_key in (select md5(document_id) from staging.changed_documents)
