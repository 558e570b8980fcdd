"""staging.raw_documents: one row per distinct input file content."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import HEX16, TableModel


class RawDocuments(TableModel):
    document_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="First 16 hex digits of the SHA-256 of the file's bytes")
    file_name: Series[str] = pa.Field(unique=True, description="Path of the file relative to CORPUS_DIR")
    raw_text: Series[str] = pa.Field(str_length={"min_value": 1}, description="The file's text as decoded, unchanged")
    byte_size: Series[int] = pa.Field(gt=0, description="Size of the file in bytes")
    source_name: Series[str] = pa.Field(description="Publisher, else the domain, else 'Unknown source': the dim_source name")
    publisher: Series[str] = pa.Field(nullable=True, description="Publisher, from the manifest")
    domain: Series[str] = pa.Field(nullable=True, description="Publisher's web domain, from the manifest")
    distributor: Series[str] = pa.Field(nullable=True, description="Site the text was collected from, if not the publisher's")
    kind: Series[str] = pa.Field(nullable=True, description="Kind of text: article, live_blog, transcript...")
    manifest_published_date: Series[str] = pa.Field(nullable=True, description="Publication date as given in the manifest (ISO)")
    url: Series[str] = pa.Field(nullable=True, description="URL of the article, from the manifest")
    language: Series[str] = pa.Field(nullable=True, description="ISO 639-1 language code, from the manifest")
    duplicate_file_names: Series[str] = pa.Field(nullable=True, description="Other files with byte-identical content, '; '-separated")
    ingested_at: Series[pd.Timestamp] = pa.Field(description="When the file was read (UTC)")
