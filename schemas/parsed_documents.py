"""staging.parsed_documents: one row per document, the spaCy parse serialised with DocBin."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import HEX16, TableModel


class ParsedDocuments(TableModel):
    document_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Document id (content hash)")
    model_name: Series[str] = pa.Field(description="spaCy pipeline that parsed it")
    sentence_count: Series[int] = pa.Field(ge=0, description="Sentences (0 for a text that was all boilerplate)")
    token_count: Series[int] = pa.Field(ge=0, description="Tokens")
    doc_bytes: Series[object] = pa.Field(description="spaCy DocBin bytes: tokens, tags, parse, entities")
