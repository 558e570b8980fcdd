-- The input files a warehouse holds as loaded: each file's version, when every document it gave is in
-- dim_document (its rows went through every stage and the star schema's checks). A ledger row whose
-- documents never arrived (a load that failed after ingesting them) does not count: make run loads
-- the file again. With each, the reference data its documents were coded with.
select input_files.file_name, input_files.input_version, input_files.reference_version
from staging.input_files as input_files
where not exists (
    select 1
    from staging.raw_documents as raw_documents
    where raw_documents.file_name = input_files.file_name
      and raw_documents.document_id not in (select document_id from main.dim_document)
)
