"""A failed load loses nothing: the documents of a batch that failed are loaded by a later run, even when
that run has other work and succeeds (the ledger of the failed run must not count them as loaded)."""

from __future__ import annotations

import dagster as dg
import duckdb
import pandas as pd

from newsevents import config
from orchestration.assets import nlp
from orchestration.run import load_corpus
from tests.conftest import sample_load_settings


def loaded_documents() -> set[str]:
    with duckdb.connect(str(config.published_warehouse_path()), read_only=True) as connection:
        return {row[0] for row in connection.execute(
            "select r.file_name from main.dim_document d join staging.raw_documents r using (document_id)"
        ).fetchall()}


def test_documents_of_a_failed_batch_are_loaded_by_a_later_run(tmp_path, monkeypatch):
    corpus = sample_load_settings(tmp_path, monkeypatch)
    files = sorted(p.name for p in corpus.glob("*.txt"))
    first, second = files[0], files[1]

    # A first load of two files; then the other files arrive and their batch fails at the parse.
    (corpus / "manifest.csv").rename(tmp_path / "manifest.csv")
    held_back = [name for name in files if name not in (first, second)]
    for name in held_back:
        (corpus / name).rename(tmp_path / name)
    (tmp_path / "manifest.csv").rename(corpus / "manifest.csv")
    assert not load_corpus(dg.DagsterInstance.ephemeral()).problems
    for name in held_back:
        (tmp_path / name).rename(corpus / name)

    original = nlp.process_documents

    def failing(raw: pd.DataFrame, *args):
        raise RuntimeError("the parser crashed")

    with monkeypatch.context() as patched:
        patched.setattr(nlp, "process_documents", failing)
        assert load_corpus(dg.DagsterInstance.ephemeral()).problems
    assert nlp.process_documents is original

    # A later run with other work (a file deleted) succeeds; it, or the one after, loads the failed batch.
    # (A deleted file's rows are kept: the warehouse is history.)
    (corpus / second).unlink()
    assert not load_corpus(dg.DagsterInstance.ephemeral()).problems
    assert not load_corpus(dg.DagsterInstance.ephemeral()).problems
    assert loaded_documents() == set(files)


def test_a_ledger_row_without_its_documents_does_not_count_as_loaded(tmp_path):
    from warehouse.ledger import loaded_versions

    published = tmp_path / "published.duckdb"
    with duckdb.connect(str(published)) as connection:
        connection.execute("create schema staging")
        connection.execute("create table staging.input_files (file_name varchar, input_version varchar, reference_version varchar)")
        connection.execute("create table staging.raw_documents (file_name varchar, document_id varchar)")
        connection.execute("create table main.dim_document (document_id varchar)")
        connection.execute("insert into staging.input_files values ('loaded.txt', 'v1', 'r'), ('failed.txt', 'v2', 'r'), ('empty.txt', 'v3', 'r')")
        connection.execute("insert into staging.raw_documents values ('loaded.txt', 'a'), ('failed.txt', 'b')")
        connection.execute("insert into main.dim_document values ('a')")
    (tmp_path / "warehouse.duckdb").touch()
    # `failed.txt` was ingested by a load that failed later: its document never reached the star schema.
    assert loaded_versions(tmp_path / "warehouse.duckdb", published) == {"loaded.txt": "v1", "empty.txt": "v3"}
