-- staging.changed_documents: the documents whose staging rows changed since the star schema was last
-- brought up to date. A queue: every write of a document's rows adds its id, and the star schema's
-- update reads it to limit its work to those documents, then empties it in the same transaction.
create table if not exists staging.changed_documents (document_id varchar primary key)
