"""main.fact_event_mention: grain = one report of an event in one sentence of one document."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import EVENT_CODE, TableModel


class FactEventMention(TableModel):
    """Reports of events: grain = one report of an event in one sentence of one document, with the sentence as evidence."""

    mention_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(mention_id) of the report")
    event_key: Series[int] = pa.Field(description="The event (fact_event)")
    document_key: Series[int] = pa.Field(description="The document (dim_document)")
    source_key: Series[int] = pa.Field(description="The publisher (dim_source)")
    date_key: Series[int] = pa.Field(description="Publication date of the document (dim_date)")
    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence of the document")
    event_code: Series[str] = pa.Field(str_matches=EVENT_CODE, description="CAMEO code of this report")
    reported_by_entity_key: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="Whose claim the report is (dim_entity), when it is reported under someone's words")
    actor1_char_offset: Series[int] = pa.Field(ge=0, description="Offset of actor 1 in the cleaned text")
    actor2_char_offset: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="Offset of actor 2, if any")
    action_char_offset: Series[int] = pa.Field(ge=0, description="Offset of the action")
    confidence: Series[int] = pa.Field(ge=0, le=100, description="0-100 trust in the coding")
    tone: Series[float] = pa.Field(ge=-100, le=100, description="Sentence tone")
    sentence_text: Series[str] = pa.Field(description="Evidence sentence")
