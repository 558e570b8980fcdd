-- staging.documents_to_merge: the documents whose staging rows changed since their event reports were
-- last merged into events. A queue like staging.changed_documents, filled by the same writes, but
-- emptied by the merge of reports (orchestration/assets/nlp.py), which reads it to compare only these
-- documents' reports with their assignments. Its own queue, so that bringing the star schema up to date
-- without merging first (one asset materialised alone) leaves it for the next merge.
create table if not exists staging.documents_to_merge (document_id varchar primary key)
