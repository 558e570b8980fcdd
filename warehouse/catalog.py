"""The warehouse describes itself: the views people query, comments on every table, view and column of
the star schema, and a primary key on every table.

Descriptions come from the one place each table's columns are declared, its pandera model (`schemas/`):
the model's docstring for the table, each field's description for its column. BI tools read them from
DuckDB's catalog (Superset and Metabase through SQLAlchemy inspection, Evidence and the DuckDB CLI
through `duckdb_columns()`), so a chart's author sees what a column means without opening this code.

Foreign keys are not declared: DuckDB cannot add one to an existing table (`alter table ... add foreign
key` is not implemented), and a declared one forbids the delete-then-insert by which a load rewrites a
changed dimension row that facts still reference. The join paths are in the data dictionary
(docs/data_dictionary.md) and built into the views.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandera.pandas as pa

from newsevents.config import SQL_DIR
from schemas import TABLE_MODELS, VIEW_MODELS
from warehouse.sql import statement

VIEW_SQL_DIR = SQL_DIR / "views"
SCHEMA = "main"


@dataclass(frozen=True)
class WarehouseView:
    name: str

    @property
    def sql_path(self) -> Path:
        return VIEW_SQL_DIR / f"{self.name}.sql"

    @property
    def qualified_name(self) -> str:
        return f"{SCHEMA}.{self.name}"


VIEWS = tuple(WarehouseView(name.split(".")[1]) for name in VIEW_MODELS)


def model_of(qualified_name: str) -> type[pa.DataFrameModel]:
    return TABLE_MODELS.get(qualified_name) or VIEW_MODELS[qualified_name]


def table_description(qualified_name: str) -> str:
    """The table's description: its model's docstring, on one line."""
    return " ".join((model_of(qualified_name).to_schema().description or "").split())


def column_descriptions(qualified_name: str) -> dict[str, str]:
    return {name: column.description or "" for name, column in model_of(qualified_name).to_schema().columns.items()}


def sql_literal(text: str) -> str:
    # `comment on` takes no prepared parameters; DuckDB's own quoting makes the literal.
    return str(duckdb.ConstantExpression(text))


def stored_comments(connection: duckdb.DuckDBPyConnection, name: str) -> tuple[str | None, dict[str, str | None]]:
    """The comment a table or view holds, and those of its columns."""
    table = connection.execute(
        "select comment from duckdb_tables() where schema_name = ? and table_name = ? "
        "union all select comment from duckdb_views() where schema_name = ? and view_name = ?",
        [SCHEMA, name, SCHEMA, name],
    ).fetchone()
    columns = connection.execute(
        "select column_name, comment from duckdb_columns() where schema_name = ? and table_name = ?", [SCHEMA, name]
    ).fetchall()
    return (table[0] if table else None), dict(columns)


def describe(connection: duckdb.DuckDBPyConnection, qualified_name: str, kind: str) -> None:
    """Comment a table (`kind` table) or view and its columns with their models' descriptions, where the
    catalog says otherwise (a load that changes nothing writes nothing)."""
    name = qualified_name.split(".")[1]
    table_comment, column_comments = stored_comments(connection, name)
    wanted = table_description(qualified_name)
    if table_comment != wanted:
        connection.execute(f"comment on {kind} {qualified_name} is {sql_literal(wanted)}")
    for column, description in column_descriptions(qualified_name).items():
        if column in column_comments and column_comments[column] != description:
            connection.execute(f'comment on column {qualified_name}."{column}" is {sql_literal(description)}')


def has_primary_key(connection: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        connection.execute(
            "select 1 from duckdb_constraints() where schema_name = ? and table_name = ? and constraint_type = 'PRIMARY KEY'",
            [SCHEMA, name],
        ).fetchone()
    )


def ensure_primary_key(connection: duckdb.DuckDBPyConnection, qualified_name: str, key: str) -> None:
    if not has_primary_key(connection, qualified_name.split(".")[1]):
        connection.execute(f"alter table {qualified_name} add primary key ({key})")


def create_views(connection: duckdb.DuckDBPyConnection) -> None:
    """Create each view whose select changed since it was last created (its hash is kept beside the
    tables' in staging.star_schema_definitions), and describe it."""
    for view in VIEWS:
        select = statement(view.sql_path)
        digest = hashlib.md5(select.encode("utf-8")).hexdigest()
        stored = connection.execute(
            "select definition_md5 from staging.star_schema_definitions where table_name = ?", [view.name]
        ).fetchone()
        exists = connection.execute("select 1 from duckdb_views() where schema_name = ? and view_name = ?", [SCHEMA, view.name]).fetchone()
        if not (exists and stored and stored[0] == digest):
            connection.execute(f"create or replace view {view.qualified_name} as {select}")
            connection.execute("insert or replace into staging.star_schema_definitions values (?, ?)", [view.name, digest])
        describe(connection, view.qualified_name, "view")


@dataclass(frozen=True)
class JoinPath:
    """A column of one table that holds the key of another: the foreign key the catalog cannot declare."""

    table: str
    column: str
    references: str
    key: str
    note: str = ""


JOIN_PATHS = (
    JoinPath("fact_event", "date_key", "dim_date", "date_key", "-1 is the unknown-date member"),
    JoinPath("fact_event", "actor1_entity_key", "dim_entity", "entity_key"),
    JoinPath("fact_event", "actor2_entity_key", "dim_entity", "entity_key", "the unknown member where no one is named"),
    JoinPath("fact_event", "event_code", "dim_event_type", "event_code"),
    JoinPath("fact_event", "location_key", "dim_location", "location_key", "the unknown member where no place is named"),
    JoinPath("fact_event_mention", "event_key", "fact_event", "event_key", "reports of asserted events; other modes have no fact_event row"),
    JoinPath("fact_event_mention", "document_key", "dim_document", "document_key"),
    JoinPath("fact_event_mention", "source_key", "dim_source", "source_key"),
    JoinPath("fact_event_mention", "date_key", "dim_date", "date_key"),
    JoinPath("fact_event_mention", "event_code", "dim_event_type", "event_code"),
    JoinPath("fact_event_mention", "reported_by_entity_key", "dim_entity", "entity_key", "null where the report is nobody's claim"),
    JoinPath("fact_entity_mention", "entity_key", "dim_entity", "entity_key"),
    JoinPath("fact_entity_mention", "document_key", "dim_document", "document_key"),
    JoinPath("fact_entity_mention", "date_key", "dim_date", "date_key"),
    JoinPath("dim_document", "source_key", "dim_source", "source_key"),
    JoinPath("dim_document", "date_key", "dim_date", "date_key"),
    JoinPath("dim_location", "location_key", "dim_entity", "entity_key", "a place is also an entity, under the same key"),
)
