-- dim_document: one row per document (distinct file content). document_key = surrogate_key(document_id).
select
    surrogate_key(raw.document_id) as document_key,
    raw.document_id,
    surrogate_key(raw.source_name) as source_key,
    cleaned.title,
    raw.url,
    cleaned.published_date,
    coalesce(cast(strftime(cleaned.published_date, '%Y%m%d') as integer), -1) as date_key,
    cleaned.published_date_origin,
    cleaned.word_count,
    cleaned.tone,
    raw.file_name,
    raw.line_number,
    raw.input_format,
    raw.kind,
    raw.language,
    raw.author,
    raw.ingested_at
from staging.raw_documents as raw
inner join staging.cleaned_documents as cleaned on cleaned.document_id = raw.document_id
