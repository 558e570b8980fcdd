-- The rows of dim_document that a load can have changed, by document_id: the changed documents.
select document_id
from staging.changed_documents
