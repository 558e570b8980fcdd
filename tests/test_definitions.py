"""The Dagster code location: every asset is described, has kinds, and is guarded by a blocking check."""

from __future__ import annotations

from orchestration.definitions import defs
from schemas import TABLE_MODELS


def test_every_table_is_an_asset_with_description_kinds_and_blocking_check():
    specs = {spec.key.to_user_string(): spec for spec in defs.resolve_all_asset_specs()}
    assert set(specs) == {table.split(".")[1] for table in TABLE_MODELS}
    for name, spec in specs.items():
        assert spec.description, name
        assert spec.kinds, name
        assert "dagster/column_schema" in spec.metadata, name
    checks = {key.asset_key.to_user_string(): key for key in defs.resolve_asset_graph().asset_check_keys}
    assert set(checks) == set(specs)
    for check_key in defs.resolve_asset_graph().asset_check_keys:
        assert defs.resolve_asset_graph().get_check_spec(check_key).blocking


def test_stages_are_grouped():
    groups = {spec.key.to_user_string(): spec.group_name for spec in defs.resolve_all_asset_specs()}
    assert groups["raw_documents"] == groups["cleaned_documents"] == "documents"
    assert groups["entity_mentions"] == groups["events"] == "nlp"
    assert groups["fact_event"] == groups["dim_entity"] == "warehouse"
