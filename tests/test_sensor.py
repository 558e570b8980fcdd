"""The corpus sensor: a new file -> one batch and one run request for it; the same file again -> none; a
changed file -> a run that replaces its rows. The schedule loads what is neither loaded nor under way."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import build_definitions
from orchestration.partitions import load_batch_partitions
from orchestration.resources import CorpusFolder
from orchestration.schedules import load_schedule
from orchestration.sensors import corpus_sensor
from warehouse.batches import read_batch

WIRE = (
    "Russian forces shelled Kharkiv on Tuesday, the Ukrainian military said. "
    "Ukrainian President Volodymyr Zelensky urged NATO to send more air defence systems to Ukraine.\n"
)
FOLLOW_UP = "On Wednesday, Polish President Andrzej Duda met Zelensky in Kyiv.\n"


def evaluate_sensor(instance: dg.DagsterInstance, folder, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"corpus": CorpusFolder(path=str(folder))})
    return corpus_sensor(context)


def apply_partition_requests(instance: dg.DagsterInstance, result: dg.SensorResult) -> None:
    """What the daemon does with a sensor's partition requests."""
    for request in result.dynamic_partitions_requests:
        assert isinstance(request, dg.AddDynamicPartitionsRequest)  # batches are added, never deleted
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))


def files_of(request: dg.RunRequest, warehouse) -> list[str]:
    return sorted(read_batch(warehouse.parent / "loads" / warehouse.stem, request.partition_key))


def run_request(instance: dg.DagsterInstance, request: dg.RunRequest) -> dg.ExecuteInProcessResult:
    job = build_definitions().resolve_job_def("load_inputs")
    return job.execute_in_process(instance=instance, partition_key=request.partition_key, tags=request.tags)


def documents_of(warehouse, file_name: str) -> list[tuple[str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(
            "select document.document_id, report.sentence_text from staging.raw_documents as document"
            " left join staging.event_mentions as report on report.document_id = document.document_id"
            " where document.file_name = ? order by report.sentence_index",
            [file_name],
        ).fetchall()


@pytest.fixture
def environment(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    warehouse = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    with dg.instance_for_test() as instance:
        yield instance, folder, warehouse


def test_sensor_requests_one_run_per_new_or_changed_file_and_none_for_a_file_seen_before(environment):
    instance, folder, warehouse = environment
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")

    first = evaluate_sensor(instance, folder, None)
    assert isinstance(first, dg.SensorResult)
    [request] = first.run_requests
    assert files_of(request, warehouse) == ["wire.txt"]
    apply_partition_requests(instance, first)
    assert instance.get_dynamic_partitions(load_batch_partitions.name) == [request.partition_key]
    assert run_request(instance, request).success
    [(first_document, _), *_] = documents_of(warehouse, "wire.txt")

    # The same file again, even rewritten with the same bytes: nothing to do.
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    again = evaluate_sensor(instance, folder, first.cursor)
    assert isinstance(again, dg.SkipReason)

    # A changed file: a run for its new version, whose rows replace the old ones.
    (folder / "wire.txt").write_text(WIRE + FOLLOW_UP, encoding="utf-8")
    changed = evaluate_sensor(instance, folder, first.cursor)
    [change_request] = changed.run_requests
    assert files_of(change_request, warehouse) == ["wire.txt"] and change_request.partition_key != request.partition_key
    apply_partition_requests(instance, changed)
    assert instance.get_dynamic_partitions(load_batch_partitions.name) == [request.partition_key, change_request.partition_key]
    assert run_request(instance, change_request).success
    rows = documents_of(warehouse, "wire.txt")
    assert {document for document, _ in rows} != {first_document}
    assert len({document for document, _ in rows}) == 1
    assert any("Duda" in (sentence or "") for _, sentence in rows)


def test_schedule_loads_only_files_neither_loaded_nor_under_way(environment):
    instance, folder, warehouse = environment
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    context = dg.build_schedule_context(instance=instance, resources={"corpus": CorpusFolder(path=str(folder))})
    [request] = load_schedule(context)
    assert files_of(request, warehouse) == ["wire.txt"]
    assert isinstance(load_schedule(context), dg.SkipReason)  # its batch is under way
    assert run_request(instance, request).success
    assert isinstance(load_schedule(context), dg.SkipReason)  # loaded
    (folder / "other.txt").write_text(FOLLOW_UP, encoding="utf-8")
    [next_request] = load_schedule(context)
    assert files_of(next_request, warehouse) == ["other.txt"]


def test_retries_back_off_and_stop():
    from orchestration.sensors import MAX_RETRIES, RETRY_BASE_SECONDS, Retry, retry_plan

    batch = "20261203T154501000000-3f2a9c1e"
    due, retries = retry_plan({batch}, {}, now=1000.0)
    assert due == [] and retries[batch] == Retry(0, 1000.0 + RETRY_BASE_SECONDS)
    waits = []
    now = retries[batch].due_at
    for _ in range(MAX_RETRIES):
        due, retries = retry_plan({batch}, retries, now)
        assert due == [batch]
        waits.append(retries[batch].due_at - now)
        now = retries[batch].due_at
    assert waits == [RETRY_BASE_SECONDS * 2**n for n in range(1, MAX_RETRIES + 1)]
    assert retry_plan({batch}, retries, now + 10**6)[0] == []  # given up after MAX_RETRIES
    assert retry_plan(set(), retries, now)[1] == {}  # loaded since: forgotten


def test_sensor_retries_a_batch_whose_run_failed(environment, monkeypatch):
    import json

    from orchestration.assets import nlp

    instance, folder, warehouse = environment
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    first = evaluate_sensor(instance, folder, None)
    [request] = first.run_requests
    apply_partition_requests(instance, first)

    def crash(*args):
        raise RuntimeError("the parser crashed")

    with monkeypatch.context() as patched:
        patched.setattr(nlp, "process_documents", crash)
        job = build_definitions().resolve_job_def("load_inputs")
        assert not job.execute_in_process(instance=instance, partition_key=request.partition_key, raise_on_error=False).success

    # The failure is recorded in the cursor, and the retry waits for its back-off.
    waiting = evaluate_sensor(instance, folder, first.cursor)
    assert isinstance(waiting, dg.SkipReason)
    state = json.loads(waiting_cursor(instance, folder, first.cursor))
    assert state["retries"][request.partition_key]["attempts"] == 0

    # Once due, the sensor asks for the same batch again, under a run key of its own.
    state["retries"][request.partition_key]["due_at"] = 0
    retry = evaluate_sensor(instance, folder, json.dumps(state))
    [retry_request] = retry.run_requests
    assert retry_request.partition_key == request.partition_key and retry_request.run_key.endswith("#retry-1")
    assert run_request(instance, retry_request).success
    assert documents_of(warehouse, "wire.txt")
    # Loaded now: nothing more to retry.
    assert isinstance(evaluate_sensor(instance, folder, retry.cursor), dg.SkipReason)


def waiting_cursor(instance: dg.DagsterInstance, folder, cursor: str) -> str:
    """The cursor a skipped tick leaves (a SkipReason carries none: the sensor updates the context's)."""
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"corpus": CorpusFolder(path=str(folder))})
    corpus_sensor(context)
    return context.cursor
