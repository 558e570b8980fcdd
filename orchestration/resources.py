"""Resources: the DuckDB warehouse, the staging IO manager, the input folder and the spaCy model.

Paths, the model name and the workers come from the environment (`WAREHOUSE_PATH`, `CORPUS_DIR`,
`SPACY_MODEL`, `LOAD_WORKERS`, `LOAD_STORE_DIR`)
through `newsevents.config`, so `make run`, `dagster dev` and the tests all honour them.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from newsevents import config
from orchestration.io_managers import DuckDBTableIOManager, ParquetResultsIOManager

STAGING_SCHEMA = "staging"


class CorpusFolder(dg.ConfigurableResource):
    """The folder of input documents (and its optional manifest.csv)."""

    path: str

    def folder(self) -> Path:
        return Path(self.path)


class SpacyModel(dg.ConfigurableResource):
    """The English spaCy pipeline the text work runs (with the actor-dictionary ruler, loaded once by
    each process that runs it, `newsevents.textwork`), and how many worker processes run it over a
    load's documents (`LOAD_WORKERS`)."""

    model_name: str
    workers: int = 1


def warehouse_file() -> str:
    path = config.warehouse_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def build_resources() -> dict[str, object]:
    warehouse = DuckDBResource(
        database=warehouse_file(),
        connection_config={"storage_compatibility_version": config.storage_version(), "memory_limit": config.warehouse_memory_limit()},
    )
    return {
        "io_manager": DuckDBTableIOManager(warehouse=warehouse, schema_name=STAGING_SCHEMA, batch_store=str(config.load_store_dir())),
        "results_io_manager": ParquetResultsIOManager(store=str(config.load_store_dir())),
        "warehouse": warehouse,
        "corpus": CorpusFolder(path=str(config.corpus_dir())),
        "spacy_model": SpacyModel(model_name=config.spacy_model_name(), workers=config.load_workers()),
    }
