"""The Kimball star schema in DuckDB's `main` schema, and how a load brings it up to date.

Each table is defined by one select in sql/warehouse (whose header states the grain). A load brings every
table up to date with its definition, table by table, each in one transaction, writing only the rows
that differ (see sql/templates). The facts, dim_document, dim_entity and dim_location are brought up
to date only for the documents, events and entities the load changed (their scope, sql/warehouse/scope,
read from the queues of `warehouse.changes`), so a load of ten documents reads and rewrites the rows
of those ten documents, of the events they report and of the entities they mention, not the warehouse;
the other dimensions are small and are compared in full. Then the warehouse is published: checkpointed,
copied and swapped in at PUBLISHED_WAREHOUSE_PATH, where BI tools read it without meeting the writer's
lock.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from newsevents.config import SQL_DIR
from warehouse import catalog, changes, entity_descriptions
from warehouse.sql import statement, template
from warehouse.tables import (
    Connect,
    create_temporary_like,
    ensure_table,
    stored_columns,
    transaction,
)

WAREHOUSE_SCHEMA = "main"
WAREHOUSE_SQL_DIR = SQL_DIR / "warehouse"
# Temporary tables of a scoped update: the values of the table's scope column a load can have changed,
# the rows its definition now gives for them, and the rows the table holds for them.
SCOPE_TABLE = "scope_values"
SCOPE_ROWS_TABLE = "rows_in_scope"
STORED_ROWS_TABLE = "stored_rows_in_scope"


@dataclass(frozen=True)
class WarehouseTable:
    name: str
    key: str  # the column that identifies a row
    deps: tuple[str, ...]  # the tables its select reads
    # The column that says which rows a load can have changed, for a table updated by scope (None: the
    # table is small and always compared in full): the first column of its scope select. The select in
    # scope filters on every column of the scope; DuckDB pushes a filter down into a stage table's scan
    # when the column passes through from it, not when the select computes it (surrogate_key(...)), so a scope may
    # add such a column (fact_event: event_id beside event_key) for the scoped update to read the rows in
    # scope instead of every row.
    scope_column: str | None = None

    @property
    def sql_path(self) -> Path:
        return WAREHOUSE_SQL_DIR / f"{self.name}.sql"

    @property
    def scope_path(self) -> Path | None:
        """The select of the values of `scope_column` whose rows a load can have changed
        (sql/warehouse/scope), for a table updated by scope."""
        return WAREHOUSE_SQL_DIR / "scope" / f"{self.name}.sql" if self.scope_column else None

    @property
    def qualified_name(self) -> str:
        return f"{WAREHOUSE_SCHEMA}.{self.name}"


# In the order a load updates them: a table comes after the tables its select reads.
WAREHOUSE_TABLES = (
    WarehouseTable("dim_event_type", "event_code", ("cameo_event_codes",)),
    WarehouseTable("dim_source", "source_key", ("raw_documents",)),
    WarehouseTable("dim_document", "document_key", ("raw_documents", "cleaned_documents"), scope_column="document_id"),
    WarehouseTable("dim_date", "date_key", ("cleaned_documents", "events")),
    WarehouseTable("dim_entity", "entity_key", ("actor_dictionary", "entity_mentions"), scope_column="entity_id"),
    WarehouseTable("dim_location", "location_key", ("entity_mentions",), scope_column="entity_id"),
    WarehouseTable(
        "fact_event_mention", "mention_key", ("event_mentions", "event_assignments", "events", "dim_document"), scope_column="document_key"
    ),
    WarehouseTable("fact_event", "event_key", ("events", "fact_event_mention", "dim_event_type"), scope_column="event_key"),
    WarehouseTable("fact_entity_mention", "entity_mention_key", ("entity_mentions", "dim_document"), scope_column="document_key"),
)


def sql_header(sql: str) -> str:
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def definition(table: WarehouseTable) -> str:
    return statement(table.sql_path)


def columns_of_definition(connection: duckdb.DuckDBPyConnection, table: WarehouseTable) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in connection.execute(f"describe ({definition(table)})").fetchall()]


def definition_md5(table: WarehouseTable) -> str:
    return hashlib.md5(definition(table).encode("utf-8")).hexdigest()


def prepare_table(connection: duckdb.DuckDBPyConnection, table: WarehouseTable) -> None:
    """Create the table if it does not exist, or again if its definition's columns changed (a new
    release: the table is rebuilt, not patched)."""
    existing = stored_columns(connection, table.qualified_name)
    if existing:
        if existing == columns_of_definition(connection, table):
            return
        connection.execute(f"drop table {table.qualified_name}")
    connection.execute(template("create_table").format(table=table.name, source=definition(table)))


def ensure_definitions_table(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute(statement("staging/create_star_schema_definitions.sql"))


def stored_definitions(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    ensure_definitions_table(connection)
    return dict(connection.execute("select table_name, definition_md5 from staging.star_schema_definitions").fetchall())


def store_definition(connection: duckdb.DuckDBPyConnection, table: WarehouseTable) -> None:
    connection.execute("insert or replace into staging.star_schema_definitions values (?, ?)", [table.name, definition_md5(table)])


def values_in_scope(connection: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """The distinct values of each column of the scope table, by column name (none if it is empty)."""
    columns = connection.table(SCOPE_TABLE).columns
    lists = connection.execute(f"select {', '.join(f'list(distinct {column})' for column in columns)} from {SCOPE_TABLE}").fetchall()[0]
    return {column: values for column, values in zip(columns, lists) if values}


def scope_filters(values: dict[str, list]) -> str:
    """The filter of a select in scope: its rows with one of the scope's values in every scope column."""
    return " and ".join(f"list_contains(${column}, {column})" for column in values) or "false"


