"""The IO manager of the stage tables: it stores a step's DataFrame with `warehouse.tables` (a partitioned
asset's rows replace those of its partitions' files; an unpartitioned asset's replace the whole table) and
loads the rows a step reads. It stores and nothing else.
"""

from __future__ import annotations

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from warehouse.tables import (
    files_of_partitions,
    read_partition_rows,
    read_table,
    replace_partition_rows,
    replace_table,
)


class DuckDBTableIOManager(dg.ConfigurableIOManager):
    warehouse: DuckDBResource
    schema_name: str

    def table_name(self, asset_key: dg.AssetKey) -> str:
        return f"{self.schema_name}.{asset_key.path[-1]}"

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        table = self.table_name(context.asset_key)
        with self.warehouse.get_connection() as connection:
            if context.has_asset_partitions:
                replace_partition_rows(connection, table, obj, files_of_partitions(context.asset_partition_keys))
            else:
                replace_table(connection, table, obj)

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        table = self.table_name(context.asset_key)
        with self.warehouse.get_connection() as connection:
            if context.has_asset_partitions:
                return read_partition_rows(connection, table, files_of_partitions(context.asset_partition_keys))
            return read_table(connection, table)
