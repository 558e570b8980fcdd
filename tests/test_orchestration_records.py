"""Dagster's records of a load do not grow with its number of files: a load is one batch, one partition and
one run, so a crawler's thousands of files a day cost the orchestrator what ten do."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.run import load_corpus

SENTENCE = "Report {number}: Russian forces shelled Kharkiv on Tuesday, the Ukrainian military said.\n"


def load_files(folder: Path, count: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[dg.EventLogEntry], Path]:
    corpus = folder / "corpus"
    corpus.mkdir()
    for number in range(count):
        (corpus / f"wire_{number:05d}.txt").write_text(SENTENCE.format(number=number), encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("WAREHOUSE_PATH", str(folder / "warehouse.duckdb"))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("LOAD_STORE_DIR", raising=False)
    with dg.instance_for_test() as instance:
        outcome = load_corpus(instance)
        assert not outcome.problems
        [result] = outcome.results
        assert len(instance.get_dynamic_partitions("load_batches")) == 1
        return instance.all_logs(result.dagster_run.run_id), folder / "published" / "warehouse.duckdb"


def test_records_of_a_load_of_1000_files_are_those_of_10(tmp_path, monkeypatch):
    (tmp_path / "ten").mkdir()
    (tmp_path / "thousand").mkdir()
    ten, _ = load_files(tmp_path / "ten", 10, monkeypatch)
    thousand, published = load_files(tmp_path / "thousand", 1000, monkeypatch)

    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*), sum(documents) from staging.input_files").fetchone() == (1000, 1000)
        assert connection.execute("select count(distinct partition_key) from staging.input_files").fetchone() == (1,)

    assert len(thousand) <= 5 * len(ten)
    assert sum(len(repr(entry)) for entry in thousand) <= 5 * sum(len(repr(entry)) for entry in ten)
    # One materialisation per asset, not one per file.
    materialised = Counter(entry.dagster_event.asset_key.to_user_string() for entry in thousand if entry.dagster_event and entry.dagster_event.is_step_materialization)
    assert materialised["raw_documents"] == materialised["event_mentions"] == 1