def select_rows_in_scope(connection: duckdb.DuckDBPyConnection, table: WarehouseTable, rows_file: Path) -> list:
    """The read half of a scoped update: the rows the definition now gives in the table's scope, written
    to `rows_file` (Parquet keeps their types exactly). Returns the values of the scope column."""
    connection.execute(f"create or replace temporary table {SCOPE_TABLE} as {statement(table.scope_path)}")
    scope_values = values_in_scope(connection)
    select = template("select_rows_in_scope").format(source=definition(table), scope_filters=scope_filters(scope_values))
    connection.sql(select, params=scope_values).write_parquet(str(rows_file))
    return scope_values.get(table.scope_column, [])


def write_rows_in_scope(connection: duckdb.DuckDBPyConnection, table: WarehouseTable, scope_values: list, rows_file: Path) -> pd.DataFrame:
    """The write half of a scoped update (sql/templates/*_in_scope.sql): replaces the stored rows in scope
    that differ from those of `rows_file`. Returns the rows changed, with their merge_action (only the key
    for a deleted row)."""
    placeholders = {
        "table": table.name,
        "key": table.key,
        "scope_column": table.scope_column,
        "scope": SCOPE_TABLE,
        "rows": SCOPE_ROWS_TABLE,
        "stored": STORED_ROWS_TABLE,
    }
    create_temporary_like(connection, SCOPE_TABLE, table.qualified_name, table.scope_column)
    connection.execute(f"insert into {SCOPE_TABLE} select unnest($values)", {"values": scope_values})
    create_temporary_like(connection, SCOPE_ROWS_TABLE, table.qualified_name)
    connection.execute(f"insert into {SCOPE_ROWS_TABLE} select * from read_parquet($path)", {"path": str(rows_file)})
    connection.execute(template("select_stored_rows_in_scope").format(**placeholders))
    deleted = connection.execute(template("delete_rows_changed_in_scope").format(**placeholders)).df()
    inserted = connection.execute(template("insert_rows_changed_in_scope").format(**placeholders)).df()
    return merge_actions(deleted, inserted, table.key)


