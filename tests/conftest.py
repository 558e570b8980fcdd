"""Shared fixtures: the spaCy pipeline, and one end-to-end Dagster run of every asset on the sample."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from newsevents import config
from newsevents.annotate import load_pipeline

SAMPLE_DIR = config.DEFAULT_CORPUS_DIR


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(config.spacy_model_name())


def sample_load_settings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample in `folder`/corpus, and the settings of a load of it into `folder`/warehouse.duckdb
    (published and load store in their default places beside it); returns the corpus folder."""
    corpus = folder / "corpus"
    shutil.copytree(SAMPLE_DIR, corpus)
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("WAREHOUSE_PATH", str(folder / "warehouse.duckdb"))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("LOAD_STORE_DIR", raising=False)
    return corpus


def run_all_assets(corpus_dir: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> dg.ExecuteInProcessResult:
    """Load every file of `corpus_dir` into `warehouse` through Dagster, as `make run` does, and return the run."""
    from orchestration.run import load_corpus

    monkeypatch.setenv("CORPUS_DIR", str(corpus_dir))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    outcome = load_corpus(dg.DagsterInstance.ephemeral(), full_refresh=True)
    assert len(outcome.results) == 1, "a load from scratch is one run"
    return outcome.results[0]


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dg.ExecuteInProcessResult, Path]]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        warehouse = tmp_path_factory.mktemp("warehouse") / "sample.duckdb"
        yield run_all_assets(SAMPLE_DIR, warehouse, monkeypatch), warehouse


@pytest.fixture(scope="session")
def warehouse(sample_run) -> Iterator[duckdb.DuckDBPyConnection]:
    result, path = sample_run
    assert result.success, "the end-to-end run on the sample failed"
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def rows(connection: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = connection.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
