-- recounted_entity_descriptions (temporary): the descriptions of the entities a write of entity
-- mentions touched, with their counts after it: the stored counts plus the changes it counted. A
-- description whose mentions are all gone is left out, so the write replaces the entities' rows of
-- staging.entity_descriptions with these and the table stays what counting every mention would give.
create or replace temporary table recounted_entity_descriptions as
select * exclude (mention_count), sum(mention_count)::bigint as mention_count
from (
    select *
    from staging.entity_descriptions
    where entity_id in (select entity_id from entity_description_changes)
    union all
    select *
    from entity_description_changes
)
group by all
having sum(mention_count) > 0
