"""Stage tables in DuckDB: how a step's rows are written.

An unpartitioned asset's DataFrame replaces its whole table. A partitioned asset (partitions are load
batches, see `warehouse.batches`) replaces only the rows of its batches' files,
in one transaction: a load touches the rows of what it loads and nothing else, and running it again
gives the same rows. Tables are created from their pandera models, so their columns and types are
declared once, and an empty first load still makes a well-typed table.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import duckdb
import pandas as pd

from schemas import TABLE_MODELS
from warehouse import changes, entity_descriptions
from warehouse.sql import template

# pandera dtype -> DuckDB column type
DUCKDB_TYPES = {
    "str": "varchar",
    "object": "blob",
    "int64": "bigint",
    "Int64": "bigint",
    "float64": "double",
    "Float64": "double",
    "bool": "boolean",
    "datetime64[ns]": "timestamp",
}
# How a partitioned table's rows belong to input files: by their own file name, or by their document.
FILE_COLUMN = "file_name"
DOCUMENT_COLUMN = "document_id"
ENTITY_COLUMN = "entity_id"
# Temporary: a replaced table's rows before the replacement.
REPLACED_ROWS = "replaced_rows"


def with_typed_empty_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns with no values become strings, so DuckDB types them VARCHAR rather than NULL."""
    empty_object = [c for c in frame.columns if frame[c].dtype == object and frame[c].isna().all()]
    return frame.astype({c: "string" for c in empty_object}) if empty_object else frame


def create_table_statement(table: str) -> str:
    """`create table if not exists` for a table, with the columns and types of its pandera model."""
    columns = TABLE_MODELS[table].to_schema().columns
    definitions = ", ".join(f'"{name}" {DUCKDB_TYPES[str(column.dtype)]}' for name, column in columns.items())
    return f"create table if not exists {table} ({definitions})"


class StagingTableOutdated(RuntimeError):
    """A stage table was created by an earlier release with other columns."""


