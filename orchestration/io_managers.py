"""The IO managers: the stage tables' (it stores a step's DataFrame with `warehouse.tables`: a partitioned
asset's rows replace those of the files of its load batches; an unpartitioned asset's replace the whole
table) and the results store's (a step's tables as Parquet files outside the warehouse, for steps that
must not open it, `warehouse.results`). They store and nothing else.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from warehouse.batches import files_of_batches
from warehouse.results import read_tables, result_folder, write_tables
from warehouse.tables import (
    read_partition_rows,
    read_table,
    replace_partition_rows,
    replace_table,
)


class DuckDBTableIOManager(dg.ConfigurableIOManager):
    warehouse: DuckDBResource
    schema_name: str
    batch_store: str  # the folder of load batches (LOAD_STORE_DIR), where a partition's files are listed

    def files(self, batch_keys) -> list[str]:
        return files_of_batches(Path(self.batch_store), batch_keys)

    def table_name(self, asset_key: dg.AssetKey) -> str:
        return f"{self.schema_name}.{asset_key.path[-1]}"

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        table = self.table_name(context.asset_key)
        with self.warehouse.get_connection() as connection:
            if context.has_asset_partitions:
                replace_partition_rows(connection, table, obj, self.files(context.asset_partition_keys))
            else:
                replace_table(connection, table, obj)

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        table = self.table_name(context.asset_key)
        with self.warehouse.get_connection() as connection:
            if context.has_asset_partitions:
                return read_partition_rows(connection, table, self.files(context.asset_partition_keys))
            return read_table(connection, table)


class ParquetResultsIOManager(dg.ConfigurableIOManager):
    """Stores a partitioned step's tables (a DataFrame, or a dict of them by name) as Parquet files in the
    results store, one folder per asset and batch, and loads them for the next step."""

    store: str  # the load store (LOAD_STORE_DIR)

    def folder(self, asset_key: dg.AssetKey, batch_keys) -> Path:
        return result_folder(Path(self.store), asset_key.path[-1], list(batch_keys))

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame | dict[str, pd.DataFrame]) -> None:
        tables = obj if isinstance(obj, dict) else {context.asset_key.path[-1]: obj}
        write_tables(self.folder(context.asset_key, context.asset_partition_keys), tables)

    def load_input(self, context: dg.InputContext) -> pd.DataFrame | dict[str, pd.DataFrame]:
        tables = read_tables(self.folder(context.asset_key, context.asset_partition_keys))
        name = context.asset_key.path[-1]
        return tables[name] if list(tables) == [name] else tables
