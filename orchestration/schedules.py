"""The scheduled load, for users who prefer cron-like loads to the sensor: at each tick (hourly by
default, `LOAD_SCHEDULE` to change it) it makes one batch (one per LOAD_BATCH_FILES) of the files of CORPUS_DIR that are neither
loaded nor in a load under way. A file whose load failed is in the next tick's batch again, up to
MAX_RETRIES failed runs of its version."""

from __future__ import annotations

from collections import Counter

import dagster as dg

from newsevents import config
from newsevents.loads import scan_corpus
from orchestration.jobs import load_job
from orchestration.partitions import register_batch
from orchestration.resources import CorpusFolder
from orchestration.sensors import (
    MAX_RETRIES,
    batch_files,
    files_to_load,
    pending_versions,
    recent_batch_runs,
)
from warehouse.batches import split_into_batches
from warehouse.ledger import loaded_versions


@dg.schedule(
    job=load_job,
    cron_schedule=config.load_schedule_cron(),
    description="Loads what arrived in CORPUS_DIR since the last load, as one batch (LOAD_SCHEDULE, hourly by default).",
)
def load_schedule(context: dg.ScheduleEvaluationContext, corpus: CorpusFolder) -> list[dg.RunRequest] | dg.SkipReason:
    versions = scan_corpus(corpus.folder())
    runs = recent_batch_runs(context.instance)
    failures = Counter(item for key, n in runs.failed.items() for item in batch_files(key).items() for _ in range(n))
    loaded = loaded_versions(config.warehouse_path(), config.published_warehouse_path())
    to_load = {
        name: version
        for name, version in files_to_load(versions, {}, loaded, pending_versions(context.instance, runs)).items()
        if failures[(name, version)] < MAX_RETRIES
    }
    if not to_load:
        return dg.SkipReason(f"no file of the {len(versions)} in {corpus.folder()} is waiting to be loaded")
    keys = [register_batch(context.instance, batch) for batch in split_into_batches(to_load, config.load_batch_files())]
    return [dg.RunRequest(run_key=key, partition_key=key) for key in keys]
