"""Document stage: input files to raw documents (with duplicates and quarantine) to cleaned text with metadata."""

import dagster as dg
import pandas as pd

from newsevents.tables import cleaned_documents_table, ingest_tables
from orchestration.metadata import column_schema, table_metadata
from orchestration.resources import CorpusFolder, SpacyModel
from schemas import CleanedDocuments, DuplicateInputs, QuarantinedInputs, RawDocuments

GROUP = "documents"


@dg.multi_asset(
    outs={
        "raw_documents": dg.AssetOut(
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="One row per document in CORPUS_DIR (.txt with manifest.csv, .html via trafilatura, .jsonl articles): content-hash id, decoded text, metadata.",
            metadata=column_schema(RawDocuments),
        ),
        "duplicate_inputs": dg.AssetOut(
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Inputs whose text is exactly an earlier document's, recorded against the document they duplicate.",
            metadata=column_schema(DuplicateInputs),
        ),
        "quarantined_inputs": dg.AssetOut(
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Inputs that could not be loaded (empty, binary, undecodable, too large, JSON without text, not English), with the reason.",
            metadata=column_schema(QuarantinedInputs),
        ),
    },
)
def ingested_inputs(corpus: CorpusFolder) -> tuple[dg.Output, dg.Output, dg.Output]:
    """Read every input of the corpus folder: loaded, duplicate or quarantined, nothing lost."""
    raw, duplicates, quarantined = ingest_tables(corpus.folder())
    accounting = {
        "inputs seen": len(raw) + len(duplicates) + len(quarantined),
        "documents": len(raw),
        "duplicates": len(duplicates),
        "quarantined": len(quarantined),
    }
    return (
        dg.Output(raw, metadata={**table_metadata(raw), **accounting}),
        dg.Output(duplicates, metadata=table_metadata(duplicates)),
        dg.Output(quarantined, metadata=table_metadata(quarantined)),
    )


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="Text with page boilerplate and transcript noise removed, speaker labels turned into turns, capitals restored to uncased transcripts; title, publication date with its origin, sentence offsets and a map back to the raw text. Removed spans are kept for audit.",
    metadata=column_schema(CleanedDocuments),
)
def cleaned_documents(raw_documents: pd.DataFrame, spacy_model: SpacyModel) -> dg.Output[pd.DataFrame]:
    table = cleaned_documents_table(raw_documents, spacy_model.pipeline())
    metadata = table_metadata(table)
    metadata["dates by origin"] = dg.MetadataValue.json(table["published_date_origin"].value_counts().to_dict())
    return dg.Output(table, metadata=metadata)
