-- fact_entity_mention: grain = one occurrence of an entity in one document (a span of the cleaned text).
select
    surrogate_key(mention.mention_id) as entity_mention_key,
    surrogate_key(mention.entity_id) as entity_key,
    document.document_key,
    document.date_key,
    mention.sentence_index,
    mention.start_char,
    mention.end_char,
    mention.surface_text,
    mention.ner_label,
    mention.resolution_method
from staging.entity_mentions as mention
inner join main.dim_document as document on document.document_id = mention.document_id
