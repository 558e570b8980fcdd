"""Partitions: one per load batch (the new and changed files of one load), added as loads are made.

A key is a batch key (`warehouse.batches`): when the batch was made and a digest of its files; the
batch's file list is in the batch store. One load is one partition and one run however many files it
holds, so Dagster's records of a load do not grow with its number of files. What became of each file
is in the warehouse's ledger (`staging.input_files`), which names its batch.
"""

from __future__ import annotations

from collections.abc import Mapping

import dagster as dg

from newsevents import config
from warehouse.batches import write_batch

load_batch_partitions = dg.DynamicPartitionsDefinition(name="load_batches")

# Every asset that writes the DuckDB warehouse runs in this pool; dagster.yaml limits it to one step at a
# time across all runs, because DuckDB allows one writing process.
WAREHOUSE_POOL = "duckdb_warehouse"


def new_batch(versions: Mapping[str, str]) -> str:
    """Record a batch of file versions in the batch store; returns its partition key (not yet added)."""
    return write_batch(config.load_store_dir(), versions)


def register_batch(instance: dg.DagsterInstance, versions: Mapping[str, str]) -> str:
    """Record a batch and add it as a partition; returns its key."""
    key = new_batch(versions)
    instance.add_dynamic_partitions(load_batch_partitions.name, [key])
    return key
