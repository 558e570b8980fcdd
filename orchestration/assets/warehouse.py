"""Warehouse stage: the Kimball star schema in DuckDB's `main` schema, built by the SQL files in sql/warehouse.

Each table is one asset running one SQL file; the file's header comment (which states the grain) is the
asset's description.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from newsevents.config import SQL_DIR
from orchestration.metadata import column_schema, markdown_preview
from schemas import TABLE_MODELS

GROUP = "warehouse"
WAREHOUSE_SCHEMA = "main"
WAREHOUSE_SQL_DIR = SQL_DIR / "warehouse"

# Each warehouse table and the assets it reads.
WAREHOUSE_TABLES: dict[str, list[str]] = {
    "dim_date": ["cleaned_documents", "events"],
    "dim_source": ["raw_documents"],
    "dim_document": ["raw_documents", "cleaned_documents"],
    "dim_entity": ["actor_dictionary", "entity_mentions"],
    "dim_location": ["entity_mentions"],
    "dim_event_type": ["cameo_event_codes"],
    "fact_event_mention": ["event_mentions", "events", "dim_document"],
    "fact_event": ["events", "fact_event_mention", "dim_event_type"],
    "fact_entity_mention": ["entity_mentions", "dim_document"],
}


def sql_header(sql: str) -> str:
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def warehouse_asset(table: str, deps: list[str]) -> dg.AssetsDefinition:
    sql_path: Path = WAREHOUSE_SQL_DIR / f"{table}.sql"
    sql = sql_path.read_text(encoding="utf-8")

    @dg.asset(
        name=table,
        group_name=GROUP,
        kinds={"duckdb", "sql"},
        deps=deps,
        description=sql_header(sql),
        metadata={**column_schema(TABLE_MODELS[f"{WAREHOUSE_SCHEMA}.{table}"]), "sql_file": str(sql_path.relative_to(SQL_DIR.parent))},
    )
    def build_table(warehouse: DuckDBResource) -> dg.MaterializeResult:
        with warehouse.get_connection() as connection:
            connection.execute(sql)
            row_count = connection.execute(f'select count(*) from {WAREHOUSE_SCHEMA}."{table}"').fetchone()[0]
            preview = connection.execute(f'select * from {WAREHOUSE_SCHEMA}."{table}" limit 10').df()
        return dg.MaterializeResult(metadata={"dagster/row_count": row_count, "preview": markdown_preview(preview)})

    return build_table


warehouse_assets = [warehouse_asset(table, deps) for table, deps in WAREHOUSE_TABLES.items()]
