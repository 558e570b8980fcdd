"""Dagster's records of a load do not grow with its number of files: a load is one batch, one partition and
one run, so a crawler's thousands of files a day cost the orchestrator what ten do; beyond LOAD_BATCH_FILES
files a load is several batches, so its memory stays bounded."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.run import load_corpus
from warehouse.batches import split_into_batches

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


def test_files_beyond_load_batch_files_make_more_batches_loaded_one_after_the_other(tmp_path, monkeypatch):
    assert split_into_batches({"c": "3", "a": "1", "b": "2"}, 2) == [{"a": "1", "b": "2"}, {"c": "3"}]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(10):
        (corpus / f"wire_{number:05d}.txt").write_text(SENTENCE.format(number=number), encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setenv("LOAD_BATCH_FILES", "4")
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("LOAD_STORE_DIR", raising=False)
    with dg.instance_for_test() as instance:
        outcome = load_corpus(instance)
        assert not outcome.problems and len(outcome.results) == 3
        batches = instance.get_dynamic_partitions("load_batches")
    with duckdb.connect(str(tmp_path / "published" / "warehouse.duckdb"), read_only=True) as connection:
        loaded = connection.execute("select partition_key, count(*) from staging.input_files group by all order by 1").fetchall()
        reports = connection.execute("select count(*) from main.fact_event_mention").fetchone()[0]
    assert loaded == [(batches[0], 4), (batches[1], 4), (batches[2], 2)]
    assert reports >= 10  # every file's shelling report reached the star schema
