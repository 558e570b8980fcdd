"""The Dagster code location: every table is an asset that is described, has kinds, is guarded by a
blocking check, and is partitioned by load batch where it holds rows of documents; writers share one pool."""

from __future__ import annotations

from orchestration.definitions import defs
from orchestration.partitions import WAREHOUSE_POOL, load_batch_partitions
from schemas import TABLE_MODELS

PUBLICATION = "published_warehouse"
PER_DOCUMENT_TABLES = {
    "input_files", "raw_documents", "duplicate_inputs", "quarantined_inputs", "cleaned_documents", "parsed_documents",
    "entity_mentions", "event_mentions",
}
# What the text work reads and leaves in the results store (Parquet), outside the warehouse: the writer
# step checks the tables before they reach the warehouse.
RESULTS = {"batch_documents", "coded_documents"}


def test_every_table_is_an_asset_with_description_kinds_and_blocking_check():
    specs = {spec.key.to_user_string(): spec for spec in defs.resolve_all_asset_specs()}
    assert set(specs) == {table.split(".")[1] for table in TABLE_MODELS} | {PUBLICATION} | RESULTS
    for name, spec in specs.items():
        assert spec.description, name
        assert spec.kinds, name
        assert name in (PUBLICATION, "coded_documents") or "dagster/column_schema" in spec.metadata, name
    checks = {key.asset_key.to_user_string(): key for key in defs.resolve_asset_graph().asset_check_keys}
    assert set(checks) == set(specs) - {PUBLICATION} - RESULTS
    for check_key in defs.resolve_asset_graph().asset_check_keys:
        assert defs.resolve_asset_graph().get_check_spec(check_key).blocking


def test_per_document_tables_are_partitioned_by_load_batch_and_every_writer_is_in_the_writer_pool():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        name = key.to_user_string()
        assert node.partitions_def == (load_batch_partitions if name in PER_DOCUMENT_TABLES | RESULTS else None), name
        # The text work never opens the warehouse, so it needs no slot of the writer pool.
        assert node.assets_def.op.pool == (None if name == "coded_documents" else WAREHOUSE_POOL), name


def test_stages_are_grouped():
    groups = {spec.key.to_user_string(): spec.group_name for spec in defs.resolve_all_asset_specs()}
    assert groups["raw_documents"] == groups["cleaned_documents"] == "documents"
    assert groups["entity_mentions"] == groups["events"] == "nlp"
    assert groups["fact_event"] == groups["dim_entity"] == groups[PUBLICATION] == "warehouse"


def test_the_sensor_and_the_schedule_launch_the_load_job():
    assert defs.resolve_sensor_def("corpus_sensor").job_name == "load_inputs"
    schedule = defs.resolve_schedule_def("load_schedule")
    assert schedule.job_name == "load_inputs"
    assert schedule.cron_schedule == "0 * * * *"


def test_the_text_stages_carry_the_reference_data_as_their_code_version():
    # Documents processed with other dictionaries show as stale in the UI (code version changed).
    from newsevents import config

    specs = {spec.key.to_user_string(): spec for spec in defs.resolve_all_asset_specs()}
    digest = config.reference_digest(config.reference_dir())
    for name in ("cleaned_documents", "parsed_documents", "entity_mentions", "event_mentions"):
        assert specs[name].code_version == digest, name
    assert specs["raw_documents"].code_version is None
