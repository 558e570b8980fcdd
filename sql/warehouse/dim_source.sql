-- dim_source: one row per publisher; conformed across dim_document and fact_event_mention.
-- source_key = surrogate_key(source_name).
select
    surrogate_key(source_name) as source_key,
    source_name,
    min(domain) as domain
from staging.raw_documents
group by source_name
order by source_name
