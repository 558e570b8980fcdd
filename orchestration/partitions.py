"""Partitions: one per version of one input file, added as files arrive (dynamic partitions).

A key is `<file name>@<version>` (see `newsevents.loads`). Registering a file's new version removes the
keys of its older versions, so the partition list in the UI shows what each file currently is, and the
keys of a load are always the newest ones: a load is one run over a contiguous range of keys.
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
    """(keys to delete, keys to add) to register `versions` (file name -> version) as the newest keys.

    Older versions of the same files are deleted; a key that is already registered is deleted and added
    again, so that it moves to the end of the list with the rest of the load."""
    files = set(versions)
    to_delete = [key for key in registered_keys if parse_partition_key(key)[0] in files]
    to_add = [partition_key(name, versions[name]) for name in sorted(versions)]
    return to_delete, to_add


def register_versions(instance: dg.DagsterInstance, versions: Mapping[str, str]) -> list[str]:
    """Register the file versions as partitions and return their keys, in partition order."""
    registered = instance.get_dynamic_partitions(input_file_partitions.name)
    to_delete, to_add = registration_requests(registered, versions)
    for key in to_delete:
        instance.delete_dynamic_partition(input_file_partitions.name, key)
    instance.add_dynamic_partitions(input_file_partitions.name, to_add)
    return to_add


def partition_range_tags(keys: Sequence[str]) -> dict[str, str]:
    """Run tags for one run over a contiguous range of partition keys."""
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}
