"""The Dagster code location: every asset with its pandera check, the load job, its sensor and schedule,
and the resources."""

import dagster as dg

from orchestration.assets import documents, nlp, reference, warehouse
from orchestration.jobs import load_job
from orchestration.resources import build_resources
from orchestration.schedules import load_schedule
from orchestration.sensors import corpus_sensor


def build_definitions(executor: dg.ExecutorDefinition = dg.in_process_executor) -> dg.Definitions:
    """Definitions with resources read from the environment now (WAREHOUSE_PATH, CORPUS_DIR, SPACY_MODEL,
    LOAD_WORKERS, LOAD_STORE_DIR). By default one process runs a whole load's steps (spaCy loads once in
    it, or in each of the text step's workers); another executor (multiprocess, Kubernetes, Celery)
    runs each step in a process of its own, and the warehouse pool keeps writers apart."""
    return dg.Definitions(
        assets=dg.load_assets_from_modules([reference, documents, nlp, warehouse]),
        jobs=[load_job],
        sensors=[corpus_sensor],
        schedules=[load_schedule],
        resources=build_resources(),
        executor=executor,
    )


defs = build_definitions()
