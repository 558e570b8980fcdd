"""Merging reports into events across loads: date windows, and re-merging only the windows a load
changed gives exactly the events of a merge from scratch, and queues for the star schema only the
reports and events it changed."""

from __future__ import annotations

import random
import shutil
from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from newsevents.merging import (
    ReportKey,
    assign_event_ids,
    date_windows,
    dates_to_merge_again,
    event_identity,
    first_date_to_compare,
    window_starts,
)
from newsevents.tables import assign_events
from warehouse import changes
from warehouse.merge import merge_changed_reports
from warehouse.star_schema import update_star_schema

DAY = date(2024, 3, 1)


def days(*offsets: int) -> list[date]:
    return [DAY + timedelta(days=offset) for offset in offsets]


def test_windows_open_at_their_first_date_and_do_not_chain():
    # Reported every day: one-day-tolerance windows of two days each, not one long event.
    assert date_windows(days(0, 1, 2, 3, 4), tolerance_days=1) == [tuple(days(0, 1)), tuple(days(2, 3)), tuple(days(4))]
    assert date_windows(days(5, 0, 0, 9), tolerance_days=1) == [tuple(days(0)), tuple(days(5)), tuple(days(9))]


def test_a_daily_act_is_a_series_of_events():
    shelling = event_identity("195", "country:RUS/MIL", "country:UKR")
    reports = [ReportKey(i, shelling, day, f"doc{i}", None) for i, day in enumerate(days(*range(10)))]
    assert len(set(assign_event_ids(reports).values())) == 5


def test_only_the_windows_a_change_touches_are_merged_again():
    before = days(0, 1, 5, 9, 10)
    # A report added on day 6 joins day 5's window: only that window is merged again.
    assert dates_to_merge_again(before, before + days(6), days(6)) == set(days(5, 6))
    # A report added on day 4 opens a window that takes day 5 from its own: both merged again.
    assert dates_to_merge_again(before, before + days(4), days(4)) == set(days(4, 5))
    # The last report of day 0 removed: its window (days 0-1) is merged again, the others kept.
    assert dates_to_merge_again(before, days(1, 5, 9, 10), days(0)) == set(days(0, 1))
    # A report added to a date that already had reports changes nothing else.
    assert dates_to_merge_again(before, before, days(9)) == set(days(9, 10))


def test_a_change_is_compared_from_the_window_that_holds_it_or_from_its_own_date():
    starts = days(0, 5, 9)  # windows [0, 1], [5], [9, 10] of days(0, 1, 5, 9, 10)
    assert first_date_to_compare(starts, DAY + timedelta(days=6)) == DAY + timedelta(days=5)  # joins day 5's window
    assert first_date_to_compare(starts, DAY + timedelta(days=4)) == DAY + timedelta(days=4)  # opens its own
    assert first_date_to_compare(starts, DAY + timedelta(days=10)) == DAY + timedelta(days=9)
    assert first_date_to_compare(starts, DAY - timedelta(days=3)) == DAY - timedelta(days=3)  # before the history


def test_comparing_dates_from_the_first_date_a_change_can_alter_finds_the_windows_comparing_all_would():
    # Random histories of a group and random changes (dates added and removed): the windows to merge again
    # found from first_date_to_compare on are those found over the group's whole history.
    draw = random.Random(11)
    for _ in range(500):
        before = set(days(*draw.sample(range(60), draw.randrange(1, 30))))
        added = set(days(*draw.sample(range(70), draw.randrange(0, 4))))
        removed = set(draw.sample(sorted(before), min(len(before), draw.randrange(0, 3))))
        now, touched = (before - removed) | added, added | removed
        if not touched:
            continue
        since = first_date_to_compare(window_starts(before).values(), min(touched))
        assert dates_to_merge_again(
            [day for day in before if day >= since], [day for day in now if day >= since], touched
        ) == dates_to_merge_again(before, now, touched)


@pytest.fixture()
def sample_reports(sample_run, tmp_path: Path) -> tuple[duckdb.DuckDBPyConnection, pd.DataFrame]:
    """A writable copy of the sample warehouse, and its event reports with dates spread over three
    weeks, so that groups hold many date windows."""
    result, warehouse = sample_run
    assert result.success
    copy = tmp_path / "merging.duckdb"
    shutil.copy(warehouse.parent / "published" / warehouse.name, copy)
    connection = duckdb.connect(str(copy))
    reports = connection.execute("select * from staging.event_mentions order by mention_id").df()
    spread = random.Random(7)
    reports["event_date"] = [
        pd.NaT if index % 9 == 0 else pd.Timestamp(DAY + timedelta(days=spread.randrange(21))) for index in range(len(reports))
    ]
    yield connection, reports
    connection.close()


