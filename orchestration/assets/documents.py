"""Document stage: input files to raw documents, duplicates and quarantined inputs, with the ledger of files.

Partitioned by load batch: a run reads only the files of its batch, and replaces their rows.
"""

from datetime import datetime, timezone

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from newsevents import config
from newsevents.ingest import file_version, read_manifest
from newsevents.tables import ingest_tables
from orchestration.checks import (
    checked_outputs,
    schema_check_spec,
)
from orchestration.metadata import column_schema
from orchestration.partitions import WAREHOUSE_POOL, load_batch_partitions
from orchestration.resources import CorpusFolder
from schemas import TABLE_MODELS, InputFiles
from warehouse.batches import read_batch
from warehouse.documents import (
    documents_elsewhere,
    forget_replaced_documents,
    keep_first_seen,
)

GROUP = "documents"
PARTITIONED = dict(partitions_def=load_batch_partitions, backfill_policy=dg.BackfillPolicy.single_run(), pool=WAREHOUSE_POOL)
# The reference data (dictionaries, codebooks, boilerplate patterns) the text stages read, as their code
# version: the UI marks the documents processed with other reference data as stale.
REFERENCE_CODE_VERSION = config.reference_digest(config.reference_dir())


def input_files_table(corpus: CorpusFolder, files: list[str], batch_of_file: dict[str, str],
                      raw: pd.DataFrame, duplicates: pd.DataFrame, quarantined: pd.DataFrame) -> pd.DataFrame:
    """The ledger rows of the files loaded: version, batch and what became of their inputs."""
    folder = corpus.folder()
    manifest = read_manifest(folder)
    loaded_at = datetime.now(timezone.utc).replace(tzinfo=None)
    reference_version = config.reference_digest(config.reference_dir())
    rows = []
    for name in files:
        path = folder / name
        rows.append(
            {
                "file_name": name,
                "input_version": file_version(path, manifest.get(name, {})),
                "partition_key": batch_of_file[name],
                "documents": int((raw["file_name"] == name).sum()),
                "duplicates": int((duplicates["file_name"] == name).sum()),
                "quarantined": int((quarantined["file_name"] == name).sum()),
                "loaded_at": loaded_at,
                "reference_version": reference_version,
            }
        )
    return pd.DataFrame(rows, columns=list(InputFiles.to_schema().columns))


INGEST_DESCRIPTIONS = {
    "staging.input_files": "One row per input file the warehouse holds: the version loaded (hash of bytes and manifest row), the load batch that read it, and how many of its inputs became documents, duplicates or quarantine rows.",
    "staging.raw_documents": "One row per document in CORPUS_DIR (.txt with manifest.csv, .html via trafilatura, .jsonl articles): content-hash id, decoded text, metadata.",
    "staging.duplicate_inputs": "Inputs whose text is exactly an earlier document's, recorded against the document they duplicate.",
    "staging.quarantined_inputs": "Inputs that could not be loaded (empty, binary, undecodable, too large, JSON without text, not English, file gone), with the reason.",
}


@dg.multi_asset(
    outs={
        **{
            table.split(".")[1]: dg.AssetOut(
                group_name=GROUP, kinds={"python", "duckdb"}, description=description, metadata=column_schema(TABLE_MODELS[table])
            )
            for table, description in INGEST_DESCRIPTIONS.items()
        },
        "batch_documents": dg.AssetOut(
            group_name=GROUP,
            kinds={"python", "parquet"},
            io_manager_key="results_io_manager",
            description="The load batch's documents (the rows of raw_documents) as Parquet in the results store (LOAD_STORE_DIR): what the text work reads, so that it never opens the warehouse.",
            metadata=column_schema(TABLE_MODELS["staging.raw_documents"]),
        ),
    },
    check_specs=[schema_check_spec(table) for table in INGEST_DESCRIPTIONS],
    **PARTITIONED,
)
def ingested_inputs(context: dg.AssetExecutionContext, corpus: CorpusFolder, warehouse: DuckDBResource):
    """Read the input files of the run's load batches as they are now: every input loaded, duplicate or
    quarantined, nothing lost; a changed file's earlier rows are replaced everywhere."""
    batch_of_file = {name: key for key in sorted(context.partition_keys) for name in read_batch(config.load_store_dir(), key)}
    files = sorted(batch_of_file)
    raw, duplicates, quarantined = ingest_tables(corpus.folder(), files, documents_elsewhere(warehouse.get_connection, files))
    raw = keep_first_seen(warehouse.get_connection, raw)
    forgotten = forget_replaced_documents(warehouse.get_connection, files, raw["document_id"].tolist())
    ledger = input_files_table(corpus, files, batch_of_file, raw, duplicates, quarantined)
    accounting = {
        "files": len(files),
        "inputs seen": len(raw) + len(duplicates) + len(quarantined),
        "documents": len(raw),
        "duplicates": len(duplicates),
        "quarantined": len(quarantined),
        "replaced documents forgotten": forgotten,
    }
    scope = f"rows of {len(files)} input files"
    yield from checked_outputs(
        [
            ("staging.input_files", ledger, scope, accounting),
            ("staging.raw_documents", raw, scope, {}),
            ("staging.duplicate_inputs", duplicates, scope, {}),
            ("staging.quarantined_inputs", quarantined, scope, {}),
        ],
        multi=True,
    )
    yield dg.Output(raw, output_name="batch_documents", metadata={"dagster/row_count": len(raw)})
