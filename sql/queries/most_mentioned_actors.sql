-- The actors named most often, with their CAMEO actor code and the number of documents naming them.
select
    entity.canonical_name,
    entity.entity_type,
    entity.actor_code,
    count(*) as mentions,
    count(distinct mention.document_key) as documents
from main.fact_entity_mention as mention
inner join main.dim_entity as entity on entity.entity_key = mention.entity_key
where entity.entity_type in ('PERSON', 'ORG')
group by all
order by mentions desc, entity.canonical_name
limit 8
