"""The Dagster code location: every asset with its pandera check, the load job, its sensor and schedule,
and the resources."""

import dagster as dg

from orchestration.assets import documents, nlp, reference, warehouse
from orchestration.jobs import load_job
from orchestration.resources import build_resources
from orchestration.schedules import load_schedule
from orchestration.sensors import corpus_sensor


def build_definitions() -> dg.Definitions:
    """Definitions with resources read from the environment now (WAREHOUSE_PATH, CORPUS_DIR, SPACY_MODEL)."""
    return dg.Definitions(
        assets=dg.load_assets_from_modules([reference, documents, nlp, warehouse]),
        jobs=[load_job],
        sensors=[corpus_sensor],
        schedules=[load_schedule],
        resources=build_resources(),
        # One process runs a whole load: spaCy loads once, and the warehouse pool keeps writers apart.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
