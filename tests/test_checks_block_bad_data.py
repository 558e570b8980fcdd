"""A broken row fails its pandera check, the failing rows are named, and downstream assets do not run."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from newsevents.tables import cleaned_documents_table
from orchestration.assets import documents
from tests.conftest import SAMPLE_DIR, run_all_assets


def test_bad_cleaned_row_stops_the_pipeline(tmp_path, monkeypatch):
    def cleaned_with_a_bad_row(raw_documents: pd.DataFrame, nlp) -> pd.DataFrame:
        table = cleaned_documents_table(raw_documents, nlp)
        table.loc[0, "published_date_origin"] = "guessed"  # not one of manifest / text / none
        return table

    monkeypatch.setattr(documents, "cleaned_documents_table", cleaned_with_a_bad_row)
    result = run_all_assets(SAMPLE_DIR, tmp_path / "warehouse.duckdb", monkeypatch)

    assert not result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    failed = evaluations["cleaned_documents_matches_schema"]
    assert not failed.passed
    assert failed.severity == dg.AssetCheckSeverity.ERROR
    assert "guessed" in failed.metadata["failing rows"].value
    assert evaluations["raw_documents_matches_schema"].passed

    materialized = {event.asset_key.to_user_string() for event in result.get_asset_materialization_events()}
    assert "cleaned_documents" in materialized  # the bad table was written, then caught
    for downstream in ("parsed_documents", "entity_mentions", "events", "dim_document", "fact_event"):
        assert downstream not in materialized
