"""The corpus sensor: launches a load for the files of CORPUS_DIR that are new or changed.

Its cursor remembers every file it has seen (size, modification time and version), so a tick hashes
only files that were touched, and a file that reappears unchanged launches nothing. Each tick that finds
new or changed files registers their versions as partitions and requests one run over them. A file
deleted from the folder is dropped from the cursor; its rows stay in the warehouse (see README).

A file whose run failed is tried again, with a bounded back-off recorded in the cursor: a partition of a
failed run whose version the published warehouse does not hold as loaded is retried after 1, 2, 4, 8 and
16 minutes, then left (the UI shows the failed runs).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass

import dagster as dg

from newsevents import config
from newsevents.loads import (
    SeenFile,
    manifest_stamp,
    parse_partition_key,
    partition_key,
    plan_load,
    scan_with_cache,
)
from orchestration.jobs import load_job
from orchestration.partitions import (
    RANGE_END_TAG,
    RANGE_START_TAG,
    input_file_partitions,
    partition_range_tags,
    registration_requests,
)
from orchestration.resources import CorpusFolder
from warehouse.ledger import committed_files

SENSOR_INTERVAL_SECONDS = 30
RETRY_BASE_SECONDS = 60
RETRY_TAG = "newsevents/retry"
MAX_RETRIES = 5
RECENT_FAILED_RUNS = 200


@dataclass(frozen=True)
class Retry:
    """A failed partition's retries so far and when the next one is due (seconds since the epoch)."""

    attempts: int
    due_at: float


def retry_plan(failed: set[str], retries: dict[str, Retry], now: float) -> tuple[list[str], dict[str, Retry]]:
    """(keys to run again now, the retries to remember). A newly failed key is first retried after
    RETRY_BASE_SECONDS, each next retry after twice the wait, up to MAX_RETRIES; keys that no longer fail
    are forgotten."""
    due, remembered = [], {}
    for key in sorted(failed):
        retry = retries.get(key) or Retry(0, now + RETRY_BASE_SECONDS)
        if retry.attempts < MAX_RETRIES and now >= retry.due_at:
            due.append(key)
            retry = Retry(retry.attempts + 1, now + RETRY_BASE_SECONDS * 2 ** (retry.attempts + 1))
        remembered[key] = retry
    return due, remembered


def keys_of_run(run: dg.DagsterRun, registered: list[str]) -> list[str]:
    """The partition keys a run loaded: its one key, or the keys of its range in the registered order."""
    if "dagster/partition" in run.tags:
        return [run.tags["dagster/partition"]]
    start, end = run.tags.get(RANGE_START_TAG), run.tags.get(RANGE_END_TAG)
    if start in registered and end in registered:
        return registered[registered.index(start) : registered.index(end) + 1]
    return []


def failed_keys(instance: dg.DagsterInstance, registered: list[str]) -> Counter[str]:
    """Registered keys of recent failed load runs whose file version the published warehouse does not hold
    as loaded (a later run may have loaded them), with how many runs of each failed."""
    runs = instance.get_runs(filters=dg.RunsFilter(job_name=load_job.name, statuses=[dg.DagsterRunStatus.FAILURE]), limit=RECENT_FAILED_RUNS)
    failures = Counter(key for run in runs for key in keys_of_run(run, registered))
    loaded = {name: version for name, (version, _) in committed_files(config.warehouse_path(), config.published_warehouse_path()).items()}
    return Counter({key: n for key, n in failures.items() if loaded.get(parse_partition_key(key)[0]) != parse_partition_key(key)[1]})


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


def load_request(keys: list[str]) -> dg.RunRequest:
    """One run over the partition keys of a load (the newest keys, so a contiguous range)."""
    if len(keys) == 1:
        return dg.RunRequest(run_key=keys[0], partition_key=keys[0])
    return dg.RunRequest(run_key=f"{keys[0]}..{keys[-1]}", tags=partition_range_tags(keys))


def files_to_load(versions: dict[str, str], previous: dict[str, str], registered: set[str]) -> dict[str, str]:
    """New or changed files whose version no load has registered yet (`make run` may have loaded them)."""
    plan = plan_load(versions, previous)
    return {name: versions[name] for name in plan.to_load if partition_key(name, versions[name]) not in registered}


@dg.sensor(
    job=load_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    description="Loads new and changed files of CORPUS_DIR (found by content hash) as they arrive.",
)
def corpus_sensor(context: dg.SensorEvaluationContext, corpus: CorpusFolder) -> dg.SensorResult | dg.SkipReason:
    folder = corpus.folder()
    seen, manifest, retries = read_cursor(context.cursor)
    current_manifest = manifest_stamp(folder)
    files = scan_with_cache(folder, seen, manifest_unchanged=current_manifest == manifest)
    versions = {name: file.version for name, file in files.items()}
    registered = context.instance.get_dynamic_partitions(input_file_partitions.name)
    to_load = files_to_load(versions, {name: file.version for name, file in seen.items()}, set(registered))
    current_keys = {partition_key(name, version) for name, version in versions.items()}
    due, retries = retry_plan(set(failed_keys(context.instance, registered)) & current_keys, retries, time.time())
    retry_requests = [retry_request(key, retries[key].attempts) for key in due]
    cursor = write_cursor(files, current_manifest, retries)
    if not to_load and not retry_requests:
        context.update_cursor(cursor)
        return dg.SkipReason(f"no new or changed files among {len(files)} in {folder}, and no failed file due for a retry")
    requests = []
    run_requests = list(retry_requests)
    if to_load:
        to_delete, to_add = registration_requests(registered, to_load)  # every key to load is new: one range
        requests = [input_file_partitions.build_delete_request(to_delete)] if to_delete else []
        requests.append(input_file_partitions.build_add_request(to_add))
        run_requests.append(load_request(to_add))
    return dg.SensorResult(run_requests=run_requests, dynamic_partitions_requests=requests, cursor=cursor)
