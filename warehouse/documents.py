"""The stage's documents across loads: which documents other files already hold, when a document was
first seen, and forgetting the documents a changed file no longer holds.
"""

from __future__ import annotations

import pandas as pd

from warehouse import changes, entity_descriptions
from warehouse.tables import Connect, ensure_table, select_rows, transaction

# Tables holding rows derived from a document, emptied of a document's rows when its file changes.
DOCUMENT_TABLES = ("staging.cleaned_documents", "staging.parsed_documents", "staging.entity_mentions", "staging.event_mentions")


def documents_elsewhere(connect: Connect, files: list[str]) -> dict[str, str]:
    """Documents already loaded from other files (id -> file): an input repeating one is a duplicate."""
    with connect() as connection:
        ensure_table(connection, "staging.raw_documents")
        rows = connection.execute(
            "select document_id, file_name from staging.raw_documents where file_name not in (select unnest($files))",
            {"files": files},
        ).fetchall()
    return dict(rows)


def keep_first_seen(connect: Connect, raw: pd.DataFrame) -> pd.DataFrame:
    """A document already in the warehouse keeps the time it was first ingested, so loading the same
    text again rewrites nothing."""
    with connect() as connection:
        first_seen = dict(
            connection.execute(
                "select document_id, ingested_at from staging.raw_documents where document_id in (select unnest($ids))",
                {"ids": raw["document_id"].tolist()},
            ).fetchall()
        )
    if not first_seen:
        return raw
    return raw.assign(ingested_at=[first_seen.get(d, t) for d, t in zip(raw["document_id"], raw["ingested_at"])])


def forget_replaced_documents(connect: Connect, files: list[str], kept_document_ids: list[str]) -> int:
    """Delete, from the tables derived from documents, the rows of documents these files no longer hold
    (a changed file's old text), in one transaction (entity mentions with their descriptions' counts).
    Returns how many documents were forgotten."""
    with connect() as connection:
        for table in DOCUMENT_TABLES:
            ensure_table(connection, table)
        replaced = [
            row[0]
            for row in connection.execute(
                "select document_id from staging.raw_documents where file_name in (select unnest($files))"
                " and document_id not in (select unnest($kept))",
                {"files": files, "kept": kept_document_ids},
            ).fetchall()
        ]
        if replaced:
            changes.ensure_queues(connection)
            condition, parameters = "document_id in (select unnest($ids))", {"ids": replaced}
            with transaction(connection):
                changes.record_documents(connection, replaced)
                for table in DOCUMENT_TABLES:
                    with entity_descriptions.counted(connection, table, select_rows(table, condition), parameters):
                        connection.execute(f"delete from {table} where {condition}", parameters)
    return len(replaced)
