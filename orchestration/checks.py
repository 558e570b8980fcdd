"""Blocking asset checks built from the pandera models (the PUDL pattern).

Every table's check reads the table back from DuckDB and validates it with its pandera model. A failure
is an ERROR: downstream assets in the same run do not execute, and the check's metadata lists the
failing rows, so bad data never reaches the star schema silently.
"""

from __future__ import annotations

import dagster as dg
import pandera.pandas as pa
from dagster_duckdb import DuckDBResource

from orchestration.metadata import markdown_preview
from schemas import TABLE_MODELS

FAILURE_ROWS_SHOWN = 20


def pandera_check(table: str, model: type[pa.DataFrameModel]) -> dg.AssetChecksDefinition:
    schema_name, table_name = table.split(".")

    @dg.asset_check(
        asset=table_name,
        name=f"{table_name}_matches_schema",
        blocking=True,
        description=f"{table} satisfies its pandera model {model.__name__} (schemas/{table_name}.py).",
    )
    def check_table(warehouse: DuckDBResource) -> dg.AssetCheckResult:
        with warehouse.get_connection() as connection:
            frame = connection.execute(f'select * from {schema_name}."{table_name}"').df()
        try:
            model.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as errors:
            failures = errors.failure_cases
            return dg.AssetCheckResult(
                passed=False,
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={
                    "rows": len(frame),
                    "failure count": len(failures),
                    "failed checks": dg.MetadataValue.json(sorted({str(c) for c in failures["check"]})),
                    "failing rows": markdown_preview(failures, FAILURE_ROWS_SHOWN),
                },
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(frame)})

    return check_table


pandera_checks = [pandera_check(table, model) for table, model in TABLE_MODELS.items()]
