"""`make run`: load what is new or changed in CORPUS_DIR into WAREHOUSE_PATH, then print what was built.

The files of the folder are compared with those the published warehouse holds (the last successful
load): new and changed files make one load batch (one partition; one per LOAD_BATCH_FILES files), loaded
in one run each; unchanged files are not read again. `FULL_REFRESH=1` deletes the warehouse and loads everything. Runs go to the Dagster instance in
DAGSTER_HOME when it is set (the Makefile sets it, so `make ui` shows them), else to a temporary instance.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from newsevents import config
from newsevents.ingest import InputError
from newsevents.loads import LoadPlan, plan_load, scan_corpus
from orchestration.dead_runs import free_dead_runs, process_tags
from orchestration.partitions import register_batch
from warehouse.batches import split_into_batches
from warehouse.ledger import committed_files, remove_warehouse, writer_lock_holder
from warehouse.summary import input_accounting, table_counts, top_events

TOP_EVENTS = 10

warnings.filterwarnings("ignore", category=dg.BetaWarning)


def dagster_instance() -> dg.DagsterInstance:
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def without_outputs(result: dg.ExecuteInProcessResult) -> dg.ExecuteInProcessResult:
    """A run's result without the values of its steps' outputs, which `execute_in_process` keeps in memory
    (a batch's documents and tables): a load of several batches holds one batch's at a time."""
    return dg.ExecuteInProcessResult(result.all_events, result.dagster_run, None, result.job_def)


def load(instance: dg.DagsterInstance, plan: LoadPlan, versions: dict[str, str]) -> list[dg.ExecuteInProcessResult]:
    """Runs of the load job over new batches of the plan's new and changed files: one run, or one per
    LOAD_BATCH_FILES files, one after the other (a failed batch does not stop the next)."""
    from orchestration.definitions import build_definitions

    job = build_definitions().resolve_job_def("load_inputs")
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    for run_id in free_dead_runs(instance):
        print(f"Freed the pool slots of run {run_id}, whose process is gone", file=sys.stderr)
    batches = split_into_batches({name: versions[name] for name in plan.to_load}, config.load_batch_files())
    return [
        without_outputs(
            job.execute_in_process(
                instance=instance, raise_on_error=False, run_config=quiet, partition_key=register_batch(instance, batch), tags=process_tags()
            )
        )
        for batch in batches
    ]


def print_summary(published: Path) -> None:
    with duckdb.connect(str(published), read_only=True) as connection:
        print(f"\nPublished warehouse (what BI tools read): {published}\n")
        files, documents, duplicates, quarantined = input_accounting(connection)
        print(
            f"Inputs: {files} files, {documents + duplicates + quarantined} inputs = {documents} documents + {duplicates} duplicates"
            f" + {quarantined} quarantined (reasons in staging.quarantined_inputs)\n"
        )
        print(f"{'table':36} {'rows':>8}")
        for table, rows in table_counts(connection):
            print(f"{table:36} {rows:>8}")
        top = top_events(connection, TOP_EVENTS)
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


@dataclass(frozen=True)
class LoadOutcome:
    plan: LoadPlan
    results: list[dg.ExecuteInProcessResult]  # none when there was nothing to load

    @property
    def problems(self) -> list[str]:
        return [problem for result in self.results for problem in failed_steps(result) or ([] if result.success else ["the run failed"])]


def recodes_stale() -> bool:
    """Whether files coded with other reference data are coded again: with REPROCESS=stale, and always for
    the bundled sample (a few files, whose figures the README quotes)."""
    return os.environ.get("REPROCESS", "") == "stale" or config.corpus_dir().resolve() == config.DEFAULT_CORPUS_DIR.resolve()


def load_corpus(instance: dg.DagsterInstance, full_refresh: bool = False) -> LoadOutcome:
    """Load what is new or changed in CORPUS_DIR into WAREHOUSE_PATH (everything, after deleting the
    warehouse, with `full_refresh`), and publish it."""
    warehouse, published = config.warehouse_path(), config.published_warehouse_path()
    if full_refresh:
        remove_warehouse(warehouse)
    versions = scan_corpus(config.corpus_dir())
    committed = committed_files(warehouse, published)
    plan = plan_load(
        versions,
        {name: version for name, (version, _) in committed.items()},
        {name: reference for name, (_, reference) in committed.items()},
        config.reference_digest(config.reference_dir()),
        recode_stale=recodes_stale(),
    )
    return LoadOutcome(plan, load(instance, plan, versions) if plan.to_load else [])


class CannotLoad(RuntimeError):
    """A reason the load cannot start, said in one line before any work is done."""


def preflight() -> None:
    """Check what a user can get wrong before anything is read: the corpus folder, the warehouse's folder
    and its lock, and the spaCy model. Raises CannotLoad with the reason."""
    corpus, warehouse = config.corpus_dir(), config.warehouse_path()
    if not corpus.is_dir():
        raise CannotLoad(f"CORPUS_DIR {corpus} is not a folder (set CORPUS_DIR to the folder of input files)")
    try:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        config.published_warehouse_path().parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotLoad(f"cannot create the warehouse's folder for WAREHOUSE_PATH {warehouse}: {error.strerror}") from error
    if not os.access(warehouse.parent, os.W_OK) or (warehouse.exists() and not os.access(warehouse, os.W_OK)):
        raise CannotLoad(f"WAREHOUSE_PATH {warehouse} is not writable")
    try:
        model = config.spacy_model_name()
        config.load_workers()
        config.load_batch_files()
    except (RuntimeError, config.InvalidSetting) as error:
        raise CannotLoad(str(error)) from error
    store = config.load_store_dir()
    try:
        store.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotLoad(f"cannot create the load store LOAD_STORE_DIR {store}: {error.strerror}") from error
    if not os.access(store, os.W_OK):
        raise CannotLoad(f"LOAD_STORE_DIR {store} is not writable")
    if importlib.util.find_spec(model) is None and not Path(model).is_dir():
        raise CannotLoad(f"SPACY_MODEL {model!r} is not an installed spaCy package or a model folder")
    holder = writer_lock_holder(warehouse) if warehouse.exists() else None
    if holder:
        raise CannotLoad(
            f"the warehouse {warehouse} is open in another process ({holder}); readers should open "
            f"the published copy {config.published_warehouse_path()} instead"
        )


def run(full_refresh: bool = False) -> int:
    try:
        preflight()
    except CannotLoad as error:
        print(f"Cannot load: {error}", file=sys.stderr)
        return 2
    print(f"Loading {config.corpus_dir()} into {config.warehouse_path()} with spaCy model {config.spacy_model_name()}")
    if full_refresh:
        print("FULL_REFRESH: the warehouse is deleted and every file loaded again")
    with dagster_instance() as instance:
        try:
            outcome = load_corpus(instance, full_refresh)
        except InputError as error:  # the folder as a whole (its manifest) cannot be read
            print(f"Cannot load: {error}", file=sys.stderr)
            return 2
    print(f"Input files: {outcome.plan.summary()}")
    if outcome.problems:
        print("The load did not complete:", *outcome.problems, sep="\n  ", file=sys.stderr)
        return 1
    if not outcome.results:
        if not config.published_warehouse_path().exists():
            print(f"Nothing to load: {config.corpus_dir()} holds no input files, and nothing was loaded before.")
            return 0
        print("Nothing to load: the published warehouse is up to date.")
    print_summary(config.published_warehouse_path())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.run",
        description=(
            "Load what is new or changed in CORPUS_DIR into WAREHOUSE_PATH and publish it for readers "
            "(PUBLISHED_WAREHOUSE_PATH). Settings come from the environment: CORPUS_DIR, WAREHOUSE_PATH, "
            "PUBLISHED_WAREHOUSE_PATH, SPACY_MODEL, REFERENCE_DIR, LOAD_WORKERS, LOAD_BATCH_FILES, LOAD_STORE_DIR, FULL_REFRESH=1 to "
            "rebuild from scratch."
        ),
    )
    parser.parse_args(argv)
    return run(full_refresh=os.environ.get("FULL_REFRESH", "") not in ("", "0"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
