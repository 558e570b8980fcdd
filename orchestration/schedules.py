"""The scheduled load, for users who prefer cron-like loads to the sensor: at each tick (hourly by
default, `LOAD_SCHEDULE` to change it) it loads the files of CORPUS_DIR whose current version no load has
registered yet, and tries again, once a tick and up to MAX_RETRIES times, the files whose run failed."""

from __future__ import annotations

import dagster as dg

from newsevents import config
from newsevents.loads import partition_key, scan_corpus
from orchestration.jobs import load_job
from orchestration.partitions import input_file_partitions, register_versions
from orchestration.resources import CorpusFolder
from orchestration.sensors import (
    MAX_RETRIES,
    failed_keys,
    files_to_load,
    load_request,
    retry_request,
)


@dg.schedule(
    job=load_job,
    cron_schedule=config.load_schedule_cron(),
    description="Loads what arrived in CORPUS_DIR since the last load (LOAD_SCHEDULE, hourly by default).",
)
def load_schedule(context: dg.ScheduleEvaluationContext, corpus: CorpusFolder) -> list[dg.RunRequest] | dg.SkipReason:
    versions = scan_corpus(corpus.folder())
    registered = set(context.instance.get_dynamic_partitions(input_file_partitions.name))
    to_load = files_to_load(versions, {}, registered)
    current_keys = {partition_key(name, version) for name, version in versions.items()}
    failures = failed_keys(context.instance, context.instance.get_dynamic_partitions(input_file_partitions.name))
    retries = [retry_request(key, n) for key, n in sorted(failures.items()) if key in current_keys and n <= MAX_RETRIES]
    if not to_load and not retries:
        return dg.SkipReason(f"no new or changed files among {len(versions)} in {corpus.folder()}, and no failed file to retry")
    return retries + [load_request(keys) for keys in register_versions(context.instance, to_load)]
