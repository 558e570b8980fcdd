"""What `make run` prints of the published warehouse: its inputs, the rows of every table, the top events."""

from __future__ import annotations

import duckdb
import pandas as pd

from schemas import TABLE_MODELS
from warehouse.sql import statement


def table_counts(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    counts = []
    for table in TABLE_MODELS:
        schema_name, table_name = table.split(".")
        counts.append((table, connection.execute(f'select count(*) from {schema_name}."{table_name}"').fetchall()[0][0]))
    return counts


def input_accounting(connection: duckdb.DuckDBPyConnection) -> tuple[int, int, int, int]:
    """Files, documents, duplicates and quarantined inputs of the ledger."""
    files, documents, duplicates, quarantined = connection.execute(
        "select count(*), sum(documents), sum(duplicates), sum(quarantined) from staging.input_files"
    ).fetchall()[0]
    return files, documents or 0, duplicates or 0, quarantined or 0


def top_events(connection: duckdb.DuckDBPyConnection, count: int) -> pd.DataFrame:
    return connection.execute(statement("queries/top_events.sql"), [count]).df()
