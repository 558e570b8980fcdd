"""The corpus sensor: launches a load for the files of CORPUS_DIR that are new or changed.

Its cursor remembers every file it has seen (size, modification time and version), so a tick hashes
only files that were touched, and a file that reappears unchanged launches nothing. Each tick that finds
new or changed files, not loaded and not in a load under way, makes them one load batch (one partition;
one per LOAD_BATCH_FILES files) and requests one run of each. A file deleted from the folder is dropped from the cursor; its rows stay in
the warehouse (see README).

A batch whose run failed is tried again, with a bounded back-off recorded in the cursor: a failed batch
with a file whose version the published warehouse does not hold as loaded is retried after 1, 2, 4, 8
and 16 minutes, then left (the UI shows the failed runs).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone

import dagster as dg

from newsevents import config
from newsevents.loads import (
    SeenFile,
    manifest_stamp,
    plan_load,
    scan_with_cache,
)
from orchestration.jobs import load_job
from orchestration.partitions import load_batch_partitions, new_batch
from orchestration.resources import CorpusFolder
from warehouse.batches import (
    UnknownBatch,
    batch_made_at,
    read_batch,
    split_into_batches,
)
from warehouse.ledger import loaded_versions

SENSOR_INTERVAL_SECONDS = 30
RETRY_BASE_SECONDS = 60
RETRY_TAG = "newsevents/retry"
MAX_RETRIES = 5
RECENT_RUNS = 200
# A batch made this recently with no finished run is taken to be under way (queued, running, or
# requested and not yet launched): its files are not put in another batch.
PENDING_BATCH_HOURS = 24
PARTITION_TAG = "dagster/partition"


@dataclass(frozen=True)
class Retry:
    """A failed batch's retries so far and when the next one is due (seconds since the epoch)."""

    attempts: int
    due_at: float


def retry_plan(failed: set[str], retries: dict[str, Retry], now: float) -> tuple[list[str], dict[str, Retry]]:
    """(batch keys to run again now, the retries to remember). A newly failed batch is first retried after
    RETRY_BASE_SECONDS, each next retry after twice the wait, up to MAX_RETRIES; batches that no longer
    fail are forgotten."""
    due, remembered = [], {}
    for key in sorted(failed):
        retry = retries.get(key) or Retry(0, now + RETRY_BASE_SECONDS)
        if retry.attempts < MAX_RETRIES and now >= retry.due_at:
            due.append(key)
            retry = Retry(retry.attempts + 1, now + RETRY_BASE_SECONDS * 2 ** (retry.attempts + 1))
        remembered[key] = retry
    return due, remembered


@dataclass(frozen=True)
class BatchRuns:
    """The load batches of recent runs: which failed (with how many failed runs), which succeeded."""

    failed: Counter[str]
    succeeded: set[str]

    def finished(self, key: str) -> bool:
        return key in self.succeeded or key in self.failed


def recent_batch_runs(instance: dg.DagsterInstance) -> BatchRuns:
    runs = instance.get_runs(
        filters=dg.RunsFilter(job_name=load_job.name, statuses=[dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.SUCCESS]),
        limit=RECENT_RUNS,
    )
    failed = Counter(run.tags[PARTITION_TAG] for run in runs if PARTITION_TAG in run.tags and run.status == dg.DagsterRunStatus.FAILURE)
    succeeded = {run.tags[PARTITION_TAG] for run in runs if PARTITION_TAG in run.tags and run.status == dg.DagsterRunStatus.SUCCESS}
    return BatchRuns(failed, succeeded)


def batch_files(key: str) -> dict[str, str]:
    """A batch's files and versions; none for a batch whose list is gone (another LOAD_STORE_DIR)."""
    try:
        return read_batch(config.load_store_dir(), key)
    except UnknownBatch:
        return {}


def made_within(key: str, hours: int, now: datetime) -> bool:
    """Whether a batch was made in the last `hours`."""
    made_at = batch_made_at(key)
    return made_at is not None and now - made_at <= timedelta(hours=hours)


def pending_versions(instance: dg.DagsterInstance, runs: BatchRuns) -> dict[str, str]:
    """The file versions of recent batches with no finished run: a load of them is under way."""
    now = datetime.now(timezone.utc)
    pending: dict[str, str] = {}
    for key in instance.get_dynamic_partitions(load_batch_partitions.name):
        if made_within(key, PENDING_BATCH_HOURS, now) and not runs.finished(key):
            pending.update(batch_files(key))
    return pending


