"""Poison inputs are quarantined alone, each with its file and a precise reason, and the rest of the
batch loads: texts over the model's limit, JSON the parser cannot read, dates that cannot be stored or
that change with the day of the load, text of invisible characters, a manifest not in UTF-8."""

from __future__ import annotations

import json

import dagster as dg
import duckdb
import pytest

from newsevents import config
from newsevents.ingest import InputError, ingest_files, read_manifest
from orchestration.run import load_corpus

GOOD_TEXT = "Ghana and Nigeria signed a trade agreement in Accra on Friday, officials said.\n"


def write_corpus(folder):
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "too_long.txt").write_text("word " * 262_000, encoding="utf-8")  # 1.31 million characters
    (folder / "invisible.txt").write_text("\u200b" * 400, encoding="utf-8")
    (folder / "yesterday.txt").write_text("Kenya and Uganda held talks in Nairobi on Monday.\n", encoding="utf-8")
    (folder / "no_such_day.txt").write_text("Chile and Peru held talks in Lima on Monday.\n", encoding="utf-8")
    (folder / "year_22.txt").write_text("Egypt and Sudan held talks in Cairo on Monday.\n", encoding="utf-8")
    lines = [
        json.dumps({"text": "Brazil and Argentina signed a deal in Brasilia on Tuesday.", "published": "2024-05-07"}),
        '{"text": "Peru and Bolivia held talks.", "id": ' + "9" * 5000 + "}",
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"text": 42}),
    ]
    (folder / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = (
        "file_name,published_date,publisher\n"
        "good.txt,2024-05-03,Agence Générale\n"
        "yesterday.txt,yesterday,Agence Générale\n"
        "no_such_day.txt,2022-02-30,Agence Générale\n"
        "year_22.txt,0022-04-26,Agence Générale\n"
    )
    (folder / "manifest.csv").write_bytes(manifest.encode("cp1252"))  # not UTF-8: é is one byte


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_corpus(folder)
    return folder


def reasons(result) -> dict[tuple[str, int | None], str]:
    return {(q.file_name, q.line_number): q.reason for q in result.quarantined}


def test_each_poison_input_is_quarantined_with_its_reason(corpus):
    result = ingest_files(corpus)
    assert result.reconciles
    assert {(d.file_name, d.line_number) for d in result.documents} == {("good.txt", None), ("items.jsonl", 1)}
    found = reasons(result)
    assert "over the language model's limit of 1,000,000" in found[("too_long.txt", None)]
    assert "no letter or digit" in found[("invisible.txt", None)]
    assert "relative to the day it is read" in found[("yesterday.txt", None)]
    assert "not a calendar date" in found[("no_such_day.txt", None)]
    assert "outside 1800-2262" in found[("year_22.txt", None)]
    assert "not readable JSON" in found[("items.jsonl", 2)] and "digits" in found[("items.jsonl", 2)]
    assert "nested too deeply" in found[("items.jsonl", 3)]
    assert "'text' is a int, not a string" in found[("items.jsonl", 4)]
    # The manifest was read in its own encoding.
    assert result.documents[0].metadata["publisher"] == "Agence Générale"


def test_an_unterminated_quote_in_the_manifest_is_an_error_naming_the_row(tmp_path):
    (tmp_path / "manifest.csv").write_text('file_name,title\na.txt,"Talks begin\nb.txt,Second\n', encoding="utf-8")
    with pytest.raises(InputError, match="'a.txt' is never closed"):
        read_manifest(tmp_path)


def test_a_batch_with_poison_inputs_loads_its_good_documents(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    outcome = load_corpus(dg.DagsterInstance.ephemeral())
    assert not outcome.problems
    with duckdb.connect(str(config.published_warehouse_path()), read_only=True) as connection:
        loaded = connection.execute("select file_name from main.dim_document order by 1").fetchall()
        quarantined = connection.execute("select count(*) from staging.quarantined_inputs").fetchall()[0][0]
    assert loaded == [("good.txt",), ("items.jsonl",)]
    assert quarantined == 8


def test_special_files_are_counted_and_quarantined_as_what_they_are(tmp_path):
    import os

    from newsevents.loads import scan_corpus

    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop_a.txt").symlink_to(tmp_path / "loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to(tmp_path / "loop_a.txt")
    assert set(scan_corpus(tmp_path)) == {"good.txt", "pipe.txt", "dangling.txt", "loop_a.txt", "loop_b.txt"}  # a FIFO is never opened
    result = ingest_files(tmp_path)
    assert result.reconciles and result.inputs_seen == 5
    found = reasons(result)
    assert found[("pipe.txt", None)] == "a named pipe (FIFO), not a file"
    assert found[("dangling.txt", None)] == "a symbolic link whose target does not exist"
    assert found[("loop_a.txt", None)] == found[("loop_b.txt", None)] == "a symbolic link loop"


def test_a_publication_killed_half_way_leaves_no_copy_behind(tmp_path):
    from newsevents.publish import publish_warehouse

    warehouse, published = tmp_path / "warehouse.duckdb", tmp_path / "published" / "warehouse.duckdb"
    published.parent.mkdir()
    leftover = published.parent / ".warehouse.duckdb.0123abcd.tmp"
    leftover.write_bytes(b"x" * 1000)
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create table t as select 1 as x")
        publish_warehouse(connection, warehouse, published)
    assert not leftover.exists() and published.exists()


def test_a_batch_of_nothing_but_poison_completes_with_its_inputs_quarantined(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    assert not load_corpus(dg.DagsterInstance.ephemeral()).problems
    with duckdb.connect(str(config.published_warehouse_path()), read_only=True) as connection:
        quarantined = connection.execute("select file_name from staging.quarantined_inputs order by 1").fetchall()
        documents = connection.execute("select count(*) from main.dim_document").fetchall()[0][0]
    assert quarantined == [("binary.txt",), ("empty.txt",)] and documents == 0
