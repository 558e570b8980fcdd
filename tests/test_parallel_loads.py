"""A load's text work in worker processes gives the rows one process gives, and the load job runs under
Dagster's multiprocess executor (each step a process of its own, the warehouse pool keeping writers apart)."""

from __future__ import annotations

import dagster as dg
import pandas as pd
import pytest

from newsevents import config, textwork
from newsevents.loads import scan_corpus
from newsevents.tables import ingest_tables
from orchestration.partitions import register_batch
from orchestration.run import load_corpus
from tests.conftest import SAMPLE_DIR, sample_load_settings
from tests.test_incremental import assert_same_tables, snapshot


@pytest.fixture
def workers_for_a_few_documents(monkeypatch):
    """Workers even for the sample's five documents, two documents a chunk, so the chunks are spread over
    the workers and put back together."""
    monkeypatch.setattr(textwork, "MIN_DOCUMENTS_PER_WORKER", 1)
    monkeypatch.setattr(textwork, "CHUNK_DOCUMENTS", 2)


def test_two_workers_give_the_tables_of_one_process(workers_for_a_few_documents):
    raw, _, _ = ingest_tables(SAMPLE_DIR)
    assert textwork.workers_for(len(raw), 2) == 2
    alone = textwork.process_documents(raw, config.spacy_model_name(), workers=1)
    spread = textwork.process_documents(raw, config.spacy_model_name(), workers=2)
    for name in ("cleaned_documents", "parsed_documents", "entity_mentions", "event_mentions"):
        pd.testing.assert_frame_equal(getattr(alone, name), getattr(spread, name), obj=name)
    # The Guterres-Putin meeting is coded by a worker as in process.
    meetings = spread.event_mentions[spread.event_mentions["sentence_text"].str.contains("Guterres") & spread.event_mentions["event_code"].str.startswith("04")]
    assert len(meetings)


def load_sample(tmp_path, monkeypatch, workers: str):
    sample_load_settings(tmp_path, monkeypatch)
    monkeypatch.setenv("LOAD_WORKERS", workers)
    assert not load_corpus(dg.DagsterInstance.ephemeral()).problems
    return snapshot(tmp_path / "published" / "warehouse.duckdb")


def test_a_load_with_two_workers_gives_every_table_of_a_load_with_one(tmp_path, monkeypatch, workers_for_a_few_documents):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = load_sample(tmp_path / "one", monkeypatch, "1")
    two = load_sample(tmp_path / "two", monkeypatch, "2")
    assert_same_tables(one, two)
    assert len(two["main.fact_event"]) > 50


def multiprocess_load_job() -> dg.JobDefinition:
    from orchestration.definitions import build_definitions

    return build_definitions(executor=dg.multiprocess_executor).resolve_job_def("load_inputs")


def test_the_load_job_runs_under_the_multiprocess_executor(tmp_path, monkeypatch):
    corpus = sample_load_settings(tmp_path, monkeypatch)
    one_writer = {"concurrency": {"pools": {"default_limit": 1, "granularity": "op"}}}
    with dg.instance_for_test(overrides=one_writer) as instance:
        key = register_batch(instance, scan_corpus(corpus))
        with dg.execute_job(dg.reconstructable(multiprocess_load_job), instance=instance, tags={"dagster/partition": key}) as result:
            assert result.success
            step_processes = {event.pid for event in result.all_events if event.event_type == dg.DagsterEventType.STEP_START}
    assert len(step_processes) > 1  # each step in a process of its own
    published = snapshot(tmp_path / "published" / "warehouse.duckdb")
    assert len(published["staging.input_files"]) == 5
    events = published["main.fact_event"]
    assert len(events) > 50
    # The text work's Parquet results were handed over to the writer, and removed once written.
    assert not list((tmp_path / "loads" / "warehouse" / "results").glob("*/*"))


def test_the_executor_of_launched_runs_is_chosen_by_load_executor(monkeypatch):
    from orchestration.definitions import executor_from_environment

    monkeypatch.setenv("LOAD_EXECUTOR", "multiprocess")
    assert executor_from_environment() is dg.multiprocess_executor
    monkeypatch.delenv("LOAD_EXECUTOR")
    assert executor_from_environment() is dg.in_process_executor
    monkeypatch.setenv("LOAD_EXECUTOR", "threads")
    with pytest.raises(ValueError, match="LOAD_EXECUTOR"):
        executor_from_environment()


def test_a_batch_whose_every_input_was_set_aside_gives_empty_tables():
    raw, _, _ = ingest_tables(SAMPLE_DIR, [])
    assert raw.empty
    tables = textwork.process_documents(raw, config.spacy_model_name(), workers=2)
    assert tables.event_mentions.empty and "event_code" in tables.event_mentions.columns
    assert tables.cleaned_documents.empty and tables.entity_mentions.empty
