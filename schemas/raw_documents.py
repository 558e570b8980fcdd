"""staging.raw_documents: one row per document: the first input (file, or line of a JSON-lines file) with a given text."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Int64
from pandera.typing.pandas import Series

from schemas.base import HEX16, TableModel


class RawDocuments(TableModel):
    document_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="First 16 hex digits of the SHA-256 of the document's UTF-8 text")
    file_name: Series[str] = pa.Field(description="Path of the input file relative to CORPUS_DIR")
    line_number: Series[Int64] = pa.Field(nullable=True, ge=1, description="Line (or array item) of a JSON-lines file; empty for whole files")
    input_format: Series[str] = pa.Field(isin=["text", "html", "jsonl"], description="How the input was read")
    encoding: Series[str] = pa.Field(description="Detected encoding of the file's bytes")
    raw_text: Series[str] = pa.Field(str_length={"min_value": 1}, description="The document's text: the file decoded (mojibake repaired), a page's main text (trafilatura), or a JSON article's text")
    byte_size: Series[int] = pa.Field(gt=0, description="Size of the input in bytes")
    source_name: Series[str] = pa.Field(description="Publisher, else the domain, else 'Unknown source': the dim_source name")
    publisher: Series[str] = pa.Field(nullable=True, description="Publisher: manifest, page site name, or JSON 'source'")
    domain: Series[str] = pa.Field(nullable=True, description="Publisher's web domain")
    distributor: Series[str] = pa.Field(nullable=True, description="Site the text was collected from, if not the publisher's")
    kind: Series[str] = pa.Field(nullable=True, description="Kind of text: article, live_blog, transcript...")
    url: Series[str] = pa.Field(nullable=True, description="URL (canonical URL for HTML pages)")
    language: Series[str] = pa.Field(nullable=True, str_matches=r"^[a-z]{2}$", description="ISO 639-1 language: declared, else detected")
    title: Series[str] = pa.Field(nullable=True, description="Title from the metadata (manifest, HTML or JSON)")
    author: Series[str] = pa.Field(nullable=True, description="Author from the page metadata")
    metadata_published_date: Series[str] = pa.Field(nullable=True, description="Publication date as the metadata gives it")
    metadata_date_origin: Series[str] = pa.Field(nullable=True, isin=["manifest", "html"], description="Where metadata_published_date came from")
    ingested_at: Series[pd.Timestamp] = pa.Field(description="When the input was read (UTC)")
