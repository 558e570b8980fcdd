"""Publication of the warehouse for readers: a checkpointed copy swapped in atomically.

DuckDB lets one process write a file, or many read it, never both. BI tools therefore read a copy: after
a load the writer checkpoints (so the file alone holds every committed change), the file is copied
beside the published path, flushed to disk, and renamed over it. A rename is atomic: a reader opens
either the old copy or the new one, never a half-written file, and a reader already connected keeps
its old copy (the file it opened) until it reconnects.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import duckdb


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def publish_warehouse(connection: duckdb.DuckDBPyConnection, warehouse: Path, published: Path) -> int:
    """Checkpoint the writer's `connection` to `warehouse` and swap a copy in at `published`; returns the
    published file's size in bytes. The caller holds the only writing connection."""
    connection.execute("checkpoint")
    published.parent.mkdir(parents=True, exist_ok=True)
    for leftover in published.parent.glob(f".{published.name}.*.tmp"):
        leftover.unlink(missing_ok=True)  # the copy of a publication killed half-way: only one writer publishes
    staged = published.with_name(f".{published.name}.{uuid.uuid4().hex}.tmp")
    try:
        shutil.copyfile(warehouse, staged)
        fsync_path(staged)
        os.replace(staged, published)
    finally:
        staged.unlink(missing_ok=True)
    fsync_path(published.parent)
    return published.stat().st_size
