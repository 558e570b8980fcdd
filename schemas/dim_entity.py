"""main.dim_entity: one row per real-world actor or place, plus the unknown member."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import ENTITY_TYPES, TableModel


class DimEntity(TableModel):
    """Actors and places: one row per real-world entity (every country, every dictionary actor a document names, every unresolved name), plus the unknown member (entity_id 'unknown')."""

    entity_key: Series[int] = pa.Field(unique=True, description="Surrogate key: surrogate_key(entity_id)")
    entity_id: Series[str] = pa.Field(unique=True, description="Dictionary id, or unresolved:<type>:<name>")
    canonical_name: Series[str] = pa.Field(description="Canonical name")
    entity_type: Series[str] = pa.Field(isin=ENTITY_TYPES + ["UNKNOWN"], description="PERSON, ORG, GPE, LOC, NORP, FAC")
    actor_code: Series[str] = pa.Field(nullable=True, description="CAMEO actor code")
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3")
    role_code: Series[str] = pa.Field(nullable=True, description="CAMEO role code")
    wikidata_qid: Series[str] = pa.Field(nullable=True, description="Wikidata item")
    is_resolved: Series[pd.BooleanDtype] = pa.Field(nullable=True, description="Known to the dictionary")
