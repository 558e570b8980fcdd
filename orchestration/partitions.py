"""Partitions: one per version of one input file, added as files arrive (dynamic partitions).

A key is `<file name>@<version>` (see `newsevents.loads`). Registering a file's new version removes the
keys of its older versions, so the partition list in the UI shows what each file currently is. New keys
are added at the end of the list, so the files of a load are a contiguous range of keys: one run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import dagster as dg

from newsevents.loads import parse_partition_key, partition_key

input_file_partitions = dg.DynamicPartitionsDefinition(name="input_files")

# Dagster's run tags for a run over a range of partitions (dagster._core.storage.tags).
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

# Every asset that reads or writes the DuckDB warehouse runs in this pool; dagster.yaml limits it to one
# step at a time across all runs, because DuckDB allows one writing process.
WAREHOUSE_POOL = "duckdb_warehouse"


def registration_requests(
    registered_keys: Sequence[str], versions: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """(keys to delete, keys to add) to register `versions` (file name -> version): the keys of older
    versions of those files go, the keys not yet registered are added (at the end of the list)."""
    wanted = {partition_key(name, version) for name, version in versions.items()}
    registered = set(registered_keys)
    to_delete = [key for key in registered_keys if parse_partition_key(key)[0] in versions and key not in wanted]
    to_add = sorted(wanted - registered)
    return to_delete, to_add


def contiguous_ranges(all_keys: Sequence[str], wanted: set[str]) -> list[list[str]]:
    """The wanted keys as runs of neighbours in the partition order: each is one run's range."""
    ranges: list[list[str]] = []
    previous_index = None
    for index, key in enumerate(all_keys):
        if key not in wanted:
            continue
        if previous_index is not None and index == previous_index + 1:
            ranges[-1].append(key)
        else:
            ranges.append([key])
        previous_index = index
    return ranges


def register_versions(instance: dg.DagsterInstance, versions: Mapping[str, str], attempts: int = 3) -> list[list[str]]:
    """Register the file versions as partitions; returns their keys as ranges of neighbouring keys (a
    new key is added at the end, so the keys of new files form one range). Two loads registering the
    same keys at once is not an error: the one that finds a key already added reads the list again."""
    for attempt in range(attempts):
        to_delete, to_add = registration_requests(instance.get_dynamic_partitions(input_file_partitions.name), versions)
        try:
            for key in to_delete:
                instance.delete_dynamic_partition(input_file_partitions.name, key)
            if to_add:
                instance.add_dynamic_partitions(input_file_partitions.name, to_add)
            break
        except Exception as error:  # the storage's unique-key error, whichever database backs the instance
            if "unique" not in str(error).lower() or attempt == attempts - 1:
                raise
    wanted = {partition_key(name, version) for name, version in versions.items()}
    return contiguous_ranges(instance.get_dynamic_partitions(input_file_partitions.name), wanted)


def partition_range_tags(keys: Sequence[str]) -> dict[str, str]:
    """Run tags for one run over a contiguous range of partition keys."""
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}
