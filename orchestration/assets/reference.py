"""Reference data loaded from seeds/reference into staging tables the warehouse joins to (small, so each
load replaces them whole)."""

import dagster as dg

from newsevents.tables import actor_dictionary_table, cameo_event_codes_table
from orchestration.checks import checked_output, schema_check_spec
from orchestration.metadata import column_schema
from orchestration.partitions import WAREHOUSE_POOL
from schemas import ActorDictionary, CameoEventCodes

GROUP = "reference"


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="The CAMEO event codebook with Goldstein values and GDELT quad classes (seeds/reference/cameo_event_codes.csv).",
    metadata=column_schema(CameoEventCodes),
    check_specs=[schema_check_spec("staging.cameo_event_codes")],
    pool=WAREHOUSE_POOL,
)
def cameo_event_codes():
    yield from checked_output("staging.cameo_event_codes", cameo_event_codes_table(), "the whole codebook")


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="Every actor the dictionary knows: curated people, organisations and places (seeds/reference/actors.csv) and the countries of ISO 3166 (pycountry).",
    metadata=column_schema(ActorDictionary),
    check_specs=[schema_check_spec("staging.actor_dictionary")],
    pool=WAREHOUSE_POOL,
)
def actor_dictionary():
    yield from checked_output("staging.actor_dictionary", actor_dictionary_table(), "the whole dictionary")
