"""staging.cleaned_documents: one row per document, text cleaned and metadata found."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import DATE_ORIGINS, HEX16, TableModel


class CleanedDocuments(TableModel):
    document_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Document id (content hash)")
    title: Series[str] = pa.Field(nullable=True, description="Headline: the manifest's, else the first kept line")
    clean_text: Series[str] = pa.Field(description="Text with boilerplate and transcript noise removed, quotes and spaces normalised")
    published_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="Publication date")
    published_date_origin: Series[str] = pa.Field(isin=DATE_ORIGINS, description="Where the date came from: manifest, text or none")
    word_count: Series[int] = pa.Field(ge=0, description="Words in clean_text")
    removed_boilerplate: Series[str] = pa.Field(description="JSON list of {kind, text} for every removed line or span")
    speakers: Series[str] = pa.Field(nullable=True, description="Transcript speaker labels, '; '-separated")
    speaker_turns: Series[str] = pa.Field(description="JSON list of {speaker, start_char, end_char}: who speaks where in clean_text")
    sentence_offsets: Series[str] = pa.Field(description="JSON list of [start, end] sentence offsets in clean_text, used by every later stage")
    offset_map: Series[str] = pa.Field(description="JSON list of [clean start, raw start, length] runs mapping clean_text back to raw_text")
    recased: Series[bool] = pa.Field(description="Capitals were restored to text written without any")
    tone: Series[float] = pa.Field(ge=-100, le=100, description="Document tone: mean sentence tone, -100..100")
