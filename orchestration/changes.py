"""What changed in the stage tables since the star schema was last brought up to date.

Three queues in DuckDB (sql/staging), filled in the same transaction as the write they record:
`staging.changed_documents` by every write of a document's rows (the partitioned stage tables);
`staging.changed_reports` and `staging.changed_events` by a merge of reports, with the reports it
assigned differently and the events it changed (not every report and event it merged again). The star
schema's update reads them to limit its work to the rows of those documents, reports and events, and
empties them when it commits: a load's cost follows what it changed, not the size of the warehouse, and
a failed update leaves the queues for the next one.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from orchestration.sql import statement

CHANGED_DOCUMENTS = "staging.changed_documents"
CHANGED_REPORTS = "staging.changed_reports"
CHANGED_EVENTS = "staging.changed_events"
QUEUES = {CHANGED_DOCUMENTS: "document_id", CHANGED_REPORTS: "mention_id", CHANGED_EVENTS: "event_id"}


def ensure_queues(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute("create schema if not exists staging")
    for queue in QUEUES:
        connection.execute(statement(f"staging/create_{queue.split('.')[1]}.sql"))


def record(connection: duckdb.DuckDBPyConnection, queue: str, ids: Iterable[str]) -> None:
    """Add ids to a queue (ids already in it stay once)."""
    connection.execute(f"insert or ignore into {queue} select distinct unnest($ids)", {"ids": sorted(set(ids))})


def record_selected(connection: duckdb.DuckDBPyConnection, queue: str, select: str, parameters: dict | None = None) -> None:
    """Add to a queue the ids that a select of one column returns."""
    connection.execute(f"insert or ignore into {queue} select distinct * from ({select})", parameters or {})


def pending(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many ids each queue holds."""
    ensure_queues(connection)
    return {queue: connection.execute(f"select count(*) from {queue}").fetchone()[0] for queue in QUEUES}


def clear(connection: duckdb.DuckDBPyConnection) -> None:
    for queue in QUEUES:
        connection.execute(f"delete from {queue}")
