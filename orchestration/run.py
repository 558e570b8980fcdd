"""`make run`: materialise every asset and its checks on CORPUS_DIR, then print what was built.

Runs go to the Dagster instance in DAGSTER_HOME when it is set (the Makefile sets it, so `make ui`
shows the runs of `make run`), else to a temporary instance.
"""

from __future__ import annotations

import os
import sys

import dagster as dg
import duckdb

from newsevents import config
from newsevents.config import SQL_DIR
from schemas import TABLE_MODELS

TOP_EVENTS = 10


def dagster_instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def materialize_all(instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    from orchestration.definitions import build_definitions

    job = build_definitions().resolve_implicit_global_asset_job_def()
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    return job.execute_in_process(instance=instance, raise_on_error=False, run_config=quiet)


def table_counts(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    counts = []
    for table in TABLE_MODELS:
        schema_name, table_name = table.split(".")
        counts.append((table, connection.execute(f'select count(*) from {schema_name}."{table_name}"').fetchone()[0]))
    return counts


def print_summary(warehouse: str) -> None:
    with duckdb.connect(warehouse, read_only=True) as connection:
        print(f"\nWarehouse: {warehouse}\n")
        documents, duplicates, quarantined = (
            connection.execute(f"select count(*) from staging.{table}").fetchone()[0]
            for table in ("raw_documents", "duplicate_inputs", "quarantined_inputs")
        )
        print(
            f"Inputs: {documents + duplicates + quarantined} seen = {documents} documents + {duplicates} duplicates"
            f" + {quarantined} quarantined (reasons in staging.quarantined_inputs)\n"
        )
        print(f"{'table':36} {'rows':>8}")
        for table, rows in table_counts(connection):
            print(f"{table:36} {rows:>8}")
        top = connection.execute((SQL_DIR / "queries" / "top_events.sql").read_text(), [TOP_EVENTS]).df()
    print(f"\nTop {TOP_EVENTS} events (by sources, then reports):\n")
    print(top.to_string(index=False))


def failed_steps(result: dg.ExecuteInProcessResult) -> list[str]:
    failures = [event.step_key for event in result.all_events if event.event_type == dg.DagsterEventType.STEP_FAILURE]
    failed_checks = [
        f"{evaluation.asset_check_key.name} (check failed)"
        for event in result.all_events
        if event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION
        and not (evaluation := event.event_specific_data).passed
    ]
    return [str(step) for step in failures] + failed_checks


def main() -> int:
    print(f"Loading {config.corpus_dir()} into {config.warehouse_path()} with spaCy model {config.spacy_model_name()}")
    with dagster_instance() as instance:
        result = materialize_all(instance)
    problems = failed_steps(result)
    if problems or not result.success:
        print("The load did not complete:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print_summary(str(config.warehouse_path()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