def stored_columns(connection: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """The columns of a table (`schema.table`) as the database holds them: (name, type), in order; none
    if the table does not exist."""
    schema_name, table_name = table.split(".")
    return connection.execute(
        "select column_name, data_type from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position",
        [schema_name, table_name],
    ).fetchall()


def ensure_table(connection: duckdb.DuckDBPyConnection, table: str) -> None:
    """Create the table from its pandera model if it does not exist, add the columns a newer model adds at
    its end, and fail clearly if it exists with other columns (stage rows cannot be derived again in SQL:
    the warehouse must be rebuilt)."""
    connection.execute(f"create schema if not exists {table.split('.')[0]}")
    connection.execute(create_table_statement(table))
    existing = [name for name, _ in stored_columns(connection, table)]
    columns = TABLE_MODELS[table].to_schema().columns
    declared = list(columns)
    if existing == declared[: len(existing)]:
        # A release that only adds columns at the end: the stored rows get NULL in them.
        for name in declared[len(existing) :]:
            connection.execute(f'alter table {table} add column "{name}" {DUCKDB_TYPES[str(columns[name].dtype)]}')
        existing = declared
    if existing != declared:
        raise StagingTableOutdated(
            f"{table} has the columns of an earlier release ({', '.join(existing)}), not {', '.join(declared)}:"
            " rebuild the warehouse with `FULL_REFRESH=1 make run`"
        )


def holds_documents(table: str) -> bool:
    return DOCUMENT_COLUMN in TABLE_MODELS[table].to_schema().columns


def partition_rows_condition(table: str) -> str:
    """SQL condition selecting a partitioned table's rows of the input files given as parameter 1."""
    columns = TABLE_MODELS[table].to_schema().columns
    if FILE_COLUMN in columns:
        return f"{FILE_COLUMN} in (select unnest($files))"
    if DOCUMENT_COLUMN in columns:
        return f"{DOCUMENT_COLUMN} in (select document_id from staging.raw_documents where file_name in (select unnest($files)))"
    raise ValueError(f"{table} has neither {FILE_COLUMN} nor {DOCUMENT_COLUMN}: it cannot be partitioned by input file")


def select_rows(table: str, condition: str) -> str:
    """SQL select of a table's rows that meet a condition, found by row id (see `select_partition_rows`)."""
    return f"select * from {table} where rowid in (select rowid from {table} where {condition})"


def select_partition_rows(table: str) -> str:
    """SQL select of a partitioned table's rows of the input files given as parameter 1.

    It finds the row ids first and then reads the rows by row id. DuckDB reads a table in vectors of
    2,048 rows, every column of every vector that a filter lets through. A filter through a join (the
    files' documents) is a bloom filter with false positives, each of which costs a whole vector: of
    parsed documents, 24 MB. A row-id filter is exact, so the wide columns are read only in the vectors
    that hold the rows, and a load's reads do not grow with the table.
    """
    return select_rows(table, partition_rows_condition(table))


# Opens a connection to the warehouse for a `with` block, as DuckDBResource.get_connection does. Steps
# that read much take one, rather than a connection, to close what they read before they go on: DuckDB
# keeps every block a connection read until it closes.
Connect = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Everything in the block commits together, or not at all."""
    connection.execute("begin transaction")
    try:
        yield
    except Exception:
        connection.execute("rollback")
        raise
    connection.execute("commit")


def create_temporary_like(connection: duckdb.DuckDBPyConnection, name: str, table: str, columns: str = "*") -> None:
    """An empty temporary table with the types of `columns` of `table`: what is inserted into it is cast
    to them, whatever types it came with."""
    connection.execute(f"create or replace temporary table {name} as select {columns} from {table} limit 0")


def insert_frame(connection: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a DataFrame's rows into a table, matching columns by name."""
    view = f"frame_{uuid.uuid4().hex}"
    connection.register(view, with_typed_empty_columns(frame))
    try:
        connection.execute(f"insert into {table} by name select * from {view}")
    finally:
        connection.unregister(view)


def replace_partition_rows(connection: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, files: list[str]) -> None:
    """Replace the rows of `files` in `table` with `frame`, in one transaction. The documents whose rows
    are replaced, before and after, are queued for the merge of reports and the star schema
    (`warehouse.changes`); entity mentions keep their descriptions counted
    (`warehouse.entity_descriptions`)."""
    ensure_table(connection, table)
    condition, parameters = partition_rows_condition(table), {"files": files}
    documents = holds_documents(table)
    if documents:
        changes.ensure_queues(connection)
    with transaction(connection), entity_descriptions.counted(connection, table, select_rows(table, condition), parameters):
        if documents:
            changes.record_selected_documents(connection, f"select {DOCUMENT_COLUMN} from {table} where {condition}", parameters)
        connection.execute(f"delete from {table} where {condition}", parameters)
        insert_frame(connection, table, frame)
        if documents:
            changes.record_documents(connection, frame[DOCUMENT_COLUMN])


def replace_table(connection: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Replace every row of `table` with `frame`, in one transaction. A table of entities (the actor
    dictionary) queues the entities whose rows changed for the star schema (`warehouse.changes`)."""
    ensure_table(connection, table)
    entities = ENTITY_COLUMN in TABLE_MODELS[table].to_schema().columns
    if entities:
        changes.ensure_queues(connection)
    with transaction(connection):
        if entities:
            connection.execute(f"create or replace temporary table {REPLACED_ROWS} as select * from {table}")
        connection.execute(f"delete from {table}")
        insert_frame(connection, table, frame)
        if entities:
            changes.record_selected(connection, changes.CHANGED_ENTITIES, template("entities_of_changed_rows").format(table=table, before=REPLACED_ROWS))


def read_partition_rows(connection: duckdb.DuckDBPyConnection, table: str, files: list[str]) -> pd.DataFrame:
    """A partitioned table's rows of `files` (an empty, well-typed frame for a table not yet written)."""
    ensure_table(connection, table)
    return connection.execute(select_partition_rows(table), {"files": files}).df()


def read_table(connection: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    ensure_table(connection, table)
    return connection.execute(f"select * from {table}").df()
