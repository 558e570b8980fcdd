"""Writers never meet DuckDB's lock: two loads launched at once both succeed (the warehouse pool of
dagster.yaml lets one step of one run touch the warehouse at a time), and a reader of the published
warehouse, holding it open with a query running while a load publishes, sees the old or the new
warehouse whole, never a mix and never an error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb

from newsevents import config

WIRE_STORIES = {
    "kharkiv.txt": "Russian forces shelled Kharkiv on Tuesday, the Ukrainian military said. Ukrainian President Volodymyr Zelensky urged NATO to send more air defence systems to Ukraine.\n",
    "warsaw.txt": "Polish President Andrzej Duda met Zelensky in Kyiv on Wednesday. Germany pledged more tanks to Ukraine, the German defence minister said in Berlin.\n",
}


def write_corpus(folder: Path, stories: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")


def load_command_environment(tmp_path: Path, corpus: Path, warehouse: Path) -> dict[str, str]:
    """The environment of `make run` with an instance of its own in tmp_path (the project's dagster.yaml)."""
    home = tmp_path / "dagster_home"
    home.mkdir(exist_ok=True)
    shutil.copy(config.PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    environment = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DAGSTER_STORAGE_DIR": str(home / "storage"),
        "CORPUS_DIR": str(corpus),
        "WAREHOUSE_PATH": str(warehouse),
        "PUBLISHED_WAREHOUSE_PATH": str(warehouse.parent / "published.duckdb"),
    }
    # The instance's storage exists before the loads start, as it does for anyone past their first run
    # (two processes creating a fresh SQLite storage at once race on its tables).
    subprocess.run([sys.executable, "-c", "import dagster; dagster.DagsterInstance.get()"], env=environment, check=True)
    return environment


def writer_pool_limits(environment: dict[str, str]) -> str:
    script = "import dagster; print(sorted((p.name, p.limit) for p in dagster.DagsterInstance.get().event_log_storage.get_pool_limits()))"
    return subprocess.run([sys.executable, "-c", script], env=environment, check=True, capture_output=True, text=True).stdout.strip()


def start_load(environment: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.run"], cwd=config.PROJECT_ROOT, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_two_loads_launched_at_once_both_succeed(tmp_path):
    corpus, warehouse = tmp_path / "corpus", tmp_path / "warehouse.duckdb"
    write_corpus(corpus, WIRE_STORIES)
    environment = load_command_environment(tmp_path, corpus, warehouse)
    loads = [start_load(environment), start_load(environment)]
    outputs = [load.communicate(timeout=600)[0] for load in loads]
    for load, output in zip(loads, outputs):
        assert load.returncode == 0, output
        assert "lock" not in output.lower(), output
    with duckdb.connect(str(warehouse.parent / "published.duckdb"), read_only=True) as connection:
        assert connection.execute("select count(*) from main.dim_document").fetchall() == [(2,)]
    # The steps claimed slots of the warehouse pool, limited to one by dagster.yaml.
    assert writer_pool_limits(environment) == "[('duckdb_warehouse', 1)]"


def test_a_reader_of_the_published_warehouse_sees_old_or_new_never_a_mix(tmp_path):
    corpus, warehouse = tmp_path / "corpus", tmp_path / "warehouse.duckdb"
    published = warehouse.parent / "published.duckdb"
    environment = load_command_environment(tmp_path, corpus, warehouse)
    write_corpus(corpus, {"kharkiv.txt": WIRE_STORIES["kharkiv.txt"]})
    first = subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=config.PROJECT_ROOT, env=environment, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr

    # A reader connected to the first load, running a long query while the second load runs and publishes.
    reader = duckdb.connect(str(published), read_only=True)
    outcome: dict[str, object] = {}

    def long_query() -> None:
        try:
            outcome["rows"] = reader.execute(
                "select count(*) from main.dim_document, range(3000000) group by all"
            ).fetchall()
        except Exception as error:  # the test reports it below
            outcome["error"] = error

    query = threading.Thread(target=long_query)
    query.start()
    write_corpus(corpus, {"warsaw.txt": WIRE_STORIES["warsaw.txt"]})
    second = start_load(environment)
    seen = []
    while second.poll() is None:  # readers opening the published file while the load runs and swaps it
        with duckdb.connect(str(published), read_only=True) as connection:
            documents = connection.execute("select count(*) from main.dim_document").fetchall()[0][0]
            ledger = connection.execute("select count(*) from staging.input_files").fetchall()[0][0]
            orphans = connection.execute(
                "select count(*) from main.fact_entity_mention where document_key not in (select document_key from main.dim_document)"
            ).fetchall()[0][0]
        seen.append((documents, ledger, orphans))
    output = second.communicate()[0]
    query.join()
    assert second.returncode == 0, output
    assert "error" not in outcome, outcome.get("error")
    # The held connection still reads the warehouse it opened: one document, whole.
    assert reader.execute("select count(*) from main.dim_document").fetchall() == [(1,)]
    reader.close()
    assert set(seen) <= {(1, 1, 0), (2, 2, 0)}, set(seen)
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*) from main.dim_document").fetchall() == [(2,)]
