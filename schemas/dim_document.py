"""main.dim_document: one row per document."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Int64
from pandera.typing.pandas import Series

from schemas.base import DATE_ORIGINS, HEX16, TableModel


class DimDocument(TableModel):
    """Documents: one row per distinct document loaded (its content, not its file), with title, URL, publication date and source."""

    document_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(document_id)")
    document_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Content hash")
    source_key: Series[int] = pa.Field(description="Publisher (dim_source)")
    title: Series[str] = pa.Field(nullable=True, description="Headline")
    url: Series[str] = pa.Field(nullable=True, description="URL")
    published_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="Publication date")
    date_key: Series[int] = pa.Field(description="Publication date (dim_date); -1 if unknown")
    published_date_origin: Series[str] = pa.Field(isin=DATE_ORIGINS, description="manifest, text or none")
    word_count: Series[int] = pa.Field(ge=0, description="Words in the cleaned text")
    tone: Series[float] = pa.Field(ge=-100, le=100, description="Document tone: mean sentence tone, -100..100")
    file_name: Series[str] = pa.Field(description="Input file")
    line_number: Series[Int64] = pa.Field(nullable=True, description="Line of a JSON-lines file")
    input_format: Series[str] = pa.Field(isin=["text", "html", "jsonl"], description="How the input was read")
    kind: Series[str] = pa.Field(nullable=True, description="article, live_blog, transcript...")
    language: Series[str] = pa.Field(nullable=True, description="ISO 639-1 language")
    author: Series[str] = pa.Field(nullable=True, description="Author, where the page names one")
    ingested_at: Series[pd.Timestamp] = pa.Field(description="When the file was read (UTC)")
