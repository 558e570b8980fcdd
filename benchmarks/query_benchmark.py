"""Benchmark of the queries analysts and the dashboard run, on a warehouse grown to dashboard scale
(`make bench-queries`).

The bundled sample is loaded the way `make run` loads it (`orchestration.run`), its published copy is
copied and grown in SQL (benchmarks/sql/grow_*.sql) to BENCH_EVENTS events (default 1,000,000) with
about three reports each: copies of every row under new keys derived as the warehouse derives its own,
actors and places among 100 copies of the entities, dates spread over five years. Then every query of
sql/queries/ and every query of the dashboard (dashboard/sources/) runs on the grown copy, opened
read-only as a BI tool opens it: one warm-up, then BENCH_REPEATS timed runs (default 5), and the median
is printed in milliseconds. Work happens in BENCH_DIR (default: a temporary folder, removed afterwards).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from warehouse.sql import statement

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = Path(__file__).resolve().parent / "sql"
QUERY_DIRS = (PROJECT_ROOT / "sql" / "queries", PROJECT_ROOT / "dashboard" / "sources")
DEFAULT_EVENTS = 1_000_000
DEFAULT_REPEATS = 5
TARGET_REPORTS_PER_EVENT = 3
ENTITY_COPIES = 100
SOURCE_COPIES = 200
# Entity mentions grow a quarter as fast as events: a few million rows, as a real warehouse of this size.
ENTITY_MENTION_SHARE = 4
TARGET_MS = 200
# Parameters of the queries that take some: what `make run` passes (the top 10 events).
QUERY_PARAMETERS = {"top_events.sql": [10]}
GROWN_TABLES = (
    "dim_entity", "dim_location", "dim_source", "dim_document", "fact_event", "fact_event_mention", "fact_entity_mention",
)


def load_sample(folder: Path) -> Path:
    """Load the bundled sample as `make run` does; returns its published copy."""
    warehouse = folder / "sample.duckdb"
    environment = {
        **os.environ,
        "CORPUS_DIR": str(PROJECT_ROOT / "seeds" / "documents"),
        "WAREHOUSE_PATH": str(warehouse),
        "PUBLISHED_WAREHOUSE_PATH": "",
        "DAGSTER_STORAGE_DIR": str(folder / "dagster"),
        "FULL_REFRESH": "1",
    }
    subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=PROJECT_ROOT, env=environment, check=True, stdout=subprocess.DEVNULL)
    return folder / "published" / warehouse.name


def grow(path: Path, events: int) -> dict[str, int]:
    """Grow the warehouse at `path` to about `events` events; returns each star table's row count."""
    with duckdb.connect(str(path)) as connection:
        sample_events, sample_reports = connection.execute(
            "select (select count(*) from main.fact_event), (select count(*) from main.fact_event_mention)"
        ).fetchone()
        copies = max(1, round(events / sample_events))
        parameters = {
            "copies": copies,
            "entities": ENTITY_COPIES,
            "sources": SOURCE_COPIES,
            "reports_per_event": max(1, round(TARGET_REPORTS_PER_EVENT * sample_events / sample_reports)),
        }
        connection.execute(statement(SQL_DIR / "copied_key.sql"))
        connection.execute(statement(SQL_DIR / "shifted_date_key.sql"))
        copies_of = {"dim_entity": ENTITY_COPIES, "dim_location": ENTITY_COPIES, "dim_source": SOURCE_COPIES}
        copies_of["fact_entity_mention"] = max(1, copies // ENTITY_MENTION_SHARE)
        for table in GROWN_TABLES:
            sql = statement(SQL_DIR / f"grow_{table}.sql")
            wanted = {name: value for name, value in {**parameters, "copies": copies_of.get(table, copies)}.items() if f"${name}" in sql}
            connection.execute(sql, wanted)
        connection.execute("checkpoint")
        return {table: connection.execute(f"select count(*) from main.{table}").fetchone()[0] for table in GROWN_TABLES}


def shipped_queries() -> list[Path]:
    return sorted(path for folder in QUERY_DIRS if folder.exists() for path in folder.rglob("*.sql"))


def median_ms(connection: duckdb.DuckDBPyConnection, sql: str, parameters: list, repeats: int) -> tuple[float, int]:
    """The median time of `repeats` runs after one warm-up, and the rows the query returns."""
    rows = len(connection.execute(sql, parameters).fetchall())
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        connection.execute(sql, parameters).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def main() -> int:
    events = int(os.environ.get("BENCH_EVENTS", DEFAULT_EVENTS))
    repeats = int(os.environ.get("BENCH_REPEATS", DEFAULT_REPEATS))
    configured = os.environ.get("BENCH_DIR")
    folder = Path(configured) if configured else Path(tempfile.mkdtemp(prefix="query-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(f"Loading the sample and growing a copy to {events:,} events ...", flush=True)
        grown = folder / "grown.duckdb"
        shutil.copyfile(load_sample(folder), grown)
        started = time.perf_counter()
        counts = grow(grown, events)
        print(f"grown in {time.perf_counter() - started:.0f} s: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))
        print(f"\n{'query':58} {'rows':>8} {'median ms':>10}")
        slow = 0
        with duckdb.connect(str(grown), read_only=True) as connection:
            for path in shipped_queries():
                ms, rows = median_ms(connection, statement(path), QUERY_PARAMETERS.get(path.name, []), repeats)
                slow += ms >= TARGET_MS
                print(f"{str(path.relative_to(PROJECT_ROOT)):58} {rows:8,} {ms:10.1f}")
        print(f"\n{slow} of {len(shipped_queries())} queries at or over {TARGET_MS} ms (median of {repeats}, warm)")
    finally:
        if not configured:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
