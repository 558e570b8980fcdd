-- The rows of dim_document that a load can have changed: those of the changed documents.
select md5(document_id) as document_key
from staging.changed_documents
