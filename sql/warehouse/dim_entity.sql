-- dim_entity: one row per real-world actor or place: every country of the dictionary (so events whose
-- actor is a country stood for by its capital resolve) and every other dictionary actor once it is
-- mentioned (the dictionary's tens of thousands of office holders join when a document names them),
-- every other entity that was mentioned
-- (unresolved names, and a country's government, military... derived from phrases like `Ukrainian
-- forces`), and the unknown member (entity_id 'unknown') for events without a second actor. Mentioned
-- entities are read from staging.entity_descriptions: the distinct descriptions their mentions give,
-- which the aggregates below reduce exactly as they would every mention.
-- entity_key = surrogate_key(entity_id).
select
    surrogate_key(entity_id) as entity_key,
    entity_id,
    canonical_name,
    entity_type,
    actor_code,
    country_code,
    role_code,
    wikidata_qid,
    true as is_resolved
from staging.actor_dictionary
where entity_id like 'country:%' or entity_id in (select entity_id from staging.entity_descriptions)
union all
select
    surrogate_key(entity_id),
    entity_id,
    min(canonical_name),
    min(entity_type),
    min(actor_code),
    min(country_code),
    min(role_code),
    min(wikidata_qid),
    bool_and(is_resolved)
from staging.entity_descriptions
where entity_id not in (select entity_id from staging.actor_dictionary)
group by entity_id
union all
select surrogate_key('unknown'), 'unknown', 'Unknown', 'UNKNOWN', null, null, null, null, null
order by entity_id
