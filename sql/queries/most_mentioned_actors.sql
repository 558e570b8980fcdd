-- The actors named most often, with their CAMEO actor code and the number of documents naming them.
-- Counted by entity key first, then named: the join reads a few thousand counted rows, not every mention.
with counted as (
    select entity_key, count(*) as mentions, count(distinct document_key) as documents
    from main.fact_entity_mention
    group by entity_key
)
select
    entity.canonical_name,
    entity.entity_type,
    entity.actor_code,
    counted.mentions,
    counted.documents
from counted
inner join main.dim_entity as entity on entity.entity_key = counted.entity_key
where entity.entity_type in ('PERSON', 'ORG')
order by counted.mentions desc, entity.canonical_name
limit 8
