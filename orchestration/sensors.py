"""The corpus sensor: launches a load for the files of CORPUS_DIR that are new or changed.

Its cursor remembers every file it has seen (size, modification time and version), so a tick hashes
only files that were touched, and a file that reappears unchanged launches nothing. Each tick that finds
new or changed files registers their versions as partitions and requests one run over them. A file
deleted from the folder is dropped from the cursor; its rows stay in the warehouse (see README).
"""

from __future__ import annotations

import json
from dataclasses import asdict

import dagster as dg

from newsevents.loads import (
    SeenFile,
    manifest_stamp,
    partition_key,
    plan_load,
    scan_with_cache,
)
from orchestration.jobs import load_job
from orchestration.partitions import (
    input_file_partitions,
    partition_range_tags,
    registration_requests,
)
from orchestration.resources import CorpusFolder

SENSOR_INTERVAL_SECONDS = 30


def read_cursor(cursor: str | None) -> tuple[dict[str, SeenFile], list[int]]:
    if not cursor:
        return {}, []
    state = json.loads(cursor)
    return {name: SeenFile(**seen) for name, seen in state["files"].items()}, state["manifest"]


def write_cursor(files: dict[str, SeenFile], manifest: list[int]) -> str:
    return json.dumps({"files": {name: asdict(seen) for name, seen in sorted(files.items())}, "manifest": manifest})


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
    seen, manifest = read_cursor(context.cursor)
    current_manifest = manifest_stamp(folder)
    files = scan_with_cache(folder, seen, manifest_unchanged=current_manifest == manifest)
    versions = {name: file.version for name, file in files.items()}
    registered = context.instance.get_dynamic_partitions(input_file_partitions.name)
    to_load = files_to_load(versions, {name: file.version for name, file in seen.items()}, set(registered))
    cursor = write_cursor(files, current_manifest)
    if not to_load:
        context.update_cursor(cursor)
        return dg.SkipReason(f"no new or changed files among {len(files)} in {folder}")
    to_delete, to_add = registration_requests(registered, to_load)  # every key to load is new: one range
    requests = [input_file_partitions.build_delete_request(to_delete)] if to_delete else []
    requests.append(input_file_partitions.build_add_request(to_add))
    return dg.SensorResult(run_requests=[load_request(to_add)], dynamic_partitions_requests=requests, cursor=cursor)
