"""Documents remember the reference data they were coded with: after a verb pattern changes, make run
reports the files coded with the old dictionaries, and with REPROCESS=stale codes them again."""

from __future__ import annotations

import shutil

import dagster as dg
import duckdb

from newsevents import config
from orchestration.run import load_corpus


def published_codes() -> set[tuple[str, str]]:
    with duckdb.connect(str(config.published_warehouse_path()), read_only=True) as connection:
        return set(connection.execute(
            "select distinct d.file_name, e.event_code from main.fact_event_mention m"
            " join main.dim_document d using (document_key) join main.fact_event e using (event_key)"
        ).fetchall())


def test_a_changed_verb_pattern_recodes_the_loaded_documents(tmp_path, monkeypatch):
    corpus, reference = tmp_path / "corpus", tmp_path / "reference"
    corpus.mkdir()
    shutil.copytree(config.REFERENCE_DIR, reference)
    (corpus / "a.txt").write_text("Ghana and Nigeria signed a trade agreement in Accra on Friday.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file_name,published_date\na.txt,2024-05-03\n", encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("REFERENCE_DIR", str(reference))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("REPROCESS", raising=False)

    assert not load_corpus(dg.DagsterInstance.ephemeral()).problems
    assert ("a.txt", "057") in published_codes()

    patterns = reference / "verb_patterns.csv"
    row = "sign,VERB,,,agreement|deal|treaty|accord|pact|memorandum,057,"
    assert row in patterns.read_text(encoding="utf-8")
    patterns.write_text(patterns.read_text(encoding="utf-8").replace(row, row.replace(",057,", ",061,")), encoding="utf-8")
    reported = load_corpus(dg.DagsterInstance.ephemeral())
    assert reported.plan.stale == ["a.txt"] and reported.plan.to_load == []
    assert "1 coded with other reference data (REPROCESS=stale" in reported.plan.summary()
    assert ("a.txt", "057") in published_codes()  # reported, not yet recoded

    monkeypatch.setenv("REPROCESS", "stale")
    recoded = load_corpus(dg.DagsterInstance.ephemeral())
    assert not recoded.problems and recoded.plan.to_load == ["a.txt"]
    codes = published_codes()
    assert ("a.txt", "061") in codes and ("a.txt", "057") not in codes
    # Coded with the reference data in use, the file is no longer stale.
    assert load_corpus(dg.DagsterInstance.ephemeral()).plan.stale == []