def test_merging_only_what_changed_gives_the_events_of_a_merge_from_scratch(sample_reports):
    connection, reports = sample_reports
    for table in ("staging.event_mentions", "staging.event_assignments", "staging.events"):
        connection.execute(f"delete from {table}")
    documents = sorted(reports["document_id"].unique())
    # Loads that add reports in batches, then remove some and change others' dates (a changed document).
    batches = [reports.sample(frac=0.4, random_state=1)]
    batches.append(reports.drop(batches[0].index).sample(frac=0.5, random_state=2))
    batches.append(reports.drop(batches[0].index).drop(batches[1].index))
    merged = 0
    for batch in batches:
        connection.register("batch", batch)
        connection.execute("insert into staging.event_mentions by name select * from batch")
        connection.unregister("batch")
        changes.record_documents(connection, batch["document_id"])  # as every write of a document's rows does
        groups, merged_reports, _, _ = merge_changed_reports(lambda: nullcontext(connection))
        merged += len(merged_reports)
    assert merged < 2 * len(reports)  # later loads did not merge the whole groups again
    removed = reports[reports["document_id"] == documents[0]].head(5)["mention_id"].tolist()
    connection.execute("delete from staging.event_mentions where mention_id in (select unnest($ids))", {"ids": removed})
    moved = reports[reports["document_id"] == documents[1]].head(5)
    connection.execute("delete from staging.event_mentions where mention_id in (select unnest($ids))", {"ids": moved["mention_id"].tolist()})
    moved = moved.assign(mention_id=moved["mention_id"].str[::-1], event_date=pd.Timestamp(DAY + timedelta(days=30)))
    connection.register("moved", moved)
    connection.execute("insert into staging.event_mentions by name select * from moved")
    connection.unregister("moved")
    changes.record_documents(connection, documents[:2])
    merge_changed_reports(lambda: nullcontext(connection))

    final = connection.execute("select * from staging.event_mentions").df()
    expected_assignments, expected_events = assign_events(final)
    stored_assignments = connection.execute("select * from staging.event_assignments").df()
    stored_events = connection.execute("select * from staging.events").df()
    by = {"assignments": "mention_id", "events": "event_id"}
    for name, expected, stored in (("assignments", expected_assignments, stored_assignments), ("events", expected_events, stored_events)):
        expected = expected.sort_values(by[name]).reset_index(drop=True).astype({"event_date": "datetime64[ns]"})
        stored = stored[list(expected.columns)].sort_values(by[name]).reset_index(drop=True).astype({"event_date": "datetime64[ns]"})
        pd.testing.assert_frame_equal(expected, stored, check_dtype=False, obj=name)
    assert stored_events["event_id"].nunique() > 30


@pytest.fixture()
def joining_report(sample_run, tmp_path: Path):
    """A copy of the sample warehouse where the first report of an event reported twice or more is also
    in an article of another document, written and queued as a load writes it, not merged yet. Yields
    the connection, the event and its reports."""
    result, warehouse = sample_run
    assert result.success
    copy = tmp_path / "joining.duckdb"
    shutil.copy(warehouse.parent / "published" / warehouse.name, copy)
    with duckdb.connect(str(copy)) as connection:
        event_id, reported = connection.execute(
            "select event_id, list(mention_id order by mention_id) from staging.event_assignments"
            " group by event_id having count(*) >= 2 order by event_id limit 1"
        ).fetchone()
        joining = connection.execute("select * from staging.event_mentions where mention_id = ?", [reported[0]]).df()
        joining = joining.assign(mention_id="joining-report", document_id="another-document")
        connection.register("joining", joining)
        connection.execute("insert into staging.event_mentions by name select * from joining")
        connection.unregister("joining")
        changes.record_documents(connection, ["another-document"])
        yield connection, event_id, reported


def test_a_report_joining_an_event_queues_that_report_and_event_only(joining_report):
    # The same report in an article of another document: it joins the event, its window is merged again.
    connection, event_id, reported = joining_report
    _, merged_reports, _, _ = merge_changed_reports(lambda: nullcontext(connection))

    assert set(reported) < set(merged_reports["mention_id"])
    assert connection.execute("select event_id from staging.event_assignments where mention_id = 'joining-report'").fetchone()[0] == event_id
    assert connection.execute("select list(mention_id) from staging.changed_reports").fetchone()[0] == ["joining-report"]
    assert connection.execute("select list(event_id) from staging.changed_events").fetchone()[0] == [event_id]


def test_reports_wait_in_their_own_queue_until_merged_even_when_the_star_schema_is_updated_first(joining_report):
    connection, event_id, _ = joining_report
    # The star schema brought up to date alone (its asset materialised without the merge's) empties
    # its own queues only.
    update_star_schema(lambda: nullcontext(connection))
    assert changes.pending(connection)[changes.CHANGED_DOCUMENTS] == 0
    assert connection.execute("select list(document_id) from staging.documents_to_merge").fetchone()[0] == ["another-document"]

    merge_changed_reports(lambda: nullcontext(connection))

    assert connection.execute("select event_id from staging.event_assignments where mention_id = 'joining-report'").fetchone()[0] == event_id
    assert connection.execute("select count(*) from staging.documents_to_merge").fetchone()[0] == 0
