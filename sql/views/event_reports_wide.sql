-- event_reports_wide: grain = one row per report of an event (a sentence of a document, fact_event_mention),
-- with its event's code and actors, and its document's source, URL, title and date: the evidence behind
-- every event, to read or to count by source.
select
    report.mention_key,
    report.event_key,
    event.event_id,
    report.event_code,
    event_type.description as event_description,
    event_type.event_root_code,
    event_type.quad_class,
    actor1.canonical_name as actor1_name,
    actor1.actor_code as actor1_code,
    actor1.country_code as actor1_country_code,
    actor2.canonical_name as actor2_name,
    actor2.actor_code as actor2_code,
    actor2.country_code as actor2_country_code,
    reported_by.canonical_name as reported_by_name,
    cast(report_date.date as date) as report_date,
    source.source_name,
    source.domain as source_domain,
    document.url as source_url,
    document.title as document_title,
    cast(document.published_date as date) as published_date,
    report.sentence_index,
    report.sentence_text,
    report.confidence,
    report.tone
from main.fact_event_mention as report
inner join main.fact_event as event on event.event_key = report.event_key
inner join main.dim_event_type as event_type on event_type.event_code = report.event_code
inner join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
left join main.dim_entity as actor2 on actor2.entity_key = event.actor2_entity_key and actor2.entity_id <> 'unknown'
left join main.dim_entity as reported_by on reported_by.entity_key = report.reported_by_entity_key and reported_by.entity_id <> 'unknown'
left join main.dim_date as report_date on report_date.date_key = report.date_key and report.date_key > 0
inner join main.dim_document as document on document.document_key = report.document_key
inner join main.dim_source as source on source.source_key = report.source_key
