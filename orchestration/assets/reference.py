"""Reference data loaded from seeds/reference into staging tables the warehouse joins to."""

import dagster as dg
import pandas as pd

from newsevents.tables import actor_dictionary_table, cameo_event_codes_table
from orchestration.metadata import column_schema, table_metadata
from schemas import ActorDictionary, CameoEventCodes

GROUP = "reference"


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="The CAMEO event codebook with Goldstein values and GDELT quad classes (seeds/reference/cameo_event_codes.csv).",
    metadata=column_schema(CameoEventCodes),
)
def cameo_event_codes() -> dg.Output[pd.DataFrame]:
    table = cameo_event_codes_table()
    return dg.Output(table, metadata=table_metadata(table))


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="Every actor the dictionary knows: curated people, organisations and places (seeds/reference/actors.csv) and the countries of ISO 3166 (pycountry).",
    metadata=column_schema(ActorDictionary),
)
def actor_dictionary() -> dg.Output[pd.DataFrame]:
    table = actor_dictionary_table()
    return dg.Output(table, metadata=table_metadata(table))