def unloaded(versions: dict[str, str], loaded: dict[str, str]) -> bool:
    """Whether some file of a batch is not held as loaded at the batch's version."""
    return any(loaded.get(name) != version for name, version in versions.items())


def failed_batches(runs: BatchRuns, loaded: dict[str, str], current: dict[str, str]) -> Counter[str]:
    """Batches of recent failed runs, with how many runs of each failed, that hold a file the published
    warehouse does not hold as loaded at the version the folder still has (a later run may have loaded
    it, or the file changed since and goes into a new batch)."""
    outstanding = Counter()
    for key, failures in runs.failed.items():
        if key in runs.succeeded:
            continue
        still = {name: version for name, version in batch_files(key).items() if current.get(name) == version}
        if unloaded(still, loaded):
            outstanding[key] = failures
    return outstanding


def retry_request(key: str, attempt: int) -> dg.RunRequest:
    return dg.RunRequest(run_key=f"{key}#retry-{attempt}", partition_key=key, tags={RETRY_TAG: str(attempt)})


def read_cursor(cursor: str | None) -> tuple[dict[str, SeenFile], list[int], dict[str, Retry]]:
    if not cursor:
        return {}, [], {}
    state = json.loads(cursor)
    retries = {key: Retry(**retry) for key, retry in state.get("retries", {}).items()}
    return {name: SeenFile(**seen) for name, seen in state["files"].items()}, state["manifest"], retries


def write_cursor(files: dict[str, SeenFile], manifest: list[int], retries: dict[str, Retry] | None = None) -> str:
    return json.dumps(
        {
            "files": {name: asdict(seen) for name, seen in sorted(files.items())},
            "manifest": manifest,
            "retries": {key: asdict(retry) for key, retry in sorted((retries or {}).items())},
        }
    )


def files_to_load(versions: dict[str, str], previous: dict[str, str], loaded: dict[str, str], pending: dict[str, str]) -> dict[str, str]:
    """New or changed files (since `previous`) whose version is neither loaded nor in a load under way."""
    plan = plan_load(versions, previous)
    return {
        name: versions[name]
        for name in plan.to_load
        if loaded.get(name) != versions[name] and pending.get(name) != versions[name]
    }


def load_requests(versions: dict[str, str]) -> list[tuple[str, dg.RunRequest]]:
    """New batches of the files (at most LOAD_BATCH_FILES each) and the request for each one's run:
    (batch key, request)."""
    keys = [new_batch(batch) for batch in split_into_batches(versions, config.load_batch_files())]
    return [(key, dg.RunRequest(run_key=key, partition_key=key)) for key in keys]


@dg.sensor(
    job=load_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    description="Loads new and changed files of CORPUS_DIR (found by content hash) as they arrive, one batch a tick.",
)
def corpus_sensor(context: dg.SensorEvaluationContext, corpus: CorpusFolder) -> dg.SensorResult | dg.SkipReason:
    folder = corpus.folder()
    seen, manifest, retries = read_cursor(context.cursor)
    current_manifest = manifest_stamp(folder)
    files = scan_with_cache(folder, seen, manifest_unchanged=current_manifest == manifest)
    versions = {name: file.version for name, file in files.items()}
    runs = recent_batch_runs(context.instance)
    loaded = loaded_versions(config.warehouse_path(), config.published_warehouse_path())
    to_load = files_to_load(versions, {name: file.version for name, file in seen.items()}, loaded, pending_versions(context.instance, runs))
    due, retries = retry_plan(set(failed_batches(runs, loaded, versions)), retries, time.time())
    run_requests = [retry_request(key, retries[key].attempts) for key in due]
    cursor = write_cursor(files, current_manifest, retries)
    if not to_load and not run_requests:
        context.update_cursor(cursor)
        return dg.SkipReason(f"no new or changed files among {len(files)} in {folder}, and no failed batch due for a retry")
    partition_requests = []
    if to_load:
        batches = load_requests(to_load)
        partition_requests.append(load_batch_partitions.build_add_request([key for key, _ in batches]))
        run_requests += [request for _, request in batches]
    return dg.SensorResult(run_requests=run_requests, dynamic_partitions_requests=partition_requests, cursor=cursor)