def merge_actions(deleted: pd.DataFrame, inserted: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows a scoped update deleted (their key) and inserted, labelled as a merge labels them: a key
    both deleted and inserted is an UPDATE, and only its new row is kept."""
    updated = inserted[key].isin(deleted[key])
    inserted = inserted.assign(merge_action=inserted["merge_action"].where(~updated, "UPDATE"))
    gone = deleted[~deleted[key].isin(inserted[key])]
    return pd.concat([gone, inserted], ignore_index=True) if len(gone) else inserted


def action_counts(changed: pd.DataFrame) -> tuple[dict[str, int], pd.DataFrame]:
    """The count of rows per action (INSERT, UPDATE, DELETE) of an update's changed rows, and the rows
    inserted or updated."""
    counts = changed["merge_action"].value_counts().to_dict()
    written = changed[changed["merge_action"] != "DELETE"].drop(columns="merge_action")
    return {action: int(counts.get(action, 0)) for action in ("INSERT", "UPDATE", "DELETE")}, written


def tables_reading(table: WarehouseTable) -> list[str]:
    """The tables whose select reads `table`."""
    return [other.name for other in WAREHOUSE_TABLES if table.name in other.deps]


def forget_definitions(connection: duckdb.DuckDBPyConnection, tables: list[str]) -> None:
    """Forget the stored definition hash of these tables: their next update is in full."""
    connection.execute("delete from staging.star_schema_definitions where table_name in (select unnest($tables))", {"tables": tables})


def is_up_to_date_definition(connection: duckdb.DuckDBPyConnection, table: WarehouseTable) -> bool:
    """Whether the table exists with its definition's columns and was last updated by this definition
    (and no table it reads changed in full since, which forgets its stored definition)."""
    return (
        stored_definitions(connection).get(table.name) == definition_md5(table)
        and stored_columns(connection, table.qualified_name) == columns_of_definition(connection, table)
    )


def update_in_full(connection: duckdb.DuckDBPyConnection, table: WarehouseTable) -> pd.DataFrame:
    """Create the table if need be and merge its whole definition into it, in one transaction; a table
    that changed has the tables reading it updated in full too (their stored definitions forgotten).
    Returns the rows changed, with their merge_action."""
    with transaction(connection):
        prepare_table(connection, table)
        changed = connection.execute(template("merge_table").format(table=table.name, key=table.key, source=definition(table))).df()
        store_definition(connection, table)
        if len(changed):
            forget_definitions(connection, tables_reading(table))
    return changed


def update_in_scope(connect: Connect, table: WarehouseTable) -> pd.DataFrame:
    """Bring the rows in the table's scope up to date. The rows in scope are selected on one connection
    and written on another, in one transaction, so the blocks of the tables the select read are released
    before the table's own are read. No write comes between the two: every writer of the warehouse runs
    in one pool of one. Returns the rows changed, with their merge_action."""
    with tempfile.TemporaryDirectory(prefix="rows-in-scope-") as scratch:
        rows_file = Path(scratch) / f"{table.name}.parquet"
        with connect() as connection:
            scope_values = select_rows_in_scope(connection, table, rows_file)
        with connect() as connection, transaction(connection):
            changed = write_rows_in_scope(connection, table, scope_values, rows_file)
            store_definition(connection, table)
    return changed


def update_star_table(connect: Connect, table: WarehouseTable) -> tuple[bool, dict[str, int], pd.DataFrame]:
    """Bring one table up to date: only for the changed documents and events (the queues) if it has a
    scope, unless it is new or its definition changed since its last update (or a table it reads
    changed in full): then in full. Returns whether it was updated in full, the counts per action and
    the rows written. The queues of changes and the table of definitions must exist
    (`changes.ensure_queues`, `ensure_definitions_table`)."""
    with connect() as connection:
        if table.scope_path is None or not is_up_to_date_definition(connection, table):
            return True, *action_counts(update_in_full(connection, table))
    return False, *action_counts(update_in_scope(connect, table))


def update_star_schema(connect: Connect, clear_queues: bool = True) -> list[tuple[WarehouseTable, bool, dict[str, int], pd.DataFrame]]:
    """Bring every table up to date, in order, each in a transaction of its own on connections of its
    own (`connect()`), then (with `clear_queues`) empty the queues of changes. Returns, per table, whether
    it was updated in full, the counts per action and the rows written.

    Connections of its own: a load's few documents touch rows spread over each table's history (the
    older events their reports join), so whole column blocks, and closing the connection releases one
    table's reads before the next. Readers never see a table without the others (they read the copy
    published after the load), and a failed update leaves the queues, and the forgotten definitions,
    for the next one."""
    with connect() as connection:
        connection.execute(f"create schema if not exists {WAREHOUSE_SCHEMA}")
        connection.execute(statement("macros/surrogate_key.sql"))
        changes.ensure_queues(connection)
        ensure_definitions_table(connection)
        ensure_table(connection, entity_descriptions.MENTIONS)
        entity_descriptions.ensure(connection)
    results = []
    for table in WAREHOUSE_TABLES:
        results.append((table, *update_star_table(connect, table)))
    describe_star_schema(connect)
    if clear_queues:
        clear_change_queues(connect)
    return results


def describe_star_schema(connect: Connect) -> None:
    """Primary keys and comments on every table, and the views with theirs (`warehouse.catalog`)."""
    with connect() as connection, transaction(connection):
        for table in WAREHOUSE_TABLES:
            catalog.ensure_primary_key(connection, table.qualified_name, table.key)
            catalog.describe(connection, table.qualified_name, "table")
        catalog.create_views(connection)


def clear_change_queues(connect: Connect) -> None:
    with connect() as connection, transaction(connection):
        changes.clear(connection)


def set_aside_refused(connect: Connect, refused: list[WarehouseTable]) -> None:
    """Drop the tables whose rows a check refused, and forget the definitions of the tables that read
    them: the next load builds them again in full and checks every row, so refused rows can never be
    published by a later load that writes nothing new (readers keep the last published copy)."""
    with connect() as connection, transaction(connection):
        for table in refused:
            connection.execute(f"drop table if exists {table.qualified_name}")
        forget_definitions(connection, [t.name for t in refused] + [name for t in refused for name in tables_reading(t)])


def row_counts(connect: Connect) -> dict[str, int]:
    """The number of rows of each star-schema table."""
    with connect() as connection:
        return {table.name: connection.execute(f"select count(*) from {table.qualified_name}").fetchone()[0] for table in WAREHOUSE_TABLES}
