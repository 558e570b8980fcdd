"""Blocking checks block: a broken row fails its pandera check with the failing rows named, nothing of it
is written, downstream assets do not run, and a later successful load never publishes it."""

from __future__ import annotations

import dagster as dg
import duckdb
import pandas as pd
import pytest

from newsevents import config
from newsevents.textwork import TextTables, process_documents
from orchestration.assets import nlp, warehouse
from orchestration.run import load_corpus
from tests.conftest import SAMPLE_DIR, run_all_assets


def scalar(path, sql: str):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchall()[0][0]


def test_bad_cleaned_row_stops_the_pipeline_before_it_is_written(tmp_path, monkeypatch):
    def cleaned_with_a_bad_row(raw_documents: pd.DataFrame, *args) -> TextTables:
        tables = process_documents(raw_documents, *args)
        tables.cleaned_documents.loc[0, "published_date_origin"] = "guessed"  # not one of manifest / text / none
        return tables

    with monkeypatch.context() as patched:
        patched.setattr(nlp, "process_documents", cleaned_with_a_bad_row)
        result = run_all_assets(SAMPLE_DIR, tmp_path / "warehouse.duckdb", monkeypatch)

    assert not result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    failed = evaluations["cleaned_documents_matches_schema"]
    assert not failed.passed
    assert failed.severity == dg.AssetCheckSeverity.ERROR
    assert "guessed" in failed.metadata["failing rows"].value
    assert evaluations["raw_documents_matches_schema"].passed

    materialized = {event.asset_key.to_user_string() for event in result.get_asset_materialization_events()}
    for refused_or_downstream in ("cleaned_documents", "parsed_documents", "entity_mentions", "events", "dim_document", "fact_event"):
        assert refused_or_downstream not in materialized
    warehouse_path = tmp_path / "warehouse.duckdb"
    assert scalar(warehouse_path, "select count(*) from staging.cleaned_documents") == 0
    assert not config.published_warehouse_path().exists()

    # The next load, with the bug gone, loads the documents the refused run could not: none is lost.
    outcome = load_corpus(dg.DagsterInstance.ephemeral())
    assert not outcome.problems
    published = config.published_warehouse_path()
    assert scalar(published, "select count(*) from main.dim_document") == len(list(SAMPLE_DIR.glob("*.txt")))
    assert scalar(published, "select count(*) from staging.cleaned_documents where published_date_origin = 'guessed'") == 0


def test_refused_star_rows_are_never_published(tmp_path, monkeypatch):
    result = run_all_assets(SAMPLE_DIR, tmp_path / "warehouse.duckdb", monkeypatch)
    assert result.success
    published = config.published_warehouse_path()
    events_before = scalar(published, "select count(*) from main.fact_event")
    with duckdb.connect(str(published), read_only=True) as connection:
        known_events = {row[0] for row in connection.execute("select event_key from main.fact_event").fetchall()}

    original = warehouse.schema_check_result

    def refusing_new_events(table: str, frame: pd.DataFrame, scope: str) -> dg.AssetCheckResult:
        """A check that refuses any event the first load did not publish."""
        checked = original(table, frame, scope)
        if table == "main.fact_event" and not set(frame["event_key"]) <= known_events:
            return dg.AssetCheckResult(asset_key=checked.asset_key, check_name=checked.check_name, passed=False, severity=dg.AssetCheckSeverity.ERROR)
        return checked

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SAMPLE_DIR.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "extra.txt").write_text("Ghana and Nigeria signed a trade agreement in Accra on Friday.\n", encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    with monkeypatch.context() as patched:
        patched.setattr(warehouse, "schema_check_result", refusing_new_events)
        refused = load_corpus(dg.DagsterInstance.ephemeral())
        assert any("fact_event_matches_schema" in problem for problem in refused.problems)
        assert scalar(published, "select count(*) from main.fact_event") == events_before  # the published copy is untouched
        # A later load with nothing new to write still checks the refused rows again, and refuses them.
        still_refused = load_corpus(dg.DagsterInstance.ephemeral())
        assert any("fact_event_matches_schema" in problem for problem in still_refused.problems)
        assert scalar(published, "select count(*) from main.fact_event") == events_before

    # Once the rows pass, the next load publishes them.
    again = load_corpus(dg.DagsterInstance.ephemeral())
    assert not again.problems
    assert scalar(published, "select count(*) from main.fact_event") > events_before
    assert scalar(published, "select count(*) from main.dim_document") == len(list(SAMPLE_DIR.glob("*.txt"))) + 1


@pytest.fixture(autouse=True)
def no_published_path_override(monkeypatch):
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
