"""Load batches: the input files (name and version) that one load reads, under one key.

A load is partitioned by batch, not by file: whether it holds ten files or a hundred thousand, it is one
partition and one run, so the orchestrator's records do not grow with the number of files. A batch's key
is the time it was made (UTC, so keys sort in arrival order) and a digest of its files; its list of files
is a small JSON file in the batch store (`LOAD_STORE_DIR`), written once, before the run, so every step of
the run (in any process) reads the same files. What became of each file is kept in the warehouse's own
ledger (`staging.input_files`), which names the batch that loaded it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path

BATCH_SUFFIX = ".json"
MADE_AT_FORMAT = "%Y%m%dT%H%M%S%f"


class UnknownBatch(LookupError):
    """A batch key with no file list in the batch store."""


def batch_key(versions: Mapping[str, str], made_at: datetime | None = None) -> str:
    """`<UTC time to the microsecond>-<first 8 hex digits of the files' digest>`, e.g.
    `20261203T154501123456-3f2a9c1e`: keys sort by when their batches were made."""
    made_at = (made_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    digest = hashlib.sha256(json.dumps(sorted(versions.items())).encode("utf-8")).hexdigest()[:8]
    return f"{made_at.strftime(MADE_AT_FORMAT)}-{digest}"


def batch_made_at(key: str) -> datetime | None:
    """When a batch was made, from its key (None for a key of another form)."""
    try:
        return datetime.strptime(key.split("-")[0], MADE_AT_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def split_into_batches(versions: Mapping[str, str], most_files: int) -> list[dict[str, str]]:
    """The files in batches of at most `most_files`, by name."""
    names = sorted(versions)
    return [{name: versions[name] for name in names[start : start + most_files]} for start in range(0, len(names), most_files)]


def batch_path(store: Path, key: str) -> Path:
    return store / "batches" / f"{key}{BATCH_SUFFIX}"


def write_batch(store: Path, versions: Mapping[str, str], made_at: datetime | None = None) -> str:
    """Record a batch of file versions in the store; returns its key. The file is written whole or not
    at all (a temporary file renamed), so a reader never sees half a list."""
    key = batch_key(versions, made_at)
    path = batch_path(store, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"files": dict(sorted(versions.items()))}, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
    return key


def read_batch(store: Path, key: str) -> dict[str, str]:
    """The files of a batch: file name -> the version it was registered with."""
    path = batch_path(store, key)
    try:
        return json.loads(path.read_text(encoding="utf-8"))["files"]
    except FileNotFoundError:
        raise UnknownBatch(f"batch {key} has no file list at {path}: it was made with another LOAD_STORE_DIR, or removed") from None


def files_of_batches(store: Path, keys: Iterable[str]) -> list[str]:
    """The names of the files of the batches, sorted, each once."""
    return sorted({name for key in keys for name in read_batch(store, key)})

