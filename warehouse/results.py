"""The results store: what a load's steps hand to each other outside the warehouse, as Parquet files.

The steps that do the text work never open the warehouse: they read a batch's documents from the store
and leave their tables there, one Parquet file per table and batch
(`<LOAD_STORE_DIR>/results/<name>/<batch key>/<table>.parquet`). The one writer step copies them into
the warehouse, and then removes them. So the text work of many batches can run at once, in other
processes or on other machines that reach the store, while the warehouse keeps its single writer. DuckDB
writes and reads the files.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.tables import with_typed_empty_columns

PARQUET_SUFFIX = ".parquet"


def batch_name(batch_keys: Sequence[str]) -> str:
    """The name the results of one run go under: its batch's key (the first and last key of a run over
    several batches)."""
    keys = sorted(batch_keys)
    return keys[0] if len(keys) == 1 else f"{keys[0]}..{keys[-1]}"


def result_folder(store: Path, name: str, batch_keys: Sequence[str]) -> Path:
    return store / "results" / name / batch_name(batch_keys)


def write_tables(folder: Path, tables: Mapping[str, pd.DataFrame]) -> None:
    """Write each table as `<table>.parquet` in the folder, replacing what a run of the same batch left:
    the new folder is written beside it and renamed into place, so a reader finds all tables of one run."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    written = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}")
    written.mkdir()
    with duckdb.connect() as connection:
        for table, frame in tables.items():
            connection.from_df(with_typed_empty_columns(frame)).write_parquet(str(written / f"{table}{PARQUET_SUFFIX}"))
    if folder.exists():
        shutil.rmtree(folder)
    written.rename(folder)


def remove_results(store: Path, names: Sequence[str], batch_keys: Sequence[str]) -> None:
    """Remove the result folders of a run once the warehouse holds what they held."""
    for name in names:
        folder = result_folder(store, name, batch_keys)
        if folder.exists():
            shutil.rmtree(folder)


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table of a result folder, by name."""
    if not folder.is_dir():
        raise FileNotFoundError(f"no results at {folder}: the step that makes them has not run for this batch")
    with duckdb.connect() as connection:
        return {path.stem: connection.read_parquet(str(path)).df() for path in sorted(folder.glob(f"*{PARQUET_SUFFIX}"))}
