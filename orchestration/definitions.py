"""The Dagster code location: every asset with its pandera check, the load job, its sensor and schedule,
and the resources."""

import os

import dagster as dg

from orchestration.assets import documents, nlp, reference, warehouse
from orchestration.jobs import load_job
from orchestration.resources import build_resources
from orchestration.schedules import load_schedule
from orchestration.sensors import corpus_sensor


def executor_from_environment() -> dg.ExecutorDefinition:
    """The executor `LOAD_EXECUTOR` names: `in_process` (default: one process runs a load, spaCy loads
    once), `multiprocess` (a process per step), `k8s` (a Kubernetes job per step, `dagster-k8s`) or
    `celery` (`dagster-celery`); see docs/scaling.md."""
    name = os.environ.get("LOAD_EXECUTOR", "in_process")
    if name == "in_process":
        return dg.in_process_executor
    if name == "multiprocess":
        return dg.multiprocess_executor
    if name == "k8s":
        # dagster-k8s is installed where the deployment runs on Kubernetes
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor
    if name == "celery":
        from dagster_celery import celery_executor

        return celery_executor
    raise ValueError(f"LOAD_EXECUTOR must be in_process, multiprocess, k8s or celery, not {name!r}")


def build_definitions(executor: dg.ExecutorDefinition | None = None) -> dg.Definitions:
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
        executor=executor or executor_from_environment(),
    )


defs = build_definitions()
