"""A load killed with `kill -9` in the middle of a step (an OOM kill, a reboot) does not hang the next: its
pool slot is freed, and the next load finishes and gives the warehouse a clean rebuild gives."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import dagster as dg
import duckdb
from newsevents import config
from tests.conftest import SAMPLE_DIR

SLOT_WAIT_SECONDS = 120
NEXT_LOAD_TIMEOUT_SECONDS = 400


def event_keys(path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {row[0] for row in connection.execute("select event_key from main.fact_event").fetchall()}


def test_a_killed_load_does_not_hang_the_next(tmp_path, warehouse, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(config.PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, corpus)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "CORPUS_DIR": str(corpus),
        "DAGSTER_STORAGE_DIR": str(home / "storage"),
        "WAREHOUSE_PATH": str(tmp_path / "warehouse.duckdb"),
    }
    env.pop("PUBLISHED_WAREHOUSE_PATH", None)
    command = [sys.executable, "-m", "orchestration.run"]
    killed = subprocess.Popen(command, env=env, cwd=config.PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    monkeypatch.setenv("DAGSTER_HOME", env["DAGSTER_HOME"])
    monkeypatch.setenv("DAGSTER_STORAGE_DIR", env["DAGSTER_STORAGE_DIR"])  # the instance's dagster.yaml reads it
    with dg.DagsterInstance.get() as instance:
        deadline = time.monotonic() + SLOT_WAIT_SECONDS
        while not instance.event_log_storage.get_concurrency_run_ids():
            assert killed.poll() is None, "the load ended before it claimed a pool slot"
            assert time.monotonic() < deadline, "the load never claimed a pool slot"
            time.sleep(0.2)
    killed.send_signal(signal.SIGKILL)
    killed.wait()

    finished = subprocess.run(command, env=env, cwd=config.PROJECT_ROOT, capture_output=True, text=True, timeout=NEXT_LOAD_TIMEOUT_SECONDS)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert "whose process is gone" in finished.stderr
    # The same events as the sample loaded from scratch (the session's warehouse).
    published = tmp_path / "published" / "warehouse.duckdb"
    sample_events = {row[0] for row in warehouse.execute("select event_key from main.fact_event").fetchall()}
    assert event_keys(published) == sample_events
