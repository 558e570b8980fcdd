"""Shared settings and column vocabularies of the pandera models."""

import pandera.pandas as pa

HEX16 = r"^[0-9a-f]{16}$"
EVENT_CODE = r"^[0-9]{2,4}$"
# The event types of the PLOVER ontology (PLOVER manual, Draft 2.0; seeds/reference/cameo_plover.csv).
PLOVER_EVENT_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"]
DATE_ORIGINS = ["manifest", "html", "text", "none"]
RESOLUTION_METHODS = ["dictionary", "title", "fuzzy", "document", "unresolved", "context"]
EVENT_MODES = ["asserted", "negated", "hypothetical", "future", "question"]
FEATURE_TYPES = ["city", "region", "country"]


class TableModel(pa.DataFrameModel):
    class Config:
        strict = True  # exactly the declared columns: a renamed or extra column fails
        coerce = True
