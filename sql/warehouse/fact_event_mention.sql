-- fact_event_mention: grain = one report of an event in one sentence of one document.
-- Only reports of events that happened (mode 'asserted'), and of each event only the surest report
-- per sentence; negated, hypothetical, future and question reports stay in staging.event_mentions
-- with their mode. Offsets point into the cleaned text.
select
    surrogate_key(report.mention_id) as mention_key,
    surrogate_key(assignment.event_id) as event_key,
    document.document_key,
    document.source_key,
    document.date_key,
    report.sentence_index,
    report.event_code,
    surrogate_key(report.reported_by_entity_id) as reported_by_entity_key,
    report.actor1_start_char as actor1_char_offset,
    report.actor2_start_char as actor2_char_offset,
    report.action_start_char as action_char_offset,
    report.confidence,
    report.tone,
    report.sentence_text
from staging.event_mentions as report
inner join staging.event_assignments as assignment on assignment.mention_id = report.mention_id
inner join staging.events as event on event.event_id = assignment.event_id
inner join main.dim_document as document on document.document_id = report.document_id
where event.mode = 'asserted' and assignment.is_counted
