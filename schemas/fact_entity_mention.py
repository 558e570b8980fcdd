"""main.fact_entity_mention: grain = one occurrence of an entity in a document."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import ENTITY_TYPES, RESOLUTION_METHODS, TableModel


class FactEntityMention(TableModel):
    """Entity mentions: grain = one occurrence of an entity in a document."""

    entity_mention_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(mention_id) of the entity mention")
    entity_key: Series[int] = pa.Field(description="The entity (dim_entity)")
    document_key: Series[int] = pa.Field(description="The document (dim_document)")
    date_key: Series[int] = pa.Field(description="Publication date of the document (dim_date)")
    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence")
    start_char: Series[int] = pa.Field(ge=0, description="Offset in the cleaned text")
    end_char: Series[int] = pa.Field(gt=0, description="End offset")
    surface_text: Series[str] = pa.Field(description="As written")
    ner_label: Series[str] = pa.Field(isin=ENTITY_TYPES, description="spaCy label")
    resolution_method: Series[str] = pa.Field(isin=RESOLUTION_METHODS, description="How it was resolved")
