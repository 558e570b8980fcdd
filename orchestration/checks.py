"""Blocking asset checks built from the pandera models (the PUDL pattern).

Each asset validates the rows it writes with its table's pandera model and reports the result as the
check `<table>_matches_schema`. The checks are blocking: when one fails, the downstream assets of the run
do not execute, so bad data never reaches the star schema or the published warehouse, and the check's
metadata in the UI lists the failing rows. A partitioned asset checks the rows of its partitions; the
star schema checks the rows a load inserted or updated; so a check's cost follows the load, not the
size of the warehouse.
"""

from __future__ import annotations

from collections.abc import Iterator

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from orchestration.metadata import markdown_preview, table_metadata
from schemas import TABLE_MODELS

FAILURE_ROWS_SHOWN = 20


def check_name(table: str) -> str:
    return f"{table.split('.')[1]}_matches_schema"


def schema_check_spec(table: str) -> dg.AssetCheckSpec:
    model = TABLE_MODELS[table]
    return dg.AssetCheckSpec(
        name=check_name(table),
        asset=table.split(".")[1],
        blocking=True,
        description=f"{table} satisfies its pandera model {model.__name__} (schemas/{table.split('.')[1]}.py).",
    )


def schema_check_result(table: str, frame: pd.DataFrame, scope: str) -> dg.AssetCheckResult:
    """Validate `frame` (the rows written, described by `scope`) with the table's pandera model."""
    key = dict(asset_key=dg.AssetKey(table.split(".")[1]), check_name=check_name(table))
    try:
        TABLE_MODELS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases
        return dg.AssetCheckResult(
            **key,
            passed=False,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows checked": len(frame),
                "scope": scope,
                "failure count": len(failures),
                "failed checks": dg.MetadataValue.json(sorted({str(c) for c in failures["check"]})),
                "failing rows": markdown_preview(failures, FAILURE_ROWS_SHOWN),
            },
        )
    return dg.AssetCheckResult(**key, passed=True, metadata={"rows checked": len(frame), "scope": scope})


def checked_output(table: str, frame: pd.DataFrame, scope: str, metadata: dict | None = None, multi: bool = False) -> Iterator:
    """An asset's table as its output (row count, preview and `metadata` for the UI) and the result of
    its schema check. In a multi-asset the output is named after the table."""
    output_name = {"output_name": table.split(".")[1]} if multi else {}
    yield dg.Output(frame, metadata={**table_metadata(frame), **(metadata or {})}, **output_name)
    yield schema_check_result(table, frame, scope)


def documents_scope(frame: pd.DataFrame) -> str:
    return f"rows of the {frame['document_id'].nunique()} documents of this load"
