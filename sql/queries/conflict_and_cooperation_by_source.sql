-- How much cooperation and conflict each publisher reported: event reports by GDELT quad class.
select
    source.source_name,
    event_type.quad_class_name,
    count(*) as reports,
    round(avg(mention.tone), 1) as avg_tone
from main.fact_event_mention as mention
inner join main.dim_source as source on source.source_key = mention.source_key
inner join main.dim_event_type as event_type on event_type.event_code = mention.event_code
group by all
order by source.source_name, event_type.quad_class_name
