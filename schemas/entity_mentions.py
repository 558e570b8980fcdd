"""staging.entity_mentions: one row per entity mention, resolved to a canonical entity."""

import pandera.pandas as pa
from pandera.typing import Float64, Int64
from pandera.typing.pandas import Series

from schemas.base import ENTITY_TYPES, FEATURE_TYPES, HEX16, RESOLUTION_METHODS, TableModel


class EntityMentions(TableModel):
    mention_id: Series[str] = pa.Field(unique=True, str_matches=HEX16, description="Hash of document id and character offsets")
    document_id: Series[str] = pa.Field(str_matches=HEX16, description="Document id (content hash)")
    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence of the document")
    start_char: Series[int] = pa.Field(ge=0, description="Offset of the first character in clean_text")
    end_char: Series[int] = pa.Field(gt=0, description="Offset after the last character in clean_text")
    raw_start_char: Series[Int64] = pa.Field(nullable=True, ge=0, description="Offset of the first character in the raw text")
    raw_end_char: Series[Int64] = pa.Field(nullable=True, gt=0, description="Offset after the last character in the raw text")
    surface_text: Series[str] = pa.Field(str_length={"min_value": 1}, description="The text as written")
    ner_label: Series[str] = pa.Field(isin=ENTITY_TYPES, description="spaCy label of the span (after the dictionary ruler)")
    resolution_method: Series[str] = pa.Field(isin=RESOLUTION_METHODS, description="How the entity was found: dictionary, title (office on that date), document (short form), context (a role word alone: `police` in Nairobi), unresolved")
    entity_id: Series[str] = pa.Field(description="Canonical entity id: dictionary id, or unresolved:<type>:<name>")
    canonical_name: Series[str] = pa.Field(description="Canonical name of the entity")
    entity_type: Series[str] = pa.Field(isin=ENTITY_TYPES, description="Entity type from the dictionary, else the NER label")
    actor_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}([A-Z]{3})*$", description="CAMEO actor code, e.g. RUSGOV, IGOUNO")
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 country")
    role_code: Series[str] = pa.Field(nullable=True, description="CAMEO role: GOV, MIL, IGO, MED...")
    wikidata_qid: Series[str] = pa.Field(nullable=True, str_matches=r"^Q[0-9]+$", description="Wikidata item")
    feature_type: Series[str] = pa.Field(nullable=True, isin=FEATURE_TYPES, description="For places: city, region or country")
    is_resolved: Series[bool] = pa.Field(description="True when the dictionary knows the entity")
    geonames_id: Series[Int64] = pa.Field(nullable=True, description="GeoNames id of a place")
    latitude: Series[Float64] = pa.Field(nullable=True, ge=-90, le=90, description="Latitude (WGS84)")
    longitude: Series[Float64] = pa.Field(nullable=True, ge=-180, le=180, description="Longitude (WGS84)")

    @pa.dataframe_check(description="A mention's span is not empty")
    def span_is_ordered(cls, df):
        return df["start_char"] < df["end_char"]
