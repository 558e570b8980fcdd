"""What changed in the stage tables since the events were last merged and the star schema last updated.

Queues in DuckDB (sql/staging), filled in the same transaction as the write they record:
`staging.changed_documents` and `staging.documents_to_merge` by every write of a document's rows (the
partitioned stage tables); `staging.changed_reports` and `staging.changed_events` by a merge of reports,
with the reports it assigned differently and the events it changed (not every report and event it
merged again); `staging.changed_entities` by every write of entity mentions and of the actor dictionary,
with the entities whose descriptions or dictionary row it changed. The merge of reports reads
`documents_to_merge` to compare only those documents' reports with their assignments; the star schema's
update reads the four others to limit its work to the rows of those documents, reports, events and
entities. Each empties its queues when it commits: a load's cost follows what it changed, not the size
of the warehouse, and a failed step leaves its queues for the next run.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from warehouse.sql import statement

CHANGED_DOCUMENTS = "staging.changed_documents"
CHANGED_REPORTS = "staging.changed_reports"
CHANGED_EVENTS = "staging.changed_events"
CHANGED_ENTITIES = "staging.changed_entities"
DOCUMENTS_TO_MERGE = "staging.documents_to_merge"
# The queues the star schema's update reads and empties.
STAR_QUEUES = {CHANGED_DOCUMENTS: "document_id", CHANGED_REPORTS: "mention_id", CHANGED_EVENTS: "event_id", CHANGED_ENTITIES: "entity_id"}
# The queues every write of a document's rows fills.
DOCUMENT_QUEUES = (CHANGED_DOCUMENTS, DOCUMENTS_TO_MERGE)


def ensure_queues(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute("create schema if not exists staging")
    for queue in (*STAR_QUEUES, DOCUMENTS_TO_MERGE):
        connection.execute(statement(f"staging/create_{queue.split('.')[1]}.sql"))


def record(connection: duckdb.DuckDBPyConnection, queue: str, ids: Iterable[str]) -> None:
    """Add ids to a queue (ids already in it stay once)."""
    connection.execute(f"insert or ignore into {queue} select distinct unnest($ids)", {"ids": sorted(set(ids))})


def record_selected(connection: duckdb.DuckDBPyConnection, queue: str, select: str, parameters: dict | None = None) -> None:
    """Add to a queue the ids that a select of one column returns."""
    connection.execute(f"insert or ignore into {queue} select distinct * from ({select})", parameters or {})


def record_documents(connection: duckdb.DuckDBPyConnection, document_ids: Iterable[str]) -> None:
    """Queue documents whose rows a write changed, for the merge of reports and the star schema."""
    for queue in DOCUMENT_QUEUES:
        record(connection, queue, document_ids)


def record_selected_documents(connection: duckdb.DuckDBPyConnection, select: str, parameters: dict | None = None) -> None:
    """Queue the documents that a select of one column returns (see `record_documents`)."""
    record_documents(connection, [row[0] for row in connection.execute(select, parameters or {}).fetchall()])


def pending(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many ids each queue of the star schema's update holds."""
    ensure_queues(connection)
    return {queue: connection.execute(f"select count(*) from {queue}").fetchone()[0] for queue in STAR_QUEUES}


def clear(connection: duckdb.DuckDBPyConnection, queues: Iterable[str] = tuple(STAR_QUEUES)) -> None:
    for queue in queues:
        connection.execute(f"delete from {queue}")
