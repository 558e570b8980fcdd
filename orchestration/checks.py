"""Blocking asset checks built from the pandera models (the PUDL pattern).

Each asset validates the rows it is about to write with its table's pandera model and reports the result
as the check `<table>_matches_schema`, before anything is written. The checks are blocking: when one
fails, the step stops with nothing written, the downstream assets of the run do not execute, so bad data
never reaches the star schema or the published warehouse, and the check's metadata in the UI lists the
failing rows. A partitioned asset checks the rows of its partitions; the
star schema checks the rows a load inserted or updated; so a check's cost follows the load, not the
size of the warehouse.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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


class CheckFailed(dg.Failure):
    """Rows refused by their table's pandera model: the step stops before anything is written."""


def refuse(results: Sequence[dg.AssetCheckResult]) -> Iterator[dg.AssetCheckResult]:
    """Report the checks' results, then stop the step if any failed: nothing downstream runs, and the
    caller's rows are never written."""
    yield from results
    failed = [r for r in results if not r.passed]
    if failed:
        names = ", ".join(r.check_name for r in failed)
        raise CheckFailed(description=f"Rows refused by their schema check ({names}); nothing was written. The failing rows are in the check's metadata.")


def checked_outputs(outputs: Sequence[tuple[str, pd.DataFrame, str, dict]], multi: bool = False) -> Iterator:
    """Each (table, rows, scope, metadata) as an output of the asset, once every table's rows passed its
    schema check: the IO manager writes nothing a check refused. In a multi-asset each output is named
    after its table."""
    results = [schema_check_result(table, frame, scope) for table, frame, scope, _ in outputs]
    if not all(r.passed for r in results):
        yield from refuse(results)
    for (table, frame, _, metadata), result in zip(outputs, results, strict=True):
        output_name = {"output_name": table.split(".")[1]} if multi else {}
        yield dg.Output(frame, metadata={**table_metadata(frame), **(metadata or {})}, **output_name)
        yield result


def checked_output(table: str, frame: pd.DataFrame, scope: str, metadata: dict | None = None, multi: bool = False) -> Iterator:
    """An asset's table as its output (row count, preview and `metadata` for the UI) and the result of
    its schema check; when the check fails the step stops and the rows are not written."""
    yield from checked_outputs([(table, frame, scope, metadata or {})], multi)


def documents_scope(frame: pd.DataFrame) -> str:
    return f"rows of the {frame['document_id'].nunique()} documents of this load"
