-- Copies 1 .. $copies - 1 of every document, each of a copied publisher ($sources copies of them).
insert into main.dim_document
select original.* replace (
    copied_key(document_key, copy) as document_key,
    document_id || '/' || copy as document_id,
    copied_key(source_key, copy % $sources) as source_key,
    shifted_date_key(date_key, copy) as date_key
)
from main.dim_document as original, range(1, $copies) as copies(copy)
