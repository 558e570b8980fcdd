-- The rows of fact_entity_mention that a load can have changed, by document_key: every entity mention of
-- a changed document, as the document holds them now and as it held them before.
select surrogate_key(document_id) as document_key
from staging.changed_documents
