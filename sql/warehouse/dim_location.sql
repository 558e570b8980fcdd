-- dim_location: one row per place mentioned in the documents (cities, regions, countries and
-- unresolved place names), with coordinates where known (GeoNames cities; country centroids), their
-- precision (city, region or country), plus the unknown member.
-- Read from staging.entity_descriptions, the distinct descriptions of each place its mentions give.
-- location_key = surrogate_key(entity_id) of the place, so it joins to dim_entity by the same id.
select
    surrogate_key(entity_id) as location_key,
    entity_id,
    min(canonical_name) as name,
    min(feature_type) as feature_type,
    min(feature_type) filter (where latitude is not null) as precision,
    min(country_code) as country_code,
    min(latitude) as latitude,
    min(longitude) as longitude,
    min(geonames_id) as geonames_id
from staging.entity_descriptions
where entity_type in ('GPE', 'LOC', 'FAC')
group by entity_id
union all
select surrogate_key('unknown'), 'unknown', 'Unknown', null, null, null, null, null, null
order by entity_id
