"""The re-merge of event reports: only the reports near those a load added or removed are merged again
(in their groups: mode, CAMEO root, acting side; in the date windows they fall in), and the assignments
and events that changed are queued for the star schema.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from newsevents.merging import (
    DATE_TOLERANCE_DAYS,
    dates_to_merge_again,
    first_date_to_compare,
)
from newsevents.tables import assign_events
from warehouse import changes
from warehouse.sql import statement
from warehouse.tables import (
    Connect,
    create_temporary_like,
    ensure_table,
    insert_frame,
    transaction,
)


def staging_sql(name: str) -> str:
    return statement(f"staging/{name}.sql")


def reports_changed_since_merge(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The reports added (`is_added`) and removed since the last merge, with their group, date and
    document (sql/staging/reports_changed_since_merge.sql)."""
    for table in ("staging.event_mentions", "staging.event_assignments", "staging.events"):
        ensure_table(connection, table)
    changes.ensure_queues(connection)
    return connection.execute(staging_sql("reports_changed_since_merge")).df()


def dates_to_merge(group_dates: pd.DataFrame, changed: pd.DataFrame) -> pd.DataFrame:
    """(group_key, event_date) of the dates whose events are merged again, from the rows of
    sql/staging/dates_of_event_groups.sql and the reports added and removed (`changed`). Each group's
    dates are compared from the first date its change can alter a window on (`first_date_to_compare`)."""
    changed_dates = changed.dropna(subset=["event_date"]).groupby("group_key")["event_date"]
    rows = []
    for group, dates in group_dates.groupby("group_key"):
        touched = changed_dates.get_group(group)
        since = first_date_to_compare(dates.loc[dates["opened_window"], "event_date"], touched.min())
        dates = dates[dates["event_date"] >= since]
        before, now = (dates.loc[dates[flag], "event_date"] for flag in ("was_before", "is_now"))
        rows.extend((group, day) for day in sorted(dates_to_merge_again(before, now, touched)))
    return pd.DataFrame(rows, columns=["group_key", "event_date"]).astype({"event_date": "datetime64[us]"})


def dates_of_changed_groups(connection: duckdb.DuckDBPyConnection, changed: pd.DataFrame) -> pd.DataFrame:
    """The rows of sql/staging/dates_of_event_groups.sql for the groups with a dated report added or
    removed, from the date tolerance before the earliest change on (no window that opened earlier can
    hold a changed date)."""
    dated = changed.dropna(subset=["event_date"])
    if dated.empty:
        return pd.DataFrame(columns=["group_key", "event_date", "is_now", "was_before", "opened_window"])
    since = dated["event_date"].min() - pd.Timedelta(days=DATE_TOLERANCE_DAYS)
    return connection.execute(
        staging_sql("dates_of_event_groups"), {"groups": sorted(dated["group_key"].unique()), "since": since.date()}
    ).df()


def reports_to_merge(connection: duckdb.DuckDBPyConnection, changed: pd.DataFrame) -> pd.DataFrame:
    """The reports whose events a load changed: of the groups of the reports added and removed
    (`changed`), those in the date windows it touched, and the undated reports of the documents it
    added undated reports to."""
    undated = changed.loc[changed["is_added"] & changed["event_date"].isna(), ["group_key", "document_id"]].drop_duplicates()
    connection.register("dates_to_merge", dates_to_merge(dates_of_changed_groups(connection, changed), changed))
    try:
        return connection.execute(
            staging_sql("reports_to_merge"),
            {"undated_groups": undated["group_key"].tolist(), "undated_documents": undated["document_id"].tolist()},
        ).df()
    finally:
        connection.unregister("dates_to_merge")


def replace_merged_reports(
    connection: duckdb.DuckDBPyConnection, reports: pd.DataFrame, removed: list[str], assignments: pd.DataFrame, events: pd.DataFrame
) -> None:
    """Replace, in one transaction, the assignments and events of the reports merged again and of the
    reports removed (`removed`, their ids), and dequeue the documents queued for merging. The reports
    assigned differently and the events that differ, before and after, are queued for the star schema
    (`warehouse.changes`): the others are merged again into what they were, and the star schema need
    not read them. The rows replaced are deleted by the row ids found when they were read, and compared
    with the new rows as written to temporary tables typed like the stage tables, so neither the delete
    nor the comparison reads the stage tables again."""
    with transaction(connection):
        connection.execute(
            f"create or replace temporary table replaced_assignments as {staging_sql('assignments_to_replace')}",
            {"mentions": reports["mention_id"].tolist() + removed},
        )
        connection.execute(f"create or replace temporary table replaced_events as {staging_sql('events_to_replace')}")
        for replaced, table, temporary, frame in (
            ("replaced_assignments", "staging.event_assignments", "merged_assignments", assignments),
            ("replaced_events", "staging.events", "merged_events", events),
        ):
            connection.execute(f"delete from {table} where rowid in (select stored_rowid from {replaced})")
            create_temporary_like(connection, temporary, table)
            insert_frame(connection, temporary, frame)
            connection.execute(f"insert into {table} select * from {temporary}")
        connection.execute(f"create or replace temporary table reassigned_reports as {staging_sql('reassigned_reports')}")
        changes.record_selected(connection, changes.CHANGED_REPORTS, "select mention_id from reassigned_reports")
        changes.record_selected(connection, changes.CHANGED_EVENTS, staging_sql("events_changed_by_merge"))
        changes.clear(connection, [changes.DOCUMENTS_TO_MERGE])


@dataclass(frozen=True)
class MergeResult:
    """Reports merged again and what the merge gives them: computed, not yet stored."""

    groups: list[str]  # the groups touched
    reports: pd.DataFrame  # the reports merged again
    removed: list[str]  # mention ids of reports gone since the last merge
    assignments: pd.DataFrame
    events: pd.DataFrame

    def store(self, connect: Connect) -> None:
        with connect() as connection:
            replace_merged_reports(connection, self.reports, self.removed, self.assignments, self.events)


def merge_changed(connect: Connect) -> MergeResult:
    """Merge again the reports whose events changed, without storing the result. The reports are read on
    one connection and the result stored on another (`MergeResult.store`), so the blocks read are released
    first. No write comes between the two: every writer of the warehouse runs in one pool of one."""
    with connect() as connection:
        changed = reports_changed_since_merge(connection)
        reports = reports_to_merge(connection, changed)
    assignments, events = assign_events(reports)
    removed = changed.loc[~changed["is_added"], "mention_id"].tolist()
    return MergeResult(sorted(changed["group_key"].unique()), reports, removed, assignments, events)


def merge_changed_reports(connect: Connect) -> tuple[list[str], pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Merge again the reports whose events changed and store the result: returns the groups touched,
    the reports merged again, and their assignments and events."""
    merged = merge_changed(connect)
    merged.store(connect)
    return merged.groups, merged.reports, merged.assignments, merged.events


def merged_row_counts(connect: Connect) -> dict[str, int]:
    """The number of rows of the merge's two tables."""
    with connect() as connection:
        return {table: connection.execute(f"select count(*) from staging.{table}").fetchone()[0] for table in ("event_assignments", "events")}
