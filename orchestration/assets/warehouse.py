"""Warehouse stage: the star-schema assets, which call `warehouse.star_schema` (how each table is defined
and brought up to date by scope), and the publication of the warehouse for readers: checkpointed, copied
and swapped in at PUBLISHED_WAREHOUSE_PATH, where BI tools read it without meeting the writer's lock.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from newsevents import config
from newsevents.config import SQL_DIR
from newsevents.publish import publish_warehouse
from orchestration.checks import refuse, schema_check_result, schema_check_spec
from orchestration.metadata import column_schema, markdown_preview
from orchestration.partitions import WAREHOUSE_POOL
from schemas import TABLE_MODELS
from warehouse.star_schema import (
    WAREHOUSE_TABLES,
    clear_change_queues,
    row_counts,
    set_aside_refused,
    sql_header,
    update_star_schema,
)

GROUP = "warehouse"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            table.name,
            group_name=GROUP,
            kinds={"duckdb", "sql"},
            deps=list(table.deps),
            description=sql_header(table.sql_path.read_text(encoding="utf-8")),
            metadata={**column_schema(TABLE_MODELS[table.qualified_name]), "sql_file": str(table.sql_path.relative_to(SQL_DIR.parent))},
        )
        for table in WAREHOUSE_TABLES
    ],
    check_specs=[schema_check_spec(table.qualified_name) for table in WAREHOUSE_TABLES],
    pool=WAREHOUSE_POOL,
)
def star_schema(warehouse: DuckDBResource):
    """Update every star-schema table (`update_star_schema`); readers see them all at once, in the
    warehouse published after the load."""
    results = update_star_schema(warehouse.get_connection, clear_queues=False)
    checks = [schema_check_result(table.qualified_name, written, "rows this load inserted or updated") for table, _, _, written in results]
    refused = [table for (table, *_), check in zip(results, checks, strict=True) if not check.passed]
    if refused:
        # The queues of changes stay for the next load; nothing is published.
        set_aside_refused(warehouse.get_connection, refused)
        yield from refuse(checks)
    clear_change_queues(warehouse.get_connection)
    totals = row_counts(warehouse.get_connection)
    for (table, in_full, counts, written), check in zip(results, checks, strict=True):
        yield dg.MaterializeResult(
            asset_key=table.name,
            metadata={
                "dagster/row_count": totals[table.name],
                "rows inserted": counts["INSERT"],
                "rows updated": counts["UPDATE"],
                "rows deleted": counts["DELETE"],
                "updated": "in full" if in_full else "rows of the changed documents, events and entities",
                "preview": markdown_preview(written),
            },
        )
        yield check


@dg.asset(
    group_name=GROUP,
    kinds={"duckdb"},
    deps=[table.name for table in WAREHOUSE_TABLES],
    description="The warehouse as readers see it: after each successful load the writer's file is checkpointed, copied and swapped in atomically at PUBLISHED_WAREHOUSE_PATH, so BI tools never meet the writer's lock nor a half-finished load (docs/connecting.md).",
    pool=WAREHOUSE_POOL,
)
def published_warehouse(warehouse: DuckDBResource) -> dg.MaterializeResult:
    published = config.published_warehouse_path()
    with warehouse.get_connection() as connection:
        size = publish_warehouse(connection, Path(warehouse.database), published)
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(published)), "bytes": size})
