"""staging.actor_dictionary: the actors the dictionary knows (seeds/reference and pycountry)."""

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import FEATURE_TYPES, TableModel


class ActorDictionary(TableModel):
    entity_id: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z]+:[A-Za-z0-9-]+$", description="Dictionary id, e.g. person:vladimir-putin, country:RUS")
    canonical_name: Series[str] = pa.Field(description="Canonical name")
    entity_type: Series[str] = pa.Field(isin=["PERSON", "ORG", "GPE", "LOC"], description="PERSON, ORG, GPE or LOC")
    actor_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}([A-Z]{3})*$", description="CAMEO actor code")
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3")
    role_code: Series[str] = pa.Field(nullable=True, description="CAMEO role code")
    wikidata_qid: Series[str] = pa.Field(nullable=True, str_matches=r"^Q[0-9]+$", description="Wikidata item")
    feature_type: Series[str] = pa.Field(nullable=True, isin=FEATURE_TYPES, description="For places: city, region or country")
