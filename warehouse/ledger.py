"""What a load reads of the warehouse files themselves: the files the published copy holds as loaded
(`sql/staging/committed_files.sql`), whether another process holds the writer's lock, and removing the
writer's file for a rebuild.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.sql import statement


def committed_files(warehouse: Path, published: Path) -> dict[str, tuple[str, str | None]]:
    """The files of the last successful load with their version and the reference data they were coded
    with, read from the published warehouse (which the writer never locks): files whose documents all
    reached the star schema (sql/staging/committed_files.sql). Nothing counts as loaded when the writer's
    warehouse is missing."""
    if not warehouse.exists() or not published.exists():
        return {}
    with duckdb.connect(str(published), read_only=True) as connection:
        columns = {
            (schema, table, column)
            for schema, table, column in connection.execute(
                "select table_schema, table_name, column_name from information_schema.columns"
            ).fetchall()
        }
        needed = {("staging", "input_files", "reference_version"), ("staging", "raw_documents", "file_name"), ("main", "dim_document", "document_id")}
        if not {(schema, table) for schema, table, _ in needed} <= {(schema, table) for schema, table, _ in columns}:
            return {}
        if ("staging", "input_files", "reference_version") not in columns:  # an earlier release: coded with unknown data
            sql = statement("staging/committed_files.sql").replace("input_files.reference_version", "null")
        else:
            sql = statement("staging/committed_files.sql")
        return {name: (version, reference) for name, version, reference in connection.execute(sql).fetchall()}


def loaded_versions(warehouse: Path, published: Path) -> dict[str, str]:
    """The file versions of the last successful load (`committed_files`)."""
    return {name: version for name, (version, _) in committed_files(warehouse, published).items()}


def remove_warehouse(warehouse: Path) -> None:
    for path in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
        path.unlink(missing_ok=True)


def writer_lock_holder(warehouse: Path) -> str | None:
    """DuckDB's own words for who holds the writer's lock (`... is held in /usr/bin/python (PID 4242)`), or
    None when the warehouse can be opened for writing."""
    try:
        duckdb.connect(str(warehouse)).close()
    except duckdb.IOException as error:
        message = str(error)
        return message[message.index("Conflicting lock"):] if "Conflicting lock" in message else message.splitlines()[0]
    return None
