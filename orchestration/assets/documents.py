"""Document stage: input files to raw documents to cleaned text with metadata."""

import dagster as dg
import pandas as pd

from newsevents.tables import cleaned_documents_table, raw_documents_table
from orchestration.metadata import column_schema, table_metadata
from orchestration.resources import CorpusFolder
from schemas import CleanedDocuments, RawDocuments

GROUP = "documents"


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="One row per distinct input file in CORPUS_DIR: content-hash id, raw text, size and manifest metadata.",
    metadata=column_schema(RawDocuments),
)
def raw_documents(corpus: CorpusFolder) -> dg.Output[pd.DataFrame]:
    table = raw_documents_table(corpus.folder())
    return dg.Output(table, metadata=table_metadata(table))


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="Text with page boilerplate and transcript noise removed, title and publication date with its origin; removed spans kept for audit.",
    metadata=column_schema(CleanedDocuments),
)
def cleaned_documents(raw_documents: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    table = cleaned_documents_table(raw_documents)
    metadata = table_metadata(table)
    metadata["dates by origin"] = dg.MetadataValue.json(table["published_date_origin"].value_counts().to_dict())
    return dg.Output(table, metadata=metadata)
