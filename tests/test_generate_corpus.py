"""The benchmark corpus generator: the right number of varied, unique, deterministic documents that the
project's ingest loads as they are, with their manifest rows."""

from __future__ import annotations

import csv
from pathlib import Path

from benchmarks.generate_corpus import DOCUMENTS_PER_DAY, MANIFEST_COLUMNS, MAX_WORDS, MIN_WORDS, generate_corpus
from newsevents.ingest import ingest_corpus

DOCS = 20


def manifest_rows(corpus_dir: Path) -> list[dict[str, str]]:
    with (corpus_dir / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == MANIFEST_COLUMNS
        return list(reader)


def test_documents_and_manifest(tmp_path: Path) -> None:
    paths = generate_corpus(tmp_path, DOCS, seed=7)

    assert sorted(tmp_path.glob("*.txt")) == sorted(paths)
    assert len(paths) == DOCS
    rows = manifest_rows(tmp_path)
    assert [row["file_name"] for row in rows] == [path.name for path in paths]
    assert all(row["publisher"] and row["title"] and row["language"] == "en" for row in rows)
    dates = [row["published_date"] for row in rows]
    assert dates == sorted(dates) and dates[0] == "2022-01-01"  # a steady feed: later documents, later dates
    assert len(set(dates)) == -(-DOCS // DOCUMENTS_PER_DAY)
    assert len({row["publisher"] for row in rows}) > 10

    texts = [path.read_text(encoding="utf-8") for path in paths]
    assert len(set(texts)) == DOCS
    for text, row in zip(texts, rows):
        assert MIN_WORDS <= len(text.split()) <= MAX_WORDS
        assert text.splitlines()[0] == row["title"]  # the headline comes first


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", DOCS, seed=3)
    second = generate_corpus(tmp_path / "b", DOCS, seed=3)

    for one, other in zip(first, second):
        assert one.read_bytes() == other.read_bytes()
    assert (tmp_path / "a" / "manifest.csv").read_bytes() == (tmp_path / "b" / "manifest.csv").read_bytes()
    assert generate_corpus(tmp_path / "c", 1, seed=4)[0].read_bytes() != first[0].read_bytes()


def test_start_adds_to_an_existing_folder(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path, DOCS)
    before = {path.name: path.read_bytes() for path in first}

    added = generate_corpus(tmp_path, 5, start=DOCS)

    assert len(list(tmp_path.glob("*.txt"))) == DOCS + 5
    assert {path.name for path in added}.isdisjoint(before)
    assert all((tmp_path / name).read_bytes() == content for name, content in before.items())
    assert len(manifest_rows(tmp_path)) == DOCS + 5
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]  # no temporary file left


def test_corpus_loads_with_the_project_ingest(tmp_path: Path) -> None:
    generate_corpus(tmp_path, DOCS, seed=11)
    dates = {row["file_name"]: row["published_date"] for row in manifest_rows(tmp_path)}

    result = ingest_corpus(tmp_path)

    assert len(result.documents) == DOCS
    assert result.quarantined == []
    assert result.duplicates == []
    assert result.reconciles
    for document in result.documents:
        assert document.metadata["published_date"] == dates[document.file_name]
        assert document.metadata["language"] == "en"
