"""Metadata shown in the Dagster UI: column schemas from the pandera models, row counts, previews."""

from __future__ import annotations

import dagster as dg
import pandas as pd
import pandera.pandas as pa

PREVIEW_ROWS = 10
PREVIEW_TEXT_WIDTH = 80


def column_schema(model: type[pa.DataFrameModel]) -> dict[str, dg.TableSchema]:
    """The table's columns as Dagster shows them, from the pandera model that declares them."""
    schema = model.to_schema()
    columns = [
        dg.TableColumn(
            name=name,
            type=str(column.dtype),
            description=column.description,
            constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=column.unique),
        )
        for name, column in schema.columns.items()
    ]
    return {"dagster/column_schema": dg.TableSchema(columns=columns)}


def shorten(value: object) -> object:
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    if isinstance(value, str) and len(value) > PREVIEW_TEXT_WIDTH:
        return value[: PREVIEW_TEXT_WIDTH - 1] + "…"
    return value


def markdown_preview(table: pd.DataFrame, rows: int = PREVIEW_ROWS) -> dg.MetadataValue:
    head = table.head(rows).map(shorten) if not table.empty else table
    return dg.MetadataValue.md(head.to_markdown(index=False) if not head.empty else "_(no rows)_")


def table_metadata(table: pd.DataFrame) -> dict[str, object]:
    return {"dagster/row_count": len(table), "preview": markdown_preview(table)}
