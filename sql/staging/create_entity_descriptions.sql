-- staging.entity_descriptions: one row per entity and distinct description its mentions give of it
-- (name, type, codes, place and coordinates), with how many mentions give it. dim_entity and
-- dim_location aggregate these rows, a few per entity, instead of every mention: a country that every
-- document mentions has one row here however many documents are loaded. Every write of entity mentions
-- keeps it up to date in its transaction (orchestration.entity_descriptions). Created by counting the
-- mentions already loaded, so a warehouse of an earlier release gets it on its first load.
create table if not exists staging.entity_descriptions as
select
    entity_id,
    canonical_name,
    entity_type,
    actor_code,
    country_code,
    role_code,
    wikidata_qid,
    feature_type,
    is_resolved,
    geonames_id,
    latitude,
    longitude,
    count(*) as mention_count
from staging.entity_mentions
group by all
