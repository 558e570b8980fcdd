"""Stage tables in DuckDB: each asset's DataFrame replaces its table in one statement.

Unlike dagster-duckdb-pandas' IO manager this writes empty tables too (a quarantine table with no rows is
still a table that analysts and checks can read), and a table whose columns changed is replaced rather
than appended to.
"""

from __future__ import annotations

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource


def with_typed_empty_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns with no values become strings, so DuckDB types them VARCHAR rather than NULL."""
    empty_object = [c for c in frame.columns if frame[c].dtype == object and frame[c].isna().all()]
    return frame.astype({c: "string" for c in empty_object}) if empty_object else frame


class DuckDBTableIOManager(dg.ConfigurableIOManager):
    warehouse: DuckDBResource
    schema_name: str

    def table_name(self, asset_key: dg.AssetKey) -> str:
        return f'{self.schema_name}."{asset_key.path[-1]}"'

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        frame = with_typed_empty_columns(obj)
        with self.warehouse.get_connection() as connection:
            connection.execute(f"create schema if not exists {self.schema_name}")
            connection.register("asset_frame", frame)
            connection.execute(f"create or replace table {self.table_name(context.asset_key)} as select * from asset_frame")
            connection.unregister("asset_frame")

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        with self.warehouse.get_connection() as connection:
            return connection.execute(f"select * from {self.table_name(context.asset_key)}").df()
